// Bytes → documents with positions → schema check → typed model. Every problem on the
// way is a finding; nothing here throws on user input.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BusinessCalendar } from './calendar/business-days.js';
import type { Finding } from './diagnostics/diagnostic.js';
import { fill, type Lang } from './i18n/text.js';
import { resolveConfig } from './model/config.js';
import { PlanModel, type ModelDocuments } from './model/model.js';
import type { IsoDate } from './model/types.js';
import { decodeYamlBytes, DEFAULT_MAX_FILE_BYTES, type DecodeProblem } from './repo/decode.js';
import { listRepo, type RepoEntry } from './repo/files.js';
import { isStrayDataFile, placementOf, type FileKind, type Placement } from './repo/layout.js';
import { PLAN001 } from './rules/PLAN001-yaml-legible.js';
import { PLAN006 } from './rules/PLAN006-archivo-fuera-de-lugar.js';
import { explainSchemaErrors } from './schema/messages.js';
import { checkSchema } from './schema/validator.js';
import { MAX_NESTING, parseYaml, type ParsedYaml, type YamlProblem } from './yaml/parse.js';
import { position } from './yaml/locate.js';

export interface LoadOptions {
  lang: Lang;
  /** Reports whose window closed before this date are due. */
  fechaCorte: IsoDate;
  maxFileBytes?: number;
}

export interface LoadResult {
  model: PlanModel;
  findings: Finding[];
  /** Parsed documents by repo-relative path, to place findings in their source. */
  sources: Map<string, ParsedYaml>;
  /** Data files read (whether or not they were valid). */
  fileCount: number;
}

export function loadPlan(root: string, options: LoadOptions): LoadResult {
  const { lang } = options;
  const entries = listRepo(root);
  const findings: Finding[] = [];
  const sources = new Map<string, ParsedYaml>();
  const documents: ModelDocuments = {
    dependencias: [],
    ppcs: [],
    reportes: [],
    retroalimentacion: [],
    convocatorias: [],
    genero: [],
  };
  const unreadable = { files: new Set<string>(), kinds: new Set<FileKind>(), departments: new Set<string>(), ppcs: new Set<string>() };
  let fileCount = 0;

  const t1 = (messageId: string, params: Record<string, string | number> = {}) => fill(PLAN001.meta.messages[messageId]![lang], params);

  for (const file of [...entries.keys()].sort()) {
    const entry = entries.get(file)!;
    const placement = placementOf(file);
    if (!placement) {
      if (isStrayDataFile(file)) findings.push({ rule: 'PLAN006', file, path: [], message: fill(PLAN006.meta.messages.stray![lang]) });
      continue;
    }
    fileCount++;
    const value = readDocument(root, entry, lang, findings, sources, t1, options.maxFileBytes);
    if (value === undefined) {
      markUnreadable(file, placement, unreadable);
      continue;
    }
    const schemaErrors = checkSchema(placement.kind, value);
    if (schemaErrors.length > 0) {
      for (const problem of explainSchemaErrors(schemaErrors, lang)) {
        findings.push({ rule: 'PLAN002', file, path: problem.path, atKey: problem.atKey, message: problem.message, ...(problem.hint ? { hint: problem.hint } : {}) });
      }
      markUnreadable(file, placement, unreadable);
      continue;
    }
    addDocument(documents, file, placement, value);
  }

  const config = resolveConfig(documents.plan?.data, Number(options.fechaCorte.slice(0, 4)));
  const calendar = new BusinessCalendar({
    federal: config.federalHolidays,
    extraNonWorkingDays: config.extraNonWorkingDays,
    windowLength: config.windowLength,
  });
  const model = new PlanModel(documents, {
    root,
    config,
    calendar,
    fechaCorte: options.fechaCorte,
    repoFiles: entries,
    unreadable,
  });
  return { model, findings, sources, fileCount };
}

