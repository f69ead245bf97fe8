// Next year's Plan de Mejora of one department as the YAML to paste into its
// dependencia.yaml: the evaluated year's result under «evaluaciones» (next year's baseline)
// and the plan under «planes_de_mejora». plan writes it beside the reports, never into
// dependencias/: the department (or Planeación) adopts it by pasting it.
import { stringify } from 'yaml';
import type { CriterioClave, EvaluacionBase, PlanDeMejora } from '../model/types.js';
import type { DepartmentEvaluation } from './metrics/evaluation.js';

/** The scores as published: one decimal. */
const published = (value: number) => Math.round(value * 10) / 10;

/** The evaluated year's result as dependencia.yaml records it. */
export function recordedEvaluation(evaluation: DepartmentEvaluation): EvaluacionBase {
  const criterios: Partial<Record<CriterioClave, number>> = {};
  for (const c of evaluation.criterios) if (c.puntaje !== undefined) criterios[c.criterion.clave] = published(c.puntaje);
  return { puntaje: evaluation.total, grado: evaluation.grado.grado, ...(Object.keys(criterios).length > 0 ? { criterios } : {}) };
}

/** The proposed plan as dependencia.yaml records it: evaluation.ts builds each action in the schema's field order. */
export function recordedPlan(evaluation: DepartmentEvaluation): PlanDeMejora {
  return { tipo: evaluation.grado.tipo_plan, acciones: evaluation.planSiguiente };
}

/** The file name, under the output folder: `plan-de-mejora-2020/OP.yaml`. */
export function nextPlanPath(clave: string, year: number): string {
  return `plan-de-mejora-${year + 1}/${clave}.yaml`;
}

/** The YAML text of `plan-de-mejora-<Y+1>/<CLAVE>.yaml`, with its instructions as comments. */
export function nextPlanYaml(evaluation: DepartmentEvaluation, year: number): string {
  const planYear = year + 1;
  const { clave, nombre, total, grado } = evaluation;
  const header = [
    `Plan de Mejora ${planYear} de ${clave} (${nombre}), emitido a partir de la evaluación anual ${year}:`,
    `puntaje ${total.toFixed(1)}, grado ${grado.grado} → Plan de Mejora de tipo ${grado.tipo_plan}.`,
    '',
    `Para adoptarlo, copie estos dos bloques en dependencias/${clave}/dependencia.yaml.`,
    `Ese archivo ya tiene «evaluaciones:» (y quizá «planes_de_mejora:»): copie sólo el año`,
    `(la línea «  ${year}:» o «  ${planYear}:» con todo lo que tiene debajo) dentro de la clave que ya existe.`,
    `Después ejecute «plan validate»: PLAN061 comprueba el grado de ${year} y PLAN060 el tipo del plan ${planYear}.`,
    `Lo generó «plan report --anual --escribir-plan»; plan nunca escribe en dependencias/.`,
  ];
  // Numeric year keys, as people write them (`2019:`), not quoted strings.
  const body = stringify(
    {
      evaluaciones: new Map([[year, recordedEvaluation(evaluation)]]),
      planes_de_mejora: new Map([[planYear, recordedPlan(evaluation)]]),
    },
    { lineWidth: 0 },
  );
  return `${header.map((line) => (line === '' ? '#' : `# ${line}`)).join('\n')}\n\n${body}`;
}
