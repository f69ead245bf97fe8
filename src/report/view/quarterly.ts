import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { PlanModel } from '../../model/model.js';
import type { Quarter } from '../../model/types.js';
import { deliveryStatus } from '../metrics/delivery.js';
import { metaProgress } from '../metrics/meta-progress.js';
import { beneficiariesIn } from '../metrics/people.js';
import { observationFollowUps } from '../../model/feedback.js';
import { int } from './cell-text.js';
import { beneficiariesSection, collaborationsSection, deliveriesSection, departmentName, feedbackSection, findingsSection, metasSection, type Scope } from './sections.js';
import type { ReportView, Semaforo, SummaryItem } from './types.js';

export interface ViewOptions {
  year: number;
  /** Restrict the report to one department. */
  dependencia?: string;
}

export function scopeFor(model: PlanModel, options: ViewOptions): Scope {
  return { model, year: options.year, claves: options.dependencia ? [options.dependencia] : model.departmentClaves() };
}

/** The trimestral summary: deliveries, metas with semáforo, people served, collaborations, pending feedback, findings. */
export function quarterlyView(model: PlanModel, diagnostics: readonly Diagnostic[], quarter: Quarter, options: ViewOptions): ReportView {
  const scope = scopeFor(model, options);
  const trimestre = `${options.year}-${quarter}`;
  const view: ReportView = {
    kind: 'trimestral',
    title: `Resumen trimestral ${trimestre}${options.dependencia ? ` — ${departmentName(model, options.dependencia)}` : ''}`,
    municipio: model.config.municipio,
    ejercicio: options.year,
    periodo: trimestre,
    fechaCorte: model.fechaCorte,
    resumen: quarterlySummary(scope, quarter),
    sections: [
      deliveriesSection(scope, quarter),
      metasSection(scope, quarter),
      beneficiariesSection(scope, [trimestre], trimestre),
      collaborationsSection(scope, [trimestre], trimestre),
      feedbackSection(scope, trimestre),
      findingsSection(diagnostics, scope.claves, !options.dependencia),
    ],
  };
  if (options.dependencia) view.dependencia = options.dependencia;
  return view;
}

function quarterlySummary({ model, year, claves }: Scope, quarter: Quarter): SummaryItem[] {
  const trimestre = `${year}-${quarter}`;
  const statuses = claves.map((clave) => deliveryStatus(model, clave, year, quarter).kind);
  const lights = new Map<Semaforo, number>([['verde', 0], ['amarillo', 0], ['rojo', 0], ['sin_meta', 0]]);
  for (const clave of claves) {
    for (const doc of model.ppcsOf(clave)) {
      if (doc.data.estatus === 'cancelado') continue;
      for (const meta of doc.data.metas ?? []) {
        const light = metaProgress(model, doc, meta, trimestre).semaforo;
        lights.set(light, lights.get(light)! + 1);
      }
    }
  }
  const people = claves.map((c) => beneficiariesIn(model, c, trimestre));
  const pending = observationFollowUps(model).filter((f) => claves.includes(f.observacion.dependencia) && f.due && f.esperado <= trimestre && !f.attendedInTime).length;
  const count = (kind: string) => statuses.filter((s) => s === kind).length;
  return [
    { label: 'Dependencias', value: int(claves.length) },
    { label: 'Reportes a tiempo', value: int(count('a_tiempo')) },
    { label: 'Reportes tarde', value: int(count('tarde')) },
    { label: 'Reportes anticipados', value: int(count('anticipado')) },
    { label: 'Reportes no entregados', value: int(count('no_entregado')) },
    ...(count('pendiente') > 0 ? [{ label: 'Reportes cuya ventana aún no cierra', value: int(count('pendiente')) }] : []),
    { label: 'Metas en verde', value: int(lights.get('verde')!) },
    { label: 'Metas en amarillo', value: int(lights.get('amarillo')!) },
    { label: 'Metas en rojo', value: int(lights.get('rojo')!) },
    { label: 'Metas sin programación en el trimestre', value: int(lights.get('sin_meta')!) },
    { label: 'Personas beneficiarias', value: int(people.reduce((a, p) => a + p.total, 0)) },
    { label: 'Mujeres', value: int(people.reduce((a, p) => a + p.mujeres, 0)) },
    { label: 'Hombres', value: int(people.reduce((a, p) => a + p.hombres, 0)) },
    { label: 'Observaciones sin atender', value: int(pending) },
  ];
}
