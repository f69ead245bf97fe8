import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { placementOf, type FileKind } from '../../src/repo/layout.js';
import { PRECOMPILED_FILE, schemaCompiler, schemaDigest, schemaTexts, type PrecompiledValidators } from '../../src/schema/validator.js';
import { EXAMPLES } from '../helpers/examples.js';

// `npm test` builds dist/ first (pretest), with the validators `npm run build` precompiles.
const precompiled = createRequire(import.meta.url)(path.resolve('dist/schema', PRECOMPILED_FILE)) as PrecompiledValidators;
const ajv = schemaCompiler();
const compiledNow = new Map(schemaTexts().map(([kind, text]) => [kind, ajv.compile(JSON.parse(text) as object)]));

function examplesData(): [FileKind, string, unknown][] {
  const files = readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.yaml') && !file.startsWith('reportes'));
  return files.flatMap((file) => {
    const kind = placementOf(file.split(path.sep).join('/'))?.kind;
    return kind ? [[kind, file, parse(readFileSync(path.join(EXAMPLES, file), 'utf8'))] as [FileKind, string, unknown]] : [];
  });
}

/**
 * Texts whose length in code points differs from their length in UTF-16 units, or barely does:
 * emoji, a lone surrogate, a long one; and texts at either side of the most common bound
 * (maxLength 200, minLength 1), which the build checks by their length first.
 */
const ODD_TEXTS = ['😀', '😀'.repeat(3), 'a\uD800', '\uDC00\uD800😀', 'x'.repeat(5000), '😀'.repeat(3000), '', 'x'.repeat(200), 'x'.repeat(201), '😀'.repeat(200), '😀'.repeat(201), `${'😀'.repeat(199)}xx`];

/**
 * A value the schema refuses in every way it can: each top-level field turned into a number,
 * a list, each odd text; an unknown key added.
 */
function spoiled(value: unknown): unknown[] {
  if (typeof value !== 'object' || value === null) return [value];
  const record = value as Record<string, unknown>;
  const fieldVariants = (key: string) => [12345, ['x'], ...ODD_TEXTS].map((odd) => ({ ...record, [key]: odd }));
  return [...Object.keys(record).flatMap(fieldVariants), { ...record, campo_desconocido: true }, {}, []];
}

function errorsOf(validate: (value: unknown) => boolean, value: unknown) {
  const fn = validate as ((value: unknown) => boolean) & { errors?: unknown };
  fn(value);
  const errors = fn.errors;
  fn.errors = null;
  return errors;
}

describe('the validators the build precompiles', () => {
  it('were built from the schemas as they are now', () => {
    expect(precompiled.digest).toBe(schemaDigest(schemaTexts()));
  });

  it('give every error the schemas compiled at run time give, on every example file and its spoiled variants', () => {
    const data = examplesData();
    expect(new Set(data.map(([kind]) => kind)).size).toBeGreaterThanOrEqual(8);
    let compared = 0;
    for (const [kind, file, value] of data) {
      for (const variant of [value, ...spoiled(value)]) {
        const expected = errorsOf(compiledNow.get(kind)!, variant);
        expect(errorsOf(precompiled.validators[kind], variant), `${file}`).toEqual(expected);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(2000);
  });

  it('give the same errors for a nested text at its minLength of 10, counted in code points', () => {
    const exceptions = parse(readFileSync(path.join(EXAMPLES, 'planeacion/excepciones.yaml'), 'utf8')) as { excepciones: Record<string, unknown>[] };
    const texts = ['😀'.repeat(9), '😀'.repeat(10), 'x'.repeat(9), 'x'.repeat(10), `${'😀'.repeat(5)}x`, `${'😀'.repeat(9)}x`, '😀'.repeat(19)];
    const refused = texts.map((motivo) => {
      const variant = { ...exceptions, excepciones: [{ ...exceptions.excepciones[0], motivo }] };
      const expected = errorsOf(compiledNow.get('excepciones')!, variant);
      expect(errorsOf(precompiled.validators.excepciones, variant), motivo).toEqual(expected);
      return expected !== null;
    });
    // Nine emoji are 18 UTF-16 units but nine characters: too short, as nine letters are.
    expect(refused).toEqual([true, false, true, false, true, false, false]);
  });
});
