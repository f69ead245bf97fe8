import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { PlanModel } from '../../model/model.js';
import { QUARTERS, type Quarter } from '../../model/types.js';
import { CRITERIA } from '../metrics/criteria/index.js';
import { evaluateDepartment, type DepartmentEvaluation } from '../metrics/evaluation.js';
import { int, num, text } from './cell-text.js';
import { cutoffSummary } from './cutoff.js';
import { annualDepartments } from './departments.js';
import { annualExecutive } from './executive.js';
import { reportTitle } from './labels.js';
import { deliveriesSection } from './sections/deliveries.js';
import { baselineSection, criteriaSection, planSection, subindicatorsSection } from './sections/evaluation.js';
import { annualFeedbackSection } from './sections/feedback.js';
import { planComplianceSections } from './sections/plan-monitoring.js';
import { findingsSection } from './sections/findings.js';
import { metasSection } from './sections/metas.js';
import { beneficiariesSection, collaborationsSection } from './sections/people.js';
import { scopeFor, type ViewOptions } from './quarterly.js';
import { departmentTrends, historySection, trendSection } from './trends.js';
import type { ReportView, Section } from './types.js';

/** The annual evaluation: six criteria per department, total, grade, plan type, the comparison with the year before, and next year's plan. */
export function annualView(model: PlanModel, diagnostics: readonly Diagnostic[], options: ViewOptions): ReportView {
  const scope = scopeFor(model, options);
  const evaluations = scope.claves.map((clave) => evaluateDepartment(model, clave, diagnostics, options.year));
  const due = QUARTERS.filter((q) => model.isDue(options.year, q));
  const last: Quarter = due[due.length - 1] ?? 'T1';
  const trimestres = due.map((q) => `${options.year}-${q}`);
  const trends = departmentTrends(scope, last);
  const view: ReportView = {
    kind: 'anual',
    title: reportTitle(model, `Evaluación anual ${options.year}`, options.dependencia),
    municipio: model.config.municipio,
    ejercicio: options.year,
    periodo: String(options.year),
    fechaCorte: model.fechaCorte,
    resumen: [...cutoffSummary(options.corte), ...annualSummary(evaluations, due.length, options.year + 1)],
    executive: annualExecutive({ scope, evaluations, through: last, trends }),
    sections: [
      criteriaSection(evaluations, options.year),
      baselineSection(evaluations, options.year),
      subindicatorsSection(evaluations),
      rubricSection(model),
      ...planComplianceSections(scope, last),
      planSection(evaluations, options.year + 1),
      deliveriesSection(scope, 'T4'),
      annualFeedbackSection(scope, options.year),
      metasSection(scope, last),
      historySection(scope, last),
      trendSection(scope, last, trends),
      beneficiariesSection(scope, trimestres, String(options.year)),
      collaborationsSection(scope, trimestres, String(options.year)),
      findingsSection(diagnostics, scope.claves, !options.dependencia),
    ],
    departments: annualDepartments({ scope, evaluations, through: last, trends, diagnostics }),
  };
  if (options.dependencia) view.dependencia = options.dependencia;
  return view;
}

function annualSummary(evaluations: DepartmentEvaluation[], dueQuarters: number, planYear: number): ReportView['resumen'] {
  const sorted = [...evaluations].sort((a, b) => b.total - a.total || (a.clave < b.clave ? -1 : 1));
  const mean = evaluations.reduce((a, e) => a + e.total, 0) / Math.max(1, evaluations.length);
  const items: ReportView['resumen'] = [
    { label: 'Dependencias evaluadas', value: int(evaluations.length) },
    { label: 'Trimestres evaluados', value: int(dueQuarters) },
    { label: 'Puntaje promedio', value: num(mean, 1) },
  ];
  if (sorted.length > 1) {
    items.push({ label: 'Puntaje más alto', value: text(`${sorted[0]!.clave} (${sorted[0]!.total.toFixed(1)})`) });
    items.push({ label: 'Puntaje más bajo', value: text(`${sorted[sorted.length - 1]!.clave} (${sorted[sorted.length - 1]!.total.toFixed(1)})`) });
  }
  for (const e of evaluations) items.push({ label: `${e.clave}: grado y plan ${planYear}`, value: text(`${e.total.toFixed(1)} — ${e.grado.grado} → Plan de Mejora de ${e.grado.tipo_plan}`) });
  return items;
}

function rubricSection(model: PlanModel): Section {
  return {
    id: 'rubrica',
    sheet: 'Rúbrica',
    title: 'Rúbrica de la evaluación',
    intro: 'Pesos de los criterios y grados de desarrollo institucional definidos en plan.yaml.',
    table: {
      columns: [
        { header: 'Criterio', kind: 'text' },
        { header: 'Peso', kind: 'int' },
        { header: 'Recursos', kind: 'text' },
        { header: 'Dimensión', kind: 'text' },
      ],
      rows: CRITERIA.map((c) => [text(c.nombre), int(model.config.pesos[c.clave]), text(c.recursos), text(c.dimension)]),
    },
    notes: model.config.grados.map((g) => `Grado «${g.grado}» desde ${g.minimo} puntos: Plan de Mejora de tipo ${g.tipo_plan}.`),
  };
}
