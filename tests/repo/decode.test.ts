// decodeYamlBytes is given views into repo/read.ts's reused buffer: it must decode a view from
// its own offset, drop only a leading BOM, and name the byte that breaks UTF-8.
import { describe, expect, it } from 'vitest';
import { decodeYamlBytes } from '../../src/repo/decode.js';

describe('decodeYamlBytes', () => {
  it('drops one leading BOM and keeps a second one as text', () => {
    expect(decodeYamlBytes(Uint8Array.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x61]))).toEqual({ ok: true, text: '\uFEFFa' });
  });

  it('decodes a view into a larger buffer from its own offset', () => {
    const backing = Buffer.from('xxxxnombre: Álvaroyyyy');
    expect(decodeYamlBytes(backing.subarray(4, backing.length - 4))).toEqual({ ok: true, text: 'nombre: Álvaro' });
  });

  it('names the first byte that breaks UTF-8, with its line and column', () => {
    const bytes = Uint8Array.from([...Buffer.from('a: 1\nb: '), 0xe1, 0x0a]);
    expect(decodeYamlBytes(bytes)).toEqual({ ok: false, problem: { kind: 'not_utf8', line: 2, column: 4, byte: 0xe1, latin1: 'á' } });
  });
});
