// Bytes → text. Departments edit on Windows machines, so the usual failures are a
// Latin-1/Windows-1252 save, a UTF-16 "Unicode" save from Notepad, or a BOM.

export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

export type DecodeProblem =
  | { kind: 'too_large'; bytes: number; limit: number }
  | { kind: 'utf16' }
  | { kind: 'nul'; line: number; column: number }
  | { kind: 'not_utf8'; line: number; column: number; byte: number; latin1: string };

export type Decoded = { ok: true; text: string } | { ok: false; problem: DecodeProblem };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

// What Windows-1252 puts at 0x80–0x9F. Node's TextDecoder('windows-1252') decodes these as
// Latin-1 control characters since 20.18.3 (nodejs/node#56542), which would name «“» as
// an invisible character in the message.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function windows1252(byte: number): string {
  if (byte >= 0x80 && byte <= 0x9f) return CP1252_HIGH[byte - 0x80]!;
  return String.fromCharCode(byte);
}

/**
 * UTF-16 saved without a BOM: in ASCII-heavy text every other byte is NUL. Reported as
 * UTF-16, not as a binary file, so the hint tells how to re-save it.
 */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const sample = Math.min(bytes.length, 128) & ~1;
  if (sample < 4) return false;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = sample / 2;
  return (oddNul >= pairs * 0.6 && evenNul === 0) || (evenNul >= pairs * 0.6 && oddNul === 0);
}

export function decodeYamlBytes(bytes: Uint8Array, limit = DEFAULT_MAX_FILE_BYTES): Decoded {
  if (bytes.length > limit) return { ok: false, problem: { kind: 'too_large', bytes: bytes.length, limit } };
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { ok: false, problem: { kind: 'utf16' } };
  }
  if (looksLikeUtf16(bytes)) return { ok: false, problem: { kind: 'utf16' } };
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { ok: false, problem: { kind: 'nul', ...bytePosition(bytes, nul) } };
  try {
    // TextDecoder drops a leading UTF-8 BOM itself (ignoreBOM: false).
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const byte = bytes[offset] ?? 0;
    return {
      ok: false,
      problem: { kind: 'not_utf8', ...bytePosition(bytes, offset), byte, latin1: windows1252(byte) },
    };
  }
}

/** Line and column (1-based) of a byte offset, counting columns in bytes of this line. */
function bytePosition(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Offset of the first byte that breaks UTF-8 (Unicode Table 3-7, well-formed sequences). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    // The second byte's range is narrower after E0, ED, F0 and F4 (no overlongs, no surrogates, nothing past U+10FFFF).
    const second = bytes[i + 1]!;
    const [low, high] = b === 0xe0 ? [0xa0, 0xbf] : b === 0xed ? [0x80, 0x9f] : b === 0xf0 ? [0x90, 0xbf] : b === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    if (second < low || second > high) return i;
    for (let k = 2; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += length;
  }
  return 0;
}
