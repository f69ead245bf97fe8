// Programmed vs achieved for one meta in one quarter, and cumulatively through it.
// Shared by the rules (PLAN026) and the reports, so both judge a meta the same way.
import type { PlanModel, SourceDoc } from './model.js';
import { parseTrimestre } from './model.js';
import { trimestreId } from './time.js';
import { accumulate, acumulacionOf, achievedByQuarterOf, achievedIn, goalOf, metaForYear, programmingOf } from './progress.js';
import { cumplimiento, semaforo, type Cumplimiento, type Semaforo } from './semaforo.js';
import { QUARTERS, type Meta, type Ppcs, type Quarter, type SemaforoBandas, type Sentido, type TrimestreId } from './types.js';

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

/** The quarter's own figures, without the cumulative ones: what a report entry is judged by (PLAN026). */
export interface QuarterProgress {
  programado?: number;
  alcanzado?: number;
  cumplimiento: Cumplimiento;
  semaforo: Semaforo;
}

/**
 * The quarter's programmed and achieved values, cumplimiento and light, exactly as
 * metaProgress gives them (it computes them here), without the year's accumulation:
 * the rules ask it for every avance of every report.
 */
export function quarterProgress(model: PlanModel, ppcs: SourceDoc<Ppcs>, meta: Meta, trimestre: TrimestreId): QuarterProgress {
  const { year, quarter } = parseTrimestre(trimestre);
  const clave = ppcs.placement.folder!;
  const programado = programmingOf(meta, year)[quarter];
  const alcanzado = achievedInQuarter(model, clave, ppcs, meta, trimestre);
  const result = quarterResult(model, clave, year, quarter, trimestre, programado, alcanzado, meta.indicador?.sentido ?? 'ascendente');
  const progress: QuarterProgress = { cumplimiento: result, semaforo: semaforo(result, bandsOf(model, meta)) };
  if (programado !== undefined) progress.programado = programado;
  if (alcanzado !== undefined) progress.alcanzado = alcanzado;
  return progress;
}

/** The value the report declaring the quarter gives the meta. */
function achievedInQuarter(model: PlanModel, clave: string, ppcs: SourceDoc<Ppcs>, meta: Meta, trimestre: TrimestreId): number | undefined {
  const report = model.reportDeclaring(clave, trimestre);
  return report ? achievedIn(report, ppcs.data.id, meta.id) : undefined;
}

/**
 * A due quarter without report is not reported; before its window closes it is awaited,
 * not failed; a delivered one is measured.
 */
function quarterResult(model: PlanModel, clave: string, year: number, quarter: Quarter, trimestre: TrimestreId, programado: number | undefined, alcanzado: number | undefined, sentido: Sentido): Cumplimiento {
  if (!model.deliveredReport(clave, trimestre)) {
    const due = model.isDue(year, quarter);
    if (due && QUARTERS.includes(quarter)) return { kind: 'no_reportado' };
    if (!due) return { kind: 'pendiente' };
  }
  return cumplimiento(programado, alcanzado, sentido);
}

/** bandsFor, without a copy when the meta has no bands of its own: semaforo only reads them. */
function bandsOf(model: PlanModel, meta: Meta): SemaforoBandas {
  return meta.semaforo === undefined ? model.config.semaforo : bandsFor(model, meta);
}

