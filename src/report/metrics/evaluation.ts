// The annual evaluation: six criteria per department, each the mean of its measurable
// sub-indicators, weighted by the rubric in plan.yaml into a total, a grade band and the
// type of Plan de Mejora it leads to, compared with the previous year's recorded evaluation
// (per criterion when it gives them), with next year's plan for the weakest criteria.
import { isExcused, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { PlanModel } from '../../model/model.js';
import { departmentOf } from '../../repo/layout.js';
import { gradeFor } from '../../model/rubric.js';
import { QUARTERS, type AccionMejora, type CriterioClave, type Dependencia, type EvaluacionBase, type GradoRubrica } from '../../model/types.js';
import { CRITERIA } from './criteria/index.js';
import { ratio, type Criterion, type EvaluationContext, type SubIndicator } from './criteria/criterion.js';
import { actionTarget, framedAction, plazoFor, practiceTarget, responsableOf } from './next-plan.js';
import { PLAN_SUBINDICATOR, pendingPlanActionText, planSubIndicators } from './plan-monitoring.js';

export interface CriterionScore {
  criterion: Criterion;
  peso: number;
  subindicadores: SubIndicator[];
  /** 0–100; undefined when no sub-indicator applies (nothing was due), and its weight is then shared out. */
  puntaje?: number;
  /** The criterion's score in the previous year's evaluation, when it recorded one. */
  lineaBase?: number;
  /** puntaje − lineaBase, when both exist. */
  cambio?: number;
}

export interface DepartmentEvaluation {
  clave: string;
  nombre: string;
  criterios: CriterionScore[];
  /** Weighted total, rounded to one decimal as published. */
  total: number;
  grado: GradoRubrica;
  /** The previous year's recorded evaluation, when there is one. */
  lineaBase?: EvaluacionBase;
  cambio?: number;
  /**
   * The six criteria the baseline did not score, when it gives scores per criterion and not
   * all six (the 2018 self-evaluation had five): their change is not computed.
   */
  criteriosSinLineaBase?: CriterioClave[];
  /** The Plan de Mejora proposed for the year after, of the type the grade leads to. */
  planSiguiente: AccionMejora[];
}

/** Each findings list grouped by the department folder of its files, built once per list. */
const findingsByDepartmentCache = new WeakMap<readonly Diagnostic[], Map<string, Diagnostic[]>>();

/**
 * The findings on files under `dependencias/<clave>/`, in their order. Grouped once per list:
 * filtering the whole list for each department made the annual report grow with
 * departments × findings (issue 11).
 */
export function findingsOfDepartment(findings: readonly Diagnostic[], clave: string): readonly Diagnostic[] {
  let byDepartment = findingsByDepartmentCache.get(findings);
  if (!byDepartment) {
    byDepartment = new Map();
    for (const d of findings) {
      const clave = departmentOf(d.file);
      if (clave === null) continue;
      const list = byDepartment.get(clave);
      if (list) list.push(d);
      else byDepartment.set(clave, [d]);
    }
    findingsByDepartmentCache.set(findings, byDepartment);
  }
  return byDepartment.get(clave) ?? [];
}

export function evaluateDepartment(model: PlanModel, clave: string, findings: readonly Diagnostic[], year = model.config.ejercicio): DepartmentEvaluation {
  const department = model.departmentsByClave.get(clave)!.data;
  const own = findingsOfDepartment(findings, clave);
  const context: EvaluationContext = {
    model,
    clave,
    year,
    dueQuarters: QUARTERS.filter((quarter) => model.isDue(year, quarter)),
    vigentes: model.ppcsOf(clave).filter((doc) => doc.data.estatus !== 'cancelado'),
    // Only Planeación's approval takes a finding out; a department's own justification is pending.
    findings: own.filter((d) => !isExcused(d)),
    justified: new Map(),
  };
  for (const d of own) {
    if (!isExcused(d)) continue;
    const files = context.justified.get(d.rule) ?? new Set<string>();
    files.add(d.file);
    context.justified.set(d.rule, files);
  }
  const baseline = model.baselineOf(clave, year);
  const criterios = CRITERIA.map((criterion) => compared(scoreCriterion(criterion, context, model.config.pesos[criterion.clave]), baseline));
  // The score is published with one decimal; the grade follows the published number,
  // so a department shown at 85.0 is never graded as if it had 84.96.
  const total = Math.round(weightedTotal(criterios) * 10) / 10;
  const grado = gradeFor(total, model.config.grados);
  const missing = baseline?.criterios ? CRITERIA.map((c) => c.clave).filter((c) => baseline.criterios![c] === undefined) : [];
  return {
    clave,
    nombre: department.nombre,
    criterios,
    total,
    grado,
    ...(baseline ? { lineaBase: baseline, cambio: total - baseline.puntaje } : {}),
    ...(missing.length > 0 ? { criteriosSinLineaBase: missing } : {}),
    planSiguiente: improvementPlan(criterios, context, model.config.grados, { department, tipo: grado.tipo_plan }),
  };
}

function scoreCriterion(criterion: Criterion, context: EvaluationContext, peso: number): CriterionScore {
  // The Plan de Mejora's actions for the criterion count as one more sub-indicator (acciones_plan).
  const subindicadores = [...criterion.subindicators(context), ...planSubIndicators(context, criterion.clave)];
  const values = subindicadores.map(ratio).filter((v): v is number => v !== undefined);
  const score: CriterionScore = { criterion, peso, subindicadores };
  if (values.length > 0) score.puntaje = (values.reduce((a, b) => a + b, 0) / values.length) * 100;
  return score;
}

/** The criterion beside its score in the baseline, when the baseline recorded one. */
function compared(score: CriterionScore, baseline: EvaluacionBase | undefined): CriterionScore {
  const base = baseline?.criterios?.[score.criterion.clave];
  if (base === undefined) return score;
  return { ...score, lineaBase: base, ...(score.puntaje === undefined ? {} : { cambio: score.puntaje - base }) };
}

/** Σ peso × puntaje / Σ peso over the criteria that apply. */
export function weightedTotal(criterios: readonly CriterionScore[]): number {
  let weighted = 0;
  let weights = 0;
  for (const c of criterios) {
    if (c.puntaje === undefined) continue;
    weighted += c.peso * c.puntaje;
    weights += c.peso;
  }
  return weights === 0 ? 0 : weighted / weights;
}

/** What every action of a department's next plan shares: its area in charge and the plan type. */
interface PlanFrame {
  department: Dependencia;
  tipo: string;
}

/**
 * Actions for every criterion below the top band's minimum, weakest first, one per
 * sub-indicator short of 100 %. A department above it everywhere keeps one action: to
 * document its practice, for its lowest criterion. Each action carries its area in charge,
 * deadline, target and means of verification (next-plan.ts), framed by the plan type.
 */
function improvementPlan(criterios: readonly CriterionScore[], context: EvaluationContext, grados: readonly GradoRubrica[], frame: PlanFrame): AccionMejora[] {
  const threshold = grados[0]?.minimo ?? 85;
  const scored = criterios.filter((c) => c.puntaje !== undefined).sort((a, b) => a.puntaje! - b.puntaje! || CRITERIA.indexOf(a.criterion) - CRITERIA.indexOf(b.criterion));
  const weak = scored.filter((c) => c.puntaje! < threshold);
  const actions: Omit<AccionMejora, 'id'>[] = [];
  for (const c of weak) {
    for (const sub of c.subindicadores) {
      const value = ratio(sub);
      if (value === undefined || value >= 1) continue;
      const target = actionTarget(sub, context.clave, context.year);
      actions.push({
        ...actionFor(c.criterion, framedAction(frame.tipo, sub.id === PLAN_SUBINDICATOR ? pendingPlanActionText(sub, context.year) : c.criterion.action(sub, context))),
        responsable: responsableOf(frame.department),
        plazo: plazoFor(frame.tipo, target.recurring, context.year + 1),
        meta: target.meta,
        medio_verificacion: target.medio_verificacion,
      });
    }
  }
  if (actions.length === 0 && scored[0]) {
    const lowest = scored[0].criterion;
    actions.push({
      ...actionFor(lowest, `Mantener el nivel alcanzado en ${context.year} y documentar sus prácticas de ${lowest.nombre.toLowerCase()} para compartirlas con otras dependencias.`),
      responsable: responsableOf(frame.department),
      plazo: plazoFor(frame.tipo, false, context.year + 1),
      ...practiceTarget(lowest.nombre, context.year + 1),
    });
  }
  // The id first: the actions are then in the schema's field order, as next-plan-file.ts writes them.
  return actions.map((action, index) => ({ id: `PM-${String(index + 1).padStart(2, '0')}`, ...action }));
}

function actionFor(criterion: Criterion, accion: string): Omit<AccionMejora, 'id'> {
  return { criterio: criterion.clave as CriterioClave, accion, recursos: criterion.recursos, dimension: criterion.dimension };
}
