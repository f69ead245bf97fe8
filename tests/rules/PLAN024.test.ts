import { describe, expect, it } from 'vitest';
import { PLAN024 } from '../../src/rules/PLAN024-avance-inverosimil.js';
import { baseRepo, checkRule, lineOf, where } from '../helpers/fixture.js';

const OP_T1 = 'dependencias/OP/reportes/2019-T1.yaml';
const OP_T2 = 'dependencias/OP/reportes/2019-T2.yaml';

type Repo = ReturnType<typeof baseRepo>;

/** OP reports meta M1 (10 km a year, added up) with the given value in each extra report. */
function withOpReports(values: Record<string, number>, files: Repo = baseRepo()): Repo {
  for (const [trimestre, valor] of Object.entries(values)) {
    const report = structuredClone(files[OP_T1]);
    report.trimestre = trimestre;
    report.ppcs[0].avances[0].valor = valor;
    files[`dependencias/OP/reportes/${trimestre}.yaml`] = report;
  }
  return files;
}

describe('PLAN024 impossible or implausible progress', () => {
  it('accepts plausible progress', () => {
    expect(checkRule(PLAN024, baseRepo())).toEqual([]);
  });

  it('reports a negative value as an error on its valor line', () => {
    const files = baseRepo();
    files[OP_T1].ppcs[0].avances[0].valor = -2;
    const diagnostics = checkRule(PLAN024, files);
    expect(where(diagnostics)).toEqual([`PLAN024 ${OP_T1}:${lineOf(files, OP_T1, 'valor:')}`]);
    expect(diagnostics[0]!.severity).toBe('error');
    expect(diagnostics[0]!.message).toBe('El avance de la meta «M1» del PPCS «OP-01» es negativo (-2); un avance no puede ser menor que cero.');
  });

  it('reports a value over 100 in a percentage unit as an error', () => {
    const files = baseRepo();
    Object.assign(files[OP_T1].ppcs[0].avances[0], { valor: 120, unidad_medida: 'porcentaje' });
    const diagnostics = checkRule(PLAN024, files);
    expect(where(diagnostics)).toEqual([`PLAN024 ${OP_T1}:${lineOf(files, OP_T1, 'valor:')}`]);
    expect(diagnostics[0]!.severity).toBe('error');
    expect(diagnostics[0]!.message).toBe('El avance de la meta «M1» del PPCS «OP-01» es 120 en «porcentaje», que es un porcentaje; no puede ser mayor que 100.');
  });

  it('accepts exactly 100 in a percentage unit', () => {
    const files = baseRepo();
    files['dependencias/OP/ppcs/OP-01.yaml'].metas[0].meta_anual = 100;
    Object.assign(files[OP_T1].ppcs[0].avances[0], { valor: 100, unidad_medida: 'porcentaje' });
    expect(checkRule(PLAN024, files)).toEqual([]);
  });

  it('warns when the cumulative progress passes 150 % of the annual target, on the report that passed it', () => {
    const files = withOpReports({ '2019-T2': 14 });
    const diagnostics = checkRule(PLAN024, files);
    expect(where(diagnostics)).toEqual([`PLAN024 ${OP_T2}:${lineOf(files, OP_T2, 'valor:')}`]);
    expect(diagnostics[0]!.severity).toBe('warning');
    expect(diagnostics[0]!.message).toBe(
      'El avance acumulado de la meta «M1» del PPCS «OP-01» hasta «2019-T2» es 16, el 160 % de su meta anual de 10; supera el 150 % que se considera creíble.',
    );
  });

  it('accepts a cumulative progress of exactly 150 %', () => {
    expect(checkRule(PLAN024, withOpReports({ '2019-T2': 13 }))).toEqual([]);
  });

  it('warns on a first-quarter value that alone passes the limit', () => {
    const files = baseRepo();
    files[OP_T1].ppcs[0].avances[0].valor = 20;
    expect(where(checkRule(PLAN024, files))).toEqual([`PLAN024 ${OP_T1}:${lineOf(files, OP_T1, 'valor:')}`]);
  });

  it('does not warn again on later reports once the limit was passed', () => {
    const diagnostics = checkRule(PLAN024, withOpReports({ '2019-T2': 14, '2019-T3': 1 }));
    expect(diagnostics.map((d) => d.file)).toEqual([OP_T2]);
  });

  it('takes the limit from umbrales.avance_excesivo in plan.yaml', () => {
    const files = withOpReports({ '2019-T2': 11 });
    files['plan.yaml'].umbrales = { avance_excesivo: 120 };
    const diagnostics = checkRule(PLAN024, files);
    expect(diagnostics.map((d) => d.file)).toEqual([OP_T2]);
    expect(diagnostics[0]!.message).toContain('el 130 % de su meta anual de 10; supera el 120 %');
  });

  it('does not add up reports of another year', () => {
    expect(checkRule(PLAN024, withOpReports({ '2018-T4': 14 }))).toEqual([]);
  });

  it('does not add up an indicator that keeps its last value', () => {
    const files = baseRepo();
    files['dependencias/DIF/reportes/2019-T1.yaml'].ppcs[0].avances[0].valor = 5000;
    expect(checkRule(PLAN024, files)).toEqual([]);
  });

  it('does not judge a descending indicator against its annual target', () => {
    const files = baseRepo();
    files['dependencias/OP/ppcs/OP-01.yaml'].metas[0].indicador.sentido = 'descendente';
    files[OP_T1].ppcs[0].avances[0].valor = 20;
    expect(checkRule(PLAN024, files)).toEqual([]);
  });

  it('does not judge a meta whose annual target is zero', () => {
    const files = baseRepo();
    files['dependencias/OP/ppcs/OP-01.yaml'].metas[0].meta_anual = 0;
    expect(checkRule(PLAN024, files)).toEqual([]);
  });

  it('shows a huge value in scientific notation, never as Infinity', () => {
    const files = baseRepo();
    files[OP_T1].ppcs[0].avances[0].valor = 1.7e308;
    expect(checkRule(PLAN024, files)[0]!.message).toBe(
      'El avance acumulado de la meta «M1» del PPCS «OP-01» hasta «2019-T1» es 1.7E308, el 1.7E309 % de su meta anual de 10; supera el 150 % que se considera creíble.',
    );
  });

  it('writes values with thousands separators', () => {
    const files = baseRepo();
    files[OP_T1].ppcs[0].avances[0].valor = -1500;
    expect(checkRule(PLAN024, files)[0]!.message).toContain('es negativo (-1,500)');
  });

  it('leaves a report entry naming another department’s PPCS to PLAN004', () => {
    const files = baseRepo();
    files['dependencias/DIF/ppcs/DIF-01.yaml'].metas[0].indicador.acumulacion = 'suma';
    files[OP_T1].ppcs[0].id = 'DIF-01';
    files[OP_T1].ppcs[0].avances[0].valor = 2000;
    expect(checkRule(PLAN024, files)).toEqual([]);
  });

  it('does not add up a report whose quarter differs from its file name (PLAN005)', () => {
    const files = baseRepo();
    files[OP_T1].trimestre = '2019-T2';
    files[OP_T1].ppcs[0].avances[0].valor = 20;
    expect(checkRule(PLAN024, files)).toEqual([]);
  });

  it('measures against an approved meta_ajustada: 5 km by T2 is 167 % of an adjusted 3 km', () => {
    const files = withOpReports({ '2019-T2': 3 });
    Object.assign(files['dependencias/OP/ppcs/OP-01.yaml'].metas[0], { meta_ajustada: 3, ajuste: { aprobo: 'Directora de Planeación', fecha: '2019-05-02' } });
    const diagnostics = checkRule(PLAN024, files, { fechaCorte: '2019-07-15' });
    expect(where(diagnostics)).toEqual([`PLAN024 ${OP_T2}:${lineOf(files, OP_T2, 'valor:')}`]);
    expect(diagnostics[0]!.message).toBe(
      'El avance acumulado de la meta «M1» del PPCS «OP-01» hasta «2019-T2» es 5, el 167 % de su meta ajustada (aprobada) de 3; supera el 150 % que se considera creíble.',
    );
  });

  it('keeps meta_anual while the adjustment is not approved', () => {
    const files = withOpReports({ '2019-T2': 3 });
    files['dependencias/OP/ppcs/OP-01.yaml'].metas[0].meta_ajustada = 3;
    expect(checkRule(PLAN024, files, { fechaCorte: '2019-07-15' })).toEqual([]);
  });
});
