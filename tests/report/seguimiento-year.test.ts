import { describe, expect, it } from 'vitest';
import { evaluateDepartment } from '../../src/report/metrics/evaluation.js';
import { validatePlan } from '../../src/validate.js';
import { baseRepo, writeRepo } from '../helpers/fixture.js';

const OP_T1 = 'dependencias/OP/reportes/2019-T1.yaml';

/**
 * OP with a 2019-T4 observation and its 2020-T1 report (attending it or not), evaluated at
 * 2020-04-15, when the 2020-T1 window has closed.
 */
function observacionesAtendidas(year: number, attended: boolean) {
  const files: Record<string, any> = baseRepo();
  files['planeacion/retroalimentacion/2019-T4.yaml'] = {
    trimestre: '2019-T4',
    fecha_emision: '2020-01-10',
    observaciones: [{ id: 'RET-2019-T4-01', dependencia: 'OP', tipo: 'observacion', texto: 'Anexar el acta de entrega.' }],
  };
  const t1 = structuredClone(files[OP_T1]);
  Object.assign(t1, { trimestre: '2020-T1', fecha_entrega: '2020-03-27' });
  if (attended) t1.ppcs[0].observaciones_atendidas = ['RET-2019-T4-01'];
  files['dependencias/OP/reportes/2020-T1.yaml'] = t1;
  const { model, diagnostics } = validatePlan(writeRepo(files), { lang: 'es', fechaCorte: '2020-04-15' });
  const seguimiento = evaluateDepartment(model, 'OP', diagnostics, year).criterios.find((c) => c.criterion.clave === 'seguimiento_retroalimentacion')!;
  const sub = seguimiento.subindicadores.find((s) => s.id === 'observaciones_atendidas')!;
  return [sub.numerador, sub.denominador];
}

describe('Seguimiento: observations count in the year of the report that must answer them', () => {
  it('counts a 2019-T4 observation attended in the 2020-T1 report in the 2020 evaluation: 1 of 1', () => {
    expect(observacionesAtendidas(2020, true)).toEqual([1, 1]);
  });

  it('counts a 2019-T4 observation the 2020-T1 report does not cite in the 2020 evaluation: 0 of 1', () => {
    expect(observacionesAtendidas(2020, false)).toEqual([0, 1]);
  });

  it('leaves a 2019-T4 observation out of the 2019 evaluation: 0 of 0', () => {
    expect(observacionesAtendidas(2019, false)).toEqual([0, 0]);
  });
});
