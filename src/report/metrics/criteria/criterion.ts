import type { Diagnostic } from '../../../diagnostics/diagnostic.js';
import type { PlanModel, PpcsDoc, SourceDoc } from '../../../model/model.js';
import type { CriterioClave, Quarter, Reporte, ReportePpcs } from '../../../model/types.js';

/** One measurable part of a criterion: numerador / denominador, not applicable when nothing was due. */
export interface SubIndicator {
  id: string;
  nombre: string;
  /** How it is measured, in words a department understands. */
  medicion: string;
  numerador: number;
  denominador: number;
}

export interface EvaluationContext {
  model: PlanModel;
  clave: string;
  year: number;
  /** Quarters of the year whose delivery window closed before the cut-off. */
  dueQuarters: Quarter[];
  /** The department's PPCS that are not cancelled. */
  vigentes: PpcsDoc[];
  /** Validation findings in the department's own files, justified ones left out. */
  findings: Diagnostic[];
  /** Files of the department with a justified finding of each rule: accepted, so not held against it. */
  justified: Map<string, Set<string>>;
}

export interface Criterion {
  clave: CriterioClave;
  /** The criterion's name as the Plan de Mejora writes it. */
  nombre: string;
  /** The seed table's Recursos and Dimensión columns for this criterion. */
  recursos: string;
  dimension: string;
  subindicators(context: EvaluationContext): SubIndicator[];
  /** A concrete action for next year's plan, for a sub-indicator below 100 %, citing this year's numbers. */
  action(sub: SubIndicator, context: EvaluationContext): string;
}

/** The department's reports of the evaluated year. */
export function reportsOfYear({ model, clave, year }: EvaluationContext): SourceDoc<Reporte>[] {
  return model.reportsOf(clave).filter((r) => r.data.trimestre.startsWith(`${year}-`));
}

/**
 * Report entries of the year for the given PPCS, counting only those in operation that
 * quarter (activo, or no status stated): a suspended PPCS served and shared nothing.
 */
export function activeEntries(context: EvaluationContext, ppcsIds: ReadonlySet<string>): ReportePpcs[] {
  return reportsOfYear(context)
    .flatMap((r) => r.data.ppcs)
    .filter((entry) => ppcsIds.has(entry.id) && (entry.estatus === undefined || entry.estatus === 'activo'));
}

export const ratio = (sub: SubIndicator): number | undefined => (sub.denominador === 0 ? undefined : sub.numerador / sub.denominador);

/** Distinct files under the department folder with findings of `rule`. */
export function filesWith(context: EvaluationContext, rule: string, under = ''): Set<string> {
  const prefix = `dependencias/${context.clave}/${under}`;
  return new Set(context.findings.filter((d) => d.rule === rule && d.file.startsWith(prefix)).map((d) => d.file));
}

/** Findings of `rule` in the given files: counts must cover what the denominator covers. */
export function countOf(context: EvaluationContext, rule: string, files: ReadonlySet<string>): number {
  return context.findings.filter((d) => d.rule === rule && files.has(d.file)).length;
}
