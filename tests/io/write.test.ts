import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { whileWriting } from '../../src/cli/interrupt.js';
import { writeFileAtomic, writeFilesAtomically, WriteError } from '../../src/io/write.js';
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
