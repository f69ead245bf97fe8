// Bytes → documents with positions → schema check → typed model. Every problem on the
// way is a finding; nothing here throws on user input.
import path from 'node:path';
import { BusinessCalendar } from './calendar/business-days.js';
import type { GitHistory } from './git/history.js';
import type { Finding } from './model/finding.js';
import type { Lang } from './i18n/text.js';
import { resolveConfig, severitySetting } from './model/config.js';
import { PlanModel, type ModelDocuments, type Unreadable } from './model/model.js';
import { yearOf, type IsoDate } from './model/time.js';
import { DEFAULT_MAX_FILE_BYTES } from './repo/decode.js';
import { listRepo, type RepoEntry } from './repo/files.js';
import { dataFolderOf, isStrayDataFile, placementOf, type DataFolder, type FileKind, type Placement } from './repo/layout.js';
import { readDataFile } from './repo/read.js';
import { decodeFinding, parseFinding, unreadableFileFinding, unreadableFolderFinding } from './rules/PLAN001-yaml-legible.js';
import { schemaFinding } from './rules/PLAN002-esquema.js';
import { misplacedByContent, strayFinding, symlinkFinding, symlinkFolderFinding } from './rules/PLAN006-archivo-fuera-de-lugar.js';
import { explainSchemaErrors, SCHEMA_PROBLEMS_PER_FILE } from './schema/messages.js';
import { checkSchema } from './schema/validator.js';
import { parseYamlData } from './yaml/fast.js';
import type { ParsedYaml } from './yaml/parse.js';
import { Sources } from './yaml/sources.js';

export interface LoadOptions {
  lang: Lang;
  /** Reports whose window closed before this date are due. */
  fechaCorte: IsoDate;
  maxFileBytes?: number;
  /**
   * When each file first entered git (read at the edge by src/git/history.ts), for PLAN029.
   * Asked for once plan.yaml is read, and only when it does not turn PLAN029 off: an `off`
   * rule costs no git call, and plan.yaml is parsed once.
   */
  readHistory?: () => GitHistory | undefined;
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
  private readonly unreadable: MutableUnreadable = { files: new Set(), kinds: new Set(), departments: new Set(), ppcs: new Set(), ppcsFolders: new Set(), folders: new Set() };
  private fileCount = 0;
  /** plan.yaml as parsed, valid or not: its PLAN029 setting decides whether git history is read. */
  private planValue: unknown;

  constructor(
    private readonly root: string,
    private readonly options: LoadOptions,
  ) {}

  load(): LoadResult {
    const { entries, unreadableFolders } = listRepo(this.root);
    for (const folder of unreadableFolders) this.findings.push(unreadableFolderFinding(folder, this.options.lang));
    for (const file of [...entries.keys()].sort()) {
      const entry = entries.get(file)!;
      const folder = entry.symlink ? dataFolderOf(file) : undefined;
      if (folder) this.linkedFolder(file, folder);
      else this.loadFile(entry);
    }

    const config = resolveConfig(this.documents.plan?.data, yearOf(this.options.fechaCorte));
    const calendar = new BusinessCalendar({ federal: config.federalHolidays, extraNonWorkingDays: config.extraNonWorkingDays, windowLength: config.windowLength });
    const model = new PlanModel(this.documents, {
      root: this.root,
      config,
      calendar,
      fechaCorte: this.options.fechaCorte,
      repoFiles: entries,
      unreadable: this.unreadable,
      ...(this.readsHistory() ? { history: this.options.readHistory?.() } : {}),
    });
    return { model, findings: this.findings, sources: this.sources, fileCount: this.fileCount };
  }

  private loadFile(entry: RepoEntry): void {
    const file = entry.path;
    const placement = placementOf(file);
    if (!placement) {
      // A stray file's content only tells what it is; its own reading problems are not reported.
      if (isStrayDataFile(file)) this.findings.push(strayFinding(file, { symlink: entry.symlink, content: this.read(entry, () => {})?.value }, this.options.lang));
      return;
    }
    this.fileCount++;
    const parsed = this.read(entry);
    // Keep the text, not the parsed document: positions are recomputed only for the
    // files that end up with findings (see yaml/sources.ts).
    if (parsed) this.sources.set(file, parsed.text);
    const value = parsed?.value;
    if (placement.kind === 'plan') this.planValue = value;
    if (value === undefined) return this.markUnreadable(file, placement);
    const schemaErrors = checkSchema(placement.kind, value);
    if (schemaErrors.length > 0) {
      const elsewhere = misplacedByContent(file, placement.kind, value, this.options.lang);
      if (elsewhere) {
        this.findings.push(elsewhere);
        return this.markUnreadable(file, placement);
      }
      const problems = explainSchemaErrors(schemaErrors, this.options.lang, { limit: SCHEMA_PROBLEMS_PER_FILE, value });
      for (const problem of problems) this.findings.push(schemaFinding(file, problem, this.options.lang));
      if (parsed?.doc && parsed.lineCounter) this.sources.keepParsed(file, parsed.doc, parsed.lineCounter);
      return this.markUnreadable(file, placement);
    }
    this.addDocument(file, placement, value);
  }

  /**
   * Reads, decodes and parses one file; undefined when it cannot be used, with each reason
   * given to `report` (by default the run's findings; a stray file's are not wanted).
   */
  private read(entry: RepoEntry, report: (finding: Finding) => void = (finding) => this.findings.push(finding)): ParsedYaml | undefined {
    const file = entry.path;
    const { lang } = this.options;
    if (entry.symlink) {
      report(symlinkFinding(file, lang));
      return undefined;
    }
    // Size and encoding are judged before any parse (src/repo/read.ts).
    const read = readDataFile(path.join(this.root, file), this.options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
    if (!read.ok) {
      report(read.reason === 'decode' ? decodeFinding(file, read.problem, lang) : unreadableFileFinding(file, read.code, lang));
      return undefined;
    }
    const outcome = parseYamlData(read.text);
    if (!outcome.ok) {
      for (const problem of outcome.problems) report(parseFinding(file, problem, outcome.lineCounter, lang));
      return undefined;
    }
    return outcome.parsed;
  }

  private readsHistory(): boolean {
    if (!this.options.readHistory) return false;
    const reglas = isRecord(this.planValue) && isRecord(this.planValue.reglas) ? this.planValue.reglas : undefined;
    return severitySetting(reglas?.PLAN029) !== 'off';
  }

  /**
   * A data folder that is a symbolic link is never followed (see repo/files.ts): one finding
   * for it, and what it would have held counts as unreadable, so the references to it do not
   * each say «no existe».
   */
  private linkedFolder(folder: string, holds: DataFolder): void {
    this.findings.push(symlinkFolderFinding(folder, this.options.lang));
    this.unreadable.folders.add(folder);
    for (const kind of holds.kinds) this.unreadable.kinds.add(kind);
    if (holds.department) this.unreadable.departments.add(holds.department);
    if (holds.department && holds.kinds.includes('ppcs')) this.unreadable.ppcsFolders.add(holds.department);
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
