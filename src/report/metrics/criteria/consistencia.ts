import { filesWith, countOf, type Criterion } from './criterion.js';

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
        medicion: 'Metas cuya programación trimestral corresponde a su meta anual según su acumulación (regla PLAN011).',
        numerador: metas.length - countOf(context, 'PLAN011', new Set(vigentes.map((doc) => doc.file))),
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