/** Reads, decodes and parses one data file; undefined (with findings) when it cannot be used. */
function readDocument(
  root: string,
  entry: RepoEntry,
  lang: Lang,
  findings: Finding[],
  sources: Map<string, ParsedYaml>,
  t1: (id: string, params?: Record<string, string | number>) => string,
  maxFileBytes = DEFAULT_MAX_FILE_BYTES,
): unknown {
  const file = entry.path;
  const hint = (id: string) => PLAN001.meta.messages[id]?.[lang];
  if (entry.symlink) {
    findings.push({ rule: 'PLAN006', file, at: { line: 1, column: 1 }, message: fill(PLAN006.meta.messages.symlink![lang]), severity: 'error' });
    return undefined;
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path.join(root, file));
  } catch (error) {
    findings.push({ rule: 'PLAN001', file, at: { line: 1, column: 1 }, message: t1('unreadable', { detail: (error as NodeJS.ErrnoException).code ?? String(error) }), hint: hint('unreadableHint') });
    return undefined;
  }
  const decoded = decodeYamlBytes(bytes, maxFileBytes);
  if (!decoded.ok) {
    findings.push(decodeFinding(file, decoded.problem, t1, hint));
    return undefined;
  }
  const outcome = parseYaml(decoded.text);
  if (!outcome.ok) {
    for (const problem of outcome.problems) findings.push(yamlFinding(file, problem, outcome.lineCounter, t1, hint));
    return undefined;
  }
  sources.set(file, outcome.parsed);
  return outcome.parsed.value;
}

function decodeFinding(
  file: string,
  problem: DecodeProblem,
  t1: (id: string, params?: Record<string, string | number>) => string,
  hint: (id: string) => string | undefined,
): Finding {
  const base = { rule: 'PLAN001', file };
  switch (problem.kind) {
    case 'too_large':
      return { ...base, at: { line: 1, column: 1 }, message: t1('too_large', { size: Math.ceil(problem.bytes / 1024), limit: Math.floor(problem.limit / 1024) }), hint: hint('too_largeHint') };
    case 'utf16':
      return { ...base, at: { line: 1, column: 1 }, message: t1('utf16'), hint: hint('encodingHint') };
    case 'nul':
      return { ...base, at: { line: problem.line, column: problem.column }, message: t1('nul'), hint: hint('nulHint') };
    case 'not_utf8':
      return {
        ...base,
        at: { line: problem.line, column: problem.column },
        message: t1('not_utf8', { byte: problem.byte.toString(16).toUpperCase().padStart(2, '0'), char: problem.latin1 }),
        hint: hint('encodingHint'),
      };
  }
}

function yamlFinding(
  file: string,
  problem: YamlProblem,
  lineCounter: ParsedYaml['lineCounter'],
  t1: (id: string, params?: Record<string, string | number>) => string,
  hint: (id: string) => string | undefined,
): Finding {
  const detail = (problem.detail ?? '').split('\n')[0] ?? '';
  return {
    rule: 'PLAN001',
    file,
    at: position(lineCounter, problem.offset),
    message: t1(problem.code, { detail, limit: MAX_NESTING }),
    hint: hint(`${problem.code}Hint`),
  };
}

function markUnreadable(
  file: string,
  placement: Placement,
  unreadable: { files: Set<string>; kinds: Set<FileKind>; departments: Set<string>; ppcs: Set<string> },
): void {
  unreadable.files.add(file);
  unreadable.kinds.add(placement.kind);
  if (placement.kind === 'dependencia' && placement.folder) unreadable.departments.add(placement.folder);
  if (placement.kind === 'ppcs' && placement.stem) unreadable.ppcs.add(placement.stem);
}

function addDocument(documents: ModelDocuments, file: string, placement: Placement, value: unknown): void {
  const doc = { file, placement, data: value as never };
  const lists: Partial<Record<FileKind, { push(doc: never): void }>> = {
    dependencia: documents.dependencias,
    ppcs: documents.ppcs,
    reporte: documents.reportes,
    retroalimentacion: documents.retroalimentacion,
    convocatorias: documents.convocatorias,
    genero: documents.genero,
  };
  if (placement.kind === 'plan') documents.plan = doc;
  else if (placement.kind === 'unidades') documents.unidades = doc;
  else lists[placement.kind]!.push(doc as never);
}
