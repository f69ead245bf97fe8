// Feedback pending as of a quarter: observations that should have been answered by then
// and were not, and those issued on that quarter's reports, to be answered in the next
// (for a T4, next year's T1); and a year's feedback for the annual evaluation.
import { followUpsOf, observationFollowUps, type ObservationFollowUp } from '../../model/feedback.js';
import type { PlanModel } from '../../model/model.js';
import { Trimestre } from '../../model/time.js';
import type { TrimestreId } from '../../model/types.js';

export interface PendingFeedback {
  /** Due by `trimestre` and not answered in time (answered late, or not at all). */
  overdue: ObservationFollowUp[];
  /** Issued on `trimestre`'s reports, due in the next quarter and not answered yet. */
  upcoming: ObservationFollowUp[];
}

export function pendingFeedback(model: PlanModel, claves: readonly string[], trimestre: TrimestreId): PendingFeedback {
  const next = Trimestre.parse(trimestre).next().toString();
  const mine = ofDepartments(model, claves).filter((f) => !f.attendedInTime);
  return {
    overdue: mine.filter((f) => f.esperado <= trimestre && f.due),
    upcoming: mine.filter((f) => f.esperado === next),
  };
}

export interface AnnualFeedback {
  /** Expected in a report of the year, whatever their state: the Seguimiento criterion counts the due ones. */
  expected: ObservationFollowUp[];
  /** Issued on the year's T4 reports, expected in next year's T1: they count in next year's evaluation. */
  nextYear: ObservationFollowUp[];
}

export function annualFeedback(model: PlanModel, claves: readonly string[], year: number): AnnualFeedback {
  const mine = ofDepartments(model, claves);
  return {
    expected: mine.filter((f) => expectedIn(f, year)),
    nextYear: mine.filter((f) => f.round.data.trimestre === `${year}-T4`),
  };
}

/** The follow-ups of the departments shown, in round order (a Set: `claves` may be every department). */
function ofDepartments(model: PlanModel, claves: readonly string[]): readonly ObservationFollowUp[] {
  // One department's page asks for its own: from the model's index, not a pass over every round.
  if (claves.length === 1) return followUpsOf(model, claves[0]!);
  const shown = new Set(claves);
  return observationFollowUps(model).filter((f) => shown.has(f.observacion.dependencia));
}

/** Whether the report that must answer the observation is one of `year`'s. */
export function expectedIn(f: ObservationFollowUp, year: number): boolean {
  return f.esperado.startsWith(`${year}-`);
}
