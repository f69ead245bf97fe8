import { describe, expect, it } from 'vitest';
import { evaluateDepartment } from '../../src/report/metrics/evaluation.js';
import { validatePlan } from '../../src/validate.js';
import { baseRepo, writeRepo } from '../helpers/fixture.js';

/**
 * The base municipality at a 2019-04-15 cut-off (only T1 due), plus one call that OP
 * skipped. Every number below is worked out by hand from tests/helpers/fixture.ts.
 */
function evaluateOp() {
  const files: Record<string, any> = baseRepo();
  files['planeacion/convocatorias/2019.yaml'] = {
    ejercicio: 2019,
    convocatorias: [{ id: 'CONV-2019-01', fecha: '2019-02-11', asunto: 'Presentación de estrategias', convocadas: ['OP', 'DIF'], asistentes: ['DIF'] }],
  };
  const { model, diagnostics } = validatePlan(writeRepo(files), { lang: 'es', fechaCorte: '2019-04-15' });
  return evaluateDepartment(model, 'OP', diagnostics);
}

describe('annual evaluation of one department', () => {
  const evaluation = evaluateOp();
  const byKey = Object.fromEntries(evaluation.criterios.map((c) => [c.criterion.clave, c]));

  it('scores each criterion as the mean of its sub-indicators that apply', () => {
    expect(byKey.consistencia_programatica!.puntaje).toBe(100); // 1/1 carátulas, 1/1 metas congruentes, 1/1 activos
    expect(byKey.seguimiento_retroalimentacion!.puntaje).toBe(100); // 1/1 entregado, a tiempo, alineado, completo; no observations
    expect(byKey.integracion_organizacion!.puntaje).toBe(0); // 0/1 asistencia; no delivery asked
    expect(byKey.integralidad!.puntaje).toBe(100); // 1/1 compartido, 1/1 colaboración referida
    expect(byKey.calidad_cobertura!.puntaje).toBe(50); // 1/1 metas en verde, 0/1 cobertura (1,200 of 5,000 < 50 %)
    expect(byKey.perspectiva_genero!.puntaje).toBeUndefined(); // nothing addressed, no gender PPCS
  });

  it('shows each sub-indicator with its numerator and denominator', () => {
    const calidad = byKey.calidad_cobertura!.subindicadores.map((s) => [s.id, s.numerador, s.denominador]);
    expect(calidad).toEqual([
      ['metas_en_verde', 1, 1],
      ['cobertura', 0, 1],
      ['variaciones_justificadas', 0, 0],
    ]);
  });

  it('weights the criteria that apply: (20·100 + 25·100 + 10·0 + 15·100 + 20·50) / 90 = 77.8', () => {
    expect(evaluation.total).toBe(77.8);
  });

  it('places the total in its grade band and the plan type it leads to', () => {
    expect(evaluation.grado).toEqual({ grado: 'Aceptable', minimo: 70, tipo_plan: 'Consolidación' });
  });

  it('compares with the previous year\'s recorded evaluation, the autoevaluación 2018', () => {
    expect(evaluation.lineaBase).toEqual({ puntaje: 74, grado: 'Aceptable' });
    expect(evaluation.cambio).toBeCloseTo(3.8, 10);
  });

  it('proposes 2020 actions for the weakest criteria first, in the seed table form', () => {
    expect(evaluation.planSiguiente.map((a) => [a.criterio, a.recursos, a.dimension])).toEqual([
      ['integracion_organizacion', 'Documental', 'Estratégica'],
      ['calidad_cobertura', 'Gestión y trabajo institucional', 'Estratégica'],
    ]);
    expect(evaluation.planSiguiente[0]!.accion).toContain('asistió a 0 de 1 en 2019');
    expect(evaluation.planSiguiente[1]!.accion).toContain('al menos el 50 % de su población objetivo');
  });
});

describe('justified findings in the evaluation', () => {
  function seguimientoOfLateOp(justified: boolean) {
    const files: Record<string, any> = baseRepo();
    files['dependencias/OP/reportes/2019-T1.yaml'].fecha_entrega = '2019-04-03';
    if (justified) {
      files['planeacion/excepciones.yaml'] = {
        excepciones: [{ regla: 'PLAN021', archivo: 'dependencias/OP/reportes/2019-T1.yaml', motivo: 'Declaratoria de emergencia', aprobo: 'Dirección de Planeación', fecha: '2019-04-05' }],
      };
    }
    const { model, diagnostics } = validatePlan(writeRepo(files), { lang: 'es', fechaCorte: '2019-04-15' });
    const seguimiento = evaluateDepartment(model, 'OP', diagnostics).criterios.find((c) => c.criterion.clave === 'seguimiento_retroalimentacion')!;
    return seguimiento.subindicadores.find((s) => s.id === 'reportes_a_tiempo');
  }

  it('holds a late delivery against the department', () => {
    expect(seguimientoOfLateOp(false)).toMatchObject({ numerador: 0, denominador: 1 });
  });

  it('counts a delivery Planeación justified as on time', () => {
    expect(seguimientoOfLateOp(true)).toMatchObject({ numerador: 1, denominador: 1 });
  });
});
