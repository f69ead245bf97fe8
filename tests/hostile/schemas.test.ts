// The schemas are the contract a department's pull request is checked against, so they
// must stay closed and bounded: no reference leaves the folder, no `$data`, every string
// and list has a ceiling (validation of a hostile file stays fast), every section refuses
// unknown fields, and every field explains itself in Spanish in the editor.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { baseRepo, validateFiles } from '../helpers/fixture.js';

const SCHEMAS_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));
// ajv's lint for schemas that may validate untrusted data (draft-07): a pattern, format or
// patternProperties without a length bound, a uniqueItems over objects without maxItems.
const require = createRequire(import.meta.url);
const checkSecure = new Ajv({ strict: false, allErrors: true }).compile(require('ajv/lib/refs/json-schema-secure.json') as object);
const FILES = readdirSync(SCHEMAS_DIR)
  .filter((f) => f.endsWith('.schema.json'))
  .sort();

type Schema = Record<string, unknown>;

interface Visited {
  pointer: string;
  schema: Schema;
}

/** Keywords whose value is one subschema, a list of them, or a map of name → subschema. */
const ONE = ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties'];
const LIST = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const MAP = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];

/** Every subschema of a schema, with its JSON pointer; data keywords (examples, enum…) are not entered. */
function subschemas(root: Schema): Visited[] {
  const out: Visited[] = [];
  const visit = (schema: unknown, pointer: string) => {
    if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return;
    const s = schema as Schema;
    out.push({ pointer, schema: s });
    for (const key of ONE) if (key in s) visit(s[key], `${pointer}/${key}`);
    for (const key of LIST) if (Array.isArray(s[key])) (s[key] as unknown[]).forEach((sub, i) => visit(sub, `${pointer}/${key}/${i}`));
    for (const key of MAP) {
      const map = s[key];
      if (typeof map === 'object' && map !== null) for (const [name, sub] of Object.entries(map)) visit(sub, `${pointer}/${key}/${name}`);
    }
  };
  visit(root, '');
  return out;
}

/** Every key anywhere in the JSON, data included, with its pointer. */
function allKeys(value: unknown, pointer = ''): { key: string; pointer: string; value: unknown }[] {
  if (typeof value !== 'object' || value === null) return [];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  return entries.flatMap(([key, v]) => [...(Array.isArray(value) ? [] : [{ key, pointer: `${pointer}/${key}`, value: v }]), ...allKeys(v, `${pointer}/${key}`)]);
}

function typesOf(schema: Schema): string[] {
  const type = schema.type;
  return Array.isArray(type) ? (type as string[]) : typeof type === 'string' ? [type] : [];
}

/** Follows a local `$ref` (`#/$defs/x`) so a property that only refers to a definition is judged by it. */
function resolve(root: Schema, schema: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return schema;
  const target = ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, part) => (node as Schema | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], root);
  return { ...(target as Schema), ...schema };
}

/** Words that give away an English sentence; none is a Spanish word. */
const ENGLISH = /\b(the|and|of the|is|are|must|should|which|with|this|field|value|number|list|date|when|empty)\b/i;
/** A description is a sentence in Spanish: it has at least one of its most common words. */
const SPANISH = /\b(de|del|la|el|los|las|en|que|por|para|con|se|un|una|o|y|al|su|sus|es)\b|[áéíóúñ¿¡]/i;

const schemas = FILES.map((file) => ({ file, root: JSON.parse(readFileSync(SCHEMAS_DIR + file, 'utf8')) as Schema }));

describe('the schema folder', () => {
  it('holds one schema per kind of plan file', () => {
    expect(FILES).toEqual([
      'convocatorias.schema.json',
      'dependencia.schema.json',
      'excepciones.schema.json',
      'genero.schema.json',
      'plan.schema.json',
      'ppcs.schema.json',
      'reporte.schema.json',
      'retroalimentacion.schema.json',
      'unidades-de-medida.schema.json',
    ]);
  });
});

