import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFolders, removeFolders } from '../../src/io/folders.js';
import { writeRepo } from '../helpers/fixture.js';

describe('making the folders of an output path', () => {
  it('creates every missing folder and returns them outermost first', () => {
    const dir = writeRepo({});
    expect(makeFolders(path.join(dir, 'a/b/c'))).toEqual([path.join(dir, 'a'), path.join(dir, 'a/b'), path.join(dir, 'a/b/c')]);
    expect(statSync(path.join(dir, 'a/b/c')).isDirectory()).toBe(true);
  });

  it('creates nothing and returns nothing for a folder that exists', () => {
    const dir = writeRepo({ 'a/x.md': 'x' });
    expect(makeFolders(path.join(dir, 'a'))).toEqual([]);
  });

  it('says ENOTDIR for a file in the way, as a recursive mkdir would', () => {
    const dir = writeRepo({ 'salida.md': 'no soy una carpeta\n' });
    expect(() => makeFolders(path.join(dir, 'salida.md/sub'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
  });

  it('removes only the folders that are still empty, innermost first', () => {
    const dir = writeRepo({});
    const created = makeFolders(path.join(dir, 'a/b'));
    makeFolders(path.join(dir, 'a/otra'));
    removeFolders(created);
    expect(readdirSync(path.join(dir, 'a'))).toEqual(['otra']);
  });
});
