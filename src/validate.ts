// Model → rules → diagnostics: runs every rule and places each finding in its source.
import { compareDiagnostics, type Diagnostic } from './diagnostics/diagnostic.js';
import { type Finding } from './model/finding.js';
import type { Severity } from './model/types.js';
import type { Lang } from './i18n/text.js';
import { loadPlan, loadPlanWith, type FileLoader, type LoadOptions, type LoadResult } from './load.js';
import { loadFile, readsContent } from './load-file.js';
import type { OutcomeCache } from './cache/outcomes.js';
import { departmentFindings } from './cache/findings.js';
import type { PlanModel } from './model/model.js';
import { FilePool, poolSetup, type PoolOptions } from './parallel/pool.js';
import type { LocateRequest } from './parallel/tasks.js';
import type { ResolvedConfig } from './model/config.js';
import { RULES, RULES_BY_ID } from './rules/index.js';
import { checkSeveritySettings } from './rules/PLAN007-ajuste-sin-efecto.js';
import { justificationFindings, PLAN008 } from './rules/PLAN008-justificacion-invalida.js';
import { applyJustifications } from './diagnostics/justifications.js';
import { findingOf, type Rule, type Scope } from './rules/rule.js';
import type { Sources } from './yaml/sources.js';

export interface ValidationResult extends LoadResult {
  diagnostics: Diagnostic[];
}

/**
 * Which findings the caller will show, when it shows only some (PR mode shows the warnings of
 * changed files only): the others need no line and column, which spares parsing their files
 * again. A file with justifications is always placed, since they match findings by line.
 */
export type Shown = (file: string, severity: Severity) => boolean;

export interface ParallelRun {
  pool?: PoolOptions;
  /** Threads started before the run (FilePool.startEarly). */
  early?: FilePool;
  shown?: Shown;
  cache?: OutcomeCache;
  /**
   * Called once every file is loaded, before the rules: from then on the pool's threads only
   * place findings, and a caller can start work of its own on the other cores.
   */
  onLoaded?: () => void;
}

/** Loads and validates in this thread (tests, tools, small repos). */
export function validatePlan(root: string, options: LoadOptions): ValidationResult {
  const loaded = loadPlan(root, options);
  return finishValidation(loaded, checkPlan(loaded, options), options);
}

/**
 * As validatePlan, with the per-file work (loading every file, then parsing again the files
 * that have findings to place them) spread over worker threads when there are enough files.
 */
export async function validatePlanInParallel(root: string, options: LoadOptions, run: ParallelRun = {}): Promise<ValidationResult> {
  const { pool: poolOptions = {}, shown, cache, early, onLoaded } = run;
  let pool: FilePool | undefined;
  const loadInPool: FileLoader = async (root, files, fileOptions) => {
    pool = FilePool.forFiles(files.length, poolSetup(root, fileOptions, options.maxFileBytes), poolOptions, early);
    if (!pool) return files.map((file) => loadFile(root, file, fileOptions));
    // Only the files that are read go to the threads: loading the others (evidence, links) is a look at their path.
    const reads = files.map(readsContent);
    const loaded = await pool.load(files.filter((_, i) => reads[i]));
    let next = 0;
    return files.map((file, i) => (reads[i] ? loaded[next++]! : loadFile(root, file, fileOptions)));
  };
  try {
    const loaded = await loadPlanWith(root, options, cache ? cache.loader(loadInPool) : loadInPool);
    onLoaded?.();
    const needsPosition = positionsWanted(loaded, shown);
    const threads = pool as FilePool | undefined;
    if (!threads) return finishValidation(loaded, checkPlan(loaded, options, cache), options, needsPosition);
    // The threads place each rule's findings while this one runs the next rules, one set after
    // another (a pool runs one set at a time); each failure is kept for the await below.
    let placing: Promise<void> = Promise.resolve();
    const place = (findings: readonly Finding[]) => {
      const wanted = findings.filter(needsPosition);
      if (wanted.length === 0) return;
      placing = placing.then(() => locateInPool(threads, wanted, loaded));
      placing.catch(() => {});
    };
    const findings = await checkPlanInTurns(loaded, options, place, cache);
    await placing;
    return finishValidation(loaded, findings, options, needsPosition);
  } finally {
    await (pool as FilePool | undefined)?.close();
    if (early !== pool) await early?.close();
  }
}

/**
 * Every finding of the loader and the rules, before it is placed in its source, one set at a
 * time: the loader's, plan.yaml's severity settings', then each rule's. With a cache, the
 * rules of department scope check only the departments changed since it was written.
 */
function* findingSets(loaded: LoadResult, options: LoadOptions, cache?: OutcomeCache): Generator<Finding[]> {
  yield loaded.findings;
  // Without a usable plan.yaml there is no fiscal year, calendar or rubric to judge
  // against: cross-file rules would only guess. Its own findings say what to fix first.
  const plan = loaded.model.plan;
  if (!plan) return;
  yield checkSeveritySettings(plan, RULES_BY_ID, options.lang);
  const byDepartment = cache && departmentFindings(loaded, options.fechaCorte, cache);
  for (const rule of RULES) {
    const run = (model: PlanModel) => runRules(model, options.lang, [rule]);
    yield byDepartment && hasScope(rule) ? byDepartment.of(rule, run) : run(loaded.model);
  }
  byDepartment?.keep();
}

