import { readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';

/** Folders that never hold plan data: VCS, dependencies, and the default report output. */
const SKIPPED_FOLDERS = new Set(['.git', 'node_modules', 'reportes']);

export interface RepoEntry {
  /** Repo-relative POSIX path. */
  path: string;
  symlink: boolean;
  /** For a symlink: its target resolves outside the repo (or cannot be resolved). */
  escapesRepo: boolean;
}

export interface RepoListing {
  entries: Map<string, RepoEntry>;
  /** Folders that could not be listed (permissions), with the system's error code. */
  unreadableFolders: { path: string; code: string }[];
}

/** Every file and symlink of the repo, without following symlinks. */
export function listRepo(root: string): RepoListing {
  const entries = new Map<string, RepoEntry>();
  const unreadableFolders: RepoListing['unreadableFolders'] = [];
  const realRoot = realpathSync(root);
  const pending: string[] = [''];
  while (pending.length > 0) {
    const rel = pending.pop()!;
    let dirents;
    try {
      dirents = readdirSync(path.join(root, rel), { withFileTypes: true });
    } catch (error) {
      unreadableFolders.push({ path: rel, code: (error as NodeJS.ErrnoException).code ?? String(error) });
      continue;
    }
    for (const dirent of dirents) {
      const childRel = rel === '' ? dirent.name : `${rel}/${dirent.name}`;
      if (dirent.isDirectory()) {
        if (SKIPPED_FOLDERS.has(dirent.name) && (rel === '' || dirent.name !== 'reportes')) continue;
        if (dirent.name.startsWith('.') && rel === '') continue;
        pending.push(childRel);
      } else if (dirent.isSymbolicLink()) {
        entries.set(childRel, { path: childRel, symlink: true, escapesRepo: symlinkEscapes(realRoot, path.join(root, childRel)) });
      } else if (dirent.isFile()) {
        entries.set(childRel, { path: childRel, symlink: false, escapesRepo: false });
      }
    }
  }
  return { entries, unreadableFolders };
}

/** A dangling link counts as escaping: it cannot be shown to stay inside. */
function symlinkEscapes(realRoot: string, absolute: string): boolean {
  try {
    return !isInside(realRoot, realpathSync(absolute));
  } catch {
    return true;
  }
}

export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
