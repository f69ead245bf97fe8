// Each department's own page: its figures in a few lines, its charts, and the report's
// sections built again by the same section builders with a scope of that one department (so
// a page never filters rendered tables by text, and shows exactly what the report shows).
// Everything here is per department: the findings are grouped once, the metas' progress is
// remembered per quarter (meta-history.ts), so 1,000 departments cost 1,000 small pages.
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { PlanModel } from '../../model/model.js';
import { QUARTERS, type Quarter, type TipoPpcs, type EstatusPpcs, type TrimestreId } from '../../model/types.js';
import { departmentOf } from '../../repo/layout.js';
import { deliveryStatus, type DeliveryStatus } from '../metrics/delivery.js';
import type { DepartmentEvaluation } from '../metrics/evaluation.js';
import { annualFeedback, pendingFeedback } from '../metrics/feedback.js';
import { planMonitoring } from '../metrics/plan-monitoring.js';
import { empty, int, num, text } from './cell-text.js';
import { rankAnnual, rankQuarterly } from './executive.js';
import { deliveryLabel, departmentName } from './labels.js';
import { lightCounts, metasOf, uniqueIds } from './meta-history.js';
import { deliveriesSection } from './sections/deliveries.js';
import { baselineSection, criteriaSection, planSection, subindicatorsSection } from './sections/evaluation.js';
import { annualFeedbackSection, feedbackSection } from './sections/feedback.js';
import { findingsSection } from './sections/findings.js';
import { metasSection } from './sections/metas.js';
import { beneficiariesSection, collaborationsSection } from './sections/people.js';
import { planComplianceSections, planMonitoringSection } from './sections/plan-monitoring.js';
import { col, type Scope } from './sections/scope.js';
import { complianceCell, historySection, pooledTrend, trendChart, trendSection, type DepartmentTrend } from './trends.js';
import type { Cell, Chart, DepartmentPage, Section, SummaryItem } from './types.js';

const TIPO_LABEL: Record<TipoPpcs, string> = { programa: 'Programa', proyecto: 'Proyecto', campana: 'Campaña', servicio: 'Servicio' };
const ESTATUS_LABEL: Record<EstatusPpcs, string> = { por_iniciar: 'Por iniciar', activo: 'Activo', suspendido: 'Suspendido', concluido: 'Concluido', cancelado: 'Cancelado' };

/**
 * The department's PPCS, one row each anchored by its id (`OP-01`), with its metas counted by
 * light: the cumulative light at `through` (annual) or the quarter's light (quarterly).
 */
export function ppcsSection({ model, year, claves }: Scope, through: Quarter, cumulative: boolean): Section {
  const trimestre = `${year}-${through}`;
  const rows: Cell[][] = [];
  const ids: string[] = [];
  for (const clave of claves) {
    for (const doc of [...model.ppcsOf(clave)].sort((a, b) => (a.data.id < b.data.id ? -1 : 1))) {
      const metas = doc.data.metas ?? [];
      ids.push(doc.data.id);
      const base = [text(doc.data.id), text(doc.data.nombre), text(TIPO_LABEL[doc.data.tipo]), text(ESTATUS_LABEL[doc.data.estatus]), int(metas.length)];
      if (doc.data.estatus === 'cancelado') {
        rows.push([...base, ...LIGHTS.map(() => empty('Cancelado'))]);
        continue;
      }
      const counts = lightCounts(model, metas.map((meta) => ({ clave, ppcs: doc, meta })), trimestre, cumulative);
      rows.push([...base, ...LIGHTS.map((l) => int(counts[l]))]);
    }
  }
  return {
    id: 'ppcs',
    sheet: 'PPCS',
    title: 'Programas, proyectos, campañas y servicios',
    intro: cumulative
      ? `Cada PPCS de la dependencia con sus metas contadas por su semáforo acumulado a ${trimestre}.`
      : `Cada PPCS de la dependencia con sus metas contadas por su semáforo en ${trimestre}.`,
    table: {
      columns: [col('PPCS', 'text'), col('Nombre', 'text'), col('Tipo', 'text'), col('Estatus', 'text'), col('Metas', 'int'), ...LIGHTS.map((l) => col(LIGHT_HEADER[l], 'int'))],
      rows,
      rowIds: uniqueIds(ids),
    },
    notes: ['Un PPCS cancelado no cuenta en ninguna cifra del reporte.'],
  };
}

