// Property: whatever a department commits at any place of the layout (arbitrary bytes, or
// any YAML-shaped document), `plan validate` answers with diagnostics placed inside real
// files, never throws, exits 0, 1 or 2 without an internal error, and stays fast.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { validatePlan } from '../../src/validate.js';
import { runCli } from '../cli/run.js';
import { baseRepo, DEFAULT_CUTOFF, render, writeRepo, type Files } from '../helpers/fixture.js';

const TIME_LIMIT_MS = 2000;
const SEED = 20_190_415;

/** One file of each kind the layout knows, plus a stray YAML file that must get PLAN006. */
const PATHS = [
  'plan.yaml',
  'catalogos/unidades-de-medida.yaml',
  'dependencias/OP/dependencia.yaml',
  'dependencias/OP/ppcs/OP-01.yaml',
  'dependencias/OP/reportes/2019-T1.yaml',
  'planeacion/retroalimentacion/2019-T1.yaml',
  'planeacion/convocatorias/2019.yaml',
  'planeacion/genero/2019.yaml',
  'planeacion/excepciones.yaml',
  'dependencias/OP/reporte/2019-T2.yaml',
] as const;

/** The fixture of tests/helpers plus a valid file of every planeacion/ kind, so each path has a document to mutate. */
function richRepo(): Files {
  return {
    ...baseRepo(),
    'planeacion/retroalimentacion/2019-T1.yaml': {
      trimestre: '2019-T1',
      fecha_emision: '2019-04-10',
      observaciones: [{ id: 'RET-2019-T1-01', dependencia: 'OP', ppcs: 'OP-01', tipo: 'observacion', texto: 'Anexar el acta de entrega-recepción.' }],
    },
    'planeacion/convocatorias/2019.yaml': {
      ejercicio: 2019,
      convocatorias: [
        { id: 'CONV-2019-01', fecha: '2019-01-17', asunto: 'Presentación del Plan de Mejora', convocadas: ['OP', 'DIF'], asistentes: ['OP'], fecha_limite_entrega: '2019-02-15', entregas: [{ dependencia: 'OP', fecha: '2019-02-14' }] },
      ],
    },
    'planeacion/genero/2019.yaml': { ejercicio: 2019, recomendaciones: [{ id: 'GEN-2019-01', fecha: '2019-02-20', dependencias: ['OP', 'DIF'], recomendacion: 'Desagregar por sexo.' }] },
    'planeacion/excepciones.yaml': {
      excepciones: [{ regla: 'PLAN021', archivo: 'dependencias/DIF/reportes/2019-T1.yaml', motivo: 'Prórroga autorizada por oficio', aprobo: 'Dirección de Planeación', fecha: '2019-04-05' }],
    },
  };
}

// ---------------------------------------------------------------------------------------
// Vocabulary from the schemas: every field name and enum value, so generated documents
// look like the real files often enough to get past the schema and reach the rules.

const SCHEMAS_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));
const fieldNames = new Set<string>();
const enumValues = new Set<string | number>();
for (const file of readdirSync(SCHEMAS_DIR)) {
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'properties' && typeof value === 'object' && value !== null) Object.keys(value).forEach((k) => fieldNames.add(k));
      if (key === 'enum' && Array.isArray(value)) value.forEach((v) => (typeof v === 'string' || typeof v === 'number' ? enumValues.add(v) : undefined));
      if (key !== 'examples') walk(value);
    }
  };
  walk(JSON.parse(readFileSync(path.join(SCHEMAS_DIR, file), 'utf8')));
}

const INTERESTING = [
  'OP', 'DIF', 'XYZ', 'OP-01', 'DIF-01', 'OP-99', 'M1', 'M2', 'km', 'persona', 'porcentaje', 'taller',
  '2019-T1', '2019-T2', '2019-T5', '2018-T4', '2019', '2019-03-27', '2019-02-29', '2019-02-30', '2020-02-29', '1900-01-01', '9999-12-31',
  'dependencias/OP/evidencias/2019-T1/acta.txt', '../../etc/passwd', '/etc/passwd', 'C:\\Windows\\win.ini', 'dependencias/OP/evidencias/CON', 'dependencias/OP/evidencias/nul.txt',
  'PLAN021', 'PLAN999', '', ' ', '\t', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'RET-2019-T1-01', 'GEN-2019-01',
];

const key = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...fieldNames) },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', '<<', '', 'T1', 'T5') },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

const leaf: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<unknown>(...INTERESTING, ...enumValues) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 2, arbitrary: fc.integer({ min: -10, max: 3000 }) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(0, -0, 0.5, 1e308, -1e308, 2 ** 53 + 1, 5e-324, Number.NaN, Number.POSITIVE_INFINITY) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);

