// Beneficiaries, coverage of the target population and collaborations between departments.
import type { PlanModel, SourceDoc } from '../../model/model.js';
import { QUARTERS, type Ppcs, type TrimestreId } from '../../model/types.js';

export interface Beneficiaries {
  total: number;
  mujeres: number;
  hombres: number;
  /** Entries whose total is not split by sex (their people count in `total` only). */
  sinDesagregar: number;
}

/** What a department's report for `trimestre` says about the people it served. */
export function beneficiariesIn(model: PlanModel, clave: string, trimestre: TrimestreId): Beneficiaries {
  const result: Beneficiaries = { total: 0, mujeres: 0, hombres: 0, sinDesagregar: 0 };
  for (const entry of model.reportFor(clave, trimestre)?.data.ppcs ?? []) {
    const b = entry.beneficiarios;
    if (!b) continue;
    result.total += b.total;
    if (b.mujeres !== undefined && b.hombres !== undefined) {
      result.mujeres += b.mujeres;
      result.hombres += b.hombres;
    } else if (b.total > 0) {
      result.sinDesagregar += 1;
    }
  }
  return result;
}

/**
 * Share of the target population reached in the year: people served in the quarterly
 * reports added up, over poblacion_objetivo.cantidad, capped at 100 %. A recurring service
 * that serves the same people every quarter reaches the cap; that is the reading the
 * office chose over taking the largest quarter, which undercounts campaigns and
 * workshops that reach different people each quarter. Undefined without a target
 * population or without any reported total.
 */
export function coverage(model: PlanModel, ppcs: SourceDoc<Ppcs>, year: number, throughQuarter = 4): number | undefined {
  const cantidad = ppcs.data.poblacion_objetivo?.cantidad;
  if (!cantidad) return undefined;
  let served: number | undefined;
  for (const quarter of QUARTERS.slice(0, throughQuarter)) {
    const entry = model.reportFor(ppcs.placement.folder!, `${year}-${quarter}`)?.data.ppcs.find((e) => e.id === ppcs.data.id);
    const total = entry?.beneficiarios?.total;
    if (total !== undefined) served = (served ?? 0) + total;
  }
  return served === undefined ? undefined : Math.min(1, served / cantidad);
}

/** How many report entries of `from` name `to` as a collaborator, in the given quarters. */
export function collaborationCounts(model: PlanModel, trimestres: readonly TrimestreId[]): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>();
  for (const report of model.reportes) {
    if (!trimestres.includes(report.data.trimestre)) continue;
    const from = report.placement.folder!;
    for (const entry of report.data.ppcs) {
      for (const to of entry.colaboraciones ?? []) {
        if (to === from) continue;
        const row = counts.get(from) ?? new Map<string, number>();
        row.set(to, (row.get(to) ?? 0) + 1);
        counts.set(from, row);
      }
    }
  }
  return counts;
}
