// The line reader of the fast path (src/yaml/plain-block.ts): which shapes it reads, with the
// data written out here and checked against the strict path too, and which it leaves to the
// other paths. The differential corpora of fast.test.ts run through it as well.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generatePlan } from '../../src/tools/generate.js';
import { parseYaml } from '../../src/yaml/parse.js';
import { plainBlockData } from '../../src/yaml/plain-block.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

function strictValue(text: string): unknown {
  const outcome = parseYaml(text);
  if (!outcome.ok) throw new Error(`la ruta estricta no lee ${JSON.stringify(text)}: ${outcome.problems.map((p) => p.code).join(', ')}`);
  return outcome.parsed.value;
}

/** Texts the reader must read, with their data (the strict path must agree). */
const READS: [name: string, text: string, data: unknown][] = [
  ['a flat map with comments and blank lines', '# cabecera\nclave: D001\n\n   \nnombre: Obras  # al final\n', { clave: 'D001', nombre: 'Obras' }],
  ['core scalars', 'a: 106\nb: 13.7\nc: -0\nd: 0o17\ne: 0x1F\nf: true\ng: FALSE\nh: ~\ni: null\nj: 2019-06-27\nk: 12:30\nl: 1e3\nm: 0777\nn: .5\n', { a: 106, b: 13.7, c: -0, d: 15, e: 31, f: true, g: false, h: null, i: null, j: '2019-06-27', k: '12:30', l: 1000, m: 777, n: 0.5 }],
  ['texts that only look special', 'a: Obras & Servicios\nb: No.#5\nc: "Dijo: sí"\nd: \'O\'\'Higgins\'\ne: a, b [c] {d}\nf: -x\ng: http://x.mx/a\n', { a: 'Obras & Servicios', b: 'No.#5', c: 'Dijo: sí', d: "O'Higgins", e: 'a, b [c] {d}', f: '-x', g: 'http://x.mx/a' }],
  ['a key alone on its line is null', 'a:\nb: 1\nc:   # nada\n', { a: null, b: 1, c: null }],
  ['nested maps', 'enlace:\n  nombre: Ana\n  datos:\n    tel: 777 477 4233\notra: 1\n', { enlace: { nombre: 'Ana', datos: { tel: '777 477 4233' } }, otra: 1 }],
  ['a list of maps, indented under its key', 'ppcs:\n  - id: D001-01\n    metas:\n      - id: M1\n        valor: 5\n  - id: D001-02\nfin: 1\n', { ppcs: [{ id: 'D001-01', metas: [{ id: 'M1', valor: 5 }] }, { id: 'D001-02' }], fin: 1 }],
  ['a list at the indentation of its key', 'ppcs:\n- id: A\n  colaboraciones:\n  - D002\n  - D003\n- id: B\nfin: 1\n', { ppcs: [{ id: 'A', colaboraciones: ['D002', 'D003'] }, { id: 'B' }], fin: 1 }],
  ['items with more spaces after the dash', 'l:\n  -   id: 1\n      n: 2\n  -    x\n', { l: [{ id: 1, n: 2 }, 'x'] }],
  ['quoted and numeric keys', 'evaluaciones:\n  "2018":\n    puntaje: 64\n  2019:\n    puntaje: 70\n  \'x y\': 1\n', { evaluaciones: { '2018': { puntaje: 64 }, '2019': { puntaje: 70 }, 'x y': 1 } }],
  ['empty and one-line flow collections', 'a: []\nb: {}\nc: [main, "x, y", 3, \'z\']  # c\nd: [ uno ]\n', { a: [], b: {}, c: ['main', 'x, y', 3, 'z'], d: ['uno'] }],
  ['no line end at the end', 'a: 1\nb: x', { a: 1, b: 'x' }],
];

