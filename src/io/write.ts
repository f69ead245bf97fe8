// Atomic writes: the bytes go to a temporary file in the output folder, then a rename
// puts them in place, so a crash or Ctrl-C never leaves half a report behind. This module
// never exits the process: a failed write throws WriteError, and the CLI, which owns the
// exit codes, installs the Ctrl-C handler that calls removeTemporaryFiles()
// (src/cli/interrupt.ts).
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

/** A write that failed, with the file it was for. */
export class WriteError extends Error {
  constructor(
    readonly file: string,
    override readonly cause: unknown,
  ) {
    super(`could not write ${file}`);
  }
}

/** A file to write, its bytes produced only when its turn comes. */
export interface PendingFile {
  path: string;
  bytes: () => Promise<string | Uint8Array> | string | Uint8Array;
}

/**
 * Writes several files atomically, one after the other, and returns their paths; the first
 * that fails stops the rest with a WriteError. Each file's bytes are produced only when its
 * turn comes, so a workbook is not held in memory beside the next one.
 */
export async function writeFilesAtomically(files: readonly PendingFile[]): Promise<string[]> {
  const written: string[] = [];
  for (const file of files) {
    const bytes = await file.bytes();
    try {
      await writeFileAtomic(file.path, bytes);
    } catch (error) {
      throw new WriteError(file.path, error);
    }
    written.push(file.path);
  }
  return written;
}
