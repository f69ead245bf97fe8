import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/report/write.js';
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
