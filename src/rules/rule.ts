import type { PathSegment } from '../diagnostics/diagnostic.js';
import type { Params, Text } from '../i18n/text.js';
import type { CriterioClave, Severity } from '../model/types.js';
import type { PlanModel } from '../model/model.js';

export interface RuleMeta {
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
  /** How to fix a finding, shown after the message. */
  hint: Text;
  /** Message templates by id; `{name}` placeholders are filled from the report's data. */
  messages: Record<string, Text>;
  /** Minimal YAML showing a failing and a passing case, for `plan explain`. */
  examples?: { invalid: string; valid: string; file: string };
}

export interface RuleReport {
  messageId: string;
  data?: Params;
  file: string;
  path?: PathSegment[];
  atKey?: boolean;
  /** For rules with two levels (error/warning) by case, e.g. PLAN024. */
  severity?: Severity;
  /** A hint specific to this finding, replacing the rule's general one. */
  hint?: Text;
  hintData?: Params;
}

export type Report = (report: RuleReport) => void;

export interface Rule {
  meta: RuleMeta;
  /**
   * Cross-file check over a model of documents that passed their schema. Rules whose
   * findings come from loading (PLAN001, PLAN002, PLAN006) have no check.
   */
  check?: (model: PlanModel, report: Report) => void;
}
