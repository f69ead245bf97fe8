// Atomic writes: the bytes go to a temporary file in the output folder, then a rename
// puts them in place, so a crash or Ctrl-C never leaves half a report behind. A run's files
// are a set (a report's Markdown and workbook, the next year's plans): every file is written
// to its temporary first, and only when all are on disk are they renamed into place, in one
// synchronous step a Ctrl-C cannot cut; a failure before that leaves the previous set as it
// was. This module never exits the process: a failed write throws WriteError, and the CLI,
// which owns the exit codes, installs the Ctrl-C handler that calls removeTemporaryFiles()
// (src/cli/interrupt.ts).
import { randomBytes } from 'node:crypto';
import { close, closeSync, fsync, fsyncSync, linkSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { makeFolders, removeFolders } from './folders.js';

const inFlight = new Set<string>();
/** Folders a set of writes under way created (a site's folder and its dependencias/), outermost first. */
const foldersInFlight: string[] = [];

/**
 * Synchronous on purpose: a SIGINT handler runs only between event-loop turns, so it sees
 * either no temporary file or a finished rename — never a file being created behind it.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const temp = writeTemporary(target, data);
  try {
    renameSync(temp, target);
  } catch (error) {
    removeQuietly(temp);
    throw error;
  } finally {
    inFlight.delete(temp);
  }
}

/** Writes the bytes to a new temporary file beside `target`, flushed to disk, and returns its path. */
function writeTemporary(target: string, data: string | Uint8Array): string {
  const { temp, fd } = openTemporary(target, data);
  try {
    fsyncSync(fd);
    closeSync(fd);
    return temp;
  } catch (error) {
    abandon(temp, fd);
    throw error;
  }
}

/**
 * Writes the bytes to a new temporary file beside `target` and flushes it to disk on libuv's
 * thread pool: a set's next file renders meanwhile instead of waiting for the disk. The
 * temporary file is in `inFlight` from its creation, so Ctrl-C still removes it.
 */
function stageTemporary(target: string, data: string | Uint8Array): { temp: string; flushed: Promise<void> } {
  const { temp, fd } = openTemporary(target, data);
  const flushed = new Promise<void>((resolve, reject) => {
    fsync(fd, (syncError) => {
      close(fd, (closeError) => {
        if (syncError ?? closeError) reject(syncError ?? closeError);
        else resolve();
      });
    });
  });
  return { temp, flushed };
}

/** A new temporary file beside `target` holding the bytes, still open. */
function openTemporary(target: string, data: string | Uint8Array): { temp: string; fd: number } {
  const temp = temporaryName(target, 'tmp');
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o644);
    inFlight.add(temp);
    for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    return { temp, fd };
  } catch (error) {
    abandon(temp, fd);
    throw error;
  }
}

/** A temporary file that will not be used: closed and removed. */
function abandon(temp: string, fd: number | undefined): void {
  if (fd !== undefined) closeSync(fd);
  removeQuietly(temp);
  inFlight.delete(temp);
}

function temporaryName(target: string, extension: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.${extension}`);
}

/**
 * Removes temporary files of writes still under way, then the folders their set created
 * (now empty); for a SIGINT/SIGTERM handler.
 */
export function removeTemporaryFiles(): void {
  for (const temp of inFlight) removeQuietly(temp);
  inFlight.clear();
  removeFolders(foldersInFlight.splice(0));
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

/** Files of a set being flushed to disk at once, at the most. */
const MAX_FLUSHING = 32;

/** A file to write, its bytes produced only when its turn comes. */
export interface PendingFile {
  path: string;
  bytes: () => Promise<string | Uint8Array> | string | Uint8Array;
}

/**
 * Writes several files as one set and returns their paths. Each file's bytes are produced
 * only when its turn comes and go straight to a temporary file, so a workbook is not held in
 * memory beside the next one; once every temporary file is on disk, all are renamed into
 * place. Any failure (a full disk at the second file, a folder where a report goes) throws a
 * WriteError naming the file and leaves every previous file as it was, no temporary file, and
 * no folder the set created (a new site's folder).
 */
export async function writeFilesAtomically(files: readonly PendingFile[]): Promise<string[]> {
  const staged: { target: string; temp: string }[] = [];
  const created: string[] = [];
  const flushes: Promise<WriteError | undefined>[] = [];
  let committed = false;
  try {
    for (const file of files) {
      // A folder where the file goes fails the rename at the end; say so before rendering the rest.
      if (statSync(file.path, { throwIfNoEntry: false })?.isDirectory()) {
        throw new WriteError(file.path, Object.assign(new Error(`EISDIR: illegal operation on a directory, '${file.path}'`), { code: 'EISDIR' }));
      }
      const bytes = await file.bytes();
      // Each flush holds its file open until it is done: a site of thousands of pages must
      // not reach the open-file limit (often 1,024).
      if (flushes.length >= MAX_FLUSHING) await flushes[flushes.length - MAX_FLUSHING];
      try {
        // A site's folder and subfolders (dependencias/) are created as its pages are staged.
        for (const folder of makeFolders(path.dirname(file.path))) {
          created.push(folder);
          foldersInFlight.push(folder);
        }
        const { temp, flushed } = stageTemporary(file.path, bytes);
        staged.push({ target: file.path, temp });
        // Settled here, never rejected: a flush failing while the next file renders is not an unhandled rejection.
        flushes.push(flushed.then(() => undefined, (error: unknown) => new WriteError(file.path, error)));
      } catch (error) {
        throw new WriteError(file.path, error);
      }
    }
    const failure = (await Promise.all(flushes)).find((error) => error !== undefined);
    if (failure) throw failure;
    commit(staged);
    committed = true;
  } finally {
    // A temporary file is removed only once its flush is over: its descriptor is closed then.
    await Promise.all(flushes);
    for (const { temp } of staged) {
      removeQuietly(temp);
      inFlight.delete(temp);
    }
    if (!committed) removeFolders(created);
    for (const folder of created) {
      const at = foldersInFlight.indexOf(folder);
      if (at >= 0) foldersInFlight.splice(at, 1);
    }
  }
  return files.map((file) => file.path);
}

/**
 * Renames every staged file into place, synchronously, so no signal handler runs in between.
 * The file each one replaces is kept under a hard link until all are in place: if a rename
 * fails (a folder where the file goes), the ones already done are put back.
 */
function commit(staged: readonly { target: string; temp: string }[]): void {
  const done: { target: string; backup: string | undefined }[] = [];
  try {
    for (const { target, temp } of staged) {
      const backup = keepPrevious(target);
      try {
        renameSync(temp, target);
      } catch (error) {
        if (backup) removeQuietly(backup);
        throw new WriteError(target, error);
      }
      done.push({ target, backup });
    }
  } catch (error) {
    for (const { target, backup } of done.reverse()) {
      try {
        if (backup) renameSync(backup, target);
        else unlinkSync(target);
      } catch {
        // Best effort: the error below names the file that failed.
      }
    }
    throw error;
  }
  for (const { backup } of done) if (backup) removeQuietly(backup);
}

/** A hard link to the file `target` replaces, or undefined when there is none (or links are not supported). */
function keepPrevious(target: string): string | undefined {
  const backup = temporaryName(target, 'bak');
  try {
    linkSync(target, backup);
    return backup;
  } catch {
    return undefined;
  }
}
