// plan.yaml read on its own, before or without a validation run: the report's cut-off
// follows from its calendar, and `plan rules`/`plan explain` show its severities. Kept light
// (no schemas) so those commands start fast; the loader reads it again with everything else.
import path from 'node:path';
import { PLAN_FILE } from './repo/find-root.js';
import { readDataFile } from './repo/read.js';
import { parseYaml } from './yaml/parse.js';

export type PlanFileRead =
  | { ok: true; file: string; value: unknown }
  /** `missing`: no file could be read there; `unreadable`: its bytes or YAML are not usable. */
  | { ok: false; file: string; reason: 'missing' | 'unreadable' };

/** The parsed value of `<root>/plan.yaml`, not yet checked against its schema. */
export function readPlanFile(root: string): PlanFileRead {
  const file = path.join(root, PLAN_FILE);
  // The same reader and caps as the validation run: a file over the size limit is never parsed.
  const read = readDataFile(file);
  if (!read.ok) return { ok: false, file, reason: read.reason === 'unreadable' ? 'missing' : 'unreadable' };
  const parsed = parseYaml(read.text);
  return parsed.ok ? { ok: true, file, value: parsed.parsed.value } : { ok: false, file, reason: 'unreadable' };
}
