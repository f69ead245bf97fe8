import { filesWith, type Criterion, type EvaluationContext } from './criterion.js';

export const consistencia: Criterion = {
  clave: 'consistencia_programatica',
  nombre: 'Consistencia Programática',
  recursos: 'Documental',
  dimension: 'Institucional',
  subindicators(context) {
    const { model, clave, vigentes } = context;
    const todos = model.ppcsOf(clave);
    const metas = vigentes.flatMap((doc) => doc.data.metas ?? []);
    const incompletas = filesWith(context, 'PLAN010', 'ppcs/').size;
    return [
      {
        id: 'caratulas_completas',
        nombre: 'Carátulas completas (Anexo 1 y 2)',
        medicion: 'PPCS no cancelados cuya carátula tiene objetivo, problemática, población objetivo, responsable y metas con indicador, fórmula, unidad, programación y meta anual (regla PLAN010).',
        numerador: vigentes.length - incompletas,
        denominador: vigentes.length,
      },
      {
        id: 'programacion_congruente',
        nombre: 'Programación congruente con la meta anual',
        medicion: 'Metas cuya programación trimestral del año evaluado (la de su entrada «ejercicios» de ese año, si la tiene) corresponde a su meta anual según su acumulación (regla PLAN011).',
        numerador: metas.length - incongruentMetas(context),
        denominador: metas.length,
      },
      {
        id: 'ppcs_activos',
        nombre: 'PPCS activos o concluidos',
        medicion: 'PPCS de la dependencia con estatus activo o concluido, entre todos sus PPCS.',
        numerador: todos.filter((doc) => doc.data.estatus === 'activo' || doc.data.estatus === 'concluido').length,
        denominador: todos.length,
      },
    ];
  },
  action(sub, context) {
    switch (sub.id) {
      case 'caratulas_completas':
        return `Completar las carátulas de proyecto Anexo 1 y 2 de cada PPCS, describiendo con claridad metas e indicadores (en ${context.year}, ${sub.numerador} de ${sub.denominador} completas).`;
      case 'programacion_congruente':
        return `Revisar la programación trimestral para que sea congruente con la meta anual de cada indicador (en ${context.year}, ${sub.denominador - sub.numerador} de ${sub.denominador} metas no cuadraban).`;
      default:
        return `Mantener la mayoría de los PPCS activos e informar su estatus en cada reporte (en ${context.year}, ${sub.numerador} de ${sub.denominador} activos o concluidos).`;
    }
  },
};

/**
 * Metas of the PPCS in force whose programming for the evaluated year has a PLAN011 finding:
 * the finding on the year's own «ejercicios» entry when the meta has one, else the one on the
 * top-level programming. A meta counts once, however many of its findings apply.
 */
function incongruentMetas({ findings, vigentes, year }: EvaluationContext): number {
  const byFile = new Map(vigentes.map((doc) => [doc.file, doc.data]));
  const flagged = new Set<string>();
  for (const finding of findings) {
    const ppcs = finding.rule === 'PLAN011' ? byFile.get(finding.file) : undefined;
    const meta = ppcs?.metas?.find((m) => m.id === finding.about?.meta);
    if (!meta) continue;
    const ownYear = meta.ejercicios?.[String(year)] !== undefined;
    if (ownYear ? finding.about?.ejercicio === year : finding.about?.ejercicio === undefined) flagged.add(`${finding.file}#${meta.id}`);
  }
  return flagged.size;
}
