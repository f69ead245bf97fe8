import { describe, expect, it } from 'vitest';
import { evaluateDepartment } from '../../src/report/metrics/evaluation.js';
import { planMonitoring } from '../../src/report/metrics/plan-monitoring.js';
import { validatePlan } from '../../src/validate.js';
import { baseRepo, writeRepo, type Files } from '../helpers/fixture.js';

const OP = 'dependencias/OP/dependencia.yaml';
const OP_T1 = 'dependencias/OP/reportes/2019-T1.yaml';
const OP_T3 = 'dependencias/OP/reportes/2019-T3.yaml';

const action = (id: string, criterio: string) => ({ id, criterio, accion: `Acción ${id}.`, recursos: 'Documental', dimension: 'Institucional' });

function load(files: Files, fechaCorte: string) {
  return validatePlan(writeRepo(files), { lang: 'es', fechaCorte });
}

/**
 * OP's 2019 plan with four actions; at a 2019-10-15 cut-off T1 and T3 were reported, T2 was
 * never delivered and T4's window has not closed.
 */
function threeQuartersLater() {
  const files = baseRepo();
  files[OP].planes_de_mejora['2019'].acciones = ['PM-01', 'PM-02', 'PM-03', 'PM-04'].map((id) => action(id, 'consistencia_programatica'));
  files[OP_T1].plan_de_mejora = [
    { accion: 'PM-01', estatus: 'no_iniciada' },
    { accion: 'PM-02', estatus: 'en_proceso' },
  ];
  files[OP_T3] = {
    ...files[OP_T1],
    trimestre: '2019-T3',
    fecha_entrega: '2019-09-26',
    plan_de_mejora: [
      { accion: 'PM-01', estatus: 'cumplida', evidencias: ['dependencias/OP/evidencias/2019-T1/acta.txt'] },
      { accion: 'PM-03', estatus: 'en_proceso' },
    ],
  };
  return files;
}

describe('Plan de Mejora monitoring', () => {
  const { model } = load(threeQuartersLater(), '2019-10-15');
  const monitoring = planMonitoring(model, 'OP', 2019, 'T3')!;
  const byId = Object.fromEntries(monitoring.acciones.map((a) => [a.accion.id, a]));
  const quarters = (id: string) => (['T1', 'T2', 'T3', 'T4'] as const).map((q) => byId[id]!.trimestres[q].estatus);

  it('gives each action the status of each quarter’s report, «sin_reporte» where the due report is missing or silent, «pendiente» where the window is open', () => {
    expect(quarters('PM-01')).toEqual(['no_iniciada', 'sin_reporte', 'cumplida', 'pendiente']);
    expect(quarters('PM-02')).toEqual(['en_proceso', 'sin_reporte', 'sin_reporte', 'pendiente']);
    expect(quarters('PM-03')).toEqual(['sin_reporte', 'sin_reporte', 'en_proceso', 'pendiente']);
    expect(quarters('PM-04')).toEqual(['sin_reporte', 'sin_reporte', 'sin_reporte', 'pendiente']);
  });

  it('keeps the latest reported status as the year’s, even when a later report is silent', () => {
    expect(monitoring.acciones.map((a) => a.estatus)).toEqual(['cumplida', 'en_proceso', 'en_proceso', 'sin_reporte']);
  });

  it('counts the department’s compliance: 1 cumplida of 4 actions', () => {
    expect([monitoring.cumplidas, monitoring.enProceso, monitoring.noIniciadas, monitoring.sinReporte]).toEqual([1, 2, 0, 1]);
    expect(monitoring.cumplimiento).toBe(0.25);
  });

  it('reads no report after the quarter monitored', () => {
    expect(planMonitoring(model, 'OP', 2019, 'T2')!.acciones.map((a) => a.estatus)).toEqual(['no_iniciada', 'en_proceso', 'sin_reporte', 'sin_reporte']);
  });

  it('keeps the evidence the report cites with the quarter’s status', () => {
    expect(byId['PM-01']!.trimestres.T3.entry?.evidencias).toEqual(['dependencias/OP/evidencias/2019-T1/acta.txt']);
  });

  it('has nothing to monitor for a year without a plan', () => {
    expect(planMonitoring(model, 'OP', 2020)).toBeUndefined();
  });
});

