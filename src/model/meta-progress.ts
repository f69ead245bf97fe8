// Programmed vs achieved for one meta in one quarter, and cumulatively through it.
// Shared by the rules (PLAN026) and the reports, so both judge a meta the same way.
import type { PlanModel, SourceDoc } from './model.js';
import { parseTrimestre } from './model.js';
import { accumulate, acumulacionOf, achievedByQuarter, achievedIn, programmedThrough } from './progress.js';
import { cumplimiento, semaforo, type Cumplimiento, type Semaforo } from './semaforo.js';
import { QUARTERS, type Meta, type Ppcs, type Quarter, type Reporte, type SemaforoBandas, type Sentido, type TrimestreId } from './types.js';

export interface MetaProgress {
  ppcs: Ppcs;
  meta: Meta;
  trimestre: TrimestreId;
  programado?: number;
  alcanzado?: number;
  cumplimiento: Cumplimiento;
  semaforo: Semaforo;
  programadoAcumulado?: number;
  alcanzadoAcumulado?: number;
  /**
   * The last quarter with a reported value, when earlier than the one asked for: the
   * cumulative figures then compare programmed and achieved through that quarter only.
   */
  acumuladoHasta?: Quarter;
  cumplimientoAcumulado: Cumplimiento;
  semaforoAcumulado: Semaforo;
  /**
   * Progress toward the annual goal (meta_ajustada when the goal was adjusted), as a
   * fraction: achieved ÷ goal, except for descending levels (a response time, a rate),
   * where it is goal ÷ achieved. A descending total (robberies in the year) stays
   * achieved ÷ goal: the share of the ceiling already used.
   */
  avanceAnual?: number;
}

/** The meta's own bands over the office's defaults. */
export function bandsFor(model: PlanModel, meta: Meta): SemaforoBandas {
  return { ...model.config.semaforo, ...meta.semaforo };
}

export function metaProgress(model: PlanModel, ppcs: SourceDoc<Ppcs>, meta: Meta, trimestre: TrimestreId): MetaProgress {
  const { year, quarter } = parseTrimestre(trimestre);
  const sentido = meta.indicador?.sentido ?? 'ascendente';
  const bands = bandsFor(model, meta);
  const reports = model.reportsOf(ppcs.placement.folder!);
  const report: SourceDoc<Reporte> | undefined = reports.find((r) => r.data.trimestre === trimestre);

  const programado = meta.programacion?.[quarter];
  const alcanzado = report ? achievedIn(report, ppcs.data.id, meta.id) : undefined;
  // A missing report must not compare a year of programming with three quarters of
  // results: accumulate both through the last quarter that has a reported value.
  const reported = achievedByQuarter(reports, ppcs.data.id, meta.id, year);
  const through = [...QUARTERS.slice(0, QUARTERS.indexOf(quarter) + 1)].reverse().find((q) => reported[q] !== undefined) ?? quarter;
  const programadoAcumulado = programmedThrough(meta, through);
  const alcanzadoAcumulado = accumulate(reported, acumulacionOf(meta), through);
  const quarterResult = cumplimiento(programado, alcanzado, sentido);
  const cumulativeResult = cumplimiento(programadoAcumulado, alcanzadoAcumulado, sentido);

  const progress: MetaProgress = {
    ppcs: ppcs.data,
    meta,
    trimestre,
    cumplimiento: quarterResult,
    semaforo: semaforo(quarterResult, bands),
    cumplimientoAcumulado: cumulativeResult,
    semaforoAcumulado: semaforo(cumulativeResult, bands),
  };
  if (programado !== undefined) progress.programado = programado;
  if (alcanzado !== undefined) progress.alcanzado = alcanzado;
  if (programadoAcumulado !== undefined) progress.programadoAcumulado = programadoAcumulado;
  if (alcanzadoAcumulado !== undefined) progress.alcanzadoAcumulado = alcanzadoAcumulado;
  if (through !== quarter) progress.acumuladoHasta = through;
  const annual = annualShare(meta, alcanzadoAcumulado, sentido);
  if (annual !== undefined) progress.avanceAnual = annual;
  return progress;
}

function annualShare(meta: Meta, achieved: number | undefined, sentido: Sentido): number | undefined {
  const goal = meta.meta_ajustada ?? meta.meta_anual;
  if (achieved === undefined || goal === undefined) return undefined;
  if (sentido === 'ascendente' || acumulacionOf(meta) === 'suma') return goal === 0 ? undefined : achieved / goal;
  return achieved === 0 ? undefined : goal / achieved;
}
