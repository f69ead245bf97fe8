import { describe, expect, it } from 'vitest';
import { PLAN043 } from '../../src/rules/PLAN043-ppcs-sin-beneficiarios.js';
import { baseRepo, checkRule, lineOf, where } from '../helpers/fixture.js';

const OP_T1 = 'dependencias/OP/reportes/2019-T1.yaml';
const OP_01 = 'dependencias/OP/ppcs/OP-01.yaml';
const DIF_T1 = 'dependencias/DIF/reportes/2019-T1.yaml';

describe('PLAN043 PPCS with a target population and no beneficiaries in its report', () => {
  it('accepts report entries that give their beneficiaries', () => {
    expect(checkRule(PLAN043, baseRepo())).toEqual([]);
  });

  it('warns on the entry of a delivered report that gives no beneficiaries', () => {
    const files = baseRepo();
    delete files[OP_T1].ppcs[0].beneficiarios;
    const diagnostics = checkRule(PLAN043, files);
    expect(where(diagnostics)).toEqual([`PLAN043 ${OP_T1}:${lineOf(files, OP_T1, 'id: OP-01')}`]);
    expect(diagnostics[0]!.severity).toBe('warning');
    expect(diagnostics[0]!.message).toBe(
      'El PPCS «OP-01» tiene una población objetivo de 5,000 personas, pero el reporte «2019-T1» no informa sus beneficiarios; sin ellos no se puede medir su cobertura.',
    );
  });

  it('warns in every report of the year that leaves them out, not only at year end', () => {
    const files = baseRepo();
    delete files[OP_T1].ppcs[0].beneficiarios;
    const OP_T2 = 'dependencias/OP/reportes/2019-T2.yaml';
    files[OP_T2] = { ...files[OP_T1], trimestre: '2019-T2', fecha_entrega: '2019-06-25' };
    expect(where(checkRule(PLAN043, files))).toEqual([`PLAN043 ${OP_T1}:${lineOf(files, OP_T1, 'id: OP-01')}`, `PLAN043 ${OP_T2}:${lineOf(files, OP_T2, 'id: OP-01')}`]);
  });

  it('accepts a total of 0: the PPCS said it served nobody', () => {
    const files = baseRepo();
    files[OP_T1].ppcs[0].beneficiarios = { total: 0 };
    expect(checkRule(PLAN043, files)).toEqual([]);
  });

  it('does not warn for a PPCS without a target population', () => {
    const files = baseRepo();
    delete files[OP_T1].ppcs[0].beneficiarios;
    delete files[OP_01].poblacion_objetivo;
    expect(checkRule(PLAN043, files)).toEqual([]);
  });

  it('does not warn for a PPCS that did not operate in the quarter', () => {
    const files = baseRepo();
    delete files[OP_T1].ppcs[0].beneficiarios;
    files[OP_T1].ppcs[0].estatus = 'suspendido';
    expect(checkRule(PLAN043, files)).toEqual([]);
  });

  it('leaves a PPCS with gender perspective to PLAN041, which also asks for the split by sex', () => {
    const files = baseRepo();
    delete files[DIF_T1].ppcs[0].beneficiarios;
    expect(checkRule(PLAN043, files)).toEqual([]);
  });

  it('leaves a report entry naming another department’s PPCS to PLAN004', () => {
    const files = baseRepo();
    files[OP_T1].ppcs[0].id = 'DIF-01';
    delete files[OP_T1].ppcs[0].beneficiarios;
    expect(checkRule(PLAN043, files)).toEqual([]);
  });

  it('says it in English with --lang en', () => {
    const files = baseRepo();
    delete files[OP_T1].ppcs[0].beneficiarios;
    expect(checkRule(PLAN043, files, { lang: 'en' })[0]!.message).toBe(
      'PPCS «OP-01» has a target population of 5,000 people, but report «2019-T1» gives no beneficiaries; without them its coverage cannot be measured.',
    );
  });
});
