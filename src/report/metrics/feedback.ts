// Feedback pending as of a quarter: observations that should have been answered by then
// and were not, and those issued on that quarter's reports, to be answered in the next.
import { observationFollowUps, type ObservationFollowUp } from '../../model/feedback.js';
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
  const mine = observationFollowUps(model).filter((f) => claves.includes(f.observacion.dependencia) && !f.attendedInTime);
  return {
    overdue: mine.filter((f) => f.esperado <= trimestre && f.due),
    upcoming: mine.filter((f) => f.esperado === next),
  };
}
