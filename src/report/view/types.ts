// The view model: what a report shows, already ordered, labelled and typed. Markdown and
// Excel both render this and nothing else, so their numbers always agree. A renderer
// never computes: it only formats the cells it is given.
import type { Semaforo } from '../../model/semaforo.js';
import type { IsoDate } from '../../model/types.js';

export type Cell =
  | { t: 'text'; v: string }
  /** A whole number (counts, people). */
  | { t: 'int'; v: number }
  /** A measured value with a fixed number of decimals. */
  | { t: 'number'; v: number; decimals: number }
  /** A share as a fraction: 0.953 is shown as 95.3 %. */
  | { t: 'percent'; v: number }
  /** A calendar date, shown DD/MM/AAAA. */
  | { t: 'date'; v: IsoDate }
  | { t: 'semaforo'; v: Semaforo }
  /** Nothing to show (no data, not applicable); `note` says why when it matters. */
  | { t: 'empty'; note?: string };

export type CellKind = Cell['t'];

export interface Column {
  header: string;
  /** The kind most cells of the column hold, for alignment and column formats. */
  kind: CellKind;
}

export interface Table {
  columns: Column[];
  rows: Cell[][];
  /**
   * One stable anchor per row (`OP-01`, `OP-01-M1`), where a row is something a reader
   * drills down to: the HTML site links to `dependencias/OP.html#OP-01-M1`.
   */
  rowIds?: string[];
}

export interface Section {
  /** Stable id a template can refer to: `entregas`, `metas`, `criterios`… */
  id: string;
  /** Excel sheet name: at most 31 characters, none of `[]:*?/\`. */
  sheet: string;
  title: string;
  /** Plain text shown above the table (what it shows, how to read it). */
  intro?: string;
  table: Table;
  /** Plain-text notes shown below the table (definitions, thresholds used). */
  notes?: string[];
}

export interface SummaryItem {
  label: string;
  value: Cell;
}

/**
 * A chart's data; report/charts draws it (inline SVG for HTML, Mermaid for Markdown, data
 * bars and icon sets for Excel). Every chart is shown beside `table`, which holds the same
 * figures, so a screen reader or a printed page loses nothing.
 */
export interface Chart {
  id: string;
  title: string;
  /** `bars`: one bar per category; `stacked`: the series stacked per category; `lines`: one line per series across the categories. */
  kind: 'bars' | 'stacked' | 'lines';
  /** What the values measure, for the axis: `puntos` (0–100), `%` (0–100, not a fraction), or counts of metas or of reports. */
  unit: 'puntos' | '%' | 'metas' | 'reportes';
  /** The x axis: department claves, or quarters (`T1`…`T4`, `2018`, `2019`). */
  categories: string[];
  /** `null` where there is nothing to draw (no report, not applicable). */
  series: { name: string; values: (number | null)[]; tone?: Semaforo | 'neutral' }[];
  /** Bands drawn behind the bars, lowest first: the grades of the rubric, from their minimum. */
  bands?: { from: number; label: string }[];
  /** The top of the value axis; the largest value when absent. */
  max?: number;
  table: Table;
}

/** Something the presidente should act on, counted and said in one sentence from the data. */
export interface ActionItem {
  id: 'metas-en-rojo' | 'reportes-faltantes' | 'reportes-tarde' | 'observaciones-no-atendidas' | 'acciones-sin-iniciar';
  count: number;
  /** One short Spanish sentence that names the departments, e.g. «3 metas en rojo: 2 de SP y 1 de OP.» */
  sentence: string;
  departments: string[];
}

/** The page read first, in every format: who is where, what needs action, the worst metas. */
export interface ExecutiveSummary {
  /** One or two sentences with the state of the period in words. */
  headline: string;
  /** Departments ranked best first: Lugar, Clave, Dependencia, figure, grade (annual), change, arrow. */
  ranking: Table;
  /** Empty when nothing needs action; renderers then say so. */
  actions: ActionItem[];
  /** The three worst metas with their quarterly semáforo history (T1…T4 and the cumulative). */
  worstMetas: Table;
  charts: Chart[];
}

/** One department's own page of the site, and its collapsible part of the Markdown. */
export interface DepartmentPage {
  clave: string;
  nombre: string;
  resumen: SummaryItem[];
  charts: Chart[];
  /** The report's sections with only this department's rows (and `rowIds` for drill-down). */
  sections: Section[];
}

/** The reports plan builds; each renderer says which of them it serves. */
export type ReportKind = 'trimestral' | 'anual' | 'transparencia';

export interface ReportView {
  kind: ReportKind;
  /** Document title, e.g. `Resumen trimestral 2019-T2`. */
  title: string;
  municipio: string;
  ejercicio: number;
  /** `2019-T2` for quarterly views, `2019` for the annual one. */
  periodo: string;
  /** The date the data is judged at; also stamped as the workbook's dates, for determinism. */
  fechaCorte: IsoDate;
  /** Department the report is restricted to (`--dependencia`), if any. */
  dependencia?: string;
  /** Key figures of the Resumen sheet / the top of the Markdown document. */
  resumen: SummaryItem[];
  /** The executive page (quarterly and annual reports); renderers put it first. */
  executive?: ExecutiveSummary;
  sections: Section[];
  /** Per-department detail (quarterly and annual reports), in clave order. */
  departments?: DepartmentPage[];
}
