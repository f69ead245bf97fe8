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

  it('reports an error on the total when women alone exceed it, a missing part counting as 0', () => {
    const files = baseRepo();
    files[DIF_T1].ppcs[0].beneficiarios = { total: 500, mujeres: 520 };
    const diagnostics = checkRule(PLAN040, files);
    expect(where(diagnostics)).toEqual([`PLAN040 ${DIF_T1}:${lineOf(files, DIF_T1, 'total:', 'beneficiarios:')}`]);
    expect(diagnostics[0]!.severity).toBe('error');
    expect(diagnostics[0]!.message).toBe('Los beneficiarios del PPCS «DIF-01» no cuadran: mujeres (520), hombres (—) y no especificado (—) suman 520, pero el total es 500.');
  });

  it('reports an error on the total when men alone exceed it', () => {
    const files = baseRepo();
    files[DIF_T1].ppcs[0].beneficiarios = { total: 500, hombres: 501 };
    expect(where(checkRule(PLAN040, files))).toEqual([`PLAN040 ${DIF_T1}:${lineOf(files, DIF_T1, 'total:', 'beneficiarios:')}`]);
  });

  it('reports a partial split that leaves people out of every part', () => {
    const files = baseRepo();
    files[DIF_T1].ppcs[0].beneficiarios = { total: 500, hombres: 400 };
    expect(checkRule(PLAN040, files)[0]!.message).toBe('Los beneficiarios del PPCS «DIF-01» no cuadran: mujeres (—), hombres (400) y no especificado (—) suman 400, pero el total es 500.');
  });

  it('accepts women, men and people of unrecorded sex that add up to the total', () => {
    const files = baseRepo();
    files[DIF_T1].ppcs[0].beneficiarios = { total: 600, mujeres: 300, hombres: 290, no_especificado: 10 };
    expect(checkRule(PLAN040, files)).toEqual([]);
  });

  it('accepts a total whose sex was not recorded for anyone', () => {
    const files = baseRepo();
    files[DIF_T1].ppcs[0].beneficiarios = { total: 600, no_especificado: 600 };
    expect(checkRule(PLAN040, files)).toEqual([]);
  });

  it('reports an error when women, men and not specified do not add up to the total', () => {
    const files = baseRepo();
    files[DIF_T1].ppcs[0].beneficiarios = { total: 600, mujeres: 300, hombres: 290, no_especificado: 5 };
    const diagnostics = checkRule(PLAN040, files);
    expect(where(diagnostics)).toEqual([`PLAN040 ${DIF_T1}:${lineOf(files, DIF_T1, 'total:', 'beneficiarios:')}`]);
    expect(diagnostics[0]!.severity).toBe('error');
    expect(diagnostics[0]!.message).toBe('Los beneficiarios del PPCS «DIF-01» no cuadran: mujeres (300), hombres (290) y no especificado (5) suman 595, pero el total es 600.');
  });

  it('accepts age groups that add up to the total', () => {
    const files = baseRepo();
    files[DIF_T1].ppcs[0].beneficiarios.edades = { ninas_ninos_0_11: 500, adolescentes_12_17: 80, adultos_30_59: 10 };
    expect(checkRule(PLAN040, files)).toEqual([]);
  });

  it('reports an error on edades when the age groups do not add up to the total', () => {
    const files = baseRepo();
    files[DIF_T1].ppcs[0].beneficiarios.edades = { ninas_ninos_0_11: 500, adolescentes_12_17: 80 };
    const diagnostics = checkRule(PLAN040, files);
    expect(where(diagnostics)).toEqual([`PLAN040 ${DIF_T1}:${lineOf(files, DIF_T1, 'edades:')}`]);
    expect(diagnostics[0]!.severity).toBe('error');
    expect(diagnostics[0]!.message).toBe('Los grupos de edad de los beneficiarios del PPCS «DIF-01» suman 580, pero el total es 590.');
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

describe('PLAN040 people of the year above the target population', () => {
  const DIF_T2 = 'dependencias/DIF/reportes/2019-T2.yaml';

  /** DIF-01 (target population 800) reports the given beneficiaries in 2019-T1, T2 and T3, in that order. */
  function quarters(...entries: object[]) {
    const files = baseRepo();
    const trimestres = ['2019-T1', '2019-T2', '2019-T3'];
    entries.forEach((beneficiarios, i) => {
      const file = `dependencias/DIF/reportes/${trimestres[i]}.yaml`;
      files[file] = { ...files[DIF_T1], trimestre: trimestres[i], ppcs: [{ ...files[DIF_T1].ppcs[0], beneficiarios }] };
    });
    return files;
  }

  it('does not add up quarters of people served at a time: 590 in T1, T2 and T3 of 800', () => {
    const files = quarters({ total: 590, mujeres: 300, hombres: 290 }, { total: 590, mujeres: 300, hombres: 290, conteo: 'atendidas' }, { total: 590, mujeres: 300, hombres: 290 });
    expect(checkRule(PLAN040, files)).toEqual([]);
  });

  it('warns once, in the quarter where new people added up go above the target population: 500 + 400 > 800', () => {
    const files = quarters(
      { total: 500, mujeres: 250, hombres: 250, conteo: 'nuevas' },
      { total: 400, mujeres: 200, hombres: 200, conteo: 'nuevas' },
      { total: 100, mujeres: 50, hombres: 50, conteo: 'nuevas' },
    );
    const diagnostics = checkRule(PLAN040, files);
    expect(where(diagnostics)).toEqual([`PLAN040 ${DIF_T2}:${lineOf(files, DIF_T2, 'total:', 'beneficiarios:')}`]);
    expect(diagnostics[0]!.severity).toBe('warning');
    expect(diagnostics[0]!.message).toBe('Las personas atendidas por el PPCS «DIF-01» en 2019 hasta «2019-T2» (900: suma de los trimestres con conteo «nuevas») son más que la población objetivo de su carátula (800).');
  });

  it('takes the year’s unique people over the sum of new people: 700 unique of 800', () => {
    const files = quarters(
      { total: 500, mujeres: 250, hombres: 250, conteo: 'nuevas' },
      { total: 400, mujeres: 200, hombres: 200, conteo: 'nuevas', personas_unicas_anio: 700 },
    );
    expect(checkRule(PLAN040, files)).toEqual([]);
  });

  it('warns on personas_unicas_anio above the target population', () => {
    const files = quarters({ total: 500, mujeres: 250, hombres: 250 }, { total: 400, mujeres: 200, hombres: 200, personas_unicas_anio: 850 });
    const diagnostics = checkRule(PLAN040, files);
    expect(where(diagnostics)).toEqual([`PLAN040 ${DIF_T2}:${lineOf(files, DIF_T2, 'personas_unicas_anio:')}`]);
    expect(diagnostics[0]!.message).toBe('Las personas únicas atendidas por el PPCS «DIF-01» en 2019 («personas_unicas_anio»: 850) son más que la población objetivo de su carátula (800).');
  });

  it('warns a quarter above the target population on its own total, not again as the year’s count', () => {
    const files = quarters({ total: 500, mujeres: 250, hombres: 250, conteo: 'nuevas' }, { total: 900, mujeres: 450, hombres: 450, conteo: 'nuevas' }, { total: 10, mujeres: 5, hombres: 5, conteo: 'nuevas' });
    const diagnostics = checkRule(PLAN040, files);
    expect(where(diagnostics)).toEqual([`PLAN040 ${DIF_T2}:${lineOf(files, DIF_T2, 'total:', 'beneficiarios:')}`]);
    expect(diagnostics[0]!.message).toBe('El total de beneficiarios del PPCS «DIF-01» (900) es mayor que la población objetivo de su carátula (800).');
  });
});
