// Where plan may write: never into the data it reads (plan never writes into its input).
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { isPlanInput } from '../repo/layout.js';

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
 * Whether `target` (a report folder or a validation output file) is the plan root itself,
 * plan.yaml or inside an input folder. Compared as real paths: a symlink named «salida» that
 * points into dependencias/ is still the plan's data.
 */
export function isPlanInputPath(root: string, target: string): boolean {
  const relative = path.relative(realpathSync(root), realPathOf(target));
  if (relative === '') return true;
  if (relative.startsWith('..') || path.isAbsolute(relative)) return false;
  return isPlanInput(relative.split(path.sep).join('/'));
}
