// The «Indicadores de resultados» table of the Ley General de Transparencia, art. 70,
// fracción VI: what the municipality publishes each quarter about its indicators. One row
// per meta of every PPCS still in force, with the columns of the official format in their
// order. A value the carátula lacks is shown as «Sin dato», counted, and named in the row's
// Nota, so Planeación knows what to complete before publishing.
import type { ReportCutoff } from '../../calendar/report-cutoff.js';
import type { PlanModel, SourceDoc } from '../../model/model.js';
import { parseTrimestre } from '../../model/model.js';
import { isUnreported, metaProgress, type MetaProgress } from '../../model/meta-progress.js';
import { isAdjusted, metaForYear } from '../../model/progress.js';
import { Trimestre } from '../../model/time.js';
import type { Dimension, Frecuencia, LineaBase, Meta, Ppcs, TrimestreId } from '../../model/types.js';
import { dayMonthYear, joinWithAnd } from '../../i18n/text.js';
import { cellText, date, empty, int, measured, text } from './cell-text.js';
import { cutoffSummary } from './cutoff.js';
import { departmentName, reportTitle, sentidoLabel, unitName } from './labels.js';
import type { Cell, Column, ReportView, Section } from './types.js';

export const SIN_DATO = 'Sin dato';
/** Metas ajustadas are published «en su caso»: an empty cell means no approved adjustment. */
export const SIN_AJUSTE = 'Sin ajuste';
/** A due quarter the department delivered no report for: no value is invented. */
export const NO_REPORTADO = 'No reportado';
/** The quarter's report is not due yet at the cut-off date. */
export const PENDIENTE = 'Pendiente';

const FRECUENCIA_LABEL: Record<Frecuencia, string> = {
  mensual: 'Mensual',
  trimestral: 'Trimestral',
  semestral: 'Semestral',
  anual: 'Anual',
};

const DIMENSION_LABEL: Record<Dimension, string> = {
  eficacia: 'Eficacia',
  eficiencia: 'Eficiencia',
  calidad: 'Calidad',
  economia: 'Economía',
};

interface Field {
  header: string;
  kind: Column['kind'];
  /**
   * The value comes from the carátula: a blank cell is something to capture before
   * publishing. Not so for dates, the adjusted goal («en su caso»), the progress (it comes
   * from the reports) or the Nota.
   */
  caratula: boolean;
}

// The order and wording of the official format (LGT art. 70 fr. VI, «Indicadores de resultados»).
const FIELDS = [
  { header: 'Ejercicio', kind: 'text', caratula: false },
  { header: 'Fecha de inicio del periodo que se informa', kind: 'date', caratula: false },
  { header: 'Fecha de término del periodo que se informa', kind: 'date', caratula: false },
  { header: 'Programa o concepto al que corresponde el indicador', kind: 'text', caratula: true },
  { header: 'Objetivo institucional', kind: 'text', caratula: true },
  { header: 'Nombre del indicador', kind: 'text', caratula: true },
  { header: 'Dimensión(es) a medir', kind: 'text', caratula: true },
  { header: 'Definición del indicador', kind: 'text', caratula: true },
  { header: 'Método de cálculo', kind: 'text', caratula: true },
  { header: 'Unidad de medida', kind: 'text', caratula: true },
  { header: 'Frecuencia de medición', kind: 'text', caratula: true },
  { header: 'Línea base', kind: 'number', caratula: true },
  { header: 'Metas programadas', kind: 'number', caratula: true },
  { header: 'Metas ajustadas, en su caso', kind: 'number', caratula: false },
  { header: 'Avance de las metas', kind: 'number', caratula: false },
  { header: 'Sentido del indicador', kind: 'text', caratula: true },
  { header: 'Fuente de información', kind: 'text', caratula: true },
  { header: 'Área(s) responsable(s) que genera(n), posee(n), publica(n) y actualizan la información', kind: 'text', caratula: false },
  { header: 'Fecha de validación', kind: 'date', caratula: false },
  { header: 'Fecha de actualización', kind: 'date', caratula: false },
  { header: 'Nota', kind: 'text', caratula: false },
] as const satisfies readonly Field[];