const LIGHTS = ['verde', 'amarillo', 'rojo', 'no_reportado'] as const;
const LIGHT_HEADER: Record<(typeof LIGHTS)[number], string> = { verde: 'En verde', amarillo: 'En amarillo', rojo: 'En rojo', no_reportado: 'No reportadas' };

/** Each department's findings: those on its own files and, from Planeación's files, those about it; grouped in one pass. */
export function findingsByDepartment(diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const grouped = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const clave = departmentOf(d.file) ?? (d.file.startsWith('planeacion/') ? d.about?.dependencia : undefined);
    if (clave === undefined || clave === null) continue;
    const list = grouped.get(clave);
    if (list) list.push(d);
    else grouped.set(clave, [d]);
  }
  return grouped;
}

function lightItems(model: PlanModel, clave: string, trimestre: TrimestreId, cumulative: boolean, label: string): SummaryItem[] {
  const counts = lightCounts(model, metasOf(model, clave), trimestre, cumulative);
  return [
    { label: `Metas en verde ${label}`, value: int(counts.verde) },
    { label: `Metas en amarillo ${label}`, value: int(counts.amarillo) },
    { label: `Metas en rojo ${label}`, value: int(counts.rojo) },
    { label: `Metas no reportadas ${label}`, value: int(counts.no_reportado) },
  ];
}

/** The department's line and, when the report shows several departments, the municipality's beside it. */
function departmentTrendChart(model: PlanModel, trend: DepartmentTrend, trends: readonly DepartmentTrend[], year: number, through: Quarter): Chart {
  const lines = [{ name: trend.clave, label: departmentName(model, trend.clave), quarters: trend.quarters }];
  if (trends.length > 1) lines.push({ name: 'Municipio', label: 'Todas las dependencias', quarters: pooledTrend(trends, through) });
  return trendChart(`tendencia-${trend.clave}`, `Metas en verde por trimestre, ${trend.clave}, ${year}`, lines, through);
}

/** Each criterion's score in the previous evaluation and in this one, and the total: one line per criterion. */
function criteriaChart(e: DepartmentEvaluation, year: number): Chart | undefined {
  if (!e.lineaBase) return undefined;
  const before = year - 1;
  // A baseline that recorded only its total (the 2018 self-evaluation of some departments) has no criterion lines to draw.
  const lines = [
    ...(e.lineaBase.criterios ? e.criterios.map((c) => ({ name: c.criterion.nombre, values: [c.lineaBase ?? null, c.puntaje ?? null] })) : []),
    { name: 'Total', values: [e.lineaBase.puntaje, e.total] },
  ];
  const score = (v: number | null) => (v === null ? empty('Sin puntaje') : num(v, 1));
  return {
    id: `criterios-${e.clave}`,
    title: `Puntaje por criterio, ${e.clave}: ${before} y ${year}`,
    kind: 'lines',
    unit: 'puntos',
    categories: [String(before), String(year)],
    series: lines.map((l) => ({ name: l.name, values: l.values })),
    max: 100,
    table: {
      columns: [col('Criterio', 'text'), col(`Puntaje ${before}`, 'number'), col(`Puntaje ${year}`, 'number'), col('Cambio', 'number')],
      rows: lines.map((l) => {
        const [then, now] = l.values as [number | null, number | null];
        return [text(l.name), score(then), score(now), then === null || now === null ? empty('No aplica') : num(now - then, 1)];
      }),
    },
  };
}

export interface AnnualPagesInput {
  scope: Scope;
  evaluations: readonly DepartmentEvaluation[];
  through: Quarter;
  trends: readonly DepartmentTrend[];
  diagnostics: readonly Diagnostic[];
}

