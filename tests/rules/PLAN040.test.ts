import { describe, expect, it } from 'vitest';
import { PLAN040 } from '../../src/rules/PLAN040-beneficiarios-inconsistentes.js';
import { baseRepo, checkRule, lineOf, where } from '../helpers/fixture.js';

const DIF_T1 = 'dependencias/DIF/reportes/2019-T1.yaml';
const DIF_01 = 'dependencias/DIF/ppcs/DIF-01.yaml';

describe('PLAN040 inconsistent beneficiaries', () => {
  it('accepts beneficiaries that add up and stay within the target population', () => {
    expect(checkRule(PLAN040, baseRepo())).toEqual([]);
  });

  it('reports an error on the total when women plus men differ from it', () => {
    const files = baseRepo();
    files[DIF_T1].ppcs[0].beneficiarios = { total: 600, mujeres: 300, hombres: 290 };
    const diagnostics = checkRule(PLAN040, files);
    expect(where(diagnostics)).toEqual([`PLAN040 ${DIF_T1}:${lineOf(files, DIF_T1, 'total:', 'beneficiarios:')}`]);
    expect(diagnostics[0]!.severity).toBe('error');
    expect(diagnostics[0]!.message).toBe('Los beneficiarios del PPCS «DIF-01» no cuadran: mujeres (300) más hombres (290) suman 590, pero el total es 600.');
  });

  it('reports an error on women alone when they exceed the total', () => {
    const files = baseRepo();
    files[DIF_T1].ppcs[0].beneficiarios = { total: 500, mujeres: 520 };
    const diagnostics = checkRule(PLAN040, files);
    expect(where(diagnostics)).toEqual([`PLAN040 ${DIF_T1}:${lineOf(files, DIF_T1, 'mujeres:')}`]);
    expect(diagnostics[0]!.severity).toBe('error');
    expect(diagnostics[0]!.message).toBe('Los beneficiarios del PPCS «DIF-01» no cuadran: las mujeres (520) son más que el total (500).');
  });

  it('reports an error on men alone when they exceed the total', () => {
    const files = baseRepo();
    files[DIF_T1].ppcs[0].beneficiarios = { total: 500, hombres: 501 };
    expect(where(checkRule(PLAN040, files))).toEqual([`PLAN040 ${DIF_T1}:${lineOf(files, DIF_T1, 'hombres:')}`]);
  });

  it('accepts a single sex given within the total', () => {
    const files = baseRepo();
    files[DIF_T1].ppcs[0].beneficiarios = { total: 500, hombres: 500 };
    expect(checkRule(PLAN040, files)).toEqual([]);
  });

  it('warns when the total exceeds the target population of the carátula', () => {
    const files = baseRepo();
    files[DIF_T1].ppcs[0].beneficiarios = { total: 900, mujeres: 450, hombres: 450 };
    const diagnostics = checkRule(PLAN040, files);
    expect(where(diagnostics)).toEqual([`PLAN040 ${DIF_T1}:${lineOf(files, DIF_T1, 'total:', 'beneficiarios:')}`]);
    expect(diagnostics[0]!.severity).toBe('warning');
    expect(diagnostics[0]!.message).toBe('El total de beneficiarios del PPCS «DIF-01» (900) es mayor que la población objetivo de su carátula (800).');
  });

  it('reports both a wrong sum and an excess over the target population', () => {
    const files = baseRepo();
    files[DIF_T1].ppcs[0].beneficiarios = { total: 900, mujeres: 300, hombres: 290 };
    const line = lineOf(files, DIF_T1, 'total:', 'beneficiarios:');
    const diagnostics = checkRule(PLAN040, files);
    expect(diagnostics.map((d) => `${d.severity} ${d.line}`)).toEqual([`error ${line}`, `warning ${line}`]);
  });

  it('does not compare with the target population when the carátula has none', () => {
    const files = baseRepo();
    delete files[DIF_01].poblacion_objetivo;
    files[DIF_T1].ppcs[0].beneficiarios = { total: 900, mujeres: 450, hombres: 450 };
    expect(checkRule(PLAN040, files)).toEqual([]);
  });

  it('accepts a total equal to the target population', () => {
    const files = baseRepo();
    files[DIF_T1].ppcs[0].beneficiarios = { total: 800, mujeres: 400, hombres: 400 };
    expect(checkRule(PLAN040, files)).toEqual([]);
  });

  it('leaves a report entry naming another department’s PPCS to PLAN004', () => {
    const files = baseRepo();
    files['dependencias/OP/reportes/2019-T1.yaml'].ppcs[0].id = 'DIF-01';
    expect(checkRule(PLAN040, files)).toEqual([]);
  });

  it('writes the figures with thousands separators', () => {
    const files = baseRepo();
    files[DIF_T1].ppcs[0].beneficiarios = { total: 12000, mujeres: 6000, hombres: 5900 };
    expect(checkRule(PLAN040, files)[0]!.message).toBe('Los beneficiarios del PPCS «DIF-01» no cuadran: mujeres (6,000) más hombres (5,900) suman 11,900, pero el total es 12,000.');
  });
});