type Header = (typeof FIELDS)[number]['header'];

/** The column headers of the format, in order. */
export const TRANSPARENCY_HEADERS: readonly Header[] = FIELDS.map((field) => field.header);

const AVANCE = TRANSPARENCY_HEADERS.indexOf('Avance de las metas');

export interface TransparencyOptions {
  /** Restrict the table to one department (`--dependencia`). */
  dependencia?: string;
  /** How the model's cut-off date was chosen, stated in the summary. */
  corte?: ReportCutoff;
}

export function transparencyView(model: PlanModel, trimestre: TrimestreId, options: TransparencyOptions): ReportView {
  const { year } = parseTrimestre(trimestre);
  const claves = options.dependencia ? [options.dependencia] : model.departmentClaves();
  const rows: Cell[][] = [];
  const ppcsShown = new Set<string>();
  let cancelled = 0;
  for (const clave of claves) {
    for (const doc of [...model.ppcsOf(clave)].sort((a, b) => compareIds(a.data.id, b.data.id))) {
      if (doc.data.estatus === 'cancelado') {
        cancelled++;
        continue;
      }
      ppcsShown.add(doc.data.id);
      for (const meta of [...(doc.data.metas ?? [])].sort((a, b) => compareIds(a.id, b.id))) {
        // The year's own programming and goals (a carátula's «ejercicios» entry), not another year's.
        rows.push(indicatorRow(model, clave, doc, metaForYear(meta, year), trimestre));
      }
    }
  }

  const missing = missingFields(rows);
  const pendientes = missing.length === 0 ? 'Ninguno' : missing.map(({ header, count }) => `${header} (${cellText(int(count))} de ${indicadores(rows.length)})`).join(', ');
  const complete = rows.filter((row) => FIELDS.every((field, i) => !field.caratula || row[i]!.t !== 'empty')).length;
  const unreported = rows.filter((row) => isNoReportado(row[AVANCE]!)).length;

  const section: Section = {
    id: 'indicadores',
    sheet: 'Indicadores',
    title: 'Indicadores de resultados',
    intro: `Formato de la Ley General de Transparencia y Acceso a la Información Pública, artículo 70, fracción VI: una fila por indicador (meta) de cada PPCS no cancelado, con las columnas del formato en su orden y su avance acumulado de enero al cierre de ${trimestre}.`,
    table: { columns: FIELDS.map(({ header, kind }) => ({ header, kind })), rows },
    notes: [
      'Periodo que se informa: del primer al último día del trimestre. Objetivo institucional: el objetivo del Plan Municipal de Desarrollo al que se alinea el PPCS (alineacion_pmd.objetivo); si la carátula no lo indica, el objetivo del propio PPCS, y la Nota lo dice.',
      'Avance de las metas: valor acumulado del indicador en el año hasta el cierre del trimestre, en su unidad de medida, según su forma de acumulación (suma, último valor o promedio de los trimestres reportados). Un trimestre que debía reportarse y no se reportó no suma nada; si es el trimestre que se informa, el avance dice «No reportado».',
      'Metas ajustadas: la meta ajustada sólo se publica cuando Planeación aprobó el ajuste; uno sin aprobar se menciona en la Nota.',
      'Área responsable: la dependencia dueña del PPCS. Fecha de validación: el día en que la dependencia entregó su reporte del trimestre. Fecha de actualización: la fecha de corte del reporte.',
      `«${SIN_DATO}»: el dato no está en la carátula del PPCS (o, para el avance, en el reporte trimestral); debe completarse antes de publicar.`,
      `«${SIN_AJUSTE}»: la meta anual no tiene un ajuste aprobado.`,
      `Campos sin capturar: ${pendientes}.`,
    ],
  };

  const view: ReportView = {
    kind: 'transparencia',
    title: reportTitle(model, `Indicadores de resultados ${trimestre}`, options.dependencia),
    municipio: model.config.municipio,
    ejercicio: year,
    periodo: trimestre,
    fechaCorte: model.fechaCorte,
    resumen: [
      ...cutoffSummary(options.corte),
      { label: 'Dependencias', value: int(claves.length) },
      { label: 'PPCS publicados', value: int(ppcsShown.size) },
      { label: 'PPCS cancelados (no se publican)', value: int(cancelled) },
      { label: 'Indicadores', value: int(rows.length) },
      { label: 'Indicadores con todos sus campos', value: int(complete) },
      { label: 'Indicadores sin reporte del trimestre', value: int(unreported) },
      { label: 'Campos sin capturar', value: text(pendientes) },
    ],
    sections: [section],
  };
  if (options.dependencia) view.dependencia = options.dependencia;
  return view;
}

