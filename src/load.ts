// Files (each read → parsed → schema-checked by load-file.ts) → typed model. Every problem on the
// way is a finding; nothing here throws on user input.
import { BusinessCalendar } from './calendar/business-days.js';
import type { JustifyingComment } from './diagnostics/justifications.js';
import type { GitHistory } from './git/history.js';
import type { Lang } from './i18n/text.js';
import { loadFile, valueOf, type FileLoadOptions, type FileOutcome, type FileToLoad } from './load-file.js';
import type { Finding } from './model/finding.js';
import { resolveConfig, severitySetting } from './model/config.js';
import { PlanModel, type DepartmentDocuments, type DocumentFacts, type ModelDocuments, type Unreadable } from './model/model.js';
import { yearOf, type IsoDate } from './model/time.js';
import { DEFAULT_MAX_FILE_BYTES } from './repo/decode.js';
import { listRepo, type RepoEntry } from './repo/files.js';
import { dataFolderOf, placementOf, type DataFolder, type FileKind, type Placement } from './repo/layout.js';
import { unreadableFolderFinding } from './rules/PLAN001-yaml-legible.js';
import { symlinkFolderFinding } from './rules/PLAN006-archivo-fuera-de-lugar.js';
import { Sources } from './yaml/sources.js';

export interface LoadOptions {
  lang: Lang;
  /** Reports whose window closed before this date are due. */
  fechaCorte: IsoDate;
  maxFileBytes?: number;
  /**
   * When each file first entered git (read at the edge by src/git/history.ts), for PLAN029.
   * Asked for once plan.yaml is read, and only when it does not turn PLAN029 off (see
   * historyWanted): an `off` rule costs no git call. loadPlanWith awaits a promise (git may
   * be running since before the files were read); loadPlan takes only a history at hand.
   */
  readHistory?: () => GitHistory | Promise<GitHistory> | undefined;
}

/** Whether plan.yaml's data (as parsed, valid or not) leaves PLAN029 on, so the git history is needed. */
export function historyWanted(planValue: unknown): boolean {
  const reglas = isRecord(planValue) && isRecord(planValue.reglas) ? planValue.reglas : undefined;
  return severitySetting(reglas?.PLAN029) !== 'off';
}

export interface LoadResult {
  model: PlanModel;
  findings: Finding[];
  /** Where each parsed file's findings are placed (positions computed on demand). */
  sources: Sources;
  /** Every `# plan-justifica` comment, in file order. */
  comments: JustifyingComment[];
  /** Data files read (whether or not they were valid). */
  fileCount: number;
  /**
   * The model of part of the repo, as loading a copy of it holding only the files `keep`
   * accepts would give it (without git history). With `withFacts`: the documents of those
   * files, with the whole repo's listing, history, unreadable files and the facts of every
   * department's documents (model.ts `every`), whose data only the kept ones hold. Rules with
   * a scope run on the departments that changed (cache/findings.ts). No file is read again.
   */
  part(keep: (file: string) => boolean, withFacts?: boolean): PlanModel;
}

/** A rule with a scope read the data of a department outside the part it was given (model.ts `every`). */
export class OutsideThePart extends Error {
  constructor(readonly file: string) {
    super(`The data of ${file} is outside this part of the plan.`);
  }
}

/** A document whose data the cache reads when first asked for. */
class StoredDocument {
  constructor(
    readonly file: string,
    readonly placement: Placement,
    readonly facts: DocumentFacts | undefined,
    private readonly readValue: () => unknown,
  ) {}

  get data(): never {
    return this.readValue() as never;
  }
}

/** Another department's document in a part with facts: its facts, and no data. */
class FactsOnly {
  constructor(
    readonly file: string,
    readonly placement: Placement,
    readonly facts: DocumentFacts,
  ) {}

  get data(): never {
    throw new OutsideThePart(this.file);
  }
}

type MutableUnreadable = { [K in keyof Unreadable]: Unreadable[K] extends ReadonlySet<infer T> ? Set<T> : never };

/** Loads in this thread: for small repos, tests and tools. */
export function loadPlan(root: string, options: LoadOptions): LoadResult {
  return new Loader(root, options).load();
}

/** Loads with `loadFiles` doing the per-file work (worker threads, see parallel/). */
export function loadPlanWith(root: string, options: LoadOptions, loadFiles: FileLoader): Promise<LoadResult> {
  return new Loader(root, options).loadWith(loadFiles);
}

/** Loads each file of `files` (loadFile) and gives the outcomes in the same order. */
export type FileLoader = (root: string, files: FileToLoad[], options: FileLoadOptions) => Promise<FileOutcome[]>;

class Loader {
  private readonly findings: Finding[] = [];
  private readonly comments: JustifyingComment[] = [];
  private readonly parsedFiles = new Set<string>();
  private readonly documents: ModelDocuments = { dependencias: [], ppcs: [], reportes: [], retroalimentacion: [], convocatorias: [], genero: [] };
  private readonly unreadable: MutableUnreadable = { files: new Set(), kinds: new Set(), departments: new Set(), ppcs: new Set(), ppcsFolders: new Set(), folders: new Set() };
  private fileCount = 0;
  /** plan.yaml as parsed, valid or not: its PLAN029 setting decides whether git history is read. */
  private planValue: unknown;

  constructor(
    private readonly root: string,
    private readonly options: LoadOptions,
  ) {}

  /** Loads every data file in this thread. */
  load(): LoadResult {
    const { entries, files } = this.list();
    const outcomes = files.map((file) => loadFile(this.root, file, this.fileOptions()));
    for (const outcome of outcomes) this.accept(outcome);
    const history = this.history();
    if (history instanceof Promise) throw new Error('loadPlan takes a history at hand; loadPlanWith awaits one.');
    return this.assemble(entries, outcomes, history);
  }

