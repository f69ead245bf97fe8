// plan.yaml read on its own, before the validation run that needs a cut-off date.
import { BusinessCalendar } from '../calendar/business-days.js';
import { resolveConfig } from '../model/config.js';
import type { PlanConfig } from '../model/types.js';
import { readPlanFile } from '../plan-file.js';
import { checkSchema } from '../schema/validator.js';

/**
 * plan.yaml's delivery calendar and fiscal year, read before validation because the cut-off
 * the whole run is judged at follows from them. A plan.yaml that is not valid gives the
 * defaults: validation then reports its errors and refuses the report anyway.
 */
export function planCalendar(root: string, fallbackYear: number): { calendar: BusinessCalendar; ejercicio: number } {
  // Unreadable or invalid: the defaults, and validation says why.
  const read = readPlanFile(root);
  const plan = read.ok && checkSchema('plan', read.value).length === 0 ? (read.value as PlanConfig) : undefined;
  const config = resolveConfig(plan, fallbackYear);
  const calendar = new BusinessCalendar({ federal: config.federalHolidays, extraNonWorkingDays: config.extraNonWorkingDays, windowLength: config.windowLength });
  return { calendar, ejercicio: config.ejercicio };
}
