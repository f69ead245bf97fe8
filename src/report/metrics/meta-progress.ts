// Programmed vs achieved for one meta in one quarter, and cumulatively through it.
import type { PlanModel, SourceDoc } from '../../model/model.js';
import { parseTrimestre } from '../../model/model.js';
import { achievedIn, achievedThrough, programmedThrough } from '../../model/progress.js';
import type { Meta, Ppcs, Reporte, SemaforoBandas, TrimestreId } from '../../model/types.js';
import type { Semaforo } from '../view/types.js';
import { cumplimiento, semaforo, type Cumplimiento } from './semaforo.js';

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
  cumplimientoAcumulado: Cumplimiento;
  semaforoAcumulado: Semaforo;
  /** Cumulative achievement against meta_anual, as a fraction (descending: meta / achieved). */
  avanceAnual?: number;
}

/** The meta's own bands over the office's defaults. */
export function bandsFor(model: PlanModel, meta: Meta): SemaforoBandas {
  return { ...model.config.semaforo, ...meta.semaforo };
}

export function metaProgress(model: PlanModel, ppcs: SourceDoc<Ppcs>, meta: Meta, trimestre: TrimestreId): MetaProgress {
  const { quarter } = parseTrimestre(trimestre);
  const sentido = meta.indicador?.sentido ?? 'ascendente';
  const bands = bandsFor(model, meta);
  const reports = model.reportsOf(ppcs.placement.folder!);
  const report: SourceDoc<Reporte> | undefined = reports.find((r) => r.data.trimestre === trimestre);

  const programado = meta.programacion?.[quarter];
  const alcanzado = report ? achievedIn(report, ppcs.data.id, meta.id) : undefined;
  const programadoAcumulado = programmedThrough(meta, quarter);
  const alcanzadoAcumulado = achievedThrough(reports, ppcs.data.id, meta, trimestre);
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
  const annual = annualShare(meta, alcanzadoAcumulado, sentido);
  if (annual !== undefined) progress.avanceAnual = annual;
  return progress;
}

function annualShare(meta: Meta, achieved: number | undefined, sentido: 'ascendente' | 'descendente'): number | undefined {
  if (achieved === undefined || meta.meta_anual === undefined) return undefined;
  if (sentido === 'ascendente') return meta.meta_anual === 0 ? undefined : achieved / meta.meta_anual;
  return achieved === 0 ? undefined : meta.meta_anual / achieved;
}
