// Who takes part in whose PPCS: the two sides of Integralidad. Shared by the evaluation
// and PLAN030, so a department the rule leaves alone is one the evaluation credits.
import type { PlanModel, PpcsDoc } from './model.js';

/** Other departments named as participants in the PPCS's activities (its facts name each once). */
export function partnersOf(doc: PpcsDoc, clave: string): string[] {
  return doc.facts.participantes.filter((p) => p !== clave);
}

/**
 * Other departments' PPCS, not cancelled, in which `clave` takes part: named as a
 * participant in an activity of the carátula, or named in `colaboraciones` of an entry of
 * that PPCS in its department's reports of `year`. A report naming a PPCS of another
 * department is PLAN004's finding, so only the owner's reports count.
 */
export function ppcsJoinedBy(model: PlanModel, clave: string, year: number): readonly PpcsDoc[] {
  let byYear = joinedIndexes.get(model);
  if (!byYear) joinedIndexes.set(model, (byYear = new Map()));
  let index = byYear.get(year);
  if (!index) byYear.set(year, (index = joinedIndex(model, year)));
  return index.get(clave) ?? [];
}

// One pass over every PPCS and report per model and year, kept for the model's lifetime:
// asked department by department, a scan of every PPCS each time made the annual
// evaluation grow with the square of the departments.
const joinedIndexes = new WeakMap<PlanModel, Map<number, Map<string, PpcsDoc[]>>>();

// Read from the facts of every department's documents (model.ts): a part of the plan holds
// those of the departments outside it, not their data.
function joinedIndex(model: PlanModel, year: number): Map<string, PpcsDoc[]> {
  const owners = new Set(model.every.ppcs.map((doc) => doc.placement.folder!));
  const reported = new Map<string, string[]>();
  for (const owner of owners) {
    for (const report of model.reportsOf(owner)) {
      if (!report.facts.trimestre.startsWith(`${year}-`)) continue;
      for (const [id, colaboraciones] of report.facts.colaboraciones) {
        const key = `${owner}\u0000${id}`;
        const named = reported.get(key) ?? [];
        for (const other of colaboraciones) named.push(other);
        reported.set(key, named);
      }
    }
  }
  const index = new Map<string, PpcsDoc[]>();
  for (const doc of model.every.ppcs) {
    const owner = doc.placement.folder!;
    if (doc.facts.estatus === 'cancelado') continue;
    const members = new Set([...doc.facts.participantes, ...(reported.get(`${owner}\u0000${doc.facts.id}`) ?? [])]);
    members.delete(owner);
    for (const member of members) {
      const joined = index.get(member) ?? [];
      joined.push(doc);
      index.set(member, joined);
    }
  }
  return index;
}
