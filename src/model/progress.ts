// Programmed and achieved values of a meta, per quarter and cumulative through a quarter.
// Shared by the rules (PLAN024) and the quarterly report, so both add up the same way.
import { parseTrimestre, type SourceDoc } from './model.js';
import { QUARTERS, type Acumulacion, type Meta, type ProgramacionMeta, type Quarter, type Reporte, type TrimestreId } from './types.js';

/** A value per quarter; a quarter left out has no value (nothing programmed, nothing reported). */
export type QuarterValues = Partial<Record<Quarter, number>>;

/** A report as data or as the model's document; both are accepted so callers need not unwrap. */
export type ReportInput = Reporte | SourceDoc<Reporte>;

/** How a meta accumulates over the year; a meta without indicator (PLAN010) adds up. */
export function acumulacionOf(meta: Meta): Acumulacion {
  return meta.indicador?.acumulacion ?? 'suma';
}

/**
 * The cumulative value through `through` (inclusive):
 * suma adds the quarters, ultimo_valor takes the latest quarter that has a value,
 * promedio averages the quarters that have one. Undefined when no quarter up to
 * `through` has a value.
 */
export function accumulate(values: QuarterValues, acumulacion: Acumulacion, through: Quarter): number | undefined {
  const present: number[] = [];
  for (const quarter of QUARTERS.slice(0, QUARTERS.indexOf(through) + 1)) {
    const value = values[quarter];
    if (value !== undefined) present.push(value);
  }
  if (present.length === 0) return undefined;
  switch (acumulacion) {
    case 'suma':
      return sum(present);
    case 'ultimo_valor':
      return present[present.length - 1];
    case 'promedio':
      return sum(present) / present.length;
  }
}

/**
 * The meta as it stands in `year`: its `ejercicios` entry for that year replaces the whole
 * top-level set (programacion, meta_anual, meta_ajustada, ajuste), so an adjustment written
 * for another year never leaks in; a year without an entry keeps the top-level values.
 * The view has no `ejercicios`, so asking it again for the same year changes nothing.
 */
export function metaForYear(meta: Meta, year: number): Meta {
  // Most metas program one year only: they are their own view, with no copy to keep.
  if (meta.ejercicios === undefined) return meta;
  // Rules and reports ask for the same meta and year many times over; the data never changes after loading.
  let years = YEAR_VIEWS.get(meta);
  if (!years) YEAR_VIEWS.set(meta, (years = new Map()));
  let view = years.get(year);
  if (!view) years.set(year, (view = yearView(meta, year)));
  return view;
}

const YEAR_VIEWS = new WeakMap<Meta, Map<number, Meta>>();

function yearView(meta: Meta, year: number): Meta {
  const { ejercicios, programacion, meta_anual, meta_ajustada, ajuste, ...rest } = meta;
  const own: ProgramacionMeta = ejercicios?.[String(year)] ?? { programacion, meta_anual, meta_ajustada, ajuste };
  const view: Meta = { ...rest };
  if (own.programacion !== undefined) view.programacion = own.programacion;
  if (own.meta_anual !== undefined) view.meta_anual = own.meta_anual;
  if (own.meta_ajustada !== undefined) view.meta_ajustada = own.meta_ajustada;
  if (own.ajuste !== undefined) view.ajuste = own.ajuste;
  return view;
}

/**
 * The meta's top-level values (no year: every year without an entry) and each of its
 * `ejercicios` entries with its year, in the file's order: rules check each set alike.
 */
export function programmingSets(meta: Meta): { values: ProgramacionMeta; year?: string }[] {
  return [{ values: meta }, ...Object.entries(meta.ejercicios ?? {}).map(([year, values]) => ({ values, year }))];
}

/**
 * Whether a year's meta_ajustada counts: only once Planeación approved it (`ajuste.aprobo`);
 * until then it is published but every figure keeps measuring against meta_anual (PLAN015).
 */
export function isApproved(values: ProgramacionMeta): boolean {
  return values.meta_ajustada !== undefined && (values.ajuste?.aprobo ?? '').trim() !== '';
}

/** Whether the meta's goal for `year` is an approved adjustment (metaForYear, isApproved). */
export function isAdjusted(meta: Meta, year: number): boolean {
  return isApproved(metaForYear(meta, year));
}