export function metaProgress(model: PlanModel, ppcs: SourceDoc<Ppcs>, meta: Meta, trimestre: TrimestreId): MetaProgress {
  const { year, quarter } = parseTrimestre(trimestre);
  const sentido = meta.indicador?.sentido ?? 'ascendente';
  const acumulacion = acumulacionOf(meta);
  const bands = bandsOf(model, meta);
  const clave = ppcs.placement.folder!;

  const programming = programmingOf(meta, year);
  const programado = programming[quarter];
  const alcanzado = achievedInQuarter(model, clave, ppcs, meta, trimestre);
  const noReportados: Quarter[] = [];
  const through = QUARTERS.indexOf(quarter);
  for (let i = 0; i <= through; i++) {
    const q = QUARTERS[i]!;
    if (model.isDue(year, q) && !model.deliveredReport(clave, trimestreId(year, q))) noReportados.push(q);
  }
  // No cut-back to the last reported quarter: a missing report adds nothing achieved while
  // its programming still counts, so a gap shows as the shortfall it is.
  const reported = achievedByQuarterOf(model, clave, ppcs.data.id, meta.id, year);
  // programmedThrough, on the programming already at hand.
  const programadoAcumulado = accumulate(programming, acumulacion, quarter);
  const alcanzadoAcumulado = accumulate(reported, acumulacion, quarter);
  // Before its window closes a quarter without report is awaited, not failed.
  const awaited = !model.isDue(year, quarter) && !model.deliveredReport(clave, trimestre);
  const quarterly = quarterResult(model, clave, year, quarter, trimestre, programado, alcanzado, sentido);
  let cumulativeResult: Cumplimiento = awaited ? { kind: 'pendiente' } : cumplimiento(programadoAcumulado, alcanzadoAcumulado, sentido);
  // Nothing reported in the year so far and a report missing: there is no value to judge, only the gap.
  if (cumulativeResult.kind === 'sin_reporte' && noReportados.length > 0) cumulativeResult = { kind: 'no_reportado' };
  // Where less is better and quarters add up (robberies in the year), a quarter that adds
  // nothing would read as an improvement: a missing report must never improve a light.
  if (sentido === 'descendente' && acumulacion === 'suma' && noReportados.length > 0) cumulativeResult = { kind: 'no_reportado' };

  const progress: MetaProgress = {
    ppcs: ppcs.data,
    meta: metaForYear(meta, year),
    trimestre,
    cumplimiento: quarterly,
    semaforo: semaforo(quarterly, bands),
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

/**
 * metaProgress, remembered per model, carátula, meta and quarter, for the reports: their
 * tables, charts and criteria ask for the same meta and quarter many times over (some
 * 400,000 times for 16,000 metas in an annual report), and the model does not change once
 * loaded. The result is shared: callers only read it.
 */
export function memoMetaProgress(model: PlanModel, ppcs: SourceDoc<Ppcs>, meta: Meta, trimestre: TrimestreId): MetaProgress {
  let byMeta = MEMO.get(model);
  if (!byMeta) MEMO.set(model, (byMeta = new Map()));
  const { year, quarter } = parseTrimestre(trimestre);
  let memo = byMeta.get(meta);
  if (!memo) byMeta.set(meta, (memo = { ppcs, year, quarters: [undefined, undefined, undefined, undefined] }));
  // A meta belongs to one carátula; should the same object come under another, it is not remembered.
  if (memo.ppcs !== ppcs) return metaProgress(model, ppcs, meta, trimestre);
  // The year most asked for has a slot per quarter, read without hashing the id; any other
  // year (or an id of another shape) goes by its id.
  const slot = memo.year === year && trimestre === trimestreId(year, quarter) ? QUARTERS.indexOf(quarter) : -1;
  if (slot >= 0) return (memo.quarters[slot] ??= metaProgress(model, ppcs, meta, trimestre));
  memo.others ??= new Map();
  let progress = memo.others.get(trimestre);
  if (!progress) memo.others.set(trimestre, (progress = metaProgress(model, ppcs, meta, trimestre)));
  return progress;
}

interface MetaMemo {
  ppcs: SourceDoc<Ppcs>;
  year: number;
  quarters: (MetaProgress | undefined)[];
  others?: Map<TrimestreId, MetaProgress>;
}

// The metas are the model's own objects and live as long as it does: a Map per model (not
// a WeakMap per meta) spares the garbage collector 16,000 weak entries.
const MEMO = new WeakMap<PlanModel, Map<Meta, MetaMemo>>();

function annualShare(meta: Meta, year: number, achieved: number | undefined, sentido: Sentido): number | undefined {
  const goal = goalOf(meta, year);
  if (achieved === undefined || goal === undefined) return undefined;
  if (sentido === 'ascendente' || acumulacionOf(meta) === 'suma') return goal === 0 ? undefined : achieved / goal;
  return achieved === 0 ? undefined : goal / achieved;
}
