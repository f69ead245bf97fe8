import type { Subject } from '../model/finding.js';
import type { Severity } from '../model/types.js';
import { departmentOf } from '../repo/layout.js';

/**
 * Why a finding should be accepted (a report late because of a disaster declaration). One
 * Planeación approved (an excepciones.yaml entry, or a comment in its own files) stays visible
 * in every output, marked, but no longer counts. One a department wrote in its own files is
 * `pending`: shown «pendiente de aprobación», and it still counts, in the exit code and in
 * the evaluation, until Planeación approves it in excepciones.yaml.
 */
export interface Justification {
  reason: string;
  /** `comment`: a `# plan-justifica PLAN0xx: motivo` line; `file`: planeacion/excepciones.yaml. */
  source: 'comment' | 'file';
  /** A comment in a department's own file (under dependencias/): not approved by Planeación. */
  pending?: true;
  /** Who approved it and when (excepciones.yaml only). */
  approvedBy?: string;
  date?: string;
}

/** Whether Planeación accepted the finding, so it no longer counts; a pending justification does not. */
export function isExcused(d: Diagnostic): d is Diagnostic & { justification: Justification } {
  return d.justification !== undefined && d.justification.pending !== true;
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
  /** What the finding is about (department, PPCS, meta, quarter); not part of the JSON output. */
  about?: Subject;
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

/**
 * What a run reported on when the user narrowed it (`plan validate dependencias/OP`,
 * `--dependencia OP`): the whole repo is still checked, only the report is narrowed.
 */
export interface Scope {
  dependencia?: string;
  /** Repo-relative POSIX paths, folders with a trailing `/`, as the summary line names them. */
  paths?: string[];
}

/** Counts of one rule's findings, with the rule's title in the run's language. */
export interface RuleCount {
  rule: string;
  title: string;
  errors: number;
  warnings: number;
  justified: number;
}

/** Counts of the findings in one department's files; `department: null` is Planeación's files. */
export interface DepartmentCount {
  department: string | null;
  errors: number;
  warnings: number;
  justified: number;
}

export interface Summary {
  errors: number;
  warnings: number;
  /** Findings Planeación accepted with a written reason: shown, not counted as errors or warnings. */
  justified: number;
  /** Errors and warnings with a justification pending Planeación's approval: counted above, and said. */
  pending: number;
  /** Data files in the report's scope (the whole repo when unscoped). */
  files: number;
  /** Warnings left out of the output by --quiet: not shown, but said. */
  hiddenWarnings: number;
  scope?: Scope;
  /** By rule id, in id order. */
  byRule: RuleCount[];
  /** By department clave in alphabetical order, Planeación last. */
  byDepartment: DepartmentCount[];
}

export interface SummaryOptions {
  /** The rule's title in the run's language (from the rule registry); the id stands alone without it. */
  ruleTitle?: (rule: string) => string | undefined;
  hiddenWarnings?: number;
  scope?: Scope;
}


type Counts = { errors: number; warnings: number; justified: number };

// A pending justification changes nothing here: the finding counts as its severity says.
function count(counts: Counts, d: Diagnostic): void {
  if (isExcused(d)) counts.justified++;
  else if (d.severity === 'error') counts.errors++;
  else counts.warnings++;
}

export function summarize(diagnostics: readonly Diagnostic[], files: number, options: SummaryOptions = {}): Summary {
  const totals: Counts = { errors: 0, warnings: 0, justified: 0 };
  let pending = 0;
  const rules = new Map<string, RuleCount>();
  const departments = new Map<string | null, DepartmentCount>();
  for (const d of diagnostics) {
    count(totals, d);
    if (d.justification?.pending) pending++;
    let rule = rules.get(d.rule);
    if (!rule) rules.set(d.rule, (rule = { rule: d.rule, title: options.ruleTitle?.(d.rule) ?? '', errors: 0, warnings: 0, justified: 0 }));
    count(rule, d);
    const key = departmentOf(d.file);
    let department = departments.get(key);
    if (!department) departments.set(key, (department = { department: key, errors: 0, warnings: 0, justified: 0 }));
    count(department, d);
  }
  const byRule = [...rules.values()].sort((a, b) => (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  const byDepartment = [...departments.values()].sort((a, b) =>
    a.department === b.department ? 0 : a.department === null ? 1 : b.department === null ? -1 : a.department < b.department ? -1 : 1,
  );
  return {
    ...totals,
    pending,
    files,
    hiddenWarnings: options.hiddenWarnings ?? 0,
    ...(options.scope ? { scope: options.scope } : {}),
    byRule,
    byDepartment,
  };
}

/** ESLint's contract: 1 on errors or on more warnings than allowed, else 0. */
export function exitCodeFor(summary: Summary, maxWarnings: number | undefined): 0 | 1 {
  if (summary.errors > 0) return 1;
  if (maxWarnings !== undefined && summary.warnings > maxWarnings) return 1;
  return 0;
}
