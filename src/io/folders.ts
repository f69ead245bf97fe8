// Creating a folder and the missing ones above it, one level at a time. Node's
// mkdirSync(…, { recursive: true }) reports a read-only file system as ENOENT («the folder
// it should go in does not exist»), which sends the user looking for the wrong problem;
// a plain mkdir of each missing level fails with the real reason (EROFS, EACCES, ENOSPC).
import { mkdirSync, rmdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Creates `dir` and any missing folder above it; returns the folders it created, outermost
 * first, so a caller that gives up can remove them again (removeFolders).
 */
export function makeFolders(dir: string): string[] {
  const missing: string[] = [];
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const stat = statSync(current, { throwIfNoEntry: false });
    if (stat?.isDirectory()) break;
    if (stat) throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${dir}'`), { code: 'ENOTDIR', path: current });
    if (path.dirname(current) === current) break;
    missing.unshift(current);
  }
  const created: string[] = [];
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (error) {
      // Another process made it in between: it is there, and not ours to remove.
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && statSync(folder, { throwIfNoEntry: false })?.isDirectory()) continue;
      throw error;
    }
    created.push(folder);
  }
  return created;
}

/**
 * Removes folders `makeFolders` created, innermost first, only while they are empty: anything
 * someone put in them meanwhile stays, and so does its folder.
 */
export function removeFolders(folders: readonly string[]): void {
  for (const folder of [...folders].reverse()) {
    try {
      rmdirSync(folder);
    } catch {
      // Not empty, or already gone: nothing of ours to clean.
    }
  }
}
