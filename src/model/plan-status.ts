// The status of each action of a department's Plan de Mejora, read from its quarterly
// reports: the seed says the plan's «aplicación y cumplimiento serán monitoreadas
// trimestralmente». Rules (PLAN062) and the report metrics both read statuses from here.
import type { PlanModel, SourceDoc } from './model.js';
import { QUARTERS, type AccionMejora, type EstatusAccion, type Quarter, type Reporte, type SeguimientoAccion } from './types.js';

/**
 * An action's status in one quarter: the status its report gives; `sin_reporte` when the
 * quarter's report is due and missing, or delivered without the action; `pendiente` when the
 * quarter's window has not closed and there is no report yet.
 */
export type EstatusTrimestre = EstatusAccion | 'sin_reporte' | 'pendiente';

/** The status of an action over a span of quarters: the latest one reported, or none. */
export type EstatusAnual = EstatusAccion | 'sin_reporte';

export interface QuarterStatus {
  estatus: EstatusTrimestre;
  /** The report's entry for the action, when it has one (its evidence and comment). */
  entry?: SeguimientoAccion;
  report?: SourceDoc<Reporte>;
}

export interface ActionStatus {
  accion: AccionMejora;
  /** Its position in the plan's list, to point at it in dependencia.yaml. */
  index: number;
  trimestres: Record<Quarter, QuarterStatus>;
  /** The latest status reported in the quarters up to `hasta`; `sin_reporte` when none gave one. */
  estatus: EstatusAnual;
}

/**
 * Each action of the department's Plan de Mejora for `year`, with its status per quarter and
 * its latest reported status through `hasta` (reports of later quarters are not read);
 * undefined when the department has no plan for that year.
 */
export function actionStatuses(model: PlanModel, clave: string, year: number, hasta: Quarter = 'T4'): ActionStatus[] | undefined {
  const plan = model.planOf(clave, year);
  if (!plan) return undefined;
  const reports = QUARTERS.map((q) => model.reportFor(clave, `${year}-${q}`));
  const through = QUARTERS.indexOf(hasta);
  return plan.acciones.map((accion, index) => {
    const statuses = QUARTERS.map((q, i) => quarterStatus(model, year, q, reports[i], accion.id));
    let estatus: EstatusAnual = 'sin_reporte';
    statuses.forEach((status, i) => {
      if (i <= through && status.entry) estatus = status.entry.estatus;
    });
    const trimestres = Object.fromEntries(QUARTERS.map((q, i) => [q, statuses[i]!])) as Record<Quarter, QuarterStatus>;
    return { accion, index, trimestres, estatus };
  });
}

function quarterStatus(model: PlanModel, year: number, quarter: Quarter, report: SourceDoc<Reporte> | undefined, id: string): QuarterStatus {
  if (!report) return { estatus: model.isDue(year, quarter) ? 'sin_reporte' : 'pendiente' };
  // The first entry wins when an action is listed twice, as everywhere in the model (PLAN062 reports the repeat).
  const entry = report.data.plan_de_mejora?.find((e) => e.accion === id);
  return entry ? { estatus: entry.estatus, entry, report } : { estatus: 'sin_reporte', report };
}