function hasScope(rule: Rule): rule is Rule & { meta: { scope: Scope } } {
  return rule.meta.scope !== undefined;
}

function checkPlan(loaded: LoadResult, options: LoadOptions, cache?: OutcomeCache): Finding[] {
  return [...findingSets(loaded, options, cache)].flat();
}

/**
 * checkPlan, handing `place` each set of findings as soon as it is known, and letting this
 * thread's event loop turn between sets so the pool gets on with them.
 */
async function checkPlanInTurns(loaded: LoadResult, options: LoadOptions, place: (findings: readonly Finding[]) => void, cache?: OutcomeCache): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const set of findingSets(loaded, options, cache)) {
    findings.push(...set);
    place(set);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return findings;
}

function finishValidation(loaded: LoadResult, findings: readonly Finding[], options: LoadOptions, needsPosition?: (finding: Finding) => boolean): ValidationResult {
  const placed = placeFindings(findings, loaded.sources, loaded.model.config, needsPosition);
  const justifiable = (rule: string) => RULES_BY_ID.has(rule) && !RULES_BY_ID.get(rule)!.meta.fixedSeverity && rule !== PLAN008.meta.id;
  const justified = applyJustifications(placed, loaded.comments, loaded.model.excepciones, justifiable);
  const justificationProblems = placeFindings(justificationFindings(justified.problems, options.lang), loaded.sources, loaded.model.config);
  const diagnostics = [...justified.diagnostics, ...justificationProblems].sort(compareDiagnostics);
  return { ...loaded, diagnostics };
}

/** The positions placeFindings will ask for, found by the pool's threads, a strict parse per file. */
async function locateInPool(pool: FilePool, findings: readonly Finding[], loaded: LoadResult): Promise<void> {
  const byFile = new Map<string, LocateRequest>();
  for (const finding of findings) {
    if (finding.at || severityOf(finding, loaded.model.config) === 'off' || !loaded.sources.has(finding.file)) continue;
    let request = byFile.get(finding.file);
    if (!request) byFile.set(finding.file, (request = { file: finding.file, places: [] }));
    request.places.push({ path: finding.path ?? [], atKey: finding.atKey ?? false });
  }
  const requests = [...byFile.values()];
  const spans = await pool.locate(requests);
  requests.forEach((request, i) => request.places.forEach((place, j) => loaded.sources.remember(request.file, place.path, place.atKey, spans[i]![j])));
}

export function runRules(model: PlanModel, lang: Lang, rules: readonly Rule[] = RULES): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (!rule.check || model.config.reglas[rule.meta.id] === 'off') continue;
    rule.check(model, (report) => findings.push(findingOf(rule.meta, report, lang)));
  }
  return findings;
}

/** Only the findings `shown` will show, and those in files with justifications, need a position. */
function positionsWanted(loaded: LoadResult, shown: Shown | undefined): (finding: Finding) => boolean {
  if (!shown) return () => true;
  const justified = new Set([...loaded.comments.map((c) => c.file), ...(loaded.model.excepciones?.data.excepciones ?? []).map((e) => e.archivo)]);
  return (finding) => {
    const severity = severityOf(finding, loaded.model.config);
    return severity !== 'off' && (justified.has(finding.file) || shown(finding.file, severity));
  };
}

/** The severity plan.yaml gives a finding, or its rule's own. */
function severityOf(finding: Finding, config: ResolvedConfig): Severity | 'off' {
  const rule = RULES_BY_ID.get(finding.rule);
  const configured = rule?.meta.fixedSeverity ? undefined : config.reglas[finding.rule];
  return configured ?? finding.severity ?? rule?.meta.defaultSeverity ?? 'error';
}

/**
 * Applies severities from plan.yaml and resolves JSON paths to line and column, once
 * (for the findings `needsPosition` accepts; the others stay at 1:1).
 */
export function placeFindings(findings: readonly Finding[], sources: Sources, config: ResolvedConfig, needsPosition: (finding: Finding) => boolean = () => true): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const finding of findings) {
    const severity = severityOf(finding, config);
    if (severity === 'off') continue;
    const diagnostic: Diagnostic = { rule: finding.rule, severity, message: finding.message, file: finding.file, line: 1, column: 1 };
    if (finding.hint) diagnostic.hint = finding.hint;
    if (finding.at) {
      diagnostic.line = finding.at.line;
      diagnostic.column = finding.at.column;
    } else if (needsPosition(finding)) {
      const span = sources.locate(finding.file, finding.path ?? [], finding.atKey);
      if (span) Object.assign(diagnostic, span);
    }
    if (finding.about) diagnostic.about = finding.about;
    diagnostics.push(diagnostic);
  }
  return diagnostics.sort(compareDiagnostics);
}
