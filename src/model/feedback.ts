// Feedback (retroalimentación) observations and whether they were attended: an
// observation on quarter n is answered in the department's report of quarter n + 1, and one
// on a fourth quarter in the next year's first report.
import type { PlanModel, SourceDoc } from './model.js';
import { compareTrimestres, Trimestre } from './time.js';
import type { Observacion, Reporte, Retroalimentacion, TrimestreId } from './types.js';

export interface ObservationFollowUp {
  round: SourceDoc<Retroalimentacion>;
  /** Index of the observation in its round, for positions. */
  index: number;
  observacion: Observacion;
  /** The quarter whose report must answer it. */
  esperado: TrimestreId;
  /** Whether that quarter's delivery window has closed at the cut-off date. */
  due: boolean;
  /** The department's report for `esperado`, if delivered. */
  report?: SourceDoc<Reporte>;
  attendedInTime: boolean;
  /** A later report that answers it, when the expected one did not. */
  attendedLateIn?: SourceDoc<Reporte>;
}

export function attends(reporte: Reporte, observacionId: string): boolean {
  return reporte.ppcs.some((entry) => entry.observaciones_atendidas?.includes(observacionId));
}

// Computed once per model: the reports ask for them department by department, and a pass
// over every round each time made the annual evaluation grow with the square of the departments.
const followUpCache = new WeakMap<PlanModel, { all: readonly ObservationFollowUp[]; byDepartment: Map<string, ObservationFollowUp[]> }>();

function cachedFollowUps(model: PlanModel): { all: readonly ObservationFollowUp[]; byDepartment: Map<string, ObservationFollowUp[]> } {
  let cached = followUpCache.get(model);
  if (!cached) {
    const all = computeFollowUps(model);
    const byDepartment = new Map<string, ObservationFollowUp[]>();
    for (const followUp of all) {
      const list = byDepartment.get(followUp.observacion.dependencia) ?? [];
      list.push(followUp);
      byDepartment.set(followUp.observacion.dependencia, list);
    }
    followUpCache.set(model, (cached = { all, byDepartment }));
  }
  return cached;
}

/** Every observation of every round, with its follow-up; a T4 round's is expected in next year's T1. */
export function observationFollowUps(model: PlanModel): readonly ObservationFollowUp[] {
  return cachedFollowUps(model).all;
}

/** The follow-ups of the observations addressed to one department, in round order. */
export function followUpsOf(model: PlanModel, clave: string): readonly ObservationFollowUp[] {
  return cachedFollowUps(model).byDepartment.get(clave) ?? [];
}

function computeFollowUps(model: PlanModel): ObservationFollowUp[] {
  const result: ObservationFollowUp[] = [];
  for (const round of model.retroalimentacion) {
    const next = Trimestre.parse(round.data.trimestre).next();
    const esperado = String(next);
    const due = model.isDue(next.year, next.quarter);
    round.data.observaciones.forEach((observacion, index) => {
      const report = model.reportFor(observacion.dependencia, esperado);
      const attendedInTime = report !== undefined && attends(report.data, observacion.id);
      const followUp: ObservationFollowUp = { round, index, observacion, esperado, due, attendedInTime };
      if (report) followUp.report = report;
      if (!attendedInTime) {
        const late = laterReports(model.reportsOf(observacion.dependencia), esperado).find((r) => attends(r.data, observacion.id));
        if (late) followUp.attendedLateIn = late;
      }
      result.push(followUp);
    });
  }
  return result;
}

/** The department's reports after `trimestre`, earliest first (`2019-T3` < `2020-T1` as text). */
function laterReports(reports: readonly SourceDoc<Reporte>[], trimestre: string): SourceDoc<Reporte>[] {
  return reports.filter((r) => r.data.trimestre > trimestre).sort((a, b) => compareTrimestres(a.data.trimestre, b.data.trimestre));
}