/** The goal every figure of `year` measures against: the year's approved meta_ajustada, else its meta_anual. */
export function goalOf(meta: Meta, year: number): number | undefined {
  const values = metaForYear(meta, year);
  return isApproved(values) ? values.meta_ajustada : values.meta_anual;
}

/**
 * The quarterly programming every figure of `year` measures against. With an approved
 * adjustment it is `ajuste.programacion` when given, else each quarter scaled by
 * meta_ajustada ÷ meta_anual, so the quarters still lead to the goal the year is judged by
 * (an annual goal of 0 or none cannot be scaled: the quarters stay as programmed).
 */
export function programmingOf(meta: Meta, year: number): QuarterValues {
  const values = metaForYear(meta, year);
  const programacion = values.programacion ?? {};
  if (!isApproved(values)) return programacion;
  if (values.ajuste?.programacion) return values.ajuste.programacion;
  const anual = values.meta_anual;
  if (anual === undefined || anual === 0) return programacion;
  const factor = values.meta_ajustada! / anual;
  const scaled: QuarterValues = {};
  for (const quarter of QUARTERS) {
    const value = programacion[quarter];
    // 3 × 0.3 is 0.8999999999999999 in floating point: keep what a person would write.
    if (value !== undefined) scaled[quarter] = Math.round(value * factor * 1e9) / 1e9;
  }
  return scaled;
}

/** What is programmed for the meta in `year` from T1 through `quarter`, cumulatively (programmingOf). */
export function programmedThrough(meta: Meta, year: number, quarter: Quarter): number | undefined {
  return accumulate(programmingOf(meta, year), acumulacionOf(meta), quarter);
}

/**
 * The value a report gives for one meta of one PPCS in its quarter. The first entry
 * wins when a PPCS or meta is listed twice (duplicates are PLAN003's to report).
 */
export function achievedIn(report: ReportInput, ppcsId: string, metaId: string): number | undefined {
  for (const entry of entriesOf(dataOf(report)).get(ppcsId) ?? []) {
    const avance = entry.avances?.find((a) => a.meta === metaId);
    if (avance) return avance.valor;
  }
  return undefined;
}

/**
 * Each PPCS's entries in a report, in order, indexed once per report: every meta of every
 * PPCS asks each report of its department, quarter after quarter.
 */
function entriesOf(report: Reporte): Map<string, Reporte['ppcs']> {
  let entries = REPORT_ENTRIES.get(report);
  if (entries) return entries;
  entries = new Map();
  for (const entry of report.ppcs) {
    const same = entries.get(entry.id);
    if (same) same.push(entry);
    else entries.set(entry.id, [entry]);
  }
  REPORT_ENTRIES.set(report, entries);
  return entries;
}

const REPORT_ENTRIES = new WeakMap<Reporte, Map<string, Reporte['ppcs']>>();

/** Achieved value per quarter of `year`, from the department's reports (first report of a quarter wins). */
export function achievedByQuarter(reports: readonly ReportInput[], ppcsId: string, metaId: string, year: number): QuarterValues {
  const values: QuarterValues = {};
  for (const report of reports) {
    const { year: reportYear, quarter } = parseTrimestre(dataOf(report).trimestre);
    if (reportYear !== year || !QUARTERS.includes(quarter) || values[quarter] !== undefined) continue;
    const value = achievedIn(report, ppcsId, metaId);
    if (value !== undefined) values[quarter] = value;
  }
  return values;
}

/**
 * What the department reports for the meta from T1 of the year of `trimestre` through
 * that quarter, accumulated the way the meta's indicator says. `reports` are the
 * reports of the PPCS's department (model.reportsOf), in any order.
 */
export function achievedThrough(reports: readonly ReportInput[], ppcsId: string, meta: Meta, trimestre: TrimestreId): number | undefined {
  const { year, quarter } = parseTrimestre(trimestre);
  return accumulate(achievedByQuarter(reports, ppcsId, meta.id, year), acumulacionOf(meta), quarter);
}

function dataOf(report: ReportInput): Reporte {
  return 'data' in report ? report.data : report;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
