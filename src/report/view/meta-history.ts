// Each meta's progress quarter by quarter, computed once per meta and quarter and shared by
// every table and chart of a report: the metas table, the history, the trend, the executive
// page and each department's page all ask for the same figures, and recomputing them per
// table (or per department page) would multiply the report's work by the number of tables.
import type { PlanModel, SourceDoc } from '../../model/model.js';
import { memoMetaProgress, type MetaProgress } from '../../model/meta-progress.js';
import type { Semaforo } from '../../model/semaforo.js';
import { trimestreId } from '../../model/time.js';
import { QUARTERS, type Meta, type Ppcs, type Quarter, type TrimestreId } from '../../model/types.js';

/** metaProgress, remembered per model, meta and quarter (the model does not change while a report is built); the criteria share it. */
export function progressOf(model: PlanModel, ppcs: SourceDoc<Ppcs>, meta: Meta, trimestre: TrimestreId): MetaProgress {
  return memoMetaProgress(model, ppcs, meta, trimestre);
}

export interface MetaRef {
  clave: string;
  ppcs: SourceDoc<Ppcs>;
  meta: Meta;
}

/** The department's metas the reports show: every meta of its PPCS that are not cancelled, PPCS in id order (as the metas table lists them). */
export function metasOf(model: PlanModel, clave: string): MetaRef[] {
  const refs: MetaRef[] = [];
  for (const ppcs of [...model.ppcsOf(clave)].sort((a, b) => (a.data.id < b.data.id ? -1 : 1))) {
    if (ppcs.data.estatus === 'cancelado') continue;
    for (const meta of ppcs.data.metas ?? []) refs.push({ clave, ppcs, meta });
  }
  return refs;
}

/** `T1`…`through`. */
export function quartersThrough(through: Quarter): Quarter[] {
  return QUARTERS.slice(0, QUARTERS.indexOf(through) + 1);
}

/** The lights a quarter's compliance figure counts: a meta with something to judge, the unreported ones included (never green). */
export const JUDGED: readonly Semaforo[] = ['verde', 'amarillo', 'rojo', 'no_reportado'];

export interface QuarterCompliance {
  verde: number;
  /** Metas whose quarter light is verde, amarillo, rojo or no reportado. */
  medidas: number;
  /** verde ÷ medidas; undefined when no meta had anything to judge in the quarter. */
  value?: number;
}

/**
 * A department's compliance in a quarter: the share of its metas in green in that quarter
 * among those with a light that judges them (green, yellow, red, or not reported because the
 * report is missing). Metas with nothing programmed for the quarter, or whose report is not
 * due yet, do not count.
 */
export function quarterCompliance(model: PlanModel, metas: readonly MetaRef[], year: number, quarter: Quarter): QuarterCompliance {
  let verde = 0;
  let medidas = 0;
  for (const { ppcs, meta } of metas) {
    const light = progressOf(model, ppcs, meta, trimestreId(year, quarter)).semaforo;
    if (!JUDGED.includes(light)) continue;
    medidas += 1;
    if (light === 'verde') verde += 1;
  }
  return medidas === 0 ? { verde, medidas } : { verde, medidas, value: verde / medidas };
}

/** The counts of each light among `metas` in `trimestre`: the quarter's light, or the cumulative one. */
export function lightCounts(model: PlanModel, metas: readonly MetaRef[], trimestre: TrimestreId, cumulative: boolean): Record<Semaforo, number> {
  const counts: Record<Semaforo, number> = { verde: 0, amarillo: 0, rojo: 0, sin_meta: 0, no_reportado: 0, pendiente: 0 };
  for (const { ppcs, meta } of metas) {
    const p = progressOf(model, ppcs, meta, trimestre);
    counts[cumulative ? p.semaforoAcumulado : p.semaforo] += 1;
  }
  return counts;
}

/** `OP-01-M1`, and `OP-01-M1-2` for a second row of the same PPCS and meta (a duplicate PLAN003 reports), so every anchor of a page is unique. */
export function uniqueIds(ids: readonly string[]): string[] {
  const used = new Set<string>();
  return ids.map((id) => {
    let candidate = id;
    for (let n = 2; used.has(candidate); n++) candidate = `${id}-${n}`;
    used.add(candidate);
    return candidate;
  });
}
