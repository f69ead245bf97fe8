// repo/read.ts reads every file into one buffer of the thread, reused and grown: each read
// must give exactly its own file's bytes, whatever was read before it.
import { closeSync, openSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAtMost, readDataFile } from '../../src/repo/read.js';
import { temporaryFolders } from '../helpers/temporary.js';

const folder = temporaryFolders();

function bytesOf(file: string, max: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    return Buffer.from(readAtMost(fd, max));
  } finally {
    closeSync(fd);
  }
}

describe('readAtMost', () => {
  const root = folder('plan-read-');
  // Larger than the buffer's first 64 KiB, so the buffer grows while the file is read.
  const large = path.join(root, 'grande.yaml');
  const largeText = Array.from({ length: 9000 }, (_, i) => `clave_${i}: «valor ${i}»\n`).join('');
  writeFileSync(large, largeText);
  const small = path.join(root, 'chico.yaml');
  writeFileSync(small, 'nombre: Obras Públicas\n');

  it('gives a large file whole, then a small one without the large one\'s tail', () => {
    expect(Buffer.byteLength(largeText)).toBeGreaterThan(200 * 1024);
    expect(bytesOf(large, 1024 * 1024).toString('utf8')).toBe(largeText);
    expect(bytesOf(small, 1024 * 1024).toString('utf8')).toBe('nombre: Obras Públicas\n');
    expect(bytesOf(large, 1024 * 1024).toString('utf8')).toBe(largeText);
  });

  it('stops at `max` bytes', () => {
    expect(bytesOf(large, 70_000).toString('latin1')).toBe(Buffer.from(largeText).subarray(0, 70_000).toString('latin1'));
    expect(bytesOf(small, 6).toString('utf8')).toBe('nombre');
  });

  it('reads a file past the buffer it keeps (a raised --max-file-bytes), then a small one', () => {
    const huge = path.join(root, 'enorme.yaml');
    const hugeText = 'x'.repeat(5 * 1024 * 1024);
    writeFileSync(huge, hugeText);
    expect(bytesOf(huge, 6 * 1024 * 1024).toString('latin1')).toBe(hugeText);
    expect(bytesOf(small, 1024 * 1024).toString('utf8')).toBe('nombre: Obras Públicas\n');
    expect(bytesOf(large, 1024 * 1024).toString('utf8')).toBe(largeText);
  });

  it('gives an empty file as no bytes', () => {
    const empty = path.join(root, 'vacio.yaml');
    writeFileSync(empty, '');
    bytesOf(large, 1024 * 1024);
    expect(bytesOf(empty, 1024 * 1024).length).toBe(0);
  });
});

describe('readDataFile after a larger file', () => {
  it('decodes each file from its own bytes', () => {
    const root = folder('plan-read-data-');
    const first = path.join(root, 'a.yaml');
    const second = path.join(root, 'b.yaml');
    writeFileSync(first, `descripcion: ${'á'.repeat(100_000)}\n`);
    writeFileSync(second, 'id: OP-01\n');
    expect(readDataFile(first)).toEqual({ ok: true, text: `descripcion: ${'á'.repeat(100_000)}\n` });
    expect(readDataFile(second)).toEqual({ ok: true, text: 'id: OP-01\n' });
  });
});
