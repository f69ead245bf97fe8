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
  sections: Section[];
}
