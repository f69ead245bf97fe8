// plan.yaml read on its own, before the validation run that needs a cut-off date.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BusinessCalendar } from '../calendar/business-days.js';
import { resolveConfig } from '../model/config.js';
import type { PlanConfig } from '../model/types.js';
import { decodeYamlBytes } from '../repo/decode.js';
import { PLAN_FILE } from '../repo/find-root.js';
import { checkSchema } from '../schema/validator.js';
import { parseYaml } from '../yaml/parse.js';

/**
 * plan.yaml's delivery calendar and fiscal year, read before validation because the cut-off
 * the whole run is judged at follows from them. A plan.yaml that is not valid gives the
 * defaults: validation then reports its errors and refuses the report anyway.
 */
export function planCalendar(root: string, fallbackYear: number): { calendar: BusinessCalendar; ejercicio: number } {
  let plan: PlanConfig | undefined;
  try {
    const decoded = decodeYamlBytes(readFileSync(path.join(root, PLAN_FILE)));
    const parsed = decoded.ok ? parseYaml(decoded.text) : undefined;
    if (parsed?.ok && checkSchema('plan', parsed.parsed.value).length === 0) plan = parsed.parsed.value as PlanConfig;
  } catch {
    // Unreadable: validation says why.
  }
  const config = resolveConfig(plan, fallbackYear);
  const calendar = new BusinessCalendar({ federal: config.federalHolidays, extraNonWorkingDays: config.extraNonWorkingDays, windowLength: config.windowLength });
  return { calendar, ejercicio: config.ejercicio };
}
