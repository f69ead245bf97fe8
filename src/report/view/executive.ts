// The executive page: the departments ranked, what needs action said in sentences built from
// the data, the three worst metas with their quarterly history, and the charts. The same
// figures feed each department's page (departments.ts), so both say the same thing.
import type { PlanModel } from '../../model/model.js';
import type { Semaforo } from '../../model/semaforo.js';
import { trimestreId } from '../../model/time.js';
import { QUARTERS, type Quarter } from '../../model/types.js';
import { deliveryStatus, type DeliveryStatus } from '../metrics/delivery.js';
import type { DepartmentEvaluation } from '../metrics/evaluation.js';
import { annualFeedback, pendingFeedback } from '../metrics/feedback.js';
import { planMonitoring } from '../metrics/plan-monitoring.js';
import { cellText, empty, int, num, pct, text } from './cell-text.js';
import { deliveryLabel, departmentName } from './labels.js';
import { lightCounts, metasOf, progressOf, uniqueIds, type MetaRef } from './meta-history.js';
import { col, type Scope } from './sections/scope.js';
import { complianceCell, executiveTrendChart, historyColumns, historyRow, metaAnchor, pooledTrend, type DepartmentTrend } from './trends.js';
import type { ActionItem, Cell, Chart, ExecutiveSummary, Table } from './types.js';

/** A change within ±0.05 (points, or percentage points) is no change: the figures are published with one decimal. */
export function arrow(cambio: number | undefined): string {
  if (cambio === undefined) return '—';
  return cambio > 0.05 ? '↑' : cambio < -0.05 ? '↓' : '→';
}

const oneDecimal = (value: number) => cellText(num(value, 1));
const signed = (value: number) => `${value > 0 ? '+' : value < 0 ? '-' : ''}${oneDecimal(Math.abs(value))}`;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Sentences name at most this many departments; the rest are counted. */
export const MAX_NAMED = 5;

interface Group {
  clave: string;
  count: number;
  /** What is said beside the clave: `(T2 y T3)`, `(3 días hábiles)`. */
  detail?: string;
}

/** Departments with the most first, then by clave. */
const byCount = (a: Group, b: Group) => b.count - a.count || (a.clave < b.clave ? -1 : a.clave > b.clave ? 1 : 0);

/** `2 de SP y 1 de OP`; past MAX_NAMED departments, `… y 4 más de otras 3 dependencias`. */
function countsList(groups: readonly Group[]): string {
  const shown = groups.slice(0, MAX_NAMED).map((g) => `${g.count} de ${g.clave}`);
  const rest = groups.slice(MAX_NAMED);
  if (rest.length > 0) {
    const count = rest.reduce((a, g) => a + g.count, 0);
    shown.push(`${count} más de ${rest.length === 1 ? 'otra dependencia' : `otras ${rest.length} dependencias`}`);
  }
  return joinWithY(shown);
}

/** `SP (T2 y T3) y OP (T4)`; past MAX_NAMED departments, `… y 3 dependencias más`. */
function namesList(groups: readonly Group[]): string {
  const shown = groups.slice(0, MAX_NAMED).map((g) => (g.detail ? `${g.clave} (${g.detail})` : g.clave));
  const rest = groups.length - MAX_NAMED;
  if (rest > 0) shown.push(rest === 1 ? 'otra dependencia' : `${rest} dependencias más`);
  return joinWithY(shown);
}

