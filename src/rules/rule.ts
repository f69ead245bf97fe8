import { departmentOf } from '../repo/layout.js';
import { type Finding, type Subject } from '../model/finding.js';
import { type PathSegment } from '../yaml/path.js';
import { say, type Lang, type Params, type Text } from '../i18n/text.js';
import type { CriterioClave, Severity } from '../model/types.js';
import type { PlanModel } from '../model/model.js';

export type Scope = 'department' | 'facts';

/** `M` is the union of the rule's message ids: a report naming another id fails the build. */
export interface RuleMeta<M extends string = string> {
  /** Stable id, never reused: `PLAN020`. */
  id: string;
  title: Text;
  /** Which of the Plan de Mejora's criteria the rule serves; absent for data-integrity rules. */
  criterio?: CriterioClave;
  /** Why the rule exists, in Spanish, quoting the Plan de Mejora where it comes from. */
  rationale: string;
  defaultSeverity: Severity;
  /** The severity cannot be changed in plan.yaml (PLAN001, PLAN002: data that cannot be read is never accepted). */
  fixedSeverity?: boolean;
  /**
   * `department`: the rule's findings about a department (in its files, or naming it in
   * `about`) follow from that department's files and the files outside dependencias/ alone,
   * and its findings about no department from the latter alone. `facts`: the same, with the
   * whole repo's listing, its git history, the files that could not be used, and the facts of
   * every department's documents (model.ts `every`: ids, statuses, who takes part in what)
   * shared too; the rule reads no other department's data. A run with --cache then checks
   * again only the departments whose files changed and takes the others' findings from the
   * last run (cache/findings.ts). Every fixture of a rule with a scope holds it to it
   * (tests/helpers/scope.ts). Absent: the rule always sees the whole plan.
   */
  scope?: Scope;
  /** How to fix a finding, shown after the message. */
  hint: Text;
  /** Message templates by id; `{name}` placeholders are filled from the report's data. */
  messages: Record<M, Text>;
  /** Minimal YAML showing a failing and a passing case, for `plan explain`. */
  examples?: { invalid: string; valid: string; file: string };
}

export interface RuleReport<M extends string = string> {
  messageId: M;
  data?: Params;
  file: string;
  path?: PathSegment[];
  atKey?: boolean;
  /** A known position when there is no document to point into (a file that could not be read). */
  at?: { line: number; column: number };
  /** For rules with two levels (error/warning) by case, e.g. PLAN024. */
  severity?: Severity;
  /** A hint specific to this finding, replacing the rule's general one; `null`: no hint at all. */
  hint?: Text | null;
  hintData?: Params;
  /**
   * The department, PPCS, meta and quarter the finding is about. The department defaults to
   * the one whose folder holds the file; a finding in Planeación's files about a department
   * (PLAN025, PLAN042, PLAN050) must name it.
   */
  about?: Subject;
}

export type Report<M extends string = string> = (report: RuleReport<M>) => void;

export interface Rule<M extends string = string> {
  meta: RuleMeta<M>;
  /**
   * Cross-file check over a model of documents that passed their schema. Rules whose
   * findings come from loading or from the other findings (PLAN001, PLAN002, PLAN006,
   * PLAN007, PLAN008) have no check: their modules export the functions that build them.
   */
  check?: (model: PlanModel, report: Report<M>) => void;
  /** Whether the rule keeps the promise of its `scope` on this plan; always, when absent. */
  keepsScope?: (model: PlanModel) => boolean;
}

/** A rule with its message ids inferred from its `messages`, so `report({ messageId })` is checked. */
export function defineRule<M extends string>(rule: Rule<M>): Rule<M> {
  return rule;
}

/** The message ids of a rule: `MessageId<typeof PLAN001>`. */
export type MessageId<R> = R extends Rule<infer M> ? M : never;

/** The one way a finding is built, for every rule: its template filled in the run's language. */
export function findingOf<M extends string>(meta: RuleMeta<M>, report: RuleReport<M>, lang: Lang): Finding {
  const template: Text | undefined = meta.messages[report.messageId];
  // Message ids are checked by the compiler; this guards ids that come from data at run time.
  if (!template) throw new Error(`${meta.id}: unknown messageId ${report.messageId}`);
  const hint = report.hint === null ? undefined : say(report.hint ?? meta.hint, lang, report.hintData ?? report.data);
  const folder = departmentOf(report.file);
  const about: Subject = { ...(folder === null ? {} : { dependencia: folder }), ...report.about };
  return {
    rule: meta.id,
    file: report.file,
    path: report.path ?? [],
    ...(report.atKey ? { atKey: true } : {}),
    ...(report.at ? { at: { line: report.at.line, column: report.at.column } } : {}),
    severity: report.severity ?? meta.defaultSeverity,
    message: say(template, lang, report.data),
    ...(hint === undefined ? {} : { hint }),
    ...(Object.keys(about).length > 0 ? { about } : {}),
  };
}

/**
 * The message for a span of business days, in three rules (PLAN021, PLAN029, PLAN050):
 * 0 when only non-working days lie between, 1 for the singular, more for the plural.
 */
export function byBusinessDays<M extends string>(days: number, ids: { none: M; one: M; many: M }): M {
  return days === 0 ? ids.none : days === 1 ? ids.one : ids.many;
}
