// Programmed vs achieved for one meta in one quarter, and cumulatively through it.
// Shared by the rules (PLAN026) and the reports, so both judge a meta the same way.
import type { PlanModel, SourceDoc } from './model.js';
import { parseTrimestre } from './model.js';
import { accumulate, acumulacionOf, achievedByQuarter, achievedIn, goalOf, metaForYear, programmedThrough, programmingOf } from './progress.js';
import { cumplimiento, semaforo, type Cumplimiento, type Semaforo } from './semaforo.js';
import { QUARTERS, type Meta, type Ppcs, type Quarter, type Reporte, type SemaforoBandas, type Sentido, type TrimestreId } from './types.js';

export interface MetaProgress {
  ppcs: Ppcs;
  /** The meta as it stands in the quarter's year (metaForYear: that year's programming and goal). */
  meta: Meta;
  trimestre: TrimestreId;
  /** Programmed for the quarter (the approved adjusted programming when the goal was adjusted). */
  programado?: number;
  alcanzado?: number;
  cumplimiento: Cumplimiento;
  semaforo: Semaforo;
  programadoAcumulado?: number;
  alcanzadoAcumulado?: number;
  /**
   * Quarters from T1 through the one asked for that are due and have no report of the
   * department: they add nothing achieved, but their programming still counts.
   */
  noReportados: Quarter[];
  cumplimientoAcumulado: Cumplimiento;
  semaforoAcumulado: Semaforo;
  /**
   * Progress toward the year's goal (goalOf: meta_ajustada once approved, else meta_anual),
   * as a fraction: achieved ÷ goal, except for descending levels (a response time, a rate),
   * where it is goal ÷ achieved. A descending total (robberies in the year) stays
   * achieved ÷ goal: the share of the ceiling already used.
   */
  avanceAnual?: number;
}

/** The meta's own bands over the office's defaults. */
export function bandsFor(model: PlanModel, meta: Meta): SemaforoBandas {
  return { ...model.config.semaforo, ...meta.semaforo };
}

/** A due quarter the department delivered no report for, under either name (PlanModel.deliveredReport). */
export function isUnreported(model: PlanModel, clave: string, trimestre: TrimestreId): boolean {
  const { year, quarter } = parseTrimestre(trimestre);
  return model.isDue(year, quarter) && !model.deliveredReport(clave, trimestre);
}

export function metaProgress(model: PlanModel, ppcs: SourceDoc<Ppcs>, meta: Meta, trimestre: TrimestreId): MetaProgress {
  const { year, quarter } = parseTrimestre(trimestre);
  const sentido = meta.indicador?.sentido ?? 'ascendente';
  const bands = bandsFor(model, meta);
  const clave = ppcs.placement.folder!;
  const reports = model.reportsOf(clave);
  const report: SourceDoc<Reporte> | undefined = reports.find((r) => r.data.trimestre === trimestre);

  const programado = programmingOf(meta, year)[quarter];
  const alcanzado = report ? achievedIn(report, ppcs.data.id, meta.id) : undefined;
  const noReportados = QUARTERS.slice(0, QUARTERS.indexOf(quarter) + 1).filter((q) => isUnreported(model, clave, `${year}-${q}`));
  // No cut-back to the last reported quarter: a missing report adds nothing achieved while
  // its programming still counts, so a gap shows as the shortfall it is.
  const reported = achievedByQuarter(reports, ppcs.data.id, meta.id, year);
  const programadoAcumulado = programmedThrough(meta, year, quarter);
  const alcanzadoAcumulado = accumulate(reported, acumulacionOf(meta), quarter);
  // Before its window closes a quarter without report is awaited, not failed.
  const awaited = !model.isDue(year, quarter) && !model.deliveredReport(clave, trimestre);
  const quarterResult: Cumplimiento = noReportados.includes(quarter)
    ? { kind: 'no_reportado' }
    : awaited
      ? { kind: 'pendiente' }
      : cumplimiento(programado, alcanzado, sentido);
  let cumulativeResult: Cumplimiento = awaited ? { kind: 'pendiente' } : cumplimiento(programadoAcumulado, alcanzadoAcumulado, sentido);
  // Nothing reported in the year so far and a report missing: there is no value to judge, only the gap.
  if (cumulativeResult.kind === 'sin_reporte' && noReportados.length > 0) cumulativeResult = { kind: 'no_reportado' };
  // Where less is better and quarters add up (robberies in the year), a quarter that adds
  // nothing would read as an improvement: a missing report must never improve a light.
  if (sentido === 'descendente' && acumulacionOf(meta) === 'suma' && noReportados.length > 0) cumulativeResult = { kind: 'no_reportado' };

  const progress: MetaProgress = {
    ppcs: ppcs.data,
    meta: metaForYear(meta, year),
    trimestre,
    cumplimiento: quarterResult,
    semaforo: semaforo(quarterResult, bands),
    noReportados,
    cumplimientoAcumulado: cumulativeResult,
    semaforoAcumulado: semaforo(cumulativeResult, bands),
  };
  if (programado !== undefined) progress.programado = programado;
  if (alcanzado !== undefined) progress.alcanzado = alcanzado;
  if (programadoAcumulado !== undefined) progress.programadoAcumulado = programadoAcumulado;
  if (alcanzadoAcumulado !== undefined) progress.alcanzadoAcumulado = alcanzadoAcumulado;
  // The same gap that withholds the cumulative light withholds the share of the goal.
  const annual = cumulativeResult.kind === 'no_reportado' ? undefined : annualShare(meta, year, alcanzadoAcumulado, sentido);
  if (annual !== undefined) progress.avanceAnual = annual;
  return progress;
}

function annualShare(meta: Meta, year: number, achieved: number | undefined, sentido: Sentido): number | undefined {
  const goal = goalOf(meta, year);
  if (achieved === undefined || goal === undefined) return undefined;
  if (sentido === 'ascendente' || acumulacionOf(meta) === 'suma') return goal === 0 ? undefined : achieved / goal;
  return achieved === 0 ? undefined : goal / achieved;
}
