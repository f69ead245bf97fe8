import { describe, expect, it } from 'vitest';
import { baseRepo } from '../helpers/fixture.js';
import { annual, cell, quarterly, row, section, summary, int, text } from './api.js';

const OP_T1 = 'dependencias/OP/reportes/2019-T1.yaml';
/** After the 2019-T4 window (last business days of December), before the 2020-T1 one. */
const AFTER_T4 = '2020-01-15';
const PENDING = 'Pendiente: se atiende en el reporte 2020-T1';

/** baseRepo with OP's 2019-T4 report and a 2019-T4 feedback round with one observation to OP. */
function withT4Round() {
  const files = baseRepo();
  const t4 = structuredClone(files[OP_T1]);
  Object.assign(t4, { trimestre: '2019-T4', fecha_entrega: '2019-12-27' });
  files['dependencias/OP/reportes/2019-T4.yaml'] = t4;
  files['planeacion/retroalimentacion/2019-T4.yaml'] = {
    trimestre: '2019-T4',
    fecha_emision: '2020-01-10',
    observaciones: [{ id: 'RET-2019-T4-01', dependencia: 'OP', ppcs: 'OP-01', tipo: 'observacion', texto: 'Anexar el acta de entrega.' }],
  };
  return files;
}

describe('feedback issued on the fourth quarter', () => {
  it('lists a T4 observation in the T4 summary as pending, to be answered in next year\'s T1 report', () => {
    const view = quarterly(withT4Round(), 'T4', { fechaCorte: AFTER_T4 });
    expect(row(view, 'retroalimentacion', 'RET-2019-T4-01')).toEqual([
      text('RET-2019-T4-01'),
      text('OP'),
      text('OP-01'),
      text('Anexar el acta de entrega.'),
      text('2020-T1'),
      text(PENDING),
    ]);
    expect(summary(view, 'Observaciones por atender en 2020-T1')).toEqual(int(1));
  });

  it('lists a T4 observation in the annual evaluation as pending, counted in the next year\'s evaluation', () => {
    const view = annual(withT4Round(), { fechaCorte: AFTER_T4 });
    expect(row(view, 'retroalimentacion', 'RET-2019-T4-01')).toEqual([
      text('RET-2019-T4-01'),
      text('OP'),
      text('OP-01'),
      text('Anexar el acta de entrega.'),
      text('2020-T1'),
      text(PENDING),
      text('2020'),
    ]);
  });

  it('shows in the annual evaluation an observation of the year attended in time, counted in that year', () => {
    const files = baseRepo();
    files['planeacion/retroalimentacion/2019-T1.yaml'] = {
      trimestre: '2019-T1',
      fecha_emision: '2019-04-10',
      observaciones: [{ id: 'RET-2019-T1-01', dependencia: 'OP', tipo: 'observacion', texto: 'Justificar la variación de la meta M1.' }],
    };
    const t2 = structuredClone(files[OP_T1]);
    Object.assign(t2, { trimestre: '2019-T2', fecha_entrega: '2019-06-26' });
    t2.ppcs[0].observaciones_atendidas = ['RET-2019-T1-01'];
    files['dependencias/OP/reportes/2019-T2.yaml'] = t2;
    const view = annual(files, { fechaCorte: '2019-07-15' });
    expect(cell(view, 'retroalimentacion', ['RET-2019-T1-01'], 'Estado')).toEqual(text('Atendida a tiempo'));
    expect(cell(view, 'retroalimentacion', ['RET-2019-T1-01'], 'Cuenta en la evaluación')).toEqual(text('2019'));
    expect(section(view, 'retroalimentacion').title).toBe('Retroalimentación del ejercicio');
  });

  it('lists the T4 observation as not attended once next year\'s T1 report was due without citing it', () => {
    const files = withT4Round();
    const t1 = structuredClone(files[OP_T1]);
    Object.assign(t1, { trimestre: '2020-T1', fecha_entrega: '2020-03-27' });
    files['dependencias/OP/reportes/2020-T1.yaml'] = t1;
    expect(cell(annual(files, { fechaCorte: '2020-04-15' }), 'retroalimentacion', ['RET-2019-T4-01'], 'Estado')).toEqual(text('No atendida'));
  });
});