/** Texts the reader leaves to the other paths: what it does not model, and every error. */
const DECLINES: [name: string, text: string][] = [
  ['a text of comments only', '# nada\n'],
  ['an empty text', ''],
  ['a list at the root', '- a\n- b\n'],
  ['an indented root', '  a: 1\n'],
  ['a directive', '%YAML 1.2\n---\na: 1\n'],
  ['a document start', '---\na: 1\n'],
  ['a document end', 'a: 1\n...\n'],
  ['a tab', 'a:\t1\n'],
  ['a backslash (escapes)', 'a: "x\\ty"\n'],
  ['a BOM', '\ufeffa: 1\n'],
  ['NEL', 'a: 1\u0085b: 2\n'],
  ['a surrogate pair (emoji)', 'a: 👩\n'],
  ['an anchor and an alias', 'a: &x 1\nb: *x\n'],
  ['a tag', 'a: !!str 1\n'],
  ['a literal block scalar', 'a: |\n  x\n'],
  ['a folded block scalar', 'a: >\n  x\n'],
  ['a multi-line plain scalar', 'a: uno\n  dos\n'],
  ['a multi-line plain list item', 'l:\n  - uno\n    dos\n'],
  ['a multi-line quoted scalar', 'a: "uno\n  dos"\n'],
  ['a mapping where only a scalar may be', 'a: b: c\n'],
  ['a value ending in a colon', 'a: b:\n'],
  ['a comment glued to a quoted value', 'a: "x"#c\n'],
  ['text after a quoted value', 'a: "x" y\n'],
  ['a duplicate key', 'a: 1\na: 2\n'],
  ['a duplicate key in a nested map', 'm:\n  a: 1\n  a: 2\n'],
  ['a key with a space before its colon', 'a : 1\n'],
  ['a key with spaces', 'nombre completo: x\n'],
  ['a null key', 'null: 1\n'],
  ['a boolean key', 'true: 1\n'],
  ['a key that is another number as text', '0777: 1\n'],
  ['an exponent key', '1e3: 1\n'],
  ['__proto__', '__proto__: 1\n'],
  ['a quoted __proto__', '"__proto__": 1\n'],
  ['an explicit key', '? a\n: 1\n'],
  ['a merge key', 'a: 1\n<<: {b: 2}\n'],
  ['an empty list item', 'l:\n  -\n  - a\n'],
  ['a list item with its value below', 'l:\n  -\n    a: 1\n'],
  ['a list in a list', 'l:\n  - - a\n'],
  ['a list item where a key is expected', 'a: 1\n- b\n'],
  ['a key where a list item is expected', 'l:\n  - a\n  b: 1\n'],
  ['a key deeper than its map', 'a: 1\n  b: 2\n'],
  ['a key between two indentations', 'a:\n    b: 1\n  c: 2\n'],
  ['a list item between two indentations', 'l:\n  - a\n - b\n'],
  ['.inf', 'a: .inf\n'],
  ['.nan', 'a: .nan\n'],
  ['a number too large for a double', `a: 1e400\n`],
  ['a non-empty flow map', 'a: {b: 1}\n'],
  ['a nested flow list', 'a: [[1]]\n'],
  ['a flow list across lines', 'a: [1,\n  2]\n'],
  ['an empty item of a flow list', 'a: [1, , 2]\n'],
  ['a flow list ending in a comma', 'a: [1, 2, ]\n'],
  ['a flow list with a map in it', 'a: [b: 1]\n'],
  ['text after a flow list', 'a: [1] x\n'],
  ['an anchor in a flow list', 'a: [&x 1]\n'],
  ['a dash item in a flow list', 'a: [- 1]\n'],
  ['a flow list left open', 'a: [1, 2\n'],
  ['a flow item glued to a comment', 'a: [1]#c\n'],
  ['a quoted key left open', '"a: 1\n'],
  ['a value starting with an indicator', 'a: %x\n'],
  ['a value starting with a backquote', 'a: `x`\n'],
  ['a value starting with a dash and a space', 'a: - x\n'],
  ['a value starting with a question mark and a space', 'a: ? x\n'],
];

describe('plainBlockData reads plain block YAML, with the strict data', () => {
  for (const [name, text, data] of READS) {
    it(name, () => {
      const value = plainBlockData(text);
      expect(value).toStrictEqual(data);
      expect(value).toStrictEqual(strictValue(text));
    });
  }

  it('keeps the sign of -0 and the order of keys as written', () => {
    const value = plainBlockData('z: -0\na: 1\nm: 2\n')!;
    expect(Object.is(value.z, -0)).toBe(true);
    expect(Object.keys(value)).toEqual(['z', 'a', 'm']);
  });

  it('keeps a null key of a list item when the next line is an item of the outer list', () => {
    expect(plainBlockData('l:\n- a:\n- b\n')).toStrictEqual({ l: [{ a: null }, 'b'] });
  });

  it('collections 63 levels deep, not 64 (the strict limit)', () => {
    const nested = (depth: number, last: string) => Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k:\n`).join('') + `${' '.repeat(depth)}k: ${last}\n`;
    for (const last of ['1', '[]', '[1]']) {
      // 62 keys deep, whatever the last value, both read it; 64 deep, neither.
      expect(plainBlockData(nested(62, last)), last).toStrictEqual(strictValue(nested(62, last)));
      expect(plainBlockData(nested(64, last)), last).toBeUndefined();
      expect(parseYaml(nested(64, last)).ok).toBe(false);
    }
    expect(plainBlockData(nested(63, '1'))).toStrictEqual(strictValue(nested(63, '1')));
    expect(plainBlockData(nested(63, '[]'))).toBeUndefined();
    expect(parseYaml(nested(63, '[]')).ok).toBe(false);
  });
});

describe('plainBlockData leaves everything else to the other paths', () => {
  for (const [name, text] of DECLINES) {
    it(name, () => {
      expect(plainBlockData(text)).toBeUndefined();
    });
  }
});

describe('plainBlockData reads the plan files people write', () => {
  it('every YAML file of examples/', () => {
    const files = (readdirSync(path.join(REPO, 'examples'), { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => /\.ya?ml$/.test(f));
    expect(files.length).toBeGreaterThan(50);
    const declined = files.filter((file) => plainBlockData(readFileSync(path.join(REPO, 'examples', file), 'utf8')) === undefined);
    expect(declined).toEqual([]);
  });

  it('every file of a generated municipality', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'plan-plain-block-'));
    try {
      generatePlan({ out, departments: 3, ppcs: 3, metas: 2, seed: 11 });
      const files = (readdirSync(out, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => /\.ya?ml$/.test(f));
      expect(files.length).toBeGreaterThan(20);
      const declined = files.filter((file) => plainBlockData(readFileSync(path.join(out, file), 'utf8')) === undefined);
      expect(declined).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
