import type { ReportCutoff } from '../../calendar/report-cutoff.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { PlanModel } from '../../model/model.js';
import type { Quarter } from '../../model/types.js';
import { deliveryStatus } from '../metrics/delivery.js';
import type { Semaforo } from '../../model/semaforo.js';
import { pendingFeedback } from '../metrics/feedback.js';
import { beneficiariesIn } from '../metrics/people.js';
import { int } from './cell-text.js';
import { cutoffSummary } from './cutoff.js';
import { quarterlyDepartments } from './departments.js';
import { progressOf } from './meta-history.js';
import { quarterlyExecutive } from './executive.js';
import { reportTitle } from './labels.js';
import { deliveriesSection } from './sections/deliveries.js';
import { feedbackSection } from './sections/feedback.js';
import { planMonitoringSection } from './sections/plan-monitoring.js';
import { findingsSection } from './sections/findings.js';
import { metasSection } from './sections/metas.js';
import { beneficiariesSection, collaborationsSection } from './sections/people.js';
import type { Scope } from './sections/scope.js';
import { departmentTrends, historySection, trendSection } from './trends.js';
import type { ReportView, SummaryItem } from './types.js';
import { Trimestre } from '../../model/time.js';

export interface ViewOptions {
  year: number;
  /** Restrict the report to one department. */
  dependencia?: string;
  /** How the model's cut-off date was chosen, stated in the summary. */
  corte?: ReportCutoff;
}

export function scopeFor(model: PlanModel, options: ViewOptions): Scope {
  return { model, year: options.year, claves: options.dependencia ? [options.dependencia] : model.departmentClaves() };
}

/** The trimestral summary: deliveries, metas with semáforo, people served, collaborations, pending feedback, findings. */
export function quarterlyView(model: PlanModel, diagnostics: readonly Diagnostic[], quarter: Quarter, options: ViewOptions): ReportView {
  const scope = scopeFor(model, options);
  const trimestre = `${options.year}-${quarter}`;
  const trends = departmentTrends(scope, quarter);
  const view: ReportView = {
    kind: 'trimestral',
    title: reportTitle(model, `Resumen trimestral ${trimestre}`, options.dependencia),
    municipio: model.config.municipio,
    ejercicio: options.year,
    periodo: trimestre,
    fechaCorte: model.fechaCorte,
    resumen: [...cutoffSummary(options.corte), ...quarterlySummary(scope, quarter)],
    executive: quarterlyExecutive({ scope, quarter, trends }),
    sections: [
      deliveriesSection(scope, quarter),
      metasSection(scope, quarter),
      historySection(scope, quarter),
      trendSection(scope, quarter, trends),
      beneficiariesSection(scope, [trimestre], trimestre),
      collaborationsSection(scope, [trimestre], trimestre),
      feedbackSection(scope, trimestre),
      planMonitoringSection(scope, quarter),
      findingsSection(diagnostics, scope.claves, !options.dependencia, trimestre),
    ],
    departments: quarterlyDepartments({ scope, quarter, trends, diagnostics }),
  };
  if (options.dependencia) view.dependencia = options.dependencia;
  return view;
}

function quarterlySummary({ model, year, claves }: Scope, quarter: Quarter): SummaryItem[] {
  const trimestre = `${year}-${quarter}`;
  const statuses = claves.map((clave) => deliveryStatus(model, clave, year, quarter).kind);
  const lights = new Map<Semaforo, number>([['verde', 0], ['amarillo', 0], ['rojo', 0], ['sin_meta', 0], ['no_reportado', 0], ['pendiente', 0]]);
  for (const clave of claves) {
    for (const doc of model.ppcsOf(clave)) {
      if (doc.data.estatus === 'cancelado') continue;
      for (const meta of doc.data.metas ?? []) {
        const light = progressOf(model, doc, meta, trimestre).semaforo;
        lights.set(light, lights.get(light)! + 1);
      }
    }
  }
  const people = claves.map((c) => beneficiariesIn(model, c, trimestre));
  const feedback = pendingFeedback(model, claves, trimestre);
  const count = (kind: string) => statuses.filter((s) => s === kind).length;
  return [
    { label: 'Dependencias', value: int(claves.length) },
    { label: `Reportes ${trimestre} entregados a tiempo`, value: int(count('a_tiempo')) },
    { label: `Reportes ${trimestre} entregados tarde`, value: int(count('tarde')) },
    { label: `Reportes ${trimestre} entregados antes de la ventana`, value: int(count('anticipado')) },
    { label: `Reportes ${trimestre} no entregados`, value: int(count('no_entregado')) },
    ...(count('pendiente') > 0 ? [{ label: `Reportes ${trimestre} cuya ventana aún no cierra`, value: int(count('pendiente')) }] : []),
    { label: `Metas en verde en ${trimestre}`, value: int(lights.get('verde')!) },
    { label: `Metas en amarillo en ${trimestre}`, value: int(lights.get('amarillo')!) },
    { label: `Metas en rojo en ${trimestre}`, value: int(lights.get('rojo')!) },
    { label: `Metas sin programación en ${trimestre}`, value: int(lights.get('sin_meta')!) },
    ...(lights.get('no_reportado')! > 0 ? [{ label: `Metas no reportadas en ${trimestre} (reporte no entregado)`, value: int(lights.get('no_reportado')!) }] : []),
    ...(lights.get('pendiente')! > 0 ? [{ label: `Metas pendientes en ${trimestre} (ventana de entrega abierta)`, value: int(lights.get('pendiente')!) }] : []),
    { label: `Personas beneficiarias en ${trimestre}`, value: int(people.reduce((a, p) => a + p.total, 0)) },
    { label: 'Mujeres', value: int(people.reduce((a, p) => a + p.mujeres, 0)) },
    { label: 'Hombres', value: int(people.reduce((a, p) => a + p.hombres, 0)) },
    { label: `Observaciones no atendidas a tiempo (hasta ${trimestre})`, value: int(feedback.overdue.length) },
    { label: `Observaciones por atender en ${Trimestre.parse(trimestre).next()}`, value: int(feedback.upcoming.length) },
  ];
}