function indicatorRow(model: PlanModel, clave: string, doc: SourceDoc<Ppcs>, meta: Meta, trimestre: TrimestreId): Cell[] {
  const period = Trimestre.parse(trimestre);
  const { year, quarter } = period;
  const ppcs = doc.data;
  const indicador = meta.indicador;
  const progress = metaProgress(model, doc, meta, trimestre);
  const report = model.deliveredReport(clave, trimestre);
  const delivery: Delivery = report ? 'entregado' : isUnreported(model, clave, trimestre) ? 'no_reportado' : 'pendiente';
  const unidad = filled(indicador?.unidad_medida);
  const pmdObjetivo = filled(ppcs.alineacion_pmd?.objetivo);
  const objetivo = pmdObjetivo ?? filled(ppcs.objetivo);

  const row: Cell[] = [
    text(String(year)),
    date(period.firstDay),
    date(period.lastDay),
    text(`${ppcs.id} ${ppcs.nombre}`),
    objetivo === undefined ? empty(SIN_DATO) : text(objetivo),
    optionalText(indicador?.nombre),
    indicador?.dimension ? text(DIMENSION_LABEL[indicador.dimension]) : empty(SIN_DATO),
    optionalText(indicador?.definicion),
    optionalText(indicador?.formula),
    unidad === undefined ? empty(SIN_DATO) : text(unitName(model, unidad)),
    indicador?.frecuencia ? text(FRECUENCIA_LABEL[indicador.frecuencia]) : empty(SIN_DATO),
    lineaBaseCell(indicador?.linea_base),
    optionalNumber(meta.meta_anual),
    isAdjusted(meta, year) ? measured(meta.meta_ajustada!) : empty(SIN_AJUSTE),
    avanceCell(progress, delivery),
    indicador ? text(sentidoLabel(indicador.sentido)) : empty(SIN_DATO),
    optionalText(indicador?.fuente),
    // The format asks for an area, never a person: the carátula's «responsable» names one.
    text(departmentName(model, clave)),
    report ? date(report.data.fecha_entrega) : empty(delivery === 'no_reportado' ? NO_REPORTADO : PENDIENTE),
    date(model.fechaCorte),
  ];

  const nota: string[] = [];
  if (delivery === 'no_reportado') nota.push(`La dependencia no entregó el reporte de ${trimestre}: no se publica avance.`);
  else if (delivery === 'pendiente') nota.push(`El reporte de ${trimestre} todavía no vence a la fecha de corte (${dayMonthYear(model.fechaCorte)}): no se publica avance.`);
  else if (progress.alcanzado === undefined) nota.push(`El reporte de ${trimestre} no informa avance de esta meta.`);
  const earlier = progress.noReportados.filter((q) => q !== quarter);
  if (earlier.length > 0) {
    const missingQuarters = earlier.map((q) => `${year}-${q}`);
    nota.push(`El avance acumulado no incluye ${joinWithAnd(missingQuarters, 'es')}, que no se ${earlier.length === 1 ? 'reportó' : 'reportaron'}.`);
  }
  if (isAdjusted(meta, year)) {
    const { ajuste } = meta;
    const motivo = filled(ajuste!.motivo);
    nota.push(
      `Meta ajustada de ${number(meta.meta_anual)} a ${number(meta.meta_ajustada)}, aprobada por ${ajuste!.aprobo.trim()} el ${dayMonthYear(ajuste!.fecha)}${motivo ? `: ${motivo.trim().replace(/\.$/, '')}` : ''}.`,
    );
  } else if (meta.meta_ajustada !== undefined) {
    nota.push(`La meta ajustada de ${number(meta.meta_ajustada)} no tiene aprobación de Planeación: no se publica como meta ajustada.`);
  }
  if (pmdObjetivo === undefined && objetivo !== undefined) nota.push('El PPCS no indica su objetivo del Plan Municipal de Desarrollo: se publica el objetivo del PPCS.');
  const lineaBase = indicador?.linea_base;
  if (typeof lineaBase === 'object') nota.push(`Línea base medida en ${lineaBase.anio}.`);
  const sinDato = FIELDS.filter((field, i) => field.caratula && row[i]!.t === 'empty').map((field) => field.header);
  if (sinDato.length > 0) nota.push(`Falta en la carátula: ${joinWithAnd(sinDato, 'es')}.`);
  row.push(nota.length === 0 ? empty() : text(nota.join(' ')));
  return row;
}

