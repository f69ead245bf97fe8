// The Plan de Mejora's quarterly monitoring: each action's status in a quarter (the quarterly
// summary), and each department's compliance over the year (the annual evaluation).
import type { EstatusTrimestre } from '../../../model/plan-status.js';
import { QUARTERS, type AccionMejora, type Quarter } from '../../../model/types.js';
import { CRITERIA } from '../../metrics/criteria/index.js';
import { planMonitoring, type PlanMonitoring } from '../../metrics/plan-monitoring.js';
import { date, empty, int, pct, text } from '../cell-text.js';
import { departmentName } from '../labels.js';
import type { Cell, Section } from '../types.js';
import { col, type Scope } from './scope.js';

export const ESTATUS_LABEL: Record<EstatusTrimestre, string> = {
  no_iniciada: 'No iniciada',
  en_proceso: 'En proceso',
  cumplida: 'Cumplida',
  sin_reporte: 'Sin reporte',
  pendiente: 'Pendiente',
};

const CRITERION_NAME = new Map(CRITERIA.map((c) => [c.clave as string, c.nombre]));

const STATUS_NOTE =
  '«Sin reporte»: el reporte del trimestre no se entregó o no da el estatus de la acción (regla PLAN062); «Pendiente»: la ventana de entrega del trimestre aún no cierra.';

/** Dependencia, Clave, Criterio, Acción, Responsable, Plazo: how an action is named in every table. */
function actionCells(clave: string, accion: AccionMejora): Cell[] {
  return [
    text(clave),
    text(accion.id),
    text(CRITERION_NAME.get(accion.criterio) ?? accion.criterio),
    text(accion.accion),
    accion.responsable ? text(accion.responsable) : empty('Sin área'),
    accion.plazo ? date(accion.plazo) : empty('Sin plazo'),
  ];
}

const ACTION_COLUMNS = [col('Dependencia', 'text'), col('Clave', 'text'), col('Criterio', 'text'), col('Acción', 'text'), col('Responsable', 'text'), col('Plazo', 'date')];

function monitored({ model, year, claves }: Scope, hasta: Quarter): PlanMonitoring[] {
  return claves.map((clave) => planMonitoring(model, clave, year, hasta)).filter((m): m is PlanMonitoring => m !== undefined);
}

/** The quarterly summary's table: each action of each department's plan with its status in `quarter`. */
export function planMonitoringSection(scope: Scope, quarter: Quarter): Section {
  const plans = monitored(scope, quarter);
  const rows = plans.flatMap((m) =>
    m.acciones.map((a) => {
      const status = a.trimestres[quarter];
      const evidencias = status.entry?.evidencias ?? [];
      return [...actionCells(m.clave, a.accion), text(ESTATUS_LABEL[status.estatus]), evidencias.length > 0 ? text(evidencias.join('; ')) : empty('')];
    }),
  );
  const trimestre = `${scope.year}-${quarter}`;
  return {
    id: 'plan_de_mejora',
    sheet: 'Plan de Mejora',
    title: 'Seguimiento del Plan de Mejora',
    intro: `Estatus de cada acción del Plan de Mejora ${scope.year} según el reporte ${trimestre} de la dependencia, con las evidencias que cita.${plans.length === 0 ? ` Ninguna dependencia tiene Plan de Mejora ${scope.year} registrado.` : ''}`,
    table: { columns: [...ACTION_COLUMNS, col(`Estatus en ${trimestre}`, 'text'), col('Evidencias', 'text')], rows },
    notes: [STATUS_NOTE],
  };
}

/**
 * The annual evaluation's two tables: each department's plan compliance, and each action with
 * its status in every quarter and for the year. Statuses count up to `hasta`, the last due quarter.
 */
export function planComplianceSections(scope: Scope, hasta: Quarter): Section[] {
  const { model, year } = scope;
  const plans = monitored(scope, hasta);
  const compliance: Section = {
    id: 'plan_cumplimiento',
    sheet: `Cumplimiento plan ${year}`,
    title: `Cumplimiento del Plan de Mejora ${year}`,
    intro: `Acciones del Plan de Mejora ${year} de cada dependencia según su estatus más reciente en los reportes trimestrales hasta ${year}-${hasta}.${plans.length === 0 ? ` Ninguna dependencia tiene Plan de Mejora ${year} registrado.` : ''}`,
    table: {
      columns: [
        col('Clave', 'text'),
        col('Dependencia', 'text'),
        col('Tipo de plan', 'text'),
        col('Acciones', 'int'),
        col('Cumplidas', 'int'),
        col('En proceso', 'int'),
        col('No iniciadas', 'int'),
        col('Sin reporte', 'int'),
        col('% cumplimiento', 'percent'),
      ],
      rows: plans.map((m) => [
        text(m.clave),
        text(departmentName(model, m.clave)),
        text(m.plan.tipo),
        int(m.acciones.length),
        int(m.cumplidas),
        int(m.enProceso),
        int(m.noIniciadas),
        int(m.sinReporte),
        m.acciones.length === 0 ? empty('No aplica') : pct(m.cumplimiento),
      ]),
    },
    notes: [
      '% cumplimiento = acciones cumplidas ÷ acciones del plan. El estatus de una acción en el año es el más reciente que dan los reportes trimestrales; una acción que ningún reporte menciona cuenta como «Sin reporte».',
      'En la evaluación, cada criterio con acciones en el plan suma el subindicador «Acciones del Plan de Mejora cumplidas» (acciones cumplidas del criterio ÷ acciones del criterio), que se promedia con los demás subindicadores del criterio.',
    ],
  };
  const actions: Section = {
    id: 'plan_acciones',
    sheet: `Acciones plan ${year}`,
    title: `Acciones del Plan de Mejora ${year}`,
    intro: `Estatus de cada acción del Plan de Mejora ${year} en cada reporte trimestral y en el año.`,
    table: {
      columns: [...ACTION_COLUMNS, ...QUARTERS.map((q) => col(`${year}-${q}`, 'text')), col('Estatus del año', 'text')],
      rows: plans.flatMap((m) =>
        m.acciones.map((a) => [
          ...actionCells(m.clave, a.accion),
          ...QUARTERS.map((q) => text(ESTATUS_LABEL[a.trimestres[q].estatus])),
          text(ESTATUS_LABEL[a.estatus]),
        ]),
      ),
    },
    notes: [STATUS_NOTE],
  };
  return [compliance, actions];
}
