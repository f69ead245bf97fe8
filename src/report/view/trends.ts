// Trends across the quarters of the year: each meta's semáforo quarter by quarter
// (`historial-metas`), and each department's quarterly compliance (`tendencia`) with its
// line chart. The figures come from meta-history.ts, computed once per meta and quarter.
import type { PlanModel } from '../../model/model.js';
import { trimestreId } from '../../model/time.js';
import type { Quarter } from '../../model/types.js';
import { empty, pct, semaforoCell, text } from './cell-text.js';
import { departmentName } from './labels.js';
import { metasOf, progressOf, quarterCompliance, quartersThrough, uniqueIds, type MetaRef, type QuarterCompliance } from './meta-history.js';
import { cumplimientoCell } from './sections/metas.js';
import { col, type Scope } from './sections/scope.js';
import type { Cell, Chart, Column, Section, Table } from './types.js';

/** Dependencia, PPCS, Meta, Indicador, then the quarters' lights, the cumulative light and compliance at `through`. */
export function historyColumns(through: Quarter): Column[] {
  return [
    col('Dependencia', 'text'),
    col('PPCS', 'text'),
    col('Meta', 'text'),
    col('Indicador', 'text'),
    ...quartersThrough(through).map((q) => col(q, 'semaforo')),
    col('Semáforo acumulado', 'semaforo'),
    col('Cumplimiento acumulado', 'percent'),
  ];
}

export function historyRow(model: PlanModel, { clave, ppcs, meta }: MetaRef, year: number, through: Quarter): Cell[] {
  const last = progressOf(model, ppcs, meta, trimestreId(year, through));
  return [
    text(clave),
    text(ppcs.data.id),
    text(meta.id),
    text(meta.indicador?.nombre ?? meta.descripcion),
    ...quartersThrough(through).map((q) => semaforoCell(progressOf(model, ppcs, meta, trimestreId(year, q)).semaforo)),
    semaforoCell(last.semaforoAcumulado),
    cumplimientoCell(last.cumplimientoAcumulado),
  ];
}

/** The anchor of a meta's row: `OP-01-M1`. */
export const metaAnchor = ({ ppcs, meta }: MetaRef): string => `${ppcs.data.id}-${meta.id}`;

const HISTORY_NOTES = [
  'Cada trimestre muestra el semáforo de lo alcanzado en ese trimestre contra lo programado para él; «Semáforo acumulado» y «Cumplimiento acumulado», los de lo alcanzado desde T1 contra lo programado desde T1 hasta el último trimestre de la tabla, como en la tabla de avance de metas.',
  'No reportado: el trimestre ya venció y la dependencia no entregó su reporte; nunca cuenta como verde. Pendiente: la ventana de entrega aún no cierra. Sin meta: no hay nada programado para el trimestre.',
];

/** One row per meta: its semáforo in each quarter T1…`through` and the cumulative one, so a meta red all year shows it. */
export function historySection({ model, year, claves }: Scope, through: Quarter): Section {
  const metas: MetaRef[] = [];
  const rows: Cell[][] = [];
  for (const clave of claves) {
    const part = departmentHistory(model, clave, year, through);
    for (const ref of part.metas) metas.push(ref);
    for (const row of part.rows) rows.push(row);
  }
  return {
    id: 'historial-metas',
    sheet: 'Historial de metas',
    title: `Historial de metas ${year}`,
    intro: `Semáforo de cada meta en cada trimestre de ${year} hasta ${year}-${through}, y su semáforo y cumplimiento acumulados.`,
    table: {
      columns: historyColumns(through),
      rows,
      rowIds: uniqueIds(metas.map((m) => `${metaAnchor(m)}-historial`)),
    },
    notes: HISTORY_NOTES,
  };
}

interface DepartmentHistory {
  metas: MetaRef[];
  rows: Cell[][];
}

// The annual report shows each department's history twice, in the history table and on the
// department's page: built once per model, department and quarter, and shared (read only,
// as every row of a finished table).
const DEPARTMENT_HISTORY = new WeakMap<PlanModel, Map<string, DepartmentHistory>>();

function departmentHistory(model: PlanModel, clave: string, year: number, through: Quarter): DepartmentHistory {
  let byKey = DEPARTMENT_HISTORY.get(model);
  if (!byKey) DEPARTMENT_HISTORY.set(model, (byKey = new Map()));
  const key = `${trimestreId(year, through)} ${clave}`;
  let part = byKey.get(key);
  if (!part) {
    const metas = metasOf(model, clave);
    byKey.set(key, (part = { metas, rows: metas.map((m) => historyRow(model, m, year, through)) }));
  }
  return part;
}

