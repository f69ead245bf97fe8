import { describe, expect, it } from 'vitest';
import { PLAN041 } from '../../src/rules/PLAN041-beneficiarios-sin-sexo.js';
import { baseRepo, checkRule, lineOf, where } from '../helpers/fixture.js';

const DIF_T1 = 'dependencias/DIF/reportes/2019-T1.yaml';
const OP_T1 = 'dependencias/OP/reportes/2019-T1.yaml';

describe('PLAN041 beneficiaries not split by sex in a PPCS with gender perspective', () => {
  it('accepts beneficiaries split into women and men', () => {
    expect(checkRule(PLAN041, baseRepo())).toEqual([]);
  });

  it('warns on beneficiarios when the men are missing', () => {
    const files = baseRepo();
    files[DIF_T1].ppcs[0].beneficiarios = { total: 590, mujeres: 300 };
    const diagnostics = checkRule(PLAN041, files);
    expect(where(diagnostics)).toEqual([`PLAN041 ${DIF_T1}:${lineOf(files, DIF_T1, 'beneficiarios:')}`]);
    expect(diagnostics[0]!.severity).toBe('warning');
    expect(diagnostics[0]!.message).toBe(
      'El PPCS «DIF-01» aplica perspectiva de género, pero sus beneficiarios no están desagregados por sexo; se esperaban «mujeres» y «hombres» además del total.',
    );
  });

  it('accepts a split by sex with part of the people of unrecorded sex', () => {
    const files = baseRepo();
    files[DIF_T1].ppcs[0].beneficiarios = { total: 590, mujeres: 300, hombres: 280, no_especificado: 10 };
    expect(checkRule(PLAN041, files)).toEqual([]);
  });

  it('warns on beneficiarios whose sex was recorded for nobody', () => {
    const files = baseRepo();
    files[DIF_T1].ppcs[0].beneficiarios = { total: 590, no_especificado: 590 };
    expect(where(checkRule(PLAN041, files))).toEqual([`PLAN041 ${DIF_T1}:${lineOf(files, DIF_T1, 'beneficiarios:')}`]);
  });

  it('warns on beneficiarios given only as a total', () => {
    const files = baseRepo();
    files[DIF_T1].ppcs[0].beneficiarios = { total: 590 };
    expect(where(checkRule(PLAN041, files))).toEqual([`PLAN041 ${DIF_T1}:${lineOf(files, DIF_T1, 'beneficiarios:')}`]);
  });

  it('warns on the entry when it reports no beneficiaries at all', () => {
    const files = baseRepo();
    delete files[DIF_T1].ppcs[0].beneficiarios;
    const diagnostics = checkRule(PLAN041, files);
    expect(where(diagnostics)).toEqual([`PLAN041 ${DIF_T1}:${lineOf(files, DIF_T1, 'id: DIF-01')}`]);
    expect(diagnostics[0]!.message).toBe(
      'El PPCS «DIF-01» aplica perspectiva de género, pero el reporte no informa sus beneficiarios; se esperaba «beneficiarios» con total, mujeres y hombres.',
    );
  });

  it('does not ask a suspended PPCS for beneficiaries', () => {
    const files = baseRepo();
    files[DIF_T1].ppcs[0].estatus = 'suspendido';
    delete files[DIF_T1].ppcs[0].beneficiarios;
    expect(checkRule(PLAN041, files)).toEqual([]);
  });

  it('accepts a total of zero without a split', () => {
    const files = baseRepo();
    files[DIF_T1].ppcs[0].beneficiarios = { total: 0 };
    expect(checkRule(PLAN041, files)).toEqual([]);
  });

  it('ignores a PPCS whose carátula does not apply gender perspective', () => {
    const files = baseRepo();
    files[OP_T1].ppcs[0].beneficiarios = { total: 1200 };
    expect(checkRule(PLAN041, files)).toEqual([]);
  });

  it('leaves a report entry naming another department’s PPCS to PLAN004', () => {
    const files = baseRepo();
    files[OP_T1].ppcs[0].id = 'DIF-01';
    files[OP_T1].ppcs[0].beneficiarios = { total: 1200 };
    expect(checkRule(PLAN041, files)).toEqual([]);
  });
});
