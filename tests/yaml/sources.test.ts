// Sources.locate: the quick locator for the files the fast path reads, the strict parse for
// the others, the same spans either way.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Sources } from '../../src/yaml/sources.js';
import { writeRepo } from '../helpers/fixture.js';

const PLAIN = 'id: OP-01\nmetas:\n  - clave: M1  # nota\n    valor: 12\n  - clave: M2\n    valor: 3\n';
/** An alias: the fast path leaves it to the strict one, so the quick locator never sees it. */
const WITH_ALIAS = 'id: &id OP-01\ncopia: *id\nmetas:\n  - clave: M1\n    valor: 12\n';

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

function sourcesOf(files: Record<string, string>): Sources {
  root = writeRepo(files);
  return new Sources(root, new Set(Object.keys(files)), 1024 * 1024);
}

describe('Sources.locate', () => {
  it('places a value of a file the fast path reads', () => {
    const sources = sourcesOf({ 'a.yaml': PLAIN });
    expect(sources.locate('a.yaml', ['metas', 0, 'valor'])).toEqual({ line: 4, column: 12, endLine: 4, endColumn: 14 });
    expect(sources.locate('a.yaml', ['metas', 1])).toEqual({ line: 5, column: 5, endLine: 7, endColumn: 1 });
    expect(sources.locate('a.yaml', ['metas', 0, 'clave'], true)).toEqual({ line: 3, column: 5, endLine: 3, endColumn: 10 });
  });

  it('places a value of a file only the strict path reads', () => {
    const sources = sourcesOf({ 'b.yaml': WITH_ALIAS });
    expect(sources.locate('b.yaml', ['metas', 0, 'valor'])).toEqual({ line: 5, column: 12, endLine: 5, endColumn: 14 });
    expect(sources.locate('b.yaml', ['copia'])).toEqual({ line: 2, column: 8, endLine: 2, endColumn: 11 });
  });

  it('reads a file once: its positions stay those of the text it had when first asked', () => {
    const sources = sourcesOf({ 'a.yaml': PLAIN });
    expect(sources.locate('a.yaml', ['id'])).toEqual({ line: 1, column: 5, endLine: 1, endColumn: 10 });
    writeFileSync(path.join(root!, 'a.yaml'), `# otra línea\n${PLAIN}`);
    expect(sources.locate('a.yaml', ['metas', 0, 'valor'])).toEqual({ line: 4, column: 12, endLine: 4, endColumn: 14 });
  });

  it('answers nothing for a file that was not parsed when it was loaded', () => {
    root = writeRepo({ 'a.yaml': PLAIN });
    const sources = new Sources(root, new Set(), 1024 * 1024);
    expect(sources.locate('a.yaml', ['id'])).toBeUndefined();
  });

  it('answers nothing for a file that no longer reads', () => {
    const sources = sourcesOf({ 'a.yaml': PLAIN });
    rmSync(path.join(root!, 'a.yaml'));
    expect(sources.locate('a.yaml', ['id'])).toBeUndefined();
  });

  it('answers a position remembered from a worker thread without reading the file', () => {
    const sources = sourcesOf({ 'a.yaml': PLAIN });
    const span = { line: 9, column: 9, endLine: 9, endColumn: 10 };
    sources.remember('a.yaml', ['id'], false, span);
    rmSync(path.join(root!, 'a.yaml'));
    expect(sources.locate('a.yaml', ['id'])).toEqual(span);
  });
});
