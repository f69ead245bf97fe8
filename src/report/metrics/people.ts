// Beneficiaries, coverage of the target population and collaborations between departments.
import type { PlanModel, SourceDoc } from '../../model/model.js';
import { coveragePeople, splitBySex } from '../../model/beneficiaries.js';
import type { Ppcs, TrimestreId } from '../../model/types.js';

export interface Beneficiaries {
  /** Every person counted, of recorded sex or not. */
  total: number;
  mujeres: number;
  hombres: number;
  /** People whose sex was not recorded (`no_especificado`); they count in `total`. */
  noEspecificado: number;
  /** Entries whose total is not split into women and men (their people count in `total` only). */
  sinDesagregar: number;
}

/** What a department's report for `trimestre` says about the people it served. */
export function beneficiariesIn(model: PlanModel, clave: string, trimestre: TrimestreId): Beneficiaries {
  const result: Beneficiaries = { total: 0, mujeres: 0, hombres: 0, noEspecificado: 0, sinDesagregar: 0 };
  for (const entry of model.reportFor(clave, trimestre)?.data.ppcs ?? []) {
    const b = entry.beneficiarios;
    if (!b) continue;
    result.total += b.total;
    result.noEspecificado += b.no_especificado ?? 0;
    if (splitBySex(b)) {
      result.mujeres += b.mujeres!;
      result.hombres += b.hombres!;
    } else if (b.total > 0) {
      result.sinDesagregar += 1;
    }
  }
  return result;
}

/**
 * Share of the target population reached in the year: the coverage people (coveragePeople:
 * the unique count when given, else the larger of the «nuevas» quarters added up and the
 * largest «atendidas» quarter, never the plain sum of quarters) over
 * poblacion_objetivo.cantidad, capped at 100 %. Undefined without a target population or
 * without any reported total.
 */
export function coverage(model: PlanModel, ppcs: SourceDoc<Ppcs>, year: number, throughQuarter = 4): number | undefined {
  const cantidad = ppcs.data.poblacion_objetivo?.cantidad;
  if (!cantidad) return undefined;
  const people = coveragePeople(model, ppcs, year, throughQuarter);
  return people === undefined ? undefined : Math.min(1, people.personas / cantidad);
}

// Per model and set of quarters: each department's page asks again for the same counts, and a
// pass over every report per department would grow with the square of the departments.
const collaborationCache = new WeakMap<PlanModel, Map<string, Map<string, Map<string, number>>>>();

/** How many report entries of `from` name `to` as a collaborator, in the given quarters. */
export function collaborationCounts(model: PlanModel, trimestres: readonly TrimestreId[]): ReadonlyMap<string, ReadonlyMap<string, number>> {
  let byQuarters = collaborationCache.get(model);
  if (!byQuarters) collaborationCache.set(model, (byQuarters = new Map()));
  const key = trimestres.join(',');
  let counts = byQuarters.get(key);
  if (!counts) byQuarters.set(key, (counts = countCollaborations(model, trimestres)));
  return counts;
}

function countCollaborations(model: PlanModel, trimestres: readonly TrimestreId[]): Map<string, Map<string, number>> {
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