/** JSON-like values at most 6 levels deep; objects are built with own keys even for `__proto__`. */
const { value: anyValue, object: anyObject } = fc.letrec<{ value: unknown; object: Record<string, unknown> }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', maxDepth: 6 }, leaf, fc.array(tie('value'), { maxLength: 4 }), tie('object')),
  object: fc.array(fc.tuple(key, tie('value')), { maxLength: 6 }).map((entries) => Object.fromEntries(entries)),
}));

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

type Mutation =
  | { op: 'set'; where: number[]; value: unknown }
  | { op: 'delete'; where: number[] }
  | { op: 'add'; where: number[]; key: string; value: unknown }
  | { op: 'duplicate'; where: number[] };

const where = fc.array(fc.nat(), { maxLength: 7 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('set' as const), where, value: anyValue }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), where }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('add' as const), where, key, value: anyValue }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicate' as const), where }) },
);

/** Follows `where` (each step picks a child modulo their number) and applies the change there. */
function mutate(base: Json, change: Mutation): Json {
  const root = structuredClone(base);
  let parent: Json = root;
  let slot: string | number | undefined;
  for (const step of change.where) {
    const node: Json = slot === undefined ? parent : (parent as Record<string, Json>)[slot as string]!;
    if (typeof node !== 'object' || node === null) break;
    const keys = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    if (keys.length === 0) break;
    if (slot !== undefined) parent = node;
    slot = keys[step % keys.length]!;
  }
  const container = parent as Record<string | number, Json>;
  if (slot === undefined) {
    // The whole document.
    if (change.op === 'set') return change.value as Json;
    if (change.op === 'add' && typeof root === 'object' && root !== null && !Array.isArray(root)) Object.defineProperty(root, change.key, { value: change.value, enumerable: true, writable: true, configurable: true });
    return root;
  }
  const target = container[slot]!;
  switch (change.op) {
    case 'set':
      container[slot] = change.value as Json;
      break;
    case 'delete':
      if (Array.isArray(container)) container.splice(slot as number, 1);
      else delete container[slot];
      break;
    case 'add':
      if (typeof target === 'object' && target !== null && !Array.isArray(target)) Object.defineProperty(target, change.key, { value: change.value, enumerable: true, writable: true, configurable: true });
      else if (Array.isArray(target)) target.push(change.value as Json);
      break;
    case 'duplicate':
      if (Array.isArray(target) && target.length > 0) target.push(structuredClone(target[0]!));
      break;
  }
  return root;
}

// ---------------------------------------------------------------------------------------
// The harness: one repo per property, the file under test replaced and restored each run.

const files = richRepo();
const originals = new Map<string, string | Uint8Array | undefined>(PATHS.map((p) => [p, p in files ? render(files[p]!) : undefined]));
const baseDocs = new Map<string, Json>(PATHS.map((p) => [p, (p in files && typeof files[p] === 'object' && !(files[p] instanceof Uint8Array) ? files[p] : {}) as Json]));

function lineCount(bytes: Uint8Array): number {
  return Buffer.from(bytes).toString('latin1').split(/\r\n|\r|\n/).length;
}

/** Every diagnostic sits in a file or folder of the repo, at a real line and column. */
function expectPlaced(root: string, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    const label = `${d.rule} ${d.file}:${d.line}:${d.column} ${d.message}`;
    const full = path.join(root, d.file);
    expect(existsSync(full), label).toBe(true);
    expect(Number.isInteger(d.line) && d.line >= 1, label).toBe(true);
    expect(Number.isInteger(d.column) && d.column >= 1, label).toBe(true);
    if (statSync(full).isFile()) {
      const lines = lineCount(readFileSync(full));
      expect(d.line, label).toBeLessThanOrEqual(lines + 1);
      if (d.endLine !== undefined) {
        expect(Number.isInteger(d.endLine) && d.endLine >= d.line, label).toBe(true);
        expect(d.endLine, label).toBeLessThanOrEqual(lines + 1);
      }
    } else {
      expect(d.line, label).toBe(1);
    }
    expect(typeof d.message === 'string' && d.message.length > 0, label).toBe(true);
  }
}

function place(root: string, file: string, content: string | Uint8Array): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), content);
}

function restore(root: string, file: string): void {
  const original = originals.get(file);
  if (original === undefined) unlinkSync(path.join(root, file));
  else writeFileSync(path.join(root, file), original);
}

/** Validates with `content` at `file`: never throws, in time, every diagnostic placed. */
function validateWith(root: string, file: string, content: string | Uint8Array): Diagnostic[] {
  place(root, file, content);
  const started = performance.now();
  const { diagnostics } = validatePlan(root, { lang: 'es', fechaCorte: DEFAULT_CUTOFF });
  expect(performance.now() - started, `validate with ${file}`).toBeLessThan(TIME_LIMIT_MS);
  expectPlaced(root, diagnostics);
  return diagnostics;
}