export interface DepartmentTrend {
  clave: string;
  quarters: QuarterCompliance[];
}

/** Each department's compliance in T1…`through` (quarterCompliance). */
export function departmentTrends({ model, year, claves }: Scope, through: Quarter): DepartmentTrend[] {
  return claves.map((clave) => {
    const metas = metasOf(model, clave);
    return { clave, quarters: quartersThrough(through).map((q) => quarterCompliance(model, metas, year, q)) };
  });
}

/** The municipality's line: every department's metas pooled, Σ verde ÷ Σ medidas per quarter. */
export function pooledTrend(trends: readonly DepartmentTrend[], through: Quarter): QuarterCompliance[] {
  return quartersThrough(through).map((_, i) => {
    let verde = 0;
    let medidas = 0;
    for (const t of trends) {
      verde += t.quarters[i]!.verde;
      medidas += t.quarters[i]!.medidas;
    }
    return medidas === 0 ? { verde, medidas } : { verde, medidas, value: verde / medidas };
  });
}

export const complianceCell = (c: QuarterCompliance): Cell => (c.value === undefined ? empty('Sin metas medidas') : pct(c.value));

export const COMPLIANCE_FORMULA =
  'Cumplimiento del trimestre = metas en verde en el trimestre ÷ metas con semáforo verde, amarillo, rojo o «No reportado» en el trimestre, sobre las metas de los PPCS no cancelados. Las metas sin nada programado en el trimestre («Sin meta») o cuyo reporte aún no vence («Pendiente») no cuentan; un reporte vencido y no entregado cuenta todas sus metas como no verdes.';

/** Per department, its quarterly compliance T1…`through`. */
export function trendSection(scope: Scope, through: Quarter, trends: readonly DepartmentTrend[] = departmentTrends(scope, through)): Section {
  const quarters = quartersThrough(through);
  return {
    id: 'tendencia',
    sheet: 'Tendencia',
    title: `Tendencia del cumplimiento de metas ${scope.year}`,
    intro: `Porcentaje de metas en verde de cada dependencia en cada trimestre de ${scope.year} hasta ${scope.year}-${through}.`,
    table: {
      columns: [col('Clave', 'text'), col('Dependencia', 'text'), ...quarters.map((q) => col(q, 'percent'))],
      rows: trends.map((t) => [text(t.clave), text(departmentName(scope.model, t.clave)), ...t.quarters.map(complianceCell)]),
      rowIds: trends.map((t) => `${t.clave}-tendencia`),
    },
    notes: [COMPLIANCE_FORMULA],
  };
}

/** Beyond this many departments one line each is unreadable: the chart shows the municipality's line only. */
export const MAX_TREND_LINES = 10;

const percentValue = (c: QuarterCompliance): number | null => (c.value === undefined ? null : c.value * 100);

/**
 * The quarterly compliance lines: the municipality's (all metas pooled) and, up to
 * MAX_TREND_LINES departments, one per department; `table` holds the same figures.
 */
export function trendChart(id: string, title: string, lines: { name: string; label: string; quarters: QuarterCompliance[] }[], through: Quarter): Chart {
  const quarters = quartersThrough(through);
  const table: Table = {
    columns: [col('Serie', 'text'), col('Nombre', 'text'), ...quarters.map((q) => col(q, 'percent'))],
    rows: lines.map((l) => [text(l.name), text(l.label), ...l.quarters.map(complianceCell)]),
  };
  return {
    id,
    title,
    kind: 'lines',
    unit: '%',
    categories: quarters,
    series: lines.map((l) => ({ name: l.name, values: l.quarters.map(percentValue) })),
    max: 100,
    table,
  };
}

/** The executive page's trend chart: the municipality, and each department when they are few. */
export function executiveTrendChart(model: PlanModel, trends: readonly DepartmentTrend[], year: number, through: Quarter): Chart {
  const lines = [{ name: 'Municipio', label: 'Todas las dependencias', quarters: pooledTrend(trends, through) }];
  if (trends.length <= MAX_TREND_LINES) for (const t of trends) lines.push({ name: t.clave, label: departmentName(model, t.clave), quarters: t.quarters });
  return trendChart('tendencia', `Metas en verde por trimestre, ${year}`, lines, through);
}