  /** Loads with `loadFiles` doing the per-file work; the outcomes are taken in path order all the same. */
  async loadWith(loadFiles: FileLoader): Promise<LoadResult> {
    const { entries, files } = this.list();
    const outcomes = await loadFiles(this.root, files, this.fileOptions());
    for (const outcome of outcomes) this.accept(outcome);
    return this.assemble(entries, outcomes, await this.history());
  }

  /** The repo's files in path order; a data folder that is a link is settled here, without reading. */
  private list(): { entries: Map<string, RepoEntry>; files: FileToLoad[] } {
    const { entries, unreadableFolders } = listRepo(this.root);
    for (const folder of unreadableFolders) this.findings.push(unreadableFolderFinding(folder, this.options.lang));
    return { entries, files: this.settleLinkedFolders(entries) };
  }

  /** The files to load, in path order; each data folder that is a link is settled as it is met. */
  private settleLinkedFolders(entries: ReadonlyMap<string, RepoEntry>): FileToLoad[] {
    const files: FileToLoad[] = [];
    for (const file of [...entries.keys()].sort()) {
      const entry = entries.get(file)!;
      const folder = entry.symlink ? dataFolderOf(file) : undefined;
      if (folder) this.linkedFolder(file, folder);
      else files.push({ path: entry.path, symlink: entry.symlink });
    }
    return files;
  }

  private fileOptions(): FileLoadOptions {
    return { lang: this.options.lang, ...(this.options.maxFileBytes !== undefined ? { maxFileBytes: this.options.maxFileBytes } : {}) };
  }

  /** The whole plan's result from its accepted outcomes; a part takes the whole's history. */
  private assemble(entries: Map<string, RepoEntry>, outcomes: readonly FileOutcome[], history: GitHistory | undefined): LoadResult {
    const whole = this.finish(entries, (keep, withFacts = false) => {
      const part = new Loader(this.root, { ...this.options, readHistory: undefined });
      const listed = withFacts ? entries : new Map([...entries].filter(([file]) => keep(file)));
      // For its linked folders only (a part with facts takes the whole plan's unreadable
      // files): the files to load are the outcomes below.
      if (!withFacts) part.settleLinkedFolders(listed);
      for (const outcome of outcomes) if (keep(outcome.file)) part.accept(outcome);
      const across = withFacts ? { every: this.factsOutside(part.documents, keep), unreadable: this.unreadable } : undefined;
      return part.finish(listed, () => {
        throw new Error('A part of a part is never asked for.');
      }, across && whole.model.history, across).model;
    }, history);
    return whole;
  }

  /** Every department's documents: those `keep` accepts as the part holds them, the others' facts only. */
  private factsOutside(part: DepartmentDocuments, keep: (file: string) => boolean): DepartmentDocuments {
    const inPart = new Map<string, unknown>();
    for (const doc of [...part.dependencias, ...part.ppcs, ...part.reportes]) inPart.set(doc.file, doc);
    const facts = <D extends { file: string; placement: Placement; facts: DocumentFacts }>(doc: D): D =>
      (keep(doc.file) ? inPart.get(doc.file) : new FactsOnly(doc.file, doc.placement, doc.facts)) as D;
    return { dependencias: this.documents.dependencias.map(facts), ppcs: this.documents.ppcs.map(facts), reportes: this.documents.reportes.map(facts) };
  }

  /** `across`: what a part with facts takes of the whole plan (see LoadResult.part). */
  private finish(entries: Map<string, RepoEntry>, part: LoadResult['part'], history: GitHistory | undefined, across?: { every: DepartmentDocuments; unreadable: Unreadable }): LoadResult {
    const config = resolveConfig(this.documents.plan?.data, yearOf(this.options.fechaCorte));
    const calendar = new BusinessCalendar({ federal: config.federalHolidays, extraNonWorkingDays: config.extraNonWorkingDays, windowLength: config.windowLength });
    const model = new PlanModel(this.documents, {
      root: this.root,
      config,
      calendar,
      fechaCorte: this.options.fechaCorte,
      repoFiles: entries,
      unreadable: across?.unreadable ?? this.unreadable,
      ...(across || this.wantsHistory() ? { history } : {}),
    }, across?.every);
    const sources = new Sources(this.root, this.parsedFiles, this.options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
    return { model, findings: this.findings, sources, comments: this.comments, fileCount: this.fileCount, part };
  }

  private accept(outcome: FileOutcome): void {
    this.findings.push(...outcome.findings);
    if (outcome.stray) return;
    const file = outcome.file;
    const placement = placementOf(file)!;
    this.fileCount++;
    if (outcome.parsed) this.parsedFiles.add(file);
    this.comments.push(...outcome.comments);
    if (placement.kind === 'plan') this.planValue = valueOf(outcome);
    if (outcome.valid) this.addDocument(file, placement, outcome);
    else this.markUnreadable(file, placement);
  }

  private wantsHistory(): boolean {
    return this.options.readHistory !== undefined && historyWanted(this.planValue);
  }

  /** Asked for once every outcome is accepted, plan.yaml's among them. */
  private history(): GitHistory | Promise<GitHistory> | undefined {
    return this.wantsHistory() ? this.options.readHistory!() : undefined;
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

  private addDocument(file: string, placement: Placement, outcome: FileOutcome): void {
    // A cached file's data is parsed when a rule first asks for it, not here (cache/outcomes.ts).
    const doc = outcome.readValue ? new StoredDocument(file, placement, outcome.facts, outcome.readValue) : { file, placement, facts: outcome.facts, data: outcome.value as never };
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
