// Model → rules → diagnostics: runs every rule and places each finding in its source.
import { compareDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import { type Finding } from './model/finding.js';
import type { Lang } from './i18n/text.js';
import { loadPlan, loadPlanWith, type LoadOptions, type LoadResult } from './load.js';
import { parallelFileLoader, type ParallelOptions } from './parallel/file-loader.js';
import type { ResolvedConfig } from './model/config.js';
import { RULES, RULES_BY_ID } from './rules/index.js';
import { checkSeveritySettings } from './rules/PLAN007-ajuste-sin-efecto.js';
import { justificationFindings, PLAN008 } from './rules/PLAN008-justificacion-invalida.js';
import { applyJustifications } from './diagnostics/justifications.js';
import { findingOf, type Rule } from './rules/rule.js';
import type { Sources } from './yaml/sources.js';

export interface ValidationResult extends LoadResult {
  diagnostics: Diagnostic[];
}

/** Loads and validates in this thread (tests, tools, small repos). */
export function validatePlan(root: string, options: LoadOptions): ValidationResult {
  return validateLoaded(loadPlan(root, options), options);
}

/** As validatePlan, with the files loaded over worker threads when there are enough of them. */
export async function validatePlanInParallel(root: string, options: LoadOptions, parallel: ParallelOptions = {}): Promise<ValidationResult> {
  return validateLoaded(await loadPlanWith(root, options, parallelFileLoader(parallel)), options);
}

function validateLoaded(loaded: LoadResult, options: LoadOptions): ValidationResult {
  // Without a usable plan.yaml there is no fiscal year, calendar or rubric to judge
  // against: cross-file rules would only guess. Its own findings say what to fix first.
  const plan = loaded.model.plan;
  const ruleFindings = plan ? [...checkSeveritySettings(plan, RULES_BY_ID, options.lang), ...runRules(loaded, options.lang)] : [];
  const placed = placeFindings([...loaded.findings, ...ruleFindings], loaded.sources, loaded.model.config);
  const justifiable = (rule: string) => RULES_BY_ID.has(rule) && !RULES_BY_ID.get(rule)!.meta.fixedSeverity && rule !== PLAN008.meta.id;
  const justified = applyJustifications(placed, loaded.comments, loaded.model.excepciones, justifiable);
  const justificationProblems = placeFindings(justificationFindings(justified.problems, options.lang), loaded.sources, loaded.model.config);
  const diagnostics = [...justified.diagnostics, ...justificationProblems].sort(compareDiagnostics);
  return { ...loaded, diagnostics };
}

export function runRules(loaded: LoadResult, lang: Lang, rules: readonly Rule[] = RULES): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (!rule.check || loaded.model.config.reglas[rule.meta.id] === 'off') continue;
    rule.check(loaded.model, (report) => findings.push(findingOf(rule.meta, report, lang)));
  }
  return findings;
}

/** Applies severities from plan.yaml and resolves JSON paths to line and column, once. */
export function placeFindings(findings: readonly Finding[], sources: Sources, config: ResolvedConfig): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const finding of findings) {
    const rule = RULES_BY_ID.get(finding.rule);
    const configured = rule?.meta.fixedSeverity ? undefined : config.reglas[finding.rule];
    if (configured === 'off') continue;
    const severity = configured ?? finding.severity ?? rule?.meta.defaultSeverity ?? 'error';
    const diagnostic: Diagnostic = { rule: finding.rule, severity, message: finding.message, file: finding.file, line: 1, column: 1 };
    if (finding.hint) diagnostic.hint = finding.hint;
    if (finding.at) {
      diagnostic.line = finding.at.line;
      diagnostic.column = finding.at.column;
    } else {
      const span = sources.locate(finding.file, finding.path ?? [], finding.atKey);
      if (span) Object.assign(diagnostic, span);
    }
    if (finding.about) diagnostic.about = finding.about;
    diagnostics.push(diagnostic);
  }
  return diagnostics.sort(compareDiagnostics);
}