/** Whether the department's report of the quarter is in, missing though due, or not due yet. */
type Delivery = 'entregado' | 'no_reportado' | 'pendiente';

/**
 * The avance of the quarter. Without the quarter's report there is no value: a cumulative
 * figure would pass earlier quarters off as this one's. «Sin dato» when the report came but
 * nothing was reported for the meta so far.
 */
function avanceCell(progress: MetaProgress, delivery: Delivery): Cell {
  if (delivery === 'no_reportado') return empty(NO_REPORTADO);
  if (delivery === 'pendiente') return empty(PENDIENTE);
  return optionalNumber(progress.alcanzadoAcumulado);
}

function isNoReportado(cell: Cell): boolean {
  return cell.t === 'empty' && cell.note === NO_REPORTADO;
}

/** A baseline is published as its value; the year it was measured, when given, goes in the Nota. */
function lineaBaseCell(lineaBase: LineaBase | undefined): Cell {
  return optionalNumber(lineaBaseValue(lineaBase));
}

function lineaBaseValue(lineaBase: LineaBase | undefined): number | undefined {
  return typeof lineaBase === 'object' ? lineaBase.valor : lineaBase;
}

/** Required columns with «Sin dato» cells, in column order, with how many rows lack them. */
function missingFields(rows: readonly Cell[][]): { header: string; count: number }[] {
  const missing: { header: string; count: number }[] = [];
  FIELDS.forEach((field, i) => {
    if (!field.caratula) return;
    const count = rows.filter((row) => row[i]!.t === 'empty').length;
    if (count > 0) missing.push({ header: field.header, count });
  });
  return missing;
}

function indicadores(count: number): string {
  return `${cellText(int(count))} ${count === 1 ? 'indicador' : 'indicadores'}`;
}

function number(value: number | undefined): string {
  return value === undefined ? SIN_DATO.toLowerCase() : cellText(measured(value));
}

/** A text the schema allows to be only blanks counts as not captured. */
function filled(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

function optionalText(value: string | undefined): Cell {
  const v = filled(value);
  return v === undefined ? empty(SIN_DATO) : text(v);
}

function optionalNumber(value: number | undefined): Cell {
  return value === undefined ? empty(SIN_DATO) : measured(value);
}

/** `M2` before `M10`: ids compare by their numbers, not character by character. */
const ID_ORDER = new Intl.Collator('en', { numeric: true });

function compareIds(a: string, b: string): number {
  return ID_ORDER.compare(a, b);
}
