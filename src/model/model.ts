import type { RepoEntry } from '../repo/files.js';
import { departmentOf, type FileKind, type Placement } from '../repo/layout.js';
import type { ResolvedConfig } from './config.js';
import type {
  CatalogoUnidades,
  Convocatorias,
  Dependencia,
  EvaluacionBase,
  Excepciones,
  PlanConfig,
  PlanDeMejora,
  Ppcs,
  RecomendacionesGenero,
  Reporte,
  Retroalimentacion,
  UnidadMedida,
} from './types.js';
import { QUARTERS, type GitHistory, type IsoDate, type Quarter, type WorkCalendar } from './time.js';

export { parseTrimestre } from './time.js';

/** A document that passed its schema, with the file it came from. */
export interface SourceDoc<T> {
  file: string;
  placement: Placement;
  data: T;
}

/**
 * What the rules read of another department's documents: the ids they are looked up by, and
 * the two sides of Integralidad (PLAN030 asks who names whom). A part of the plan holds the
 * facts of every department and the data of its own (load.ts `part`); a run with --cache
 * parses a file's data only when asked for (cache/outcomes.ts), so a pull request's run reads
 * the data of the departments it changed.
 */
export interface PpcsFacts {
  id: string;
  estatus: Ppcs['estatus'];
  /** Every department named in «participantes» of an activity, once, in order. */
  participantes: string[];
}

export interface DependenciaFacts {
  clave: string;
}

export interface ReportFacts {
  trimestre: string;
  /** The PPCS id of each entry that names departments in «colaboraciones», with them. */
  colaboraciones: [ppcs: string, claves: string[]][];
}

export type DocumentFacts = PpcsFacts | DependenciaFacts | ReportFacts;

/** The facts of a document of a department that passed its schema; none for the other kinds. */
export function factsOf(kind: FileKind, data: unknown): DocumentFacts | undefined {
  if (kind === 'ppcs') {
    const ppcs = data as Ppcs;
    return { id: ppcs.id, estatus: ppcs.estatus, participantes: [...new Set((ppcs.actividades ?? []).flatMap((a) => a.participantes ?? []))] };
  }
  if (kind === 'dependencia') return { clave: (data as Dependencia).clave };
  if (kind === 'reporte') {
    const report = data as Reporte;
    const colaboraciones = report.ppcs.filter((entry) => (entry.colaboraciones ?? []).length > 0);
    return { trimestre: report.trimestre, colaboraciones: colaboraciones.map((entry) => [entry.id, entry.colaboraciones!]) };
  }
  return undefined;
}

export interface PpcsDoc extends SourceDoc<Ppcs> {
  facts: PpcsFacts;
}

export interface DependenciaDoc extends SourceDoc<Dependencia> {
  facts: DependenciaFacts;
}

export interface ReportDoc extends SourceDoc<Reporte> {
  facts: ReportFacts;
}

/** The documents of the departments' folders. */
export interface DepartmentDocuments {
  dependencias: DependenciaDoc[];
  ppcs: PpcsDoc[];
  reportes: ReportDoc[];
}

export interface ModelDocuments extends DepartmentDocuments {
  plan?: SourceDoc<PlanConfig>;
  unidades?: SourceDoc<CatalogoUnidades>;
  retroalimentacion: SourceDoc<Retroalimentacion>[];
  convocatorias: SourceDoc<Convocatorias>[];
  genero: SourceDoc<RecomendacionesGenero>[];
  excepciones?: SourceDoc<Excepciones>;
}

export interface Unreadable {
  files: ReadonlySet<string>;
  kinds: ReadonlySet<FileKind>;
  departments: ReadonlySet<string>;
  ppcs: ReadonlySet<string>;
  /**
   * Departments whose ppcs/ folder could not be read at all (it, or the department's folder,
   * is a symbolic link): any PPCS id with their clave may be in it.
   */
  ppcsFolders: ReadonlySet<string>;
  /** Data folders that are symbolic links (PLAN006): nothing under them was read. */
  folders: ReadonlySet<string>;
}

export interface ModelContext {
  root: string;
  config: ResolvedConfig;
  calendar: WorkCalendar;
  /** Reports whose delivery window ends before this date are due (PLAN022, PLAN042). */
  fechaCorte: IsoDate;
  repoFiles: ReadonlyMap<string, RepoEntry>;
  /**
   * Data files that exist but could not be used (PLAN001/PLAN002/PLAN006 report them), and
   * the department folders and PPCS names they stand for: references to these are not
   * reported as missing, since the referenced thing may well be in the broken file.
   */
  unreadable: Unreadable;
  /** When each file first entered git history (PLAN029); absent or unavailable outside a full clone. */
  history?: GitHistory;
}

