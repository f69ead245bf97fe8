// Where plan may write: never into the data it reads (plan never writes into its input).
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { isPlanInput } from '../repo/layout.js';

/**
 * Top-level folders that are not plan data but must not receive output either: the repo's
 * own report templates (read by `plan report`) and git's object store.
 */
const PROTECTED_FOLDERS = ['templates', '.git'];

/** The real path of `target`, resolving symlinks in the part of it that exists. */
function realPathOf(target: string): string {
  const missing: string[] = [];
  let existing = target;
  while (!existsSync(existing)) {
    missing.unshift(path.basename(existing));
    const parent = path.dirname(existing);
    if (parent === existing) break;
    existing = parent;
  }
  return path.join(realpathSync(existing), ...missing);
}

/**
 * A path as Windows and macOS see it: case folded, and each name without the trailing dots
 * and spaces Windows drops (`Dependencias.` opens `dependencias`). A repo checked out there
 * has one folder for all these spellings, so a report written to `--out Dependencias` on
 * Linux lands among the data on a colleague's laptop.
 */
function folded(relative: string): string {
  return relative
    .split(path.sep)
    .map((name) => (name === '.' || name === '..' ? name : name.replace(/[. ]+$/, '')).toLowerCase())
    .join('/');
}

/**
 * Whether `target` (a report folder or a validation output file) is the plan root itself,
 * plan.yaml, inside an input folder, or inside templates/ or .git/. Compared as real paths
 * (a symlink named «salida» that points into dependencias/ is still the plan's data) and
 * case folded (`DEPENDENCIAS` is `dependencias` on a Windows or macOS checkout).
 */
export function isPlanInputPath(root: string, target: string): boolean {
  // Compared case folded only: whatever is inside the root as spelled is inside it folded too.
  const relative = path.relative(realpathSync(root).toLowerCase(), realPathOf(target).toLowerCase());
  if (relative === '') return true;
  if (relative.startsWith('..') || path.isAbsolute(relative)) return false;
  const name = folded(relative);
  return name === '' || isPlanInput(name) || PROTECTED_FOLDERS.includes(name.split('/')[0]!);
}