export function annualDepartments({ scope, evaluations, through, trends, diagnostics }: AnnualPagesInput): DepartmentPage[] {
  const { model, year } = scope;
  const place = new Map(rankAnnual(evaluations).map((e, i) => [e.clave, i + 1]));
  const trendOf = new Map(trends.map((t) => [t.clave, t]));
  const findings = findingsByDepartment(diagnostics);
  const trimestres = QUARTERS.filter((q) => model.isDue(year, q)).map((q) => `${year}-${q}`);
  const due = QUARTERS.filter((q) => model.isDue(year, q));
  const at = `${year}-${through}`;
  return evaluations.map((e) => {
    const one: Scope = { model, year, claves: [e.clave] };
    const trend = trendOf.get(e.clave)!;
    const statuses = due.map((q) => deliveryStatus(model, e.clave, year, q).kind);
    const count = (kind: DeliveryStatus['kind']) => statuses.filter((k) => k === kind).length;
    const plan = planMonitoring(model, e.clave, year, through);
    const resumen: SummaryItem[] = [
      { label: 'Lugar', value: text(`${place.get(e.clave)} de ${evaluations.length}`) },
      { label: 'Puntaje total', value: num(e.total, 1) },
      { label: 'Grado', value: text(e.grado.grado) },
      { label: `Tipo de Plan de Mejora ${year + 1}`, value: text(e.grado.tipo_plan) },
      { label: `Cambio respecto de ${year - 1}`, value: e.cambio === undefined ? empty(`Sin evaluación ${year - 1}`) : num(e.cambio, 1) },
      ...lightItems(model, e.clave, at, true, `(acumulado a ${at})`),
      { label: `Reportes ${year} entregados a tiempo`, value: int(count('a_tiempo')) },
      { label: `Reportes ${year} entregados tarde`, value: int(count('tarde')) },
      { label: `Reportes ${year} no entregados`, value: int(count('no_entregado')) },
      { label: `Observaciones no atendidas a tiempo en ${year}`, value: int(annualFeedback(model, one.claves, year).expected.filter((f) => f.due && !f.attendedInTime).length) },
      ...(plan ? [{ label: `Acciones del Plan de Mejora ${year} sin iniciar`, value: int(plan.noIniciadas) }] : []),
    ];
    const criteria = criteriaChart(e, year);
    return {
      clave: e.clave,
      nombre: e.nombre,
      resumen,
      charts: [departmentTrendChart(model, trend, trends, year, through), ...(criteria ? [criteria] : [])],
      sections: [
        ppcsSection(one, through, true),
        criteriaSection([e], year),
        baselineSection([e], year),
        subindicatorsSection([e]),
        ...planComplianceSections(one, through),
        planSection([e], year + 1),
        deliveriesSection(one, 'T4'),
        annualFeedbackSection(one, year),
        metasSection(one, through),
        historySection(one, through),
        trendSection(one, through, [trend]),
        beneficiariesSection(one, trimestres, String(year)),
        collaborationsSection(one, trimestres, String(year)),
        findingsSection(findings.get(e.clave) ?? [], one.claves, true),
      ],
    };
  });
}

export interface QuarterlyPagesInput {
  scope: Scope;
  quarter: Quarter;
  trends: readonly DepartmentTrend[];
  diagnostics: readonly Diagnostic[];
}

export function quarterlyDepartments({ scope, quarter, trends, diagnostics }: QuarterlyPagesInput): DepartmentPage[] {
  const { model, year } = scope;
  const trimestre = `${year}-${quarter}`;
  const place = new Map(rankQuarterly(trends).map((r, i) => [r.clave, i + 1]));
  const findings = findingsByDepartment(diagnostics);
  return trends.map((trend) => {
    const clave = trend.clave;
    const one: Scope = { model, year, claves: [clave] };
    const plan = planMonitoring(model, clave, year, quarter);
    const resumen: SummaryItem[] = [
      { label: 'Lugar', value: text(`${place.get(clave)} de ${trends.length}`) },
      { label: `Metas en verde en ${trimestre} (% de las medidas)`, value: complianceCell(trend.quarters[trend.quarters.length - 1]!) },
      { label: `Reporte ${trimestre}`, value: text(deliveryLabel(deliveryStatus(model, clave, year, quarter))) },
      ...lightItems(model, clave, trimestre, false, `en ${trimestre}`),
      { label: `Observaciones no atendidas a tiempo (hasta ${trimestre})`, value: int(pendingFeedback(model, one.claves, trimestre).overdue.length) },
      ...(plan ? [{ label: `Acciones del Plan de Mejora ${year} sin iniciar en ${trimestre}`, value: int(plan.acciones.filter((a) => a.trimestres[quarter].estatus === 'no_iniciada').length) }] : []),
    ];
    return {
      clave,
      nombre: departmentName(model, clave),
      resumen,
      charts: [departmentTrendChart(model, trend, trends, year, quarter)],
      sections: [
        ppcsSection(one, quarter, false),
        deliveriesSection(one, quarter),
        metasSection(one, quarter),
        historySection(one, quarter),
        beneficiariesSection(one, [trimestre], trimestre),
        collaborationsSection(one, [trimestre], trimestre),
        feedbackSection(one, trimestre),
        planMonitoringSection(one, quarter),
        findingsSection(findings.get(clave) ?? [], one.claves, true, trimestre),
      ],
    };
  });
}

