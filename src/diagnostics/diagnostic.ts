import type { Severity } from '../model/types.js';

/** A step into a YAML document: a map key or a sequence index. */
export type PathSegment = string | number;

/**
 * What a rule or a loader found, before it is placed in the source. Rules speak in
 * JSON paths; line and column are resolved once, at the edge (see locate.ts).
 */
export interface Finding {
  rule: string;
  /** Repo-relative POSIX path of the file the finding belongs to. */
  file: string;
  /** Where in the document; `[]` is the whole document. */
  path?: PathSegment[];
  /** Point at the key of the last segment rather than its value. */
  atKey?: boolean;
  /** A known position when there is no document to point into (a byte-level problem). */
  at?: { line: number; column: number };
  message: string;
  hint?: string;
  /** Overrides the rule's default severity for this finding (rules with two levels). */
  severity?: Severity;
}

/**
 * Why Planeación accepted a finding (a report late because of a disaster declaration). A
 * justified finding stays visible in every output, marked, but no longer counts.
 */
export interface Justification {
  reason: string;
  /** `comment`: a `# plan-justifica PLAN0xx: motivo` line; `file`: planeacion/excepciones.yaml. */
  source: 'comment' | 'file';
  /** Who approved it and when (excepciones.yaml only). */
  approvedBy?: string;
  date?: string;
}

export interface Diagnostic {
  rule: string;
  severity: Severity;
  message: string;
  hint?: string;
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  justification?: Justification;
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1 };

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    severityRank[a.severity] - severityRank[b.severity] ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

export interface Summary {
  errors: number;
  warnings: number;
  /** Findings accepted with a written reason: shown, not counted as errors or warnings. */
  justified: number;
  files: number;
}

export function summarize(diagnostics: readonly Diagnostic[], files: number): Summary {
  const summary: Summary = { errors: 0, warnings: 0, justified: 0, files };
  for (const d of diagnostics) {
    if (d.justification) summary.justified++;
    else if (d.severity === 'error') summary.errors++;
    else summary.warnings++;
  }
  return summary;
}

/** ESLint's contract: 1 on errors or on more warnings than allowed, else 0. */
export function exitCodeFor(summary: Summary, maxWarnings: number | undefined): 0 | 1 {
  if (summary.errors > 0) return 1;
  if (maxWarnings !== undefined && summary.warnings > maxWarnings) return 1;
  return 0;
}
