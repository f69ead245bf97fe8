// Bytes → documents with positions → schema check → typed model. Every problem on the
// way is a finding; nothing here throws on user input.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BusinessCalendar } from './calendar/business-days.js';
import type { GitHistory } from './git/history.js';
import type { Finding } from './diagnostics/diagnostic.js';
import { fill, type Lang, type Params } from './i18n/text.js';
import { resolveConfig } from './model/config.js';
import { PlanModel, type ModelDocuments, type Unreadable } from './model/model.js';
import type { IsoDate } from './model/types.js';
import { decodeYamlBytes, DEFAULT_MAX_FILE_BYTES, type DecodeProblem } from './repo/decode.js';
import { listRepo, type RepoEntry } from './repo/files.js';
import { isStrayDataFile, placementOf, type FileKind, type Placement } from './repo/layout.js';
import { PLAN001, PLAN001_HINTS } from './rules/PLAN001-yaml-legible.js';
import { KIND_NAMES, MISPLACED_HINT, PLAN006, whereItBelongs } from './rules/PLAN006-archivo-fuera-de-lugar.js';
import { explainSchemaErrors } from './schema/messages.js';
import { checkSchema } from './schema/validator.js';
import { position } from './yaml/locate.js';
import { MAX_NESTING, parseYaml } from './yaml/parse.js';
import { Sources } from './yaml/sources.js';

export interface LoadOptions {
  lang: Lang;
  /** Reports whose window closed before this date are due. */
  fechaCorte: IsoDate;
  maxFileBytes?: number;
  /** When each file first entered git (read at the edge by src/git/history.ts), for PLAN029. */
  history?: GitHistory;
}

export interface LoadResult {
  model: PlanModel;
  findings: Finding[];
  /** The text of every parsed file, to place findings in their source. */
  sources: Sources;
  /** Data files read (whether or not they were valid). */
  fileCount: number;
}

type MutableUnreadable = { [K in keyof Unreadable]: Unreadable[K] extends ReadonlySet<infer T> ? Set<T> : never };

export function loadPlan(root: string, options: LoadOptions): LoadResult {
  return new Loader(root, options).load();
}

class Loader {
  private readonly findings: Finding[] = [];
  private readonly sources = new Sources();
  private readonly documents: ModelDocuments = { dependencias: [], ppcs: [], reportes: [], retroalimentacion: [], convocatorias: [], genero: [] };
  private readonly unreadable: MutableUnreadable = { files: new Set(), kinds: new Set(), departments: new Set(), ppcs: new Set() };
  private fileCount = 0;

  constructor(
    private readonly root: string,
    private readonly options: LoadOptions,
  ) {}

  load(): LoadResult {
    const { entries, unreadableFolders } = listRepo(this.root);
    for (const folder of unreadableFolders) {
      this.plan001(folder.path || '.', { line: 1, column: 1 }, 'unreadable_folder', { folder: folder.path || '.', detail: folder.code });
    }
    for (const file of [...entries.keys()].sort()) this.loadFile(entries.get(file)!);

    const config = resolveConfig(this.documents.plan?.data, Number(this.options.fechaCorte.slice(0, 4)));
    const calendar = new BusinessCalendar({ federal: config.federalHolidays, extraNonWorkingDays: config.extraNonWorkingDays, windowLength: config.windowLength });
    const model = new PlanModel(this.documents, {
      root: this.root,
      config,
      calendar,
      fechaCorte: this.options.fechaCorte,
      repoFiles: entries,
      unreadable: this.unreadable,
      ...(this.options.history ? { history: this.options.history } : {}),
    });
    return { model, findings: this.findings, sources: this.sources, fileCount: this.fileCount };
  }

  private loadFile(entry: RepoEntry): void {
    const file = entry.path;
    const placement = placementOf(file);
    if (!placement) {
      if (isStrayDataFile(file)) this.strayFile(entry);
      return;
    }
    this.fileCount++;
    const value = this.read(entry);
    if (value === undefined) return this.markUnreadable(file, placement);
    const schemaErrors = checkSchema(placement.kind, value);
    if (schemaErrors.length > 0) {
      for (const problem of explainSchemaErrors(schemaErrors, this.options.lang)) {
        this.findings.push({ rule: 'PLAN002', file, path: problem.path, atKey: problem.atKey, message: problem.message, ...(problem.hint ? { hint: problem.hint } : {}) });
      }
      return this.markUnreadable(file, placement);
    }
    this.addDocument(file, placement, value);
  }

