// The one place that decides what is read and how much: every data file, plan.yaml included
// (whether for a validation run or for the calendar and severities read before it), goes
// through `readDataFile`. The size is judged on the open file's own metadata before any
// byte is read, so a 50 MB plan.yaml costs one fstat, not 50 MB of memory and a parse.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { decodeYamlBytes, DEFAULT_MAX_FILE_BYTES, type DecodeProblem } from './decode.js';

export type ReadOutcome =
  | { ok: true; text: string }
  /** The system refused to open or read it (permissions, a folder, a link): its error code. */
  | { ok: false; reason: 'unreadable'; code: string }
  /** Read, but not usable text: too large, UTF-16, binary, not UTF-8. */
  | { ok: false; reason: 'decode'; problem: DecodeProblem };

/**
 * Opens `file` without following a symbolic link (plan data must be real files), checks its
 * size against `limit`, and only then reads and decodes it. A file that grows while it is
 * read is cut at `limit + 1` bytes, which the decoder then refuses as too large.
 */
export function readDataFile(file: string, limit = DEFAULT_MAX_FILE_BYTES): ReadOutcome {
  let fd: number;
  try {
    // O_NOFOLLOW is missing on Windows; there a link is already refused by the repo listing.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    return { ok: false, reason: 'unreadable', code: codeOf(error) };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { ok: false, reason: 'unreadable', code: stats.isDirectory() ? 'EISDIR' : 'ENOTFILE' };
    if (stats.size > limit) return { ok: false, reason: 'decode', problem: { kind: 'too_large', bytes: stats.size, limit } };
    const bytes = readAtMost(fd, limit + 1);
    const decoded = decodeYamlBytes(bytes, limit);
    return decoded.ok ? { ok: true, text: decoded.text } : { ok: false, reason: 'decode', problem: decoded.problem };
  } catch (error) {
    return { ok: false, reason: 'unreadable', code: codeOf(error) };
  } finally {
    closeSync(fd);
  }
}

/**
 * The buffer every read of this thread goes into: a new one for each of thousands of files
 * costs its allocation, its page faults and two copies. It grows to the largest file read,
 * and is let go after a file of more than KEPT_BYTES (a raised --max-file-bytes).
 */
const FIRST_BYTES = 64 * 1024;
const KEPT_BYTES = 4 * 1024 * 1024;
let scratch = Buffer.allocUnsafeSlow(FIRST_BYTES);

/**
 * Up to `max` bytes from the start of an open file, whatever its size said a moment ago: a view
 * of a buffer the next read overwrites, so its bytes must be used (decoded, hashed) before then.
 */
export function readAtMost(fd: number, max: number): Uint8Array {
  if (scratch.length > KEPT_BYTES) scratch = Buffer.allocUnsafeSlow(FIRST_BYTES);
  let total = 0;
  while (total < max) {
    if (total === scratch.length) {
      const larger = Buffer.allocUnsafeSlow(Math.min(max, scratch.length * 2));
      scratch.copy(larger, 0, 0, total);
      scratch = larger;
    }
    // At its own position, whatever the descriptor's: a file another process wrote through it is read from the start too.
    const read = readSync(fd, scratch, total, Math.min(scratch.length, max) - total, total);
    if (read === 0) break;
    total += read;
  }
  return scratch.subarray(0, total);
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}