describe.each(schemas)('$file', ({ root }) => {
  const nodes = subschemas(root);
  const unboundedStrings = () =>
    nodes
      .filter(({ schema }) => typesOf(resolve(root, schema)).includes('string'))
      .filter(({ schema }) => {
        const s = resolve(root, schema);
        return s.maxLength === undefined && s.enum === undefined && s.const === undefined && s.format !== 'date';
      })
      .map((n) => n.pointer);

  it('is walked into every section, list and text (the checks below are not vacuous)', () => {
    const kinds = new Set(nodes.flatMap(({ schema }) => typesOf(resolve(root, schema))));
    expect([...kinds]).toEqual(expect.arrayContaining(['object', 'array', 'string']));
    expect(nodes.length).toBeGreaterThan(5);
  });

  it('refers only to its own definitions: every $ref is local (#/…)', () => {
    const refs = allKeys(root).filter((k) => k.key === '$ref');
    expect(refs.filter((r) => typeof r.value !== 'string' || !(r.value as string).startsWith('#/')).map((r) => `${r.pointer} = ${String(r.value)}`)).toEqual([]);
    expect(allKeys(root).filter((k) => ['$dynamicRef', '$recursiveRef'].includes(k.key)).map((k) => k.pointer)).toEqual([]);
  });

  it('has no $data reference', () => {
    expect(allKeys(root).filter((k) => k.key === '$data').map((k) => k.pointer)).toEqual([]);
  });

  it('bounds every string with maxLength, an enum, a const or the date format', () => {
    expect(unboundedStrings()).toEqual([]);
  });

  it('bounds every list with maxItems', () => {
    const unbounded = nodes.filter(({ schema }) => typesOf(resolve(root, schema)).includes('array') && resolve(root, schema).maxItems === undefined).map((n) => n.pointer);
    expect(unbounded).toEqual([]);
  });

  it('closes every section with additionalProperties: false', () => {
    const open = nodes.filter(({ schema }) => typesOf(resolve(root, schema)).includes('object') && resolve(root, schema).additionalProperties !== false).map((n) => n.pointer);
    expect(open).toEqual([]);
  });

  it('gives every field a Spanish title and description', () => {
    const problems: string[] = [];
    for (const { pointer, schema } of nodes) {
      for (const key of ['properties', 'patternProperties'] as const) {
        const properties = schema[key] as Record<string, Schema> | undefined;
        for (const [name, property] of Object.entries(properties ?? {})) {
          const at = `${pointer}/${key}/${name}`;
          const { title, description } = property;
          if (typeof title !== 'string' || title.trim() === '') problems.push(`${at}: sin title`);
          else if (ENGLISH.test(title)) problems.push(`${at}: title en inglés: ${title}`);
          if (typeof description !== 'string' || description.trim() === '') problems.push(`${at}: sin description`);
          else if (ENGLISH.test(description) || !SPANISH.test(description)) problems.push(`${at}: description no parece español: ${description}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('passes ajv\'s json-schema-secure meta-schema in every section, $defs included', () => {
    const failures = subschemas(root)
      .filter(({ schema }) => !checkSecure(schema))
      .map(({ pointer }) => `${pointer || '/'}: ${checkSecure.errors?.map((e) => `${e.instancePath} ${e.message}`).join('; ')}`);
    expect(failures).toEqual([]);
  });

  it('gives every list item a type of its own, so uniqueItems compares in linear time', () => {
    const untyped = subschemas(root)
      .filter(({ schema }) => typeof schema.items === 'object' && schema.items !== null && typesOf(schema.items as Schema).length === 0)
      .map(({ pointer }) => `${pointer}/items`);
    expect(untyped).toEqual([]);
  });

  it('has patterns that stay linear on long hostile strings (no catastrophic backtracking)', () => {
    const patterns = nodes.map((n) => n.schema.pattern).filter((p): p is string => typeof p === 'string');
    const patternKeys = nodes.flatMap((n) => Object.keys((n.schema.patternProperties as object | undefined) ?? {}));
    const inputs = ['a', 'A', '0', '-', ' ', 'A-', '0-', 'Aa0-_ .'].map((unit) => `${unit.repeat(Math.ceil(50_000 / unit.length))}!`);
    for (const pattern of [...patterns, ...patternKeys]) {
      const regex = new RegExp(pattern, 'u');
      const started = performance.now();
      for (const input of inputs) regex.test(input);
      expect(performance.now() - started, pattern).toBeLessThan(200);
    }
  });
});

describe('a too-short text is named for what it is', () => {
  // One minLength message («no puede estar vacío») for every limit would mislead: `motivo` of excepciones.yaml needs 10 characters, so a
  // reason «Oficio» (6) is called empty, and the department looks for a blank field.
  it('says a motivo of 6 characters is too short (10 at least), not empty', () => {
    const files = baseRepo();
    files['planeacion/excepciones.yaml'] = {
      excepciones: [{ regla: 'PLAN021', archivo: 'dependencias/OP/reportes/2019-T1.yaml', motivo: 'Oficio', aprobo: 'Dirección de Planeación', fecha: '2019-04-05' }],
    };
    const diagnostics = validateFiles(files).filter((d) => d.rule === 'PLAN002');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.message).not.toContain('vacío');
    expect(diagnostics[0]!.message).toContain('10');
  });
});