/** The plan's documents and the context they are judged in, with the indexes rules look things up by. */
export class PlanModel implements ModelDocuments, ModelContext {
  readonly plan: SourceDoc<PlanConfig> | undefined;
  readonly unidades: SourceDoc<CatalogoUnidades> | undefined;
  readonly dependencias: DependenciaDoc[];
  readonly ppcs: PpcsDoc[];
  readonly reportes: ReportDoc[];
  readonly retroalimentacion: SourceDoc<Retroalimentacion>[];
  readonly convocatorias: SourceDoc<Convocatorias>[];
  readonly genero: SourceDoc<RecomendacionesGenero>[];
  readonly excepciones: SourceDoc<Excepciones> | undefined;

  readonly root: string;
  readonly config: ResolvedConfig;
  readonly calendar: WorkCalendar;
  readonly fechaCorte: IsoDate;
  readonly repoFiles: ReadonlyMap<string, RepoEntry>;
  readonly unreadable: Unreadable;
  /** Settable so tests can stand in a history without a git checkout. */
  history: GitHistory | undefined;

  /**
   * Every department's documents, which the indexes below hold. In a part of the plan with
   * the facts of every department (load.ts `part`), those of the departments outside it hold
   * their facts only: asking for their data is a rule reading what its scope says it does not.
   */
  readonly every: DepartmentDocuments;
  readonly departmentsByClave = new Map<string, DependenciaDoc>();
  readonly ppcsById = new Map<string, PpcsDoc>();
  readonly unitsByClave = new Map<string, UnidadMedida>();
  private readonly ppcsByDepartment = new Map<string, PpcsDoc[]>();
  /** Per department, its first carátula of each id: caratulaOf is asked for every entry of every report. */
  private readonly caratulas = new Map<string, Map<string, PpcsDoc>>();
  private readonly reportsByDepartment = new Map<string, ReportDoc[]>();
  /** Per department, the first report by file name and the first by declared quarter: reportFor and deliveredReport ask per meta and quarter. */
  private readonly reportsByStem = new Map<string, Map<string, SourceDoc<Reporte>>>();
  private readonly reportsByTrimestre = new Map<string, Map<string, SourceDoc<Reporte>>>();
  /** isDue by year × 4 + quarter index: the calendar and the cut-off never change. */
  private readonly due = new Map<number, boolean>();
  private folders: Set<string> | undefined;

  constructor(documents: ModelDocuments, context: ModelContext, every: DepartmentDocuments = documents) {
    this.plan = documents.plan;
    this.unidades = documents.unidades;
    this.dependencias = documents.dependencias;
    this.ppcs = documents.ppcs;
    this.reportes = documents.reportes;
    this.retroalimentacion = documents.retroalimentacion;
    this.convocatorias = documents.convocatorias;
    this.genero = documents.genero;
    this.excepciones = documents.excepciones;
    this.root = context.root;
    this.config = context.config;
    this.calendar = context.calendar;
    this.fechaCorte = context.fechaCorte;
    this.repoFiles = context.repoFiles;
    this.unreadable = context.unreadable;
    this.history = context.history;
    this.every = { dependencias: every.dependencias, ppcs: every.ppcs, reportes: every.reportes };

    // First one wins: duplicates are PLAN003's to report, not the index's to hide.
    for (const dep of every.dependencias) {
      if (!this.departmentsByClave.has(dep.placement.folder!)) this.departmentsByClave.set(dep.placement.folder!, dep);
    }
    for (const doc of every.ppcs) {
      if (!this.ppcsById.has(doc.facts.id)) this.ppcsById.set(doc.facts.id, doc);
      pushTo(this.ppcsByDepartment, doc.placement.folder!, doc);
      firstTo(this.caratulas, doc.placement.folder!, doc.facts.id, doc);
    }
    for (const unit of this.unidades?.data.unidades ?? []) {
      if (!this.unitsByClave.has(unit.clave)) this.unitsByClave.set(unit.clave, unit);
    }
    for (const doc of every.reportes) {
      const clave = doc.placement.folder!;
      pushTo(this.reportsByDepartment, clave, doc);
      // First one wins, as a search of reportsOf in order finds it.
      firstTo(this.reportsByStem, clave, doc.placement.stem!, doc);
      firstTo(this.reportsByTrimestre, clave, doc.facts.trimestre, doc);
    }
  }

  /**
   * A department exists when its folder holds a dependencia.yaml (even one that failed to
   * load) or any other data file: a folder missing its card is reported once, on the
   * folder, rather than on every reference to it.
   */
  departmentExists(clave: string): boolean {
    return this.departmentsByClave.has(clave) || this.unreadable.departments.has(clave) || this.departmentFolders.has(clave);
  }

  /** Department folders under dependencias/ that hold at least one file of any kind. */
  get departmentFolders(): ReadonlySet<string> {
    if (!this.folders) {
      this.folders = new Set();
      for (const file of this.repoFiles.keys()) {
        const clave = departmentOf(file);
        if (clave !== null) this.folders.add(clave);
      }
    }
    return this.folders;
  }

