// Programmed and achieved values of a meta, per quarter and cumulative through a quarter.
// Shared by the rules (PLAN024) and the quarterly report, so both add up the same way.
import { parseTrimestre, type PlanModel, type SourceDoc } from './model.js';
import { QUARTERS, type Acumulacion, type Meta, type ProgramacionMeta, type Quarter, type Reporte, type ReportePpcs, type TrimestreId } from './types.js';

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
  // A loop rather than slice, filter and reduce: every meta asks it for every quarter.
  // The sum runs in the same order from 0, so it is the same double.
  const last = QUARTER_INDEX[through];
  let count = 0;
  let total = 0;
  let latest = 0;
  for (let i = 0; i <= last; i++) {
    const value = values[QUARTERS[i]!];
    if (value === undefined) continue;
    count += 1;
    total += value;
    latest = value;
  }
  if (count === 0) return undefined;
  switch (acumulacion) {
    case 'suma':
      return total;
    case 'ultimo_valor':
      return latest;
    case 'promedio':
      return total / count;
  }
}

const QUARTER_INDEX: Record<Quarter, number> = { T1: 0, T2: 1, T3: 2, T4: 3 };

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
  return indexOf(dataOf(report)).values.get(ppcsId)?.get(metaId);
}

/** A report's quarter and what it gives per PPCS and meta, read once per report. */
interface ReportIndex {
  year: number;
  /** Undefined when the declared quarter is none of T1…T4. */
  quarter: Quarter | undefined;
  /** PPCS id → meta id → the first value given for it (first entry of the PPCS, then first avance of the meta). */
  values: Map<string, Map<string, number>>;
  /** PPCS id → its first entry. */
  entries: Map<string, ReportePpcs>;
}

/**
 * Indexed once per report: every meta of every PPCS asks each report of its department,
 * quarter after quarter. The data never changes after loading.
 */
function indexOf(report: Reporte): ReportIndex {
  let index = REPORT_INDEX.get(report);
  if (index) return index;
  const { year, quarter } = parseTrimestre(report.trimestre);
  const values = new Map<string, Map<string, number>>();
  const entries = new Map<string, ReportePpcs>();
  for (const entry of report.ppcs) {
    let metas = values.get(entry.id);
    if (!metas) {
      values.set(entry.id, (metas = new Map()));
      entries.set(entry.id, entry);
    }
    for (const avance of entry.avances ?? []) if (!metas.has(avance.meta)) metas.set(avance.meta, avance.valor);
  }
  index = { year, quarter: QUARTERS.includes(quarter) ? quarter : undefined, values, entries };
  REPORT_INDEX.set(report, index);
  return index;
}

const REPORT_INDEX = new WeakMap<Reporte, ReportIndex>();

/** The report's first entry for a PPCS (a second one is PLAN003's to report). */
export function entryFor(report: ReportInput, ppcsId: string): ReportePpcs | undefined {
  return indexOf(dataOf(report)).entries.get(ppcsId);
}

/** Achieved value per quarter of `year`, from the department's reports (first report of a quarter wins). */
export function achievedByQuarter(reports: readonly ReportInput[], ppcsId: string, metaId: string, year: number): QuarterValues {
  const values: QuarterValues = {};
  for (const report of reports) {
    const { year: reportYear, quarter, values: given } = indexOf(dataOf(report));
    if (reportYear !== year || quarter === undefined || values[quarter] !== undefined) continue;
    const value = given.get(ppcsId)?.get(metaId);
    if (value !== undefined) values[quarter] = value;
  }
  return values;
}

/**
 * achievedByQuarter of the department's reports (model.reportsOf), for every PPCS and meta
 * of `year` at once: the reports ask it for each meta in each quarter. The result is
 * shared: callers only read it.
 */
export function achievedByQuarterOf(model: PlanModel, clave: string, ppcsId: string, metaId: string, year: number): QuarterValues {
  // The model's own list for the department, which never changes once loaded.
  const reports = model.reportsOf(clave);
  if (reports.length === 0) return NOTHING_ACHIEVED;
  let years = DEPARTMENT_ACHIEVED.get(reports);
  if (!years) DEPARTMENT_ACHIEVED.set(reports, (years = new Map()));
  let byPpcs = years.get(year);
  if (!byPpcs) years.set(year, (byPpcs = achievedInYear(reports, year)));
  return byPpcs.get(ppcsId)?.get(metaId) ?? NOTHING_ACHIEVED;
}

const DEPARTMENT_ACHIEVED = new WeakMap<readonly SourceDoc<Reporte>[], Map<number, Map<string, Map<string, QuarterValues>>>>();
const NOTHING_ACHIEVED: QuarterValues = Object.freeze({});

/** As achievedByQuarter for each PPCS and meta: reports in order, the first value for a quarter wins. */
function achievedInYear(reports: readonly SourceDoc<Reporte>[], year: number): Map<string, Map<string, QuarterValues>> {
  const byPpcs = new Map<string, Map<string, QuarterValues>>();
  for (const report of reports) {
    const { year: reportYear, quarter, values } = indexOf(report.data);
    if (reportYear !== year || quarter === undefined) continue;
    for (const [ppcsId, metas] of values) {
      let byMeta = byPpcs.get(ppcsId);
      if (!byMeta) byPpcs.set(ppcsId, (byMeta = new Map()));
      for (const [metaId, value] of metas) {
        if (value === undefined) continue;
        let quarters = byMeta.get(metaId);
        if (!quarters) byMeta.set(metaId, (quarters = {}));
        if (quarters[quarter] === undefined) quarters[quarter] = value;
      }
    }
  }
  return byPpcs;
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
