import { describe, expect, it } from 'vitest';
import { PLAN044, verificacionesOf } from '../../src/rules/PLAN044-recomendacion-genero-contradicha.js';
import { baseRepo, checkRule, lineOf, where } from '../helpers/fixture.js';

const DIF_T1 = 'dependencias/DIF/reportes/2019-T1.yaml';
const DIF_T2 = 'dependencias/DIF/reportes/2019-T2.yaml';
const GENERO = 'planeacion/genero/2019.yaml';

/** GEN-2019-01 asks DIF to split by sex; DIF declares it applied in 2019-T1 and reports 2019-T2 with `t2`. */
function declaredInT1(t2: object, recomendacion: Record<string, unknown> = {}) {
  const files = baseRepo();
  files[GENERO] = {
    ejercicio: 2019,
    recomendaciones: [{ id: 'GEN-2019-01', fecha: '2019-02-20', dependencias: ['DIF'], recomendacion: 'Desagregar por sexo a las personas beneficiarias de los padrones.', ...recomendacion }],
  };
  files[DIF_T1].ppcs[0].recomendaciones_genero_aplicadas = ['GEN-2019-01'];
  files[DIF_T2] = { ...files[DIF_T1], trimestre: '2019-T2', fecha_entrega: '2019-06-25', ppcs: [{ ...files[DIF_T1].ppcs[0], beneficiarios: t2 }] };
  delete files[DIF_T2].ppcs[0].recomendaciones_genero_aplicadas;
  return files;
}

describe('PLAN044 gender recommendation declared applied that later reports contradict', () => {
  it('accepts later reports split by sex, part of them of unrecorded sex', () => {
    expect(checkRule(PLAN044, declaredInT1({ total: 590, mujeres: 300, hombres: 280, no_especificado: 10 }))).toEqual([]);
  });

  it('warns on a later report whose beneficiaries are not split by sex', () => {
    const files = declaredInT1({ total: 590 });
    const diagnostics = checkRule(PLAN044, files);
    expect(where(diagnostics)).toEqual([`PLAN044 ${DIF_T2}:${lineOf(files, DIF_T2, 'beneficiarios:')}`]);
    expect(diagnostics[0]!.severity).toBe('warning');
    expect(diagnostics[0]!.message).toBe(
      'La dependencia declaró aplicada la recomendación de género «GEN-2019-01», que pide desagregar por sexo, en su reporte «2019-T1», pero en el reporte «2019-T2» los beneficiarios del PPCS «DIF-01» no están desagregados en mujeres y hombres.',
    );
  });

  it('warns on the very report that declares it applied', () => {
    const files = declaredInT1({ total: 590, mujeres: 300, hombres: 290 });
    files[DIF_T1].ppcs[0].beneficiarios = { total: 590, no_especificado: 590 };
    expect(where(checkRule(PLAN044, files))).toEqual([`PLAN044 ${DIF_T1}:${lineOf(files, DIF_T1, 'beneficiarios:')}`]);
  });

  it('does not judge reports before the one that declares it', () => {
    const files = declaredInT1({ total: 590, mujeres: 300, hombres: 290 });
    files[DIF_T1].ppcs[0].beneficiarios = { total: 590 };
    delete files[DIF_T1].ppcs[0].recomendaciones_genero_aplicadas;
    files[DIF_T2].ppcs[0].recomendaciones_genero_aplicadas = ['GEN-2019-01'];
    expect(checkRule(PLAN044, files)).toEqual([]);
  });

  it('checks the age groups when verificacion asks for them', () => {
    const files = declaredInT1({ total: 590, mujeres: 300, hombres: 290 }, { verificacion: 'desagregar_por_edad', recomendacion: 'Registrar a las personas beneficiarias.' });
    files[DIF_T1].ppcs[0].beneficiarios.edades = { ninas_ninos_0_11: 590 };
    const diagnostics = checkRule(PLAN044, files);
    expect(where(diagnostics)).toEqual([`PLAN044 ${DIF_T2}:${lineOf(files, DIF_T2, 'beneficiarios:')}`]);
    expect(diagnostics[0]!.message).toBe(
      'La dependencia declaró aplicada la recomendación de género «GEN-2019-01», que pide desagregar por edad, en su reporte «2019-T1», pero en el reporte «2019-T2» los beneficiarios del PPCS «DIF-01» no están desagregados por grupos de edad.',
    );
  });

  it('lets verificacion override what the text would suggest', () => {
    const files = declaredInT1({ total: 590, edades: { ninas_ninos_0_11: 590 } }, { verificacion: 'desagregar_por_edad' });
    files[DIF_T1].ppcs[0].beneficiarios.edades = { ninas_ninos_0_11: 590 };
    expect(checkRule(PLAN044, files)).toEqual([]);
  });

  it('checks nothing when the recommendation asks for no split', () => {
    expect(checkRule(PLAN044, declaredInT1({ total: 590 }, { recomendacion: 'Usar lenguaje incluyente en los materiales de difusión.' }))).toEqual([]);
  });

  it('gives one finding per split a text asks for: «por sexo y grupo de edad»', () => {
    const files = declaredInT1({ total: 590 }, { recomendacion: 'Desagregar por sexo y grupo de edad a las personas beneficiarias.' });
    files[DIF_T1].ppcs[0].beneficiarios.edades = { ninas_ninos_0_11: 590 };
    const line = lineOf(files, DIF_T2, 'beneficiarios:');
    expect(where(checkRule(PLAN044, files))).toEqual([`PLAN044 ${DIF_T2}:${line}`, `PLAN044 ${DIF_T2}:${line}`]);
  });

  it('does not judge a PPCS without gender perspective', () => {
    const files = declaredInT1({ total: 590 });
    files['dependencias/DIF/ppcs/DIF-01.yaml'].perspectiva_genero = { aplica: false };
    expect(checkRule(PLAN044, files)).toEqual([]);
  });

  it('leaves an entry with nobody served, or no beneficiaries, alone (PLAN041 asks for them)', () => {
    expect(checkRule(PLAN044, declaredInT1({ total: 0 }))).toEqual([]);
    const files = declaredInT1({ total: 0 });
    delete files[DIF_T2].ppcs[0].beneficiarios;
    expect(checkRule(PLAN044, files)).toEqual([]);
  });
});

describe('what a gender recommendation asks later reports to show', () => {
  const rec = (recomendacion: string, verificacion?: 'desagregar_por_sexo' | 'desagregar_por_edad') => ({ id: 'GEN-1', fecha: '2019-01-01', dependencias: ['DIF'], recomendacion, ...(verificacion ? { verificacion } : {}) });

  it('reads «desagregar … por sexo» and «… por edad» in the text', () => {
    expect(verificacionesOf(rec('Desagregar por sexo a las personas beneficiarias.'))).toEqual(['desagregar_por_sexo']);
    expect(verificacionesOf(rec('Los padrones deben desagregarse por grupos de edad.'))).toEqual(['desagregar_por_edad']);
    expect(verificacionesOf(rec('Presentar las cifras desagregadas por sexo y edad.'))).toEqual(['desagregar_por_sexo', 'desagregar_por_edad']);
  });

  it('does not read a split in a text that does not ask to desagregar', () => {
    expect(verificacionesOf(rec('Registrar el sexo y la edad de las víctimas.'))).toEqual([]);
    expect(verificacionesOf(rec('Desagregar los datos. Atender por sexo.'))).toEqual([]);
  });

  it('takes verificacion as given', () => {
    expect(verificacionesOf(rec('Desagregar por sexo.', 'desagregar_por_edad'))).toEqual(['desagregar_por_edad']);
  });
});
