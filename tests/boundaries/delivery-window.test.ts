// PLAN021 at every edge of the delivery window (2019-T1: Monday 25 to Friday 29 March) and
// of the «more than a year away» cut: a Q4 report delivered in January of the next year is
// late by a few days, not a year off.
import { describe, expect, it } from 'vitest';
import { baseRepo, validateFiles } from '../helpers/fixture.js';

const OP_T1 = 'dependencias/OP/reportes/2019-T1.yaml';
const OP_T4 = 'dependencias/OP/reportes/2019-T4.yaml';

function plan021(files: ReturnType<typeof baseRepo>, fechaCorte?: string): string[] {
  return validateFiles(files, fechaCorte ? { fechaCorte } : {})
    .filter((d) => d.rule === 'PLAN021')
    .map((d) => `${d.file}: ${d.message}`);
}

function t1On(fecha: string) {
  const files = baseRepo();
  files[OP_T1].fecha_entrega = fecha;
  return plan021(files);
}

/** OP's 2019-T4 report (window 24–31 December 2019: the 25th is a holiday) delivered on `fecha`. */
function t4On(fecha: string) {
  const files = baseRepo();
  files[OP_T4] = { ...structuredClone(files[OP_T1]), trimestre: '2019-T4', fecha_entrega: fecha };
  return plan021(files, '2020-03-31');
}

describe('PLAN021 window edges', () => {
  it('accepts the opening day of the window', () => {
    expect(t1On('2019-03-25')).toEqual([]);
  });

  it('accepts the closing day of the window', () => {
    expect(t1On('2019-03-29')).toEqual([]);
  });

  it('reports the business day before the window opens as 1 business day early', () => {
    expect(t1On('2019-03-22')).toEqual([`${OP_T1}: El reporte «2019-T1» fue entregado el 22/03/2019, 1 día hábil antes de que abra la ventana de entrega (del 25/03 al 29/03/2019).`]);
  });

  it('reports the Sunday before the window as a non-working day before it', () => {
    expect(t1On('2019-03-24')).toEqual([`${OP_T1}: El reporte «2019-T1» fue entregado el 24/03/2019, un día inhábil anterior a la apertura de la ventana de entrega (del 25/03 al 29/03/2019).`]);
  });

  it('reports the first business day after the window as 1 business day late', () => {
    expect(t1On('2019-04-01')).toEqual([`${OP_T1}: El reporte «2019-T1» fue entregado el 01/04/2019, 1 día hábil después del cierre de la ventana de entrega (del 25/03 al 29/03/2019).`]);
  });
});

describe('PLAN021 year distance', () => {
  it('accepts a Q4 report delivered on the last day of its window, 31 December', () => {
    expect(t4On('2019-12-31')).toEqual([]);
  });

  it('reports a Q4 report delivered in January of the next year as late by business days, not «a más de un año»', () => {
    expect(t4On('2020-01-08')).toEqual([`${OP_T4}: El reporte «2019-T4» fue entregado el 08/01/2020, 5 días hábiles después del cierre de la ventana de entrega (del 24/12 al 31/12/2019).`]);
  });

  it('reports a Q4 report dated two years after its window as «a más de un año»', () => {
    expect(t4On('2021-01-05')).toEqual([`${OP_T4}: El reporte «2019-T4» tiene fecha de entrega 05/01/2021, a más de un año de su ventana de entrega (del 24/12 al 31/12/2019); revise la fecha.`]);
  });

  it('reports a Q1 report dated the year before as early by business days', () => {
    const [finding] = t1On('2018-12-20');
    expect(finding).toMatch(/^dependencias\/OP\/reportes\/2019-T1\.yaml: El reporte «2019-T1» fue entregado el 20\/12\/2018, \d+ días hábiles antes de que abra/);
  });

  it('reports a Q1 report dated two years before as «a más de un año»', () => {
    expect(t1On('2017-03-27')).toEqual([`${OP_T1}: El reporte «2019-T1» tiene fecha de entrega 27/03/2017, a más de un año de su ventana de entrega (del 25/03 al 29/03/2019); revise la fecha.`]);
  });
});
