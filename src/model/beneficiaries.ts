// How many people a PPCS reached in a year, counting each person once. Shared by the
// evaluation (coverage in Calidad y Cobertura) and PLAN040, so the rule warns about the
// same figure the evaluation scores.
import type { PlanModel, SourceDoc } from './model.js';
import { entryFor } from './progress.js';
import { trimestreId } from './time.js';
import { GRUPOS_DE_EDAD, QUARTERS, type Beneficiarios, type Ppcs, type Quarter } from './types.js';

/** Which declaration the year's people came from, so a message can say how it counted. */
export type CoverageBasis = 'personas_unicas_anio' | 'nuevas' | 'atendidas';

export interface CoveragePeople {
  personas: number;
  basis: CoverageBasis;
  /** The quarter whose report gave the figure (the unique count, or the largest «atendidas» quarter). */
  quarter?: Quarter;
}

/**
 * People the PPCS reached in the year through `throughQuarter` (1–4), from its department's
 * reports: the year-end count of unique people when a report gives `personas_unicas_anio`
 * (the latest such report wins); otherwise the larger of the sum of the quarters counted
 * as `nuevas` (new people add up) and the largest quarter counted as `atendidas` (people
 * served at a time may come back, so those quarters never add). Undefined when no report
 * gives a total.
 */
export function coveragePeople(model: PlanModel, ppcs: SourceDoc<Ppcs>, year: number, throughQuarter = 4): CoveragePeople | undefined {
  let unique: CoveragePeople | undefined;
  let nuevas: number | undefined;
  let atendidas: CoveragePeople | undefined;
  for (const quarter of QUARTERS.slice(0, throughQuarter)) {
    const report = model.reportFor(ppcs.placement.folder!, trimestreId(year, quarter));
    const b = report && entryFor(report, ppcs.data.id)?.beneficiarios;
    if (!b) continue;
    if (b.personas_unicas_anio !== undefined) unique = { personas: b.personas_unicas_anio, basis: 'personas_unicas_anio', quarter };
    if (b.conteo === 'nuevas') nuevas = (nuevas ?? 0) + b.total;
    else if (atendidas === undefined || b.total > atendidas.personas) atendidas = { personas: b.total, basis: 'atendidas', quarter };
  }
  if (unique) return unique;
  if (nuevas === undefined) return atendidas;
  // On a tie the «atendidas» quarter is named: one quarter is easier to check than a sum.
  if (atendidas && atendidas.personas >= nuevas) return atendidas;
  return { personas: nuevas, basis: 'nuevas' };
}

/** The entry says how many are women and how many men (people of unrecorded sex may remain). */
export function splitBySex(b: Beneficiarios): boolean {
  return b.mujeres !== undefined && b.hombres !== undefined;
}

/** The entry gives at least one age group. */
export function splitByAge(b: Beneficiarios): boolean {
  return b.edades !== undefined && GRUPOS_DE_EDAD.some((g) => b.edades![g] !== undefined);
}