/** OP at the default cut-off (only T1 due) with four Consistencia actions, two of them cumplidas. */
function twoOfFour(): Files & Record<string, any> {
  const files = baseRepo();
  files[OP].planes_de_mejora['2019'].acciones = ['PM-01', 'PM-02', 'PM-03', 'PM-04'].map((id) => action(id, 'consistencia_programatica'));
  files[OP_T1].plan_de_mejora = [
    { accion: 'PM-01', estatus: 'cumplida' },
    { accion: 'PM-02', estatus: 'cumplida' },
    { accion: 'PM-03', estatus: 'en_proceso' },
    { accion: 'PM-04', estatus: 'no_iniciada' },
  ];
  return files;
}

function evaluateOp(files: Files) {
  const { model, diagnostics } = load(files, '2019-04-15');
  const evaluation = evaluateDepartment(model, 'OP', diagnostics);
  return { evaluation, consistencia: evaluation.criterios.find((c) => c.criterion.clave === 'consistencia_programatica')! };
}

describe('Plan de Mejora compliance in the annual evaluation', () => {
  it('adds the sub-indicator «Acciones del Plan de Mejora cumplidas» 2/4 to the criterion of the actions', () => {
    const { consistencia } = evaluateOp(twoOfFour());
    const sub = consistencia.subindicadores.find((s) => s.id === 'acciones_plan');
    expect(sub && [sub.nombre, sub.numerador, sub.denominador]).toEqual(['Acciones del Plan de Mejora cumplidas', 2, 4]);
  });

  it('averages it with the criterion’s other sub-indicators: (1 + 1 + 1 + 2/4) / 4 = 87.5 instead of 100', () => {
    const files = twoOfFour();
    const without = baseRepo();
    delete without[OP].planes_de_mejora;
    delete without[OP_T1].plan_de_mejora;
    expect(evaluateOp(without).consistencia.puntaje).toBe(100);
    expect(evaluateOp(files).consistencia.puntaje).toBe(87.5);
  });

  it('moves the total by the criterion’s weight: (20·87.5 + 25·100 + 15·100 + 20·50) / 80 = 84.4 instead of 87.5 with every action done', () => {
    const all = twoOfFour();
    all[OP_T1].plan_de_mejora.forEach((s: { estatus: string }) => (s.estatus = 'cumplida'));
    const scores = (files: Files) => evaluateOp(files).evaluation.criterios.map((c) => [c.peso, c.puntaje]);
    expect(scores(all)).toEqual([[20, 100], [25, 100], [10, undefined], [15, 100], [20, 50], [10, undefined]]);
    expect(evaluateOp(all).evaluation.total).toBe(87.5);
    expect(evaluateOp(twoOfFour()).evaluation.total).toBe(84.4);
  });

  it('gives no sub-indicator to a criterion the plan has no action for', () => {
    const { evaluation } = evaluateOp(twoOfFour());
    const others = evaluation.criterios.filter((c) => c.criterion.clave !== 'consistencia_programatica');
    expect(others.flatMap((c) => c.subindicadores.filter((s) => s.id === 'acciones_plan'))).toEqual([]);
  });

  it('counts an action no report mentions as not done', () => {
    const files = twoOfFour();
    files[OP_T1].plan_de_mejora = [{ accion: 'PM-01', estatus: 'cumplida' }];
    const sub = evaluateOp(files).consistencia.subindicadores.find((s) => s.id === 'acciones_plan')!;
    expect([sub.numerador, sub.denominador]).toEqual([1, 4]);
  });

});
