// One data file, on its own: read → decode → parse → schema check. It needs nothing from
// the other files, so the loader can run it in worker threads (parallel/) and gather the
// outcomes in file order; its result is plain data that crosses a thread as it is.
import { lstatSync } from 'node:fs';
import path from 'node:path';
import { commentsIn, type JustifyingComment } from './diagnostics/justifications.js';
import type { Lang } from './i18n/text.js';
import type { Finding } from './model/finding.js';
import { factsOf, type DocumentFacts } from './model/model.js';
import { DEFAULT_MAX_FILE_BYTES } from './repo/decode.js';
import { PLAN_FILE } from './repo/find-root.js';
import { isStrayDataFile, placementOf } from './repo/layout.js';
import { readDataFile } from './repo/read.js';
import { decodeFinding, parseFinding, unreadableFileFinding } from './rules/PLAN001-yaml-legible.js';
import { schemaFinding } from './rules/PLAN002-esquema.js';
import { misplacedByContent, strayFinding, symlinkFinding } from './rules/PLAN006-archivo-fuera-de-lugar.js';
import { explainSchemaErrors, SCHEMA_PROBLEMS_PER_FILE } from './schema/messages.js';
import { checkSchema } from './schema/validator.js';
import { parseYamlData } from './yaml/fast.js';
import type { ParsedYaml } from './yaml/parse.js';

export interface FileToLoad {
  /** Repo-relative POSIX path. */
  path: string;
  symlink: boolean;
}

export interface FileLoadOptions {
  lang: Lang;
  maxFileBytes?: number;
}

export interface FileOutcome {
  file: string;
  /** Outside the layout: only its content was looked at, to say where it belongs. */
  stray: boolean;
  /** Reading, parsing and schema findings, in the order they were found. */
  findings: Finding[];
  /** The file was parsed: findings of later stages can be placed in its text. */
  parsed: boolean;
  /** The parsed data, valid or not (plan.yaml's PLAN029 setting is read from it). */
  value?: unknown;
  /** Set by the cache instead of `value`: gives it, parsed when first asked for (cache/outcomes.ts). */
  readValue?: () => unknown;
  /** What the rules read of a valid document of a department, whether or not they read the rest (model.ts). */
  facts?: DocumentFacts;
  /** The data passed its schema and is what the model is built from. */
  valid: boolean;
  /** `# plan-justifica` comments of the file (diagnostics/justifications.ts). */
  comments: JustifyingComment[];
}

/** The outcome's data, whether the cache left it to be parsed when asked for or not. */
export function valueOf(outcome: FileOutcome): unknown {
  return outcome.readValue ? outcome.readValue() : outcome.value;
}

/** Whether loading the file reads it: data files, and stray ones (whose content says where they belong); not links, not evidence. */
export function readsContent(file: FileToLoad): boolean {
  return !file.symlink && (placementOf(file.path) !== undefined || isStrayDataFile(file.path));
}

export function loadFile(root: string, file: FileToLoad, options: FileLoadOptions): FileOutcome {
  const outcome: FileOutcome = { file: file.path, stray: false, findings: [], parsed: false, valid: false, comments: [] };
  const placement = placementOf(file.path);
  if (!placement) {
    outcome.stray = true;
    // A stray file's content only tells what it is; its own reading problems are not reported.
    if (isStrayDataFile(file.path)) outcome.findings.push(strayFinding(file.path, { symlink: file.symlink, content: read(root, file, options, () => {})?.value }, options.lang));
    return outcome;
  }
  const parsed = read(root, file, options, (finding) => outcome.findings.push(finding));
  if (!parsed) return outcome;
  outcome.parsed = true;
  outcome.value = parsed.value;
  outcome.comments = commentsIn(file.path, parsed.text);
  const schemaErrors = checkSchema(placement.kind, parsed.value);
  if (schemaErrors.length === 0) {
    outcome.valid = true;
    const facts = factsOf(placement.kind, parsed.value);
    if (facts) outcome.facts = facts;
    return outcome;
  }
  const elsewhere = misplacedByContent(file.path, placement.kind, parsed.value, options.lang);
  if (elsewhere) {
    outcome.findings.push(elsewhere);
    return outcome;
  }
  const problems = explainSchemaErrors(schemaErrors, options.lang, { limit: SCHEMA_PROBLEMS_PER_FILE, value: parsed.value });
  for (const problem of problems) outcome.findings.push(schemaFinding(file.path, problem, options.lang));
  return outcome;
}

/**
 * plan.yaml's data as loading parses it (valid or not; no schema check), read before the run:
 * what tells cli/check.ts early that the git history will be needed (load.ts historyWanted).
 * Undefined when it cannot be read or parsed, as the loader then takes it.
 */
export function readPlanValue(root: string, options: FileLoadOptions): unknown {
  let symlink: boolean;
  try {
    symlink = lstatSync(path.join(root, PLAN_FILE)).isSymbolicLink();
  } catch {
    return undefined;
  }
  return read(root, { path: PLAN_FILE, symlink }, options, () => {})?.value;
}

/**
 * Reads, decodes and parses one file; undefined when it cannot be used, with each reason
 * given to `report`.
 */
function read(root: string, file: FileToLoad, options: FileLoadOptions, report: (finding: Finding) => void): ParsedYaml | undefined {
  const { lang } = options;
  if (file.symlink) {
    report(symlinkFinding(file.path, lang));
    return undefined;
  }
  // Size and encoding are judged before any parse (src/repo/read.ts).
  const read = readDataFile(path.join(root, file.path), options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
  if (!read.ok) {
    report(read.reason === 'decode' ? decodeFinding(file.path, read.problem, lang) : unreadableFileFinding(file.path, read.code, lang));
    return undefined;
  }
  const outcome = parseYamlData(read.text);
  if (!outcome.ok) {
    for (const problem of outcome.problems) report(parseFinding(file.path, problem, outcome.lineCounter, lang));
    return undefined;
  }
  return outcome.parsed;
}
