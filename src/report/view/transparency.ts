// The «Indicadores de resultados» table of the Ley General de Transparencia, art. 70,
// fracción VI: what the municipality publishes each quarter about its indicators. One row
// per meta of every PPCS still in force; a value the carátula lacks is shown as «Sin dato»
// and counted, so Planeación knows what to complete before publishing.
import type { ReportCutoff } from '../../calendar/report-cutoff.js';
import type { PlanModel, SourceDoc } from '../../model/model.js';
import { parseTrimestre } from '../../model/model.js';
import type { Frecuencia, Meta, Ppcs, TrimestreId } from '../../model/types.js';
import { metaProgress } from '../../model/meta-progress.js';
import { cellText, empty, int, measured, pct, text } from './cell-text.js';
import { cutoffSummary } from './cutoff.js';
import { departmentName, reportTitle, sentidoLabel, unitName } from './labels.js';
import type { Cell, Column, ReportView, Section } from './types.js';

export const SIN_DATO = 'Sin dato';
/** Metas ajustadas are published «en su caso»: an empty cell means the goal was not adjusted. */
export const SIN_AJUSTE = 'Sin ajuste';

const FRECUENCIA_LABEL: Record<Frecuencia, string> = {
  mensual: 'Mensual',
  trimestral: 'Trimestral',
  semestral: 'Semestral',
  anual: 'Anual',
};

interface Field {
  header: string;
  kind: Column['kind'];
  /** A blank cell here is something to capture before publishing (not so for Metas ajustadas). */
  required: boolean;
}

const FIELDS = [
  { header: 'Ejercicio', kind: 'text', required: true },
  { header: 'Periodo', kind: 'text', required: true },
  { header: 'Dependencia', kind: 'text', required: true },
  { header: 'PPCS', kind: 'text', required: true },
  { header: 'Nombre del indicador', kind: 'text', required: true },
  { header: 'Definición', kind: 'text', required: true },
  { header: 'Método de cálculo', kind: 'text', required: true },
  { header: 'Unidad de medida', kind: 'text', required: true },
  { header: 'Frecuencia de medición', kind: 'text', required: true },
  { header: 'Línea base', kind: 'number', required: true },
  { header: 'Metas programadas', kind: 'number', required: true },
  { header: 'Metas ajustadas', kind: 'number', required: false },
  { header: 'Avance', kind: 'number', required: true },
  { header: 'Avance %', kind: 'percent', required: true },
  { header: 'Sentido del indicador', kind: 'text', required: true },
  { header: 'Fuente de información', kind: 'text', required: true },
  { header: 'Área responsable', kind: 'text', required: true },
] as const satisfies readonly Field[];

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
        rows.push(indicatorRow(model, clave, doc, meta, trimestre, year));
      }
    }
  }

  const missing = missingFields(rows);
  const pendientes = missing.length === 0 ? 'Ninguno' : missing.map(({ header, count }) => `${header} (${cellText(int(count))} de ${indicadores(rows.length)})`).join(', ');
  const complete = rows.filter((row) => FIELDS.every((field, i) => !field.required || row[i]!.t !== 'empty')).length;

  const section: Section = {
    id: 'indicadores',
    sheet: 'Indicadores',
    title: 'Indicadores de resultados',
    intro: `Formato de la Ley General de Transparencia y Acceso a la Información Pública, artículo 70, fracción VI: una fila por indicador (meta) de cada PPCS no cancelado, con su avance acumulado de enero al cierre de ${trimestre}.`,
    table: { columns: FIELDS.map(({ header, kind }) => ({ header, kind })), rows },
    notes: [
      'Avance: valor acumulado del indicador en el año hasta el cierre del trimestre, según su forma de acumulación (suma, último valor o promedio). Avance %: avance entre la meta vigente (la ajustada, si se ajustó; si no, la anual); en indicadores descendentes de nivel (tiempos, tasas), meta entre avance. Cuando falta un reporte, el avance llega hasta el último trimestre reportado.',
      `«${SIN_DATO}»: el dato no está en la carátula del PPCS (o, para el avance, en los reportes trimestrales); debe completarse antes de publicar.`,
      `«${SIN_AJUSTE}»: la meta anual no se ajustó durante el año.`,
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
      { label: 'Campos sin capturar', value: text(pendientes) },
    ],
    sections: [section],
  };
  if (options.dependencia) view.dependencia = options.dependencia;
  return view;
}

function indicatorRow(model: PlanModel, clave: string, doc: SourceDoc<Ppcs>, meta: Meta, trimestre: TrimestreId, year: number): Cell[] {
  const ppcs = doc.data;
  const indicador = meta.indicador;
  const progress = metaProgress(model, doc, meta, trimestre);
  const unidad = filled(indicador?.unidad_medida);
  return [
    text(String(year)),
    text(trimestre),
    text(departmentName(model, clave)),
    text(`${ppcs.id} ${ppcs.nombre}`),
    optionalText(indicador?.nombre),
    optionalText(indicador?.definicion),
    optionalText(indicador?.formula),
    unidad === undefined ? empty(SIN_DATO) : text(unitName(model, unidad)),
    indicador?.frecuencia ? text(FRECUENCIA_LABEL[indicador.frecuencia]) : empty(SIN_DATO),
    optionalNumber(indicador?.linea_base),
    optionalNumber(meta.meta_anual),
    meta.meta_ajustada === undefined ? empty(SIN_AJUSTE) : measured(meta.meta_ajustada),
    optionalNumber(progress.alcanzadoAcumulado),
    progress.avanceAnual === undefined ? empty(SIN_DATO) : pct(progress.avanceAnual),
    indicador ? text(sentidoLabel(indicador.sentido)) : empty(SIN_DATO),
    optionalText(indicador?.fuente),
    optionalText(ppcs.responsable),
  ];
}

/** Required columns with «Sin dato» cells, in column order, with how many rows lack them. */
function missingFields(rows: readonly Cell[][]): { header: string; count: number }[] {
  const missing: { header: string; count: number }[] = [];
  FIELDS.forEach((field, i) => {
    if (!field.required) return;
    const count = rows.filter((row) => row[i]!.t === 'empty').length;
    if (count > 0) missing.push({ header: field.header, count });
  });
  return missing;
}

function indicadores(count: number): string {
  return `${cellText(int(count))} ${count === 1 ? 'indicador' : 'indicadores'}`;
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
