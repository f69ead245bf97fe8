// Atomic writes: the bytes go to a temporary file in the output folder, then a rename
// puts them in place, so a crash or Ctrl-C never leaves half a report behind.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

const inFlight = new Set<string>();

/**
 * Synchronous on purpose: a SIGINT handler runs only between event-loop turns, so it sees
 * either no temporary file or a finished rename — never a file being created behind it.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o644);
    inFlight.add(temp);
    for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    removeQuietly(temp);
    throw error;
  } finally {
    inFlight.delete(temp);
  }
}

/** Removes temporary files of writes still under way; for a SIGINT/SIGTERM handler. */
export function removeTemporaryFiles(): void {
  for (const temp of inFlight) removeQuietly(temp);
  inFlight.clear();
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Never created, or already renamed: nothing to clean.
  }
}
