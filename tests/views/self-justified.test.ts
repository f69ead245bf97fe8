import { describe, expect, it } from 'vitest';
import { baseRepo, render } from '../helpers/fixture.js';
import { annual, cell, int, pct, section, text, valueOf, type ReportView } from './api.js';

const OP_T1 = 'dependencias/OP/reportes/2019-T1.yaml';
const REASON = 'declaratoria de emergencia del 25/03/2019';
const SEGUIMIENTO = 'Seguimiento y retroalimentación';

/** OP's 2019-T1 report three business days late, excused by nobody, by OP itself, or by Planeación. */
function lateOp(excusedBy: 'nadie' | 'dependencia' | 'planeacion') {
  const files = baseRepo();
  files[OP_T1].fecha_entrega = '2019-04-03';
  if (excusedBy === 'dependencia') files[OP_T1] = (render(files[OP_T1]) as string).replace(/^fecha_entrega: .*$/m, `$&  # plan-justifica PLAN021: ${REASON}`);
  if (excusedBy === 'planeacion') {
    files['planeacion/excepciones.yaml'] = { excepciones: [{ regla: 'PLAN021', archivo: OP_T1, motivo: REASON, aprobo: 'Mtra. Laura Campos', fecha: '2019-04-05' }] };
  }
  return annual(files);
}

function onTime(view: ReportView) {
  const found = section(view, 'subindicadores').table.rows.find((r) => valueOf(r[0]) === 'OP' && valueOf(r[4]) === 'Reportes entregados a tiempo')!;
  return [found[5], found[6], found[7]];
}

function lateFinding(view: ReportView) {
  const rows = section(view, 'hallazgos').table.rows.filter((r) => valueOf(r[0]) === OP_T1 && valueOf(r[2]) === 'PLAN021');
  expect(rows).toHaveLength(1);
  return { severidad: rows[0]![3], justificacion: rows[0]![6] };
}

describe('a finding a department justified in its own file', () => {
  it('still counts the late delivery in Seguimiento: 0 of 1 on time', () => {
    expect(onTime(lateOp('dependencia'))).toEqual([int(0), int(1), pct(0)]);
  });

  it('leaves Seguimiento and the total exactly as without the justification, under those of an on-time delivery', () => {
    const [self, none, onTimeView] = [lateOp('dependencia'), lateOp('nadie'), annual(baseRepo())];
    for (const header of [SEGUIMIENTO, 'Total']) expect(cell(self, 'criterios', ['OP'], header)).toEqual(cell(none, 'criterios', ['OP'], header));
    expect(valueOf(cell(self, 'criterios', ['OP'], SEGUIMIENTO))).toBeLessThan(valueOf(cell(onTimeView, 'criterios', ['OP'], SEGUIMIENTO)) as number);
  });

  it('shows the finding as a warning, its justification «Pendiente de aprobación»', () => {
    expect(lateFinding(lateOp('dependencia'))).toEqual({ severidad: text('Advertencia'), justificacion: text(`Pendiente de aprobación: ${REASON}`) });
  });
});

describe('a finding Planeación approved in excepciones.yaml', () => {
  it('counts the delivery as on time: 1 of 1, Seguimiento and total as for a delivery in the window', () => {
    const view = lateOp('planeacion');
    expect(onTime(view)).toEqual([int(1), int(1), pct(1)]);
    const onTimeView = annual(baseRepo());
    for (const header of [SEGUIMIENTO, 'Total']) expect(cell(view, 'criterios', ['OP'], header)).toEqual(cell(onTimeView, 'criterios', ['OP'], header));
  });

  it('shows the finding «Justificado», with who approved it and when', () => {
    expect(lateFinding(lateOp('planeacion'))).toEqual({ severidad: text('Justificado'), justificacion: text(`${REASON} (aprobó: Mtra. Laura Campos, 05/04/2019)`) });
  });
});
