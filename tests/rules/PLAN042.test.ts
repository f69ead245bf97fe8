import { describe, expect, it } from 'vitest';
import { PLAN042 } from '../../src/rules/PLAN042-recomendacion-genero-no-aplicada.js';
import { baseRepo, checkRule, lineOf, where } from '../helpers/fixture.js';

const GENERO = 'planeacion/genero/2019.yaml';
const DIF_T1 = 'dependencias/DIF/reportes/2019-T1.yaml';
const OP_T1 = 'dependencias/OP/reportes/2019-T1.yaml';
/** After the 2019-T4 window (ends 2019-12-31): the year is over and can be judged. */
const YEAR_END = { fechaCorte: '2020-01-15' };

/** One recommendation for OP and DIF, applied by DIF in its T1 report. */
function withRecommendation() {
  const files = baseRepo();
  files[GENERO] = {
    ejercicio: 2019,
    recomendaciones: [
      {
        id: 'GEN-2019-01',
        fecha: '2019-03-08',
        dependencias: ['OP', 'DIF'],
        recomendacion: 'Registrar a las personas beneficiarias separadas por sexo.',
      },
    ],
  };
  files[DIF_T1].ppcs[0].recomendaciones_genero_aplicadas = ['GEN-2019-01'];
  return files;
}

describe('PLAN042 gender recommendation not applied by year end', () => {
  it('accepts a repo without gender recommendations', () => {
    expect(checkRule(PLAN042, baseRepo(), YEAR_END)).toEqual([]);
  });

  it('accepts a recommendation every addressed department applied', () => {
    const files = withRecommendation();
    files[OP_T1].ppcs[0].recomendaciones_genero_aplicadas = ['GEN-2019-01'];
    expect(checkRule(PLAN042, files, YEAR_END)).toEqual([]);
  });

  it('warns on the department of a recommendation it never reported applying', () => {
    const files = withRecommendation();
    const diagnostics = checkRule(PLAN042, files, YEAR_END);
    expect(where(diagnostics)).toEqual([`PLAN042 ${GENERO}:${lineOf(files, GENERO, '- OP', 'dependencias:')}`]);
    expect(diagnostics[0]!.severity).toBe('warning');
    expect(diagnostics[0]!.message).toBe(
      'La dependencia «OP» no informó haber aplicado la recomendación de género «GEN-2019-01» en ninguno de sus reportes de 2019 (campo «recomendaciones_genero_aplicadas»).',
    );
  });

  it('waits until the fourth quarter is due before judging', () => {
    expect(checkRule(PLAN042, withRecommendation())).toEqual([]);
    expect(checkRule(PLAN042, withRecommendation(), { fechaCorte: '2019-12-20' })).toEqual([]);
  });

  it('counts an application in any report of the year', () => {
    const files = withRecommendation();
    files['dependencias/OP/reportes/2019-T4.yaml'] = {
      ...files[OP_T1],
      trimestre: '2019-T4',
      fecha_entrega: '2019-12-26',
      ppcs: [{ ...files[OP_T1].ppcs[0], recomendaciones_genero_aplicadas: ['GEN-2019-01'] }],
    };
    expect(checkRule(PLAN042, files, YEAR_END)).toEqual([]);
  });

  it('does not count an application reported in another year', () => {
    const files = withRecommendation();
    files['dependencias/OP/reportes/2020-T1.yaml'] = {
      ...files[OP_T1],
      trimestre: '2020-T1',
      fecha_entrega: '2020-03-26',
      ppcs: [{ ...files[OP_T1].ppcs[0], recomendaciones_genero_aplicadas: ['GEN-2019-01'] }],
    };
    expect(where(checkRule(PLAN042, files, YEAR_END))).toEqual([`PLAN042 ${GENERO}:${lineOf(files, GENERO, '- OP', 'dependencias:')}`]);
  });

  it('leaves a department that does not exist to PLAN004', () => {
    const files = withRecommendation();
    files[GENERO].recomendaciones[0].dependencias = ['DIF', 'IMM'];
    expect(checkRule(PLAN042, files, YEAR_END)).toEqual([]);
  });

  it('still judges a department whose dependencia.yaml could not be read', () => {
    const files = withRecommendation();
    files['dependencias/OP/dependencia.yaml'] = 'clave: [OP\n';
    const found = checkRule(PLAN042, files, YEAR_END).filter((d) => d.rule === 'PLAN042');
    expect(where(found)).toEqual([`PLAN042 ${GENERO}:${lineOf(files, GENERO, '- OP', 'dependencias:')}`]);
  });

  it('does not judge a department one of whose reports of the year could not be read', () => {
    const files = withRecommendation();
    files['dependencias/OP/reportes/2019-T2.yaml'] = 'dependencia: OP\ntrimestre: [2019-T2\n';
    expect(checkRule(PLAN042, files, YEAR_END).filter((d) => d.rule === 'PLAN042')).toEqual([]);
  });

  it('does not expect a recommendation issued after the last report of the year to be applied that year', () => {
    const files = withRecommendation();
    files[GENERO].recomendaciones[0].fecha = '2020-01-06';
    expect(checkRule(PLAN042, files, YEAR_END)).toEqual([]);
  });
});