/** Runs one case with `file` replaced, and puts the original back whatever happens. */
async function withReplaced<T>(root: string, file: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } finally {
    restore(root, file);
  }
}

/** The CLI over the same repo: exit 0, 1 or 2, never an internal error, JSON that parses. */
async function expectCliAnswers(root: string): Promise<void> {
  const run = await runCli(['validate', '-C', root, '--format', 'json', '--fecha-corte', DEFAULT_CUTOFF]);
  expect(run.stderr).not.toContain('error interno');
  expect([0, 1, 2]).toContain(run.code);
  if (run.code !== 2) expect(() => JSON.parse(run.stdout) as unknown).not.toThrow();
}

describe('plan validate over hostile files at every place of the layout', () => {
  it('the fixture with a file of every kind is the clean starting point', () => {
    const root = writeRepo(files);
    const diagnostics = validatePlan(root, { lang: 'es', fechaCorte: DEFAULT_CUTOFF }).diagnostics;
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('arbitrary bytes: never throws, places every diagnostic, stays under 2 s', async () => {
    const root = writeRepo(files);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PATHS), fc.uint8Array({ maxLength: 4096 }), (file, bytes) =>
        withReplaced(root, file, async () => {
          const diagnostics = validateWith(root, file, bytes);
          // A YAML file at no known place is always named, whatever its bytes.
          if (file.endsWith('reporte/2019-T2.yaml')) expect(diagnostics.some((d) => d.rule === 'PLAN006' && d.file === file)).toBe(true);
          await expectCliAnswers(root);
        }),
      ),
      { seed: SEED, numRuns: 80 },
    );
  }, 120_000);

  it('arbitrary YAML-shaped documents built from the schemas’ field names: same guarantees', async () => {
    const root = writeRepo(files);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PATHS), fc.oneof({ weight: 4, arbitrary: anyObject }, { weight: 1, arbitrary: anyValue }), (file, doc) =>
        withReplaced(root, file, async () => {
          validateWith(root, file, stringify(doc));
          await expectCliAnswers(root);
        }),
      ),
      { seed: SEED + 1, numRuns: 80 },
    );
  }, 120_000);

  it('the real documents with one arbitrary change anywhere: same guarantees, and the rules run on them', async () => {
    const root = writeRepo(files);
    let reachedRules = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PATHS), fc.array(mutation, { minLength: 1, maxLength: 3 }), (file, changes) =>
        withReplaced(root, file, async () => {
          const doc = changes.reduce<Json>((d, change) => mutate(d, change), baseDocs.get(file)!);
          const diagnostics = validateWith(root, file, stringify(doc));
          if (!diagnostics.some((d) => d.file === file && (d.rule === 'PLAN001' || d.rule === 'PLAN002'))) reachedRules++;
          await expectCliAnswers(root);
        }),
      ),
      { seed: SEED + 2, numRuns: 100 },
    );
    // Enough of the changed documents passed the schema for the rules to see them.
    expect(reachedRules).toBeGreaterThan(10);
  }, 120_000);
});

describe('the harness itself', () => {
  it('mutate() follows the path and changes only that place', () => {
    const base: Json = { a: [1, 2, { b: 'x' }], c: 'y' };
    expect(mutate(base, { op: 'set', where: [0, 2, 0], value: 'z' })).toEqual({ a: [1, 2, { b: 'z' }], c: 'y' });
    expect(mutate(base, { op: 'delete', where: [1] })).toEqual({ a: [1, 2, { b: 'x' }] });
    expect(mutate(base, { op: 'add', where: [0, 2], key: '__proto__', value: 1 })).toEqual({ a: [1, 2, { b: 'x', ['__proto__']: 1 }], c: 'y' });
    expect(base).toEqual({ a: [1, 2, { b: 'x' }], c: 'y' });
  });

  it('restores the file under test so each run starts from the clean fixture', () => {
    const root = writeRepo(files);
    validateWith(root, 'planeacion/excepciones.yaml', 'x: [');
    restore(root, 'planeacion/excepciones.yaml');
    validateWith(root, 'dependencias/OP/reporte/2019-T2.yaml', 'x: 1');
    restore(root, 'dependencias/OP/reporte/2019-T2.yaml');
    expect(existsSync(path.join(root, 'dependencias/OP/reporte/2019-T2.yaml'))).toBe(false);
    expect(readFileSync(path.join(root, 'planeacion/excepciones.yaml'), 'utf8')).toBe(originals.get('planeacion/excepciones.yaml'));
    rmSync(path.join(root, 'dependencias/OP/reporte'), { recursive: true, force: true });
  });
});
