import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

export const PLAN_FILE = 'plan.yaml';

/** Looks upward from `start` for the folder holding plan.yaml, the way git finds `.git`. */
export function findPlanRoot(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, PLAN_FILE);
    if (existsSync(candidate) && statSync(candidate).isFile()) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
