// Plan de Mejora compliance: how many of a department's actions are done, and the
// sub-indicator through which the plan enters the annual evaluation (the seed: its
// cumplimiento is «incluid[o] como parte de la próxima evaluación anual»).
import { actionStatuses, type ActionStatus } from '../../model/plan-status.js';
import type { PlanModel } from '../../model/model.js';
import type { CriterioClave, PlanDeMejora, Quarter } from '../../model/types.js';
import type { EvaluationContext, SubIndicator } from './criteria/criterion.js';

export interface PlanMonitoring {
  clave: string;
  year: number;
  plan: PlanDeMejora;
  /** The last quarter whose reports count. */
  hasta: Quarter;
  acciones: ActionStatus[];
  cumplidas: number;
  enProceso: number;
  noIniciadas: number;
  sinReporte: number;
  /** cumplidas ÷ acciones: the department's plan compliance. */
  cumplimiento: number;
}

/**
 * The department's Plan de Mejora for `year`, each action with its status per quarter and its
 * latest reported status through `hasta`, and the counts by that status; undefined when the
 * department has no plan for that year.
 */
export function planMonitoring(model: PlanModel, clave: string, year: number, hasta: Quarter = 'T4'): PlanMonitoring | undefined {
  const plan = model.planOf(clave, year);
  const acciones = actionStatuses(model, clave, year, hasta);
  if (!plan || !acciones) return undefined;
  const count = (estatus: ActionStatus['estatus']) => acciones.filter((a) => a.estatus === estatus).length;
  const cumplidas = count('cumplida');
  return {
    clave,
    year,
    plan,
    hasta,
    acciones,
    cumplidas,
    enProceso: count('en_proceso'),
    noIniciadas: count('no_iniciada'),
    sinReporte: count('sin_reporte'),
    cumplimiento: acciones.length === 0 ? 0 : cumplidas / acciones.length,
  };
}

export const PLAN_SUBINDICATOR = 'acciones_plan';

/**
 * The extra sub-indicator of a criterion the department's plan for the evaluated year has
 * actions for: its actions «cumplida» at the last due quarter ÷ its actions. None when the plan
 * has no action for the criterion, or no quarter is due yet (nothing could have been reported).
 */
export function planSubIndicators(context: EvaluationContext, criterio: CriterioClave): SubIndicator[] {
  const last = context.dueQuarters[context.dueQuarters.length - 1];
  if (last === undefined) return [];
  const acciones = (actionStatuses(context.model, context.clave, context.year, last) ?? []).filter((a) => a.accion.criterio === criterio);
  if (acciones.length === 0) return [];
  return [
    {
      id: PLAN_SUBINDICATOR,
      nombre: 'Acciones del Plan de Mejora cumplidas',
      medicion: `Acciones del Plan de Mejora ${context.year} para este criterio cuyo estatus más reciente en los reportes hasta ${context.year}-${last} es «cumplida», entre todas las acciones del plan para este criterio (regla PLAN062).`,
      numerador: acciones.filter((a) => a.estatus === 'cumplida').length,
      denominador: acciones.length,
    },
  ];
}

/** The next year's action for a criterion whose plan actions were not all done. */
export function pendingPlanActionText(sub: SubIndicator, year: number): string {
  return `Concluir las acciones pendientes del Plan de Mejora ${year} en este criterio e informar su estatus con evidencia en cada reporte trimestral (en ${year}, ${sub.numerador} de ${sub.denominador} cumplidas).`;
}
