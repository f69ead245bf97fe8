import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { whileWriting } from '../../src/cli/interrupt.js';
import { removeTemporaryFiles, writeFileAtomic, writeFilesAtomically, WriteError } from '../../src/io/write.js';
import { writeRepo } from '../helpers/fixture.js';

describe('atomic writes', () => {
  it('replaces an existing report in one step and leaves no temporary file', async () => {
    const dir = writeRepo({ 'reportes/anual-2019.md': 'anterior\n' });
    const target = path.join(dir, 'reportes/anual-2019.md');
    await writeFileAtomic(target, 'nuevo\n');
    expect(readFileSync(target, 'utf8')).toBe('nuevo\n');
    expect(readdirSync(path.dirname(target))).toEqual(['anual-2019.md']);
  });

  it('keeps the old report intact and removes its temporary file when the write fails', async () => {
    const dir = writeRepo({ 'reportes/anual-2019.md': 'anterior\n' });
    const target = path.join(dir, 'reportes/anual-2019.md');
    // A folder where the file should go makes the final rename fail after the data was written.
    const blocked = path.join(dir, 'reportes/bloqueado.md');
    mkdirSync(blocked);
    writeFileSync(path.join(blocked, 'x'), 'x');
    await expect(writeFileAtomic(blocked, 'nuevo\n')).rejects.toThrow();
    expect(readFileSync(target, 'utf8')).toBe('anterior\n');
    expect(readdirSync(path.join(dir, 'reportes')).sort()).toEqual(['anual-2019.md', 'bloqueado.md']);
  });
});

describe('writing several files', () => {
  it('returns the paths written, in the order given', async () => {
    const dir = writeRepo({});
    const files = ['b.md', 'a.md'].map((name) => ({ path: path.join(dir, name), bytes: () => `${name}\n` }));
    expect(await writeFilesAtomically(files)).toEqual([path.join(dir, 'b.md'), path.join(dir, 'a.md')]);
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe('a.md\n');
  });

  it('stops at the first file that cannot be written with a WriteError naming it', async () => {
    const dir = writeRepo({ 'bloqueado.md/x': 'x' });
    const later = vi.fn(() => 'nunca\n');
    const files = [
      { path: path.join(dir, 'bloqueado.md'), bytes: () => 'nuevo\n' },
      { path: path.join(dir, 'siguiente.md'), bytes: later },
    ];
    const error = await writeFilesAtomically(files).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WriteError);
    expect((error as WriteError).file).toBe(path.join(dir, 'bloqueado.md'));
    expect(later).not.toHaveBeenCalled();
    expect(readdirSync(dir).sort()).toEqual(['bloqueado.md']);
  });

  it('replaces no file of the set when a later one cannot be written: the previous set stays', async () => {
    const dir = writeRepo({ 'anual-2019.md': 'anterior\n', 'anual-2019.xlsx': 'libro anterior' });
    const files = [
      { path: path.join(dir, 'anual-2019.md'), bytes: () => 'nuevo\n' },
      {
        path: path.join(dir, 'anual-2019.xlsx'),
        bytes: () => {
          throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        },
      },
    ];
    await expect(writeFilesAtomically(files)).rejects.toThrow();
    expect(readFileSync(path.join(dir, 'anual-2019.md'), 'utf8')).toBe('anterior\n');
    expect(readFileSync(path.join(dir, 'anual-2019.xlsx'), 'utf8')).toBe('libro anterior');
    expect(readdirSync(dir).sort()).toEqual(['anual-2019.md', 'anual-2019.xlsx']);
  });

  it('removes the folders it made for a set that fails, and keeps the ones that were there', async () => {
    const dir = writeRepo({ 'sitio/index.html': 'anterior\n' });
    const files = [
      { path: path.join(dir, 'sitio/dependencias/OP.html'), bytes: () => 'nueva\n' },
      { path: path.join(dir, 'nuevo/dependencias/OP.html'), bytes: () => 'nueva\n' },
      {
        path: path.join(dir, 'anual-2019.xlsx'),
        bytes: () => {
          throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        },
      },
    ];
    await expect(writeFilesAtomically(files)).rejects.toThrow();
    expect(readdirSync(dir).sort()).toEqual(['sitio']);
    expect(readdirSync(path.join(dir, 'sitio'))).toEqual(['index.html']);
  });

  it('removes the temporary files and the folders of a set under way on Ctrl-C', async () => {
    const dir = writeRepo({});
    const files = [
      { path: path.join(dir, 'sitio/dependencias/OP.html'), bytes: () => 'nueva\n' },
      {
        path: path.join(dir, 'anual-2019.md'),
        bytes: () => {
          // What the CLI's handler does between two files, before it exits.
          removeTemporaryFiles();
          expect(readdirSync(dir)).toEqual([]);
          throw new Error('interrumpido');
        },
      },
    ];
    await expect(writeFilesAtomically(files)).rejects.toThrow('interrumpido');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps the folders of a set once it is written', async () => {
    const dir = writeRepo({});
    await writeFilesAtomically([{ path: path.join(dir, 'sitio/dependencias/OP.html'), bytes: () => 'nueva\n' }]);
    removeTemporaryFiles();
    expect(readFileSync(path.join(dir, 'sitio/dependencias/OP.html'), 'utf8')).toBe('nueva\n');
  });

  it('renders every file before replacing the first one', async () => {
    const dir = writeRepo({ 'a.md': 'anterior\n' });
    let seenWhileRendering = '';
    const files = [
      { path: path.join(dir, 'a.md'), bytes: () => 'nuevo\n' },
      {
        path: path.join(dir, 'b.xlsx'),
        bytes: () => {
          seenWhileRendering = readFileSync(path.join(dir, 'a.md'), 'utf8');
          return 'libro';
        },
      },
    ];
    await writeFilesAtomically(files);
    expect(seenWhileRendering).toBe('anterior\n');
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe('nuevo\n');
    expect(readdirSync(dir).sort()).toEqual(['a.md', 'b.xlsx']);
  });

  it('leaves Ctrl-C to the caller: no signal handler is installed while writing', async () => {
    const dir = writeRepo({});
    const before = process.listenerCount('SIGINT');
    let during = -1;
    await writeFilesAtomically([{ path: path.join(dir, 'a.md'), bytes: () => ((during = process.listenerCount('SIGINT')), 'a\n') }]);
    expect(during).toBe(before);
  });
});

describe('the CLI interrupt guard', () => {
  it('handles Ctrl-C only while its writes run', async () => {
    const before = process.listenerCount('SIGINT');
    let during = -1;
    await whileWriting(async () => {
      during = process.listenerCount('SIGINT');
    });
    expect(during).toBe(before + 1);
    expect(process.listenerCount('SIGINT')).toBe(before);
  });
});