function joinWithY(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} y ${items[items.length - 1]}`;
}

function groupsOf(claves: readonly string[]): Group[] {
  const counts = new Map<string, number>();
  for (const clave of claves) counts.set(clave, (counts.get(clave) ?? 0) + 1);
  return [...counts].map(([clave, count]) => ({ clave, count })).sort(byCount);
}

function item(id: ActionItem['id'], groups: readonly Group[], sentence: (count: number) => string): ActionItem[] {
  const count = groups.reduce((a, g) => a + g.count, 0);
  if (count === 0) return [];
  return [{ id, count, sentence: sentence(count), departments: groups.map((g) => g.clave) }];
}

const quarterNames = (quarters: readonly Quarter[]) => joinWithY(quarters);

// ------------------------------------------------------------------ the worst metas

const WORST_ORDER: Partial<Record<Semaforo, number>> = { rojo: 0, no_reportado: 1, amarillo: 2 };

/**
 * The three metas with the worst cumulative result at `through`: red first, then not reported,
 * then yellow (green, no goal and pending never); within a light, the farthest from 100 % of
 * cumulative compliance first (a red without a value, farthest of all); then by clave, PPCS and meta.
 */
export function worstMetas(model: PlanModel, metas: readonly MetaRef[], year: number, through: Quarter, count = 3): MetaRef[] {
  const ranked = metas.flatMap((ref) => {
    const p = progressOf(model, ref.ppcs, ref.meta, trimestreId(year, through));
    const order = WORST_ORDER[p.semaforoAcumulado];
    if (order === undefined) return [];
    const distance = p.cumplimientoAcumulado.kind === 'medido' ? Math.abs(p.cumplimientoAcumulado.porcentaje - 100) : Number.POSITIVE_INFINITY;
    return [{ ref, order, distance, key: [ref.clave, ref.ppcs.data.id, ref.meta.id] }];
  });
  ranked.sort((a, b) => a.order - b.order || (b.distance === a.distance ? compareKeys(a.key, b.key) : b.distance > a.distance ? 1 : -1));
  return ranked.slice(0, count).map((r) => r.ref);
}

function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
}

function worstTable(model: PlanModel, metas: readonly MetaRef[], year: number, through: Quarter): Table {
  const worst = worstMetas(model, metas, year, through);
  return { columns: historyColumns(through), rows: worst.map((m) => historyRow(model, m, year, through)), rowIds: uniqueIds(worst.map(metaAnchor)) };
}

// ------------------------------------------------------------------ charts shared by both views

const STACKED: { light: Semaforo; name: string }[] = [
  { light: 'verde', name: 'Verde' },
  { light: 'amarillo', name: 'Amarillo' },
  { light: 'rojo', name: 'Rojo' },
  { light: 'no_reportado', name: 'No reportado' },
];

/** Per department (clave order) its metas by light: the cumulative light for the annual view, the quarter's for the quarterly one. */
function lightsChart(model: PlanModel, metasBy: ReadonlyMap<string, MetaRef[]>, claves: readonly string[], year: number, through: Quarter, cumulative: boolean): Chart {
  const counts = claves.map((clave) => lightCounts(model, metasBy.get(clave)!, `${year}-${through}`, cumulative));
  return {
    id: 'semaforo-dependencias',
    title: cumulative ? `Metas por semáforo acumulado a ${year}-${through}, por dependencia` : `Metas por semáforo en ${year}-${through}, por dependencia`,
    kind: 'stacked',
    unit: 'metas',
    categories: [...claves],
    series: STACKED.map((s) => ({ name: s.name, values: counts.map((c) => c[s.light]), tone: s.light })),
    table: {
      columns: [col('Clave', 'text'), ...STACKED.map((s) => col(s.name, 'int'))],
      rows: claves.map((clave, i) => [text(clave), ...STACKED.map((s) => int(counts[i]![s.light]))]),
    },
  };
}

function metasByDepartment(model: PlanModel, claves: readonly string[]): Map<string, MetaRef[]> {
  return new Map(claves.map((clave) => [clave, metasOf(model, clave)]));
}

// ------------------------------------------------------------------ annual

/** Departments best first: total descending, ties by clave. */
export function rankAnnual(evaluations: readonly DepartmentEvaluation[]): DepartmentEvaluation[] {
  return [...evaluations].sort((a, b) => b.total - a.total || (a.clave < b.clave ? -1 : a.clave > b.clave ? 1 : 0));
}

export interface AnnualInput {
  scope: Scope;
  evaluations: readonly DepartmentEvaluation[];
  /** The last due quarter: the year's figures are judged at it. */
  through: Quarter;
  trends: readonly DepartmentTrend[];
}

export function annualExecutive({ scope, evaluations, through, trends }: AnnualInput): ExecutiveSummary {
  const { model, year, claves } = scope;
  const ranked = rankAnnual(evaluations);
  const before = year - 1;
  const metasBy = metasByDepartment(model, claves);
  const allMetas = claves.flatMap((c) => metasBy.get(c)!);
  const ranking: Table = {
    columns: [
      col('Lugar', 'int'),
      col('Clave', 'text'),
      col('Dependencia', 'text'),
      col('Total', 'number'),
      col('Grado', 'text'),
      col(`Evaluación ${before}`, 'number'),
      col('Cambio', 'number'),
      col('Tendencia', 'text'),
    ],
    rows: ranked.map((e, i) => [
      int(i + 1),
      text(e.clave),
      text(e.nombre),
      num(e.total, 1),
      text(e.grado.grado),
      e.lineaBase ? num(e.lineaBase.puntaje, 1) : empty('Sin evaluación'),
      e.cambio === undefined ? empty('No aplica') : num(e.cambio, 1),
      text(arrow(e.cambio)),
    ]),
    rowIds: ranked.map((e) => e.clave),
  };
  const bands = [...model.config.grados].sort((a, b) => a.minimo - b.minimo).map((g) => ({ from: g.minimo, label: g.grado }));
  const totals: Chart = {
    id: 'totales',
    title: `Puntaje total por dependencia, ${year}`,
    kind: 'bars',
    unit: 'puntos',
    categories: ranked.map((e) => e.clave),
    series: [{ name: 'Total', values: ranked.map((e) => e.total), tone: 'neutral' }],
    bands,
    max: 100,
    table: {
      columns: [col('Clave', 'text'), col('Dependencia', 'text'), col('Total', 'number'), col('Grado', 'text')],
      rows: ranked.map((e) => [text(e.clave), text(e.nombre), num(e.total, 1), text(e.grado.grado)]),
    },
  };
  return {
    headline: annualHeadline(ranked, year),
    ranking,
    actions: annualActions(scope, metasBy, through),
    worstMetas: worstTable(model, allMetas, year, through),
    charts: [totals, lightsChart(model, metasBy, claves, year, through, true), executiveTrendChart(model, trends, year, through)],
  };
}

function annualHeadline(ranked: readonly DepartmentEvaluation[], year: number): string {
  const before = year - 1;
  if (ranked.length === 0) return `No hay dependencias que evaluar en ${year}.`;
  if (ranked.length === 1) {
    const e = ranked[0]!;
    const first = `${e.clave} obtuvo ${oneDecimal(e.total)} puntos en ${year}: grado ${e.grado.grado}.`;
    return e.cambio === undefined ? first : `${first} Cambio respecto de ${before}: ${signed(e.cambio)} puntos.`;
  }
  const mean = ranked.reduce((a, e) => a + e.total, 0) / ranked.length;
  const top = ranked[0]!;
  const bottom = ranked[ranked.length - 1]!;
  const sentences = [
    `Evaluación ${year} de ${ranked.length} dependencias: puntaje promedio ${oneDecimal(mean)}; la mejor evaluada es ${top.clave} (${oneDecimal(top.total)}, ${top.grado.grado}) y la más baja, ${bottom.clave} (${oneDecimal(bottom.total)}, ${bottom.grado.grado}).`,
  ];
  if (ranked.some((e) => e.cambio !== undefined)) {
    // Those that fell most first: the ones to ask about.
    const fell = ranked.filter((e) => e.cambio !== undefined && e.cambio < -0.05).sort((a, b) => a.cambio! - b.cambio! || (a.clave < b.clave ? -1 : 1));
    sentences.push(
      fell.length === 0
        ? `Ninguna dependencia bajó respecto de ${before}.`
        : `${plural(fell.length, 'dependencia bajó', 'dependencias bajaron')} respecto de ${before}: ${namesList(fell.map((e) => ({ clave: e.clave, count: 1, detail: signed(e.cambio!) })))}.`,
    );
  }
  return sentences.join(' ');
}

function annualActions(scope: Scope, metasBy: ReadonlyMap<string, MetaRef[]>, through: Quarter): ActionItem[] {
  const { model, year, claves } = scope;
  const at = `${year}-${through}`;
  const red = claves.flatMap((clave) => metasBy.get(clave)!.filter((m) => progressOf(model, m.ppcs, m.meta, at).semaforoAcumulado === 'rojo').map(() => clave));
  const due = QUARTERS.filter((q) => model.isDue(year, q));
  const missing: Group[] = [];
  const late: Group[] = [];
  for (const clave of claves) {
    const statuses = due.map((q) => [q, deliveryStatus(model, clave, year, q)] as const);
    const quartersOf = (kind: DeliveryStatus['kind']) => statuses.filter(([, s]) => s.kind === kind).map(([q]) => q);
    const m = quartersOf('no_entregado');
    const l = quartersOf('tarde');
    if (m.length > 0) missing.push({ clave, count: m.length, detail: quarterNames(m) });
    if (l.length > 0) late.push({ clave, count: l.length, detail: quarterNames(l) });
  }
  const unattended = annualFeedback(model, claves, year).expected.filter((f) => f.due && !f.attendedInTime);
  const notStarted = claves.flatMap((clave) => (planMonitoring(model, clave, year, through)?.acciones ?? []).filter((a) => a.estatus === 'no_iniciada').map(() => clave));
  return [
    ...item('metas-en-rojo', groupsOf(red), (n) => `${plural(n, 'meta', 'metas')} en rojo en el acumulado a ${at}: ${countsList(groupsOf(red))}.`),
    ...item('reportes-faltantes', missing.sort(byCount), (n) => `${plural(n, 'reporte trimestral', 'reportes trimestrales')} de ${year} no ${n === 1 ? 'entregado' : 'entregados'}: ${namesList(missing)}.`),
    ...item('reportes-tarde', late.sort(byCount), (n) => `${plural(n, 'reporte trimestral', 'reportes trimestrales')} de ${year} ${n === 1 ? 'entregado' : 'entregados'} tarde: ${namesList(late)}.`),
    ...item(
      'observaciones-no-atendidas',
      groupsOf(unattended.map((f) => f.observacion.dependencia)),
      (n) => `${plural(n, 'observación', 'observaciones')} de Planeación no ${n === 1 ? 'atendida' : 'atendidas'} a tiempo en los reportes de ${year}: ${countsList(groupsOf(unattended.map((f) => f.observacion.dependencia)))}.`,
    ),
    ...item(
      'acciones-sin-iniciar',
      groupsOf(notStarted),
      (n) => `${plural(n, 'acción', 'acciones')} del Plan de Mejora ${year} sin iniciar en ${at}: ${countsList(groupsOf(notStarted))}.`,
    ),
  ];
}

// ------------------------------------------------------------------ quarterly

export interface QuarterlyRank {
  clave: string;
  trend: DepartmentTrend;
  /** The quarter's compliance minus the previous quarter's, in percentage points; undefined in T1 or without either figure. */
  cambio?: number;
}

/** Departments best first by the quarter's compliance; those without metas measured last; ties by clave. */
export function rankQuarterly(trends: readonly DepartmentTrend[]): QuarterlyRank[] {
  const ranks = trends.map((trend) => {
    const n = trend.quarters.length;
    const now = trend.quarters[n - 1]?.value;
    const prev = n > 1 ? trend.quarters[n - 2]!.value : undefined;
    return now !== undefined && prev !== undefined ? { clave: trend.clave, trend, cambio: (now - prev) * 100 } : { clave: trend.clave, trend };
  });
  const value = (r: QuarterlyRank) => r.trend.quarters[r.trend.quarters.length - 1]?.value ?? -1;
  return ranks.sort((a, b) => value(b) - value(a) || (a.clave < b.clave ? -1 : a.clave > b.clave ? 1 : 0));
}

export interface QuarterlyInput {
  scope: Scope;
  quarter: Quarter;
  trends: readonly DepartmentTrend[];
}

export function quarterlyExecutive({ scope, quarter, trends }: QuarterlyInput): ExecutiveSummary {
  const { model, year, claves } = scope;
  const trimestre = `${year}-${quarter}`;
  const previous = QUARTERS[QUARTERS.indexOf(quarter) - 1];
  const metasBy = metasByDepartment(model, claves);
  const allMetas = claves.flatMap((c) => metasBy.get(c)!);
  const statuses = new Map(claves.map((clave) => [clave, deliveryStatus(model, clave, year, quarter)]));
  const ranked = rankQuarterly(trends);
  const ranking: Table = {
    columns: [
      col('Lugar', 'int'),
      col('Clave', 'text'),
      col('Dependencia', 'text'),
      col('% de metas en verde', 'percent'),
      col('Metas en verde', 'int'),
      col('Metas medidas', 'int'),
      col(`Reporte ${trimestre}`, 'text'),
      col(previous ? `Cambio desde ${year}-${previous} (puntos porcentuales)` : 'Cambio (puntos porcentuales)', 'number'),
      col('Tendencia', 'text'),
    ],
    rows: ranked.map((r, i) => {
      const now = r.trend.quarters[r.trend.quarters.length - 1]!;
      return [
        int(i + 1),
        text(r.clave),
        text(departmentName(model, r.clave)),
        complianceCell(now),
        int(now.verde),
        int(now.medidas),
        text(deliveryLabel(statuses.get(r.clave)!)),
        r.cambio === undefined ? empty(previous ? 'No aplica' : 'Primer trimestre') : num(r.cambio, 1),
        text(arrow(r.cambio)),
      ];
    }),
    rowIds: ranked.map((r) => r.clave),
  };
  const kinds = [...statuses.values()].map((s) => s.kind);
  const deliveries: Chart = {
    id: 'entregas',
    title: `Entrega de los reportes ${trimestre}`,
    kind: 'bars',
    unit: 'reportes',
    categories: DELIVERY_KINDS.map((k) => k.label),
    series: [{ name: 'Reportes', values: DELIVERY_KINDS.map((k) => kinds.filter((kind) => kind === k.kind).length), tone: 'neutral' }],
    table: {
      columns: [col('Estado', 'text'), col('Reportes', 'int')],
      rows: DELIVERY_KINDS.map((k) => [text(k.label), int(kinds.filter((kind) => kind === k.kind).length)]),
    },
  };
  return {
    headline: quarterlyHeadline(scope, quarter, statuses, pooledTrend(trends, quarter)),
    ranking,
    actions: quarterlyActions(scope, metasBy, statuses, quarter),
    worstMetas: worstTable(model, allMetas, year, quarter),
    charts: [lightsChart(model, metasBy, claves, year, quarter, false), deliveries, executiveTrendChart(model, trends, year, quarter)],
  };
}

const DELIVERY_KINDS: { kind: DeliveryStatus['kind']; label: string }[] = [
  { kind: 'a_tiempo', label: 'A tiempo' },
  { kind: 'tarde', label: 'Tarde' },
  { kind: 'anticipado', label: 'Anticipado' },
  { kind: 'no_entregado', label: 'No entregado' },
  { kind: 'pendiente', label: 'Pendiente' },
];

function quarterlyHeadline({ year, claves }: Scope, quarter: Quarter, statuses: ReadonlyMap<string, DeliveryStatus>, pooled: ReturnType<typeof pooledTrend>): string {
  const trimestre = `${year}-${quarter}`;
  const kinds = [...statuses.values()].map((s) => s.kind);
  const count = (kind: DeliveryStatus['kind']) => kinds.filter((k) => k === kind).length;
  const delivered = count('a_tiempo') + count('tarde') + count('anticipado');
  const sentences: string[] = [];
  if (claves.length === 1) {
    sentences.push(`Reporte ${trimestre} de ${claves[0]}: ${deliveryLabel(statuses.get(claves[0]!)!)}.`);
  } else {
    const late = count('tarde');
    const open = count('pendiente');
    sentences.push(
      `En ${trimestre} entregaron su reporte ${delivered} de ${claves.length} dependencias${late > 0 ? `, ${late} de ellas tarde` : ''}${open > 0 ? `; la ventana de entrega de ${open} aún no cierra` : ''}.`,
    );
  }
  const now = pooled[pooled.length - 1];
  sentences.push(
    !now || now.value === undefined
      ? `Ninguna meta tiene semáforo en ${trimestre}.`
      : `De ${plural(now.medidas, 'meta medida', 'metas medidas')}, ${now.verde} ${now.verde === 1 ? 'está' : 'están'} en verde (${cellText(pct(now.value))}).`,
  );
  return sentences.join(' ');
}

function quarterlyActions(scope: Scope, metasBy: ReadonlyMap<string, MetaRef[]>, statuses: ReadonlyMap<string, DeliveryStatus>, quarter: Quarter): ActionItem[] {
  const { model, year, claves } = scope;
  const trimestre = `${year}-${quarter}`;
  const red = claves.flatMap((clave) => metasBy.get(clave)!.filter((m) => progressOf(model, m.ppcs, m.meta, trimestre).semaforo === 'rojo').map(() => clave));
  const missing: Group[] = claves.filter((c) => statuses.get(c)!.kind === 'no_entregado').map((clave) => ({ clave, count: 1 }));
  const late: Group[] = claves.flatMap((clave) => {
    const s = statuses.get(clave)!;
    if (s.kind !== 'tarde') return [];
    const group: Group = { clave, count: 1 };
    if (s.diasHabiles !== undefined) group.detail = plural(s.diasHabiles, 'día hábil', 'días hábiles');
    return [group];
  });
  const overdue = pendingFeedback(model, claves, trimestre).overdue.map((f) => f.observacion.dependencia);
  const notStarted = claves.flatMap((clave) => (planMonitoring(model, clave, year, quarter)?.acciones ?? []).filter((a) => a.trimestres[quarter].estatus === 'no_iniciada').map(() => clave));
  return [
    ...item('metas-en-rojo', groupsOf(red), (n) => `${plural(n, 'meta', 'metas')} en rojo en ${trimestre}: ${countsList(groupsOf(red))}.`),
    ...item('reportes-faltantes', missing, (n) => `${plural(n, 'reporte', 'reportes')} ${trimestre} no ${n === 1 ? 'entregado' : 'entregados'}: ${namesList(missing)}.`),
    ...item('reportes-tarde', late, (n) => `${plural(n, 'reporte', 'reportes')} ${trimestre} ${n === 1 ? 'entregado' : 'entregados'} tarde: ${namesList(late)}.`),
    ...item(
      'observaciones-no-atendidas',
      groupsOf(overdue),
      (n) => `${plural(n, 'observación', 'observaciones')} de Planeación no ${n === 1 ? 'atendida' : 'atendidas'} a tiempo hasta ${trimestre}: ${countsList(groupsOf(overdue))}.`,
    ),
    ...item('acciones-sin-iniciar', groupsOf(notStarted), (n) => `${plural(n, 'acción', 'acciones')} del Plan de Mejora ${year} sin iniciar en ${trimestre}: ${countsList(groupsOf(notStarted))}.`),
  ];
}

/** The cell a ranking shows for a department's quarter: its compliance (for department pages). */
export const quarterFigure = (trend: DepartmentTrend): Cell => complianceCell(trend.quarters[trend.quarters.length - 1]!);
