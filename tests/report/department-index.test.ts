// The indexes that keep the annual report linear in departments (issue 11): each must give
// exactly what the per-department scan it replaced gave. Outcomes only; timing is in
// `npm run bench -- --grande`.
import { describe, expect, it } from 'vitest';
import { BusinessCalendar } from '../../src/calendar/business-days.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { recommendationsFor } from '../../src/report/metrics/criteria/genero.js';
import { findingsOfDepartment } from '../../src/report/metrics/evaluation.js';
import { validatePlan } from '../../src/validate.js';
import { baseRepo, writeRepo } from '../helpers/fixture.js';

const finding = (file: string, line = 1): Diagnostic => ({ rule: 'PLAN021', severity: 'warning', message: 'm', file, line, column: 1 });

describe('findings of a department', () => {
  const findings = [
    finding('dependencias/DIF/reportes/2019-T1.yaml', 3),
    finding('dependencias/DIFE/reportes/2019-T1.yaml'),
    finding('planeacion/genero/2019.yaml'),
    finding('dependencias/OP/ppcs/OP-01.yaml'),
    finding('dependencias/DIF/ppcs/DIF-01.yaml', 7),
    finding('dependencias/DIF'),
  ];

  it('are the findings on files under its folder, in the order of the list', () => {
    expect(findingsOfDepartment(findings, 'DIF')).toEqual([findings[0], findings[4]]);
  });

  it('leave out a department whose clave starts with the same letters, files outside dependencias/ and the folder itself', () => {
    expect(findingsOfDepartment(findings, 'DIFE')).toEqual([findings[1]]);
    expect(findingsOfDepartment(findings, 'OP')).toEqual([findings[3]]);
  });

  it('are none for a department without findings', () => {
    expect(findingsOfDepartment(findings, 'SSP')).toEqual([]);
  });
});

describe('gender recommendations of a department', () => {
  function model() {
    const files = baseRepo();
    files['planeacion/genero/2019.yaml'] = {
      ejercicio: 2019,
      recomendaciones: [
        { id: 'GEN-2019-01', fecha: '2019-02-20', dependencias: ['DIF', 'OP'], recomendacion: 'Desagregar por sexo los padrones.' },
        { id: 'GEN-2019-02', fecha: '2019-03-01', dependencias: ['OP'], recomendacion: 'Registrar la edad de las personas beneficiarias.' },
        { id: 'GEN-2019-03', fecha: '2019-12-01', dependencias: ['DIF'], recomendacion: 'Publicar los padrones desagregados.' },
      ],
    };
    files['planeacion/genero/2018.yaml'] = {
      ejercicio: 2018,
      recomendaciones: [{ id: 'GEN-2018-01', fecha: '2018-02-20', dependencias: ['DIF'], recomendacion: 'Desagregar por sexo los padrones.' }],
    };
    return validatePlan(writeRepo(files), { lang: 'es', fechaCorte: '2020-01-15' }).model;
  }

  it('are the recommendations of that year naming it, in file order, whatever their date', () => {
    const m = model();
    expect(recommendationsFor(m, 2019, 'DIF').map((r) => r.id)).toEqual(['GEN-2019-01', 'GEN-2019-03']);
    expect(recommendationsFor(m, 2019, 'OP').map((r) => r.id)).toEqual(['GEN-2019-01', 'GEN-2019-02']);
  });

  it('keep the years apart', () => {
    expect(recommendationsFor(model(), 2018, 'DIF').map((r) => r.id)).toEqual(['GEN-2018-01']);
  });

  it('are none for a department no recommendation names', () => {
    expect(recommendationsFor(model(), 2019, 'SSP')).toEqual([]);
  });
});

describe('delivery windows asked for again', () => {
  const calendar = () => new BusinessCalendar({ federal: true, extraNonWorkingDays: ['2019-12-27'], windowLength: 5 });

  it('are the same window as the first time', () => {
    const c = calendar();
    const first = c.deliveryWindow(2019, 'T4');
    expect(c.deliveryWindow(2019, 'T4')).toEqual(first);
    expect(first.days).toEqual(['2019-12-23', '2019-12-24', '2019-12-26', '2019-12-30', '2019-12-31']);
    expect(c.deliveryWindow(2019, 'T3')).toEqual(calendar().deliveryWindow(2019, 'T3'));
  });

  it('cannot be changed by one caller for the next', () => {
    const c = calendar();
    expect(() => c.deliveryWindow(2019, 'T1').days.push('2019-04-01')).toThrow(TypeError);
    expect(c.deliveryWindow(2019, 'T1').days).toHaveLength(5);
  });
});
