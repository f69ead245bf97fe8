import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { writeFilesAtomically, WriteError } from '../../src/io/write.js';
import { writeRepo } from '../helpers/fixture.js';

// A disk that fails to flush the n-th file of a set (EIO), as a full or failing disk does.
const flushes = vi.hoisted(() => ({ failAt: 0, count: 0, delayMs: 0, open: 0, mostOpen: 0 }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return {
    ...fs,
    fsync: (fd: number, callback: (error: NodeJS.ErrnoException | null) => void) => {
      if (++flushes.count === flushes.failAt) setImmediate(() => callback(Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' })));
      else {
        flushes.mostOpen = Math.max(flushes.mostOpen, ++flushes.open);
        // A slow disk: each flush takes a while, so they pile up unless the writer waits.
        setTimeout(() => fs.fsync(fd, (error) => {
          flushes.open--;
          callback(error);
        }), flushes.delayMs);
      }
    },
  };
});

describe('writing several files, flushed in the background', () => {
  it('replaces nothing when a file fails to reach the disk, names it, and leaves no temporary file', async () => {
    const dir = writeRepo({ 'anual-2019.md': 'anterior\n', 'anual-2019.xlsx': 'libro anterior' });
    flushes.count = 0;
    flushes.failAt = 2;
    const files = ['anual-2019.md', 'anual-2019.xlsx', 'sitio/index.html'].map((name) => ({ path: path.join(dir, name), bytes: () => `nuevo ${name}\n` }));
    const error = await writeFilesAtomically(files).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WriteError);
    expect((error as WriteError).file).toBe(path.join(dir, 'anual-2019.xlsx'));
    expect(((error as WriteError).cause as NodeJS.ErrnoException).code).toBe('EIO');
    expect(readFileSync(path.join(dir, 'anual-2019.md'), 'utf8')).toBe('anterior\n');
    expect(readFileSync(path.join(dir, 'anual-2019.xlsx'), 'utf8')).toBe('libro anterior');
    // The site's folder was made for this set: it goes with it.
    expect(readdirSync(dir).sort()).toEqual(['anual-2019.md', 'anual-2019.xlsx']);
  });

  it('writes the whole set when every flush succeeds', async () => {
    const dir = writeRepo({ 'anual-2019.md': 'anterior\n' });
    flushes.count = 0;
    flushes.failAt = 0;
    const files = ['anual-2019.md', 'sitio/index.html'].map((name) => ({ path: path.join(dir, name), bytes: () => `nuevo ${name}\n` }));
    await writeFilesAtomically(files);
    expect(flushes.count).toBe(2);
    expect(readFileSync(path.join(dir, 'anual-2019.md'), 'utf8')).toBe('nuevo anual-2019.md\n');
    expect(readdirSync(path.join(dir, 'sitio'))).toEqual(['index.html']);
  });

  it('keeps at most 32 files open for their flush, however many the set has (a site of thousands of pages)', async () => {
    const dir = writeRepo({});
    Object.assign(flushes, { count: 0, failAt: 0, delayMs: 5, open: 0, mostOpen: 0 });
    const files = Array.from({ length: 150 }, (_, i) => ({ path: path.join(dir, `sitio/dependencias/D${i}.html`), bytes: () => `página ${i}\n` }));
    await writeFilesAtomically(files);
    expect(flushes.count).toBe(150);
    expect(flushes.mostOpen).toBeGreaterThan(1);
    expect(flushes.mostOpen).toBeLessThanOrEqual(32);
    expect(readdirSync(path.join(dir, 'sitio/dependencias'))).toHaveLength(150);
    flushes.delayMs = 0;
  });
});