  /**
   * PLAN006: a YAML file at no known place. One that looks like plan data (a report saved as
   * `dependencias/SP/2019-T3.yml`) is an error naming where it belongs, so the pull request that
   * brings it cannot pass green while the report it holds goes unchecked.
   */
  private strayFile(entry: RepoEntry): void {
    const { lang } = this.options;
    const file = entry.path;
    const belongs = entry.symlink ? undefined : whereItBelongs(file, this.peek(entry));
    if (!belongs) {
      this.findings.push({ rule: 'PLAN006', file, path: [], message: fill(PLAN006.meta.messages.stray![lang]) });
      return;
    }
    this.findings.push({
      rule: 'PLAN006',
      file,
      path: [],
      severity: 'error',
      message: fill(PLAN006.meta.messages.misplaced![lang], { tipo: KIND_NAMES[belongs.kind][lang] }),
      hint: fill(MISPLACED_HINT[lang], { destino: belongs.target }),
    });
  }

  /** A stray file's parsed content, to tell what it is; undefined when it cannot be read. */
  private peek(entry: RepoEntry): unknown {
    try {
      const decoded = decodeYamlBytes(readFileSync(path.join(this.root, entry.path)), this.options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
      if (!decoded.ok) return undefined;
      const outcome = parseYaml(decoded.text);
      return outcome.ok ? outcome.parsed.value : undefined;
    } catch {
      return undefined;
    }
  }

  /** Reads, decodes and parses one data file; undefined (with findings) when it cannot be used. */
  private read(entry: RepoEntry): unknown {
    const file = entry.path;
    const start = { line: 1, column: 1 };
    if (entry.symlink) {
      this.findings.push({ rule: 'PLAN006', file, at: start, message: fill(PLAN006.meta.messages.symlink![this.options.lang]), severity: 'error' });
      return undefined;
    }
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(path.join(this.root, file));
    } catch (error) {
      this.plan001(file, start, 'unreadable', { detail: (error as NodeJS.ErrnoException).code ?? String(error) });
      return undefined;
    }
    const decoded = decodeYamlBytes(bytes, this.options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
    if (!decoded.ok) {
      this.decodeProblem(file, decoded.problem);
      return undefined;
    }
    const outcome = parseYaml(decoded.text);
    if (!outcome.ok) {
      for (const problem of outcome.problems) {
        this.plan001(file, position(outcome.lineCounter, problem.offset), problem.code, { detail: problem.detail ?? '', limit: MAX_NESTING, ...problem.params });
      }
      return undefined;
    }
    // Keep the text, not the parsed document: positions are recomputed only for the
    // files that end up with findings (see yaml/sources.ts).
    this.sources.set(file, outcome.parsed.text);
    return outcome.parsed.value;
  }

  private decodeProblem(file: string, problem: DecodeProblem): void {
    const start = { line: 1, column: 1 };
    switch (problem.kind) {
      case 'too_large':
        return this.plan001(file, start, 'too_large', { size: Math.ceil(problem.bytes / 1024), limit: Math.floor(problem.limit / 1024) });
      case 'utf16':
        return this.plan001(file, start, 'utf16', {}, 'encoding');
      case 'nul':
        return this.plan001(file, problem, 'nul');
      case 'not_utf8':
        return this.plan001(file, problem, 'not_utf8', { byte: problem.byte.toString(16).toUpperCase().padStart(2, '0'), char: problem.latin1 }, 'encoding');
    }
  }

  private plan001(file: string, at: { line: number; column: number }, messageId: string, params: Params = {}, hintId = messageId): void {
    const { lang } = this.options;
    const hint = PLAN001_HINTS[hintId];
    this.findings.push({
      rule: 'PLAN001',
      file,
      at: { line: at.line, column: at.column },
      message: fill(PLAN001.meta.messages[messageId]![lang], params),
      ...(hint ? { hint: fill(hint[lang], params) } : {}),
    });
  }

  private markUnreadable(file: string, placement: Placement): void {
    this.unreadable.files.add(file);
    this.unreadable.kinds.add(placement.kind);
    if (placement.kind === 'dependencia' && placement.folder) this.unreadable.departments.add(placement.folder);
    if (placement.kind === 'ppcs' && placement.stem) this.unreadable.ppcs.add(placement.stem);
  }

  private addDocument(file: string, placement: Placement, value: unknown): void {
    const doc = { file, placement, data: value as never };
    const lists: Partial<Record<FileKind, { push(doc: never): void }>> = {
      dependencia: this.documents.dependencias,
      ppcs: this.documents.ppcs,
      reporte: this.documents.reportes,
      retroalimentacion: this.documents.retroalimentacion,
      convocatorias: this.documents.convocatorias,
      genero: this.documents.genero,
    };
    if (placement.kind === 'plan') this.documents.plan = doc;
    else if (placement.kind === 'unidades') this.documents.unidades = doc;
    else if (placement.kind === 'excepciones') this.documents.excepciones = doc;
    else lists[placement.kind]!.push(doc as never);
  }
}