  /**
   * The carátula of `id` that belongs to department `clave`. A report entry naming another
   * department's PPCS is PLAN004's finding; judging it against that carátula would only
   * add noise.
   */
  caratulaOf(clave: string, id: string): PpcsDoc | undefined {
    return this.caratulas.get(clave)?.get(id);
  }

  isUnreadable(file: string): boolean {
    if (this.unreadable.files.has(file)) return true;
    for (const folder of this.unreadable.folders) if (file.startsWith(`${folder}/`)) return true;
    return false;
  }

  /** Some data file under this folder prefix could not be used, or may be in a folder that was not read. */
  hasUnreadableUnder(prefix: string): boolean {
    for (const file of this.unreadable.files) if (file.startsWith(prefix)) return true;
    for (const folder of this.unreadable.folders) if (prefix.startsWith(`${folder}/`) || `${folder}/`.startsWith(prefix)) return true;
    return false;
  }

  /** The unit catalog exists but could not be used. */
  get unitsUnreadable(): boolean {
    return this.unreadable.kinds.has('unidades');
  }

  /** A PPCS exists when some carátula declares it, or a file that may declare it could not be read. */
  ppcsExists(id: string): boolean {
    return this.ppcsById.has(id) || this.ppcsUnreadable(id);
  }

  /**
   * A carátula of this id may exist in a file that could not be read: a file of that name
   * failed to load, or the ppcs/ folder of the department its id names (`DIF-04` → DIF, the
   * prefix PLAN005 asks for) could not be read at all.
   */
  ppcsUnreadable(id: string): boolean {
    if (this.unreadable.ppcs.has(id)) return true;
    const dash = id.lastIndexOf('-');
    return dash > 0 && this.unreadable.ppcsFolders.has(id.slice(0, dash));
  }

  ppcsOf(clave: string): readonly PpcsDoc[] {
    return this.ppcsByDepartment.get(clave) ?? [];
  }

  reportsOf(clave: string): readonly ReportDoc[] {
    return this.reportsByDepartment.get(clave) ?? [];
  }

  /**
   * The department's report for a quarter, found by its file name as Planeación files it
   * (`reportes/2019-T2.yaml`); a file declaring another quarter inside is PLAN005's.
   */
  reportFor(clave: string, trimestre: string): SourceDoc<Reporte> | undefined {
    return this.reportsByStem.get(clave)?.get(trimestre);
  }

  /**
   * The department's report for a quarter under either name a report can carry: its file
   * name, else the quarter it declares. Whether a report was delivered asks this one: a file
   * named for another quarter than it declares is PLAN005's finding, not a missing report.
   */
  deliveredReport(clave: string, trimestre: string): SourceDoc<Reporte> | undefined {
    return this.reportFor(clave, trimestre) ?? this.reportDeclaring(clave, trimestre);
  }

  /** The department's first report (in reportsOf's order) that declares the quarter inside, whatever its file name. */
  reportDeclaring(clave: string, trimestre: string): SourceDoc<Reporte> | undefined {
    return this.reportsByTrimestre.get(clave)?.get(trimestre);
  }


  /** Department folders known to the repo, in a stable order. */
  departmentClaves(): string[] {
    return [...this.departmentsByClave.keys()].sort();
  }

  /**
   * The evaluation a department's `year` is compared with: the one recorded for the year
   * before (the 2018 autoevaluación for 2019), since each evaluation is the next year's baseline.
   */
  baselineOf(clave: string, year: number): EvaluacionBase | undefined {
    return this.departmentsByClave.get(clave)?.data.evaluaciones[String(year - 1)];
  }

  /** The Plan de Mejora the department carries out in `year`. */
  planOf(clave: string, year: number): PlanDeMejora | undefined {
    return this.departmentsByClave.get(clave)?.data.planes_de_mejora?.[String(year)];
  }

  /** A quarter is due once its delivery window has closed before the cut-off date. */
  isDue(year: number, quarter: Quarter): boolean {
    const index = QUARTERS.indexOf(quarter);
    // Only the four quarters have a slot of their own; anything else asks the calendar every time.
    if (index < 0) return this.calendar.deliveryWindow(year, quarter).end < this.fechaCorte;
    const key = year * 4 + index;
    let due = this.due.get(key);
    if (due === undefined) this.due.set(key, (due = this.calendar.deliveryWindow(year, quarter).end < this.fechaCorte));
    return due;
  }
}

function firstTo<V>(map: Map<string, Map<string, V>>, outer: string, inner: string, value: V): void {
  let byInner = map.get(outer);
  if (!byInner) map.set(outer, (byInner = new Map()));
  if (!byInner.has(inner)) byInner.set(inner, value);
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
