// Who takes part in whose PPCS: the two sides of Integralidad. Shared by the evaluation
// and PLAN030, so a department the rule leaves alone is one the evaluation credits.
import type { PlanModel, SourceDoc } from './model.js';
import type { Ppcs } from './types.js';

/** Other departments named as participants in the PPCS's activities. */
export function partnersOf(ppcs: Ppcs, clave: string): string[] {
  return [...new Set((ppcs.actividades ?? []).flatMap((a) => a.participantes ?? []).filter((p) => p !== clave))];
}

/**
 * Other departments' PPCS, not cancelled, in which `clave` takes part: named as a
 * participant in an activity of the carátula, or named in `colaboraciones` of an entry of
 * that PPCS in its department's reports of `year`. A report naming a PPCS of another
 * department is PLAN004's finding, so only the owner's reports count.
 */
export function ppcsJoinedBy(model: PlanModel, clave: string, year: number): SourceDoc<Ppcs>[] {
  return model.ppcs.filter((doc) => {
    const owner = doc.placement.folder!;
    if (owner === clave || doc.data.estatus === 'cancelado') return false;
    if (partnersOf(doc.data, owner).includes(clave)) return true;
    return model
      .reportsOf(owner)
      .some((r) => r.data.trimestre.startsWith(`${year}-`) && r.data.ppcs.some((e) => e.id === doc.data.id && (e.colaboraciones ?? []).includes(clave)));
  });
}
