// The plan a department can act on: every generated action names its area, deadline, own
// target and means of verification, and the text and deadlines follow the plan type.
import { describe, expect, it } from 'vitest';
import { evaluateDepartment } from '../../src/report/metrics/evaluation.js';
import { validatePlan } from '../../src/validate.js';
import { baseRepo, writeRepo } from '../helpers/fixture.js';

const OP_01 = 'dependencias/OP/ppcs/OP-01.yaml';
const OP_DEP = 'dependencias/OP/dependencia.yaml';

/**
 * OP at the 2019-04-15 cut-off with its carátula missing its objetivo (PLAN010: 0 of 1
 * complete, an action done once) and coverage short (0 of 1, measured every quarter),
 * under a rubric whose lower band (under 95) leads to `tipo`: its total (79.2) falls there.
 */
function planOfOp(tipo: string, change: (files: ReturnType<typeof baseRepo>) => void = () => {}) {
  const files = baseRepo();
  delete files[OP_01].objetivo;
  files['plan.yaml'].rubrica = {
    pesos: { consistencia_programatica: 20, seguimiento_retroalimentacion: 25, integracion_organizacion: 10, integralidad: 15, calidad_cobertura: 20, perspectiva_genero: 10 },
    grados: [
      { grado: 'Sobresaliente', minimo: 95, tipo_plan: 'Innovación' },
      { grado: 'Otro', minimo: 0, tipo_plan: tipo },
    ],
  };
  change(files);
  const { model, diagnostics } = validatePlan(writeRepo(files), { lang: 'es', fechaCorte: '2019-04-15' });
  const evaluation = evaluateDepartment(model, 'OP', diagnostics);
  return { evaluation, byCriterion: (criterio: string) => evaluation.planSiguiente.filter((a) => a.criterio === criterio) };
}

const CARATULAS = 'Completar las carátulas de proyecto Anexo 1 y 2 de cada PPCS, describiendo con claridad metas e indicadores (en 2019, 0 de 1 completas).';

describe('the generated Plan de Mejora 2020', () => {
  it('gives each action an id, its area, deadline, target and means of verification', () => {
    const { evaluation, byCriterion } = planOfOp('Consolidación');
    // (20 × 66.7 + 25 × 100 + 15 × 100 + 20 × 50) ÷ 80: under 95, so the lower band's type.
    expect([evaluation.total, evaluation.grado.tipo_plan]).toEqual([79.2, 'Consolidación']);
    expect(byCriterion('consistencia_programatica')).toEqual([
      {
        id: 'PM-02',
        criterio: 'consistencia_programatica',
        accion: `${CARATULAS} Como plan de Consolidación: dejar la práctica por escrito como procedimiento del área, para que se sostenga aunque cambie el personal.`,
        recursos: 'Documental',
        dimension: 'Institucional',
        responsable: 'Titular de la dependencia (Dirección de Obras Públicas)',
        plazo: '2020-09-30',
        meta: '1 de 1 carátulas completas (Anexo 1 y 2) (en 2019: 0 de 1)',
        medio_verificacion: 'Carátulas en dependencias/OP/ppcs/ sin hallazgos PLAN010 en «plan validate»',
      },
    ]);
  });

  it('names the liaison’s post as the area in charge when dependencia.yaml gives it', () => {
    const { evaluation } = planOfOp('Consolidación', (files) => {
      files[OP_DEP].enlace.cargo = 'Coordinación Administrativa de Obras Públicas';
    });
    expect(new Set(evaluation.planSiguiente.map((a) => a.responsable))).toEqual(new Set(['Coordinación Administrativa de Obras Públicas']));
  });

  it.each([
    ['Reestructuración', '2020-03-31', 'Como plan de Reestructuración: rehacer el procedimiento desde el inicio, con un área responsable designada por escrito y revisión mensual del avance con Planeación.'],
    ['Fortalecimiento', '2020-06-30', 'Como plan de Fortalecimiento: reforzar el procedimiento que ya existe con una lista de verificación que el área revise antes de cada entrega trimestral.'],
    ['Consolidación', '2020-09-30', 'Como plan de Consolidación: dejar la práctica por escrito como procedimiento del área, para que se sostenga aunque cambie el personal.'],
    ['Innovación', '2020-12-31', 'Como plan de Innovación: proponer una mejora al procedimiento y compartir la práctica con otras dependencias en una sesión convocada por Planeación.'],
  ])('frames a %s plan’s action and gives an action done once the deadline %s', (tipo, plazo, framing) => {
    const [action] = planOfOp(tipo).byCriterion('consistencia_programatica');
    expect([action!.accion, action!.plazo]).toEqual([`${CARATULAS} ${framing}`, plazo]);
  });

  it('gives an action measured in every quarterly report the year’s end, whatever the type', () => {
    for (const tipo of ['Reestructuración', 'Innovación']) {
      const [coverage] = planOfOp(tipo).byCriterion('calidad_cobertura');
      expect(coverage).toMatchObject({
        plazo: '2020-12-31',
        meta: '1 de 1 PPCS con población objetivo que alcanzan la cobertura mínima de plan.yaml en 2020 (en 2019: 0 de 1)',
        medio_verificacion: 'Beneficiarios de los reportes trimestrales frente a la población objetivo de las carátulas de dependencias/OP/ppcs/',
      });
    }
  });

  it('leaves the criterion’s sentence alone and gives the mid-year deadline to a type the rubric names otherwise', () => {
    const [action] = planOfOp('Mejora continua').byCriterion('consistencia_programatica');
    expect([action!.accion, action!.plazo]).toEqual([CARATULAS, '2020-06-30']);
  });

  it('targets 4 of 4 reports on time, citing this year’s 0 of 1', () => {
    const { byCriterion } = planOfOp('Fortalecimiento', (files) => {
      files['dependencias/OP/reportes/2019-T1.yaml'].fecha_entrega = '2019-04-03';
    });
    expect(byCriterion('seguimiento_retroalimentacion').find((a) => a.meta?.includes('ventana'))).toMatchObject({
      plazo: '2020-12-31',
      meta: '4 de 4 reportes trimestrales de 2020 entregados dentro de su ventana (en 2019: 0 de 1)',
      medio_verificacion: 'Fecha de entrega de cada reporte de 2020 frente a la ventana del calendario de plan.yaml (sin hallazgos PLAN021)',
    });
  });

  it('gives the one «Mantener» action of a department with no shortfall a document as target', () => {
    const files = baseRepo();
    const { model, diagnostics } = validatePlan(writeRepo(files), { lang: 'es', fechaCorte: '2019-04-15' });
    const [action] = evaluateDepartment(model, 'DIF', diagnostics).planSiguiente;
    expect(action).toMatchObject({
      id: 'PM-01',
      plazo: '2020-12-31',
      meta: '1 documento con las prácticas de consistencia programática presentado a otras dependencias en 2020',
      medio_verificacion: 'Documento de la práctica y minuta de la sesión en que se presentó, entregados a Planeación',
    });
  });
});
