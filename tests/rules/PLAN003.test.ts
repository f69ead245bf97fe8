import { describe, expect, it } from 'vitest';
import { PLAN003 } from '../../src/rules/PLAN003-id-duplicado.js';
import { baseRepo, checkRule, lineOf, where } from '../helpers/fixture.js';

const OP01 = 'dependencias/OP/ppcs/OP-01.yaml';
const REPORT = 'dependencias/OP/reportes/2019-T1.yaml';
const RETRO_T1 = 'planeacion/retroalimentacion/2019-T1.yaml';
const RETRO_T2 = 'planeacion/retroalimentacion/2019-T2.yaml';

function observacion(id: string, dependencia = 'OP') {
  return { id, dependencia, tipo: 'observacion', texto: 'Incluir fotografías de la obra terminada.' };
}

describe('PLAN003 duplicate identifier', () => {
  it('accepts a repository where every id is unique', () => {
    expect(checkRule(PLAN003, baseRepo())).toEqual([]);
  });

  it('reports a PPCS id declared by a second carátula, naming the first one', () => {
    const files = baseRepo();
    const second = 'dependencias/OP/ppcs/OP-02.yaml';
    files[second] = { ...files[OP01] };
    const diagnostics = checkRule(PLAN003, files);
    expect(where(diagnostics)).toEqual([`PLAN003 ${second}:${lineOf(files, second, 'id: OP-01')}`]);
    expect(diagnostics[0]!.severity).toBe('error');
    expect(diagnostics[0]!.message).toBe(
      'El id de PPCS «OP-01» ya lo declara la carátula «dependencias/OP/ppcs/OP-01.yaml»; cada PPCS debe tener un id único en todo el repositorio.',
    );
  });

  it('reports a meta key repeated within one carátula on the second meta', () => {
    const files = baseRepo();
    files[OP01].metas.push({ ...files[OP01].metas[0], descripcion: 'Calles balizadas' });
    const diagnostics = checkRule(PLAN003, files);
    expect(where(diagnostics)).toEqual([`PLAN003 ${OP01}:${lineOf(files, OP01, 'id: M1', 'meta_anual')}`]);
    expect(diagnostics[0]!.message).toBe('La clave de meta «M1» se repite en esta carátula: ya la usa la meta n.º 1. Cada meta debe tener una clave distinta (M1, M2, …).');
  });

  it('accepts the same meta key in two different carátulas', () => {
    const files = baseRepo();
    expect(files['dependencias/DIF/ppcs/DIF-01.yaml'].metas[0].id).toBe(files[OP01].metas[0].id);
    expect(checkRule(PLAN003, files)).toEqual([]);
  });

  it('reports an observation id repeated in another retroalimentación file, naming the first file', () => {
    const files = baseRepo();
    files[RETRO_T1] = { trimestre: '2019-T1', fecha_emision: '2019-04-05', observaciones: [observacion('RET-2019-T1-01')] };
    files[RETRO_T2] = { trimestre: '2019-T2', fecha_emision: '2019-07-05', observaciones: [observacion('RET-2019-T1-01', 'DIF')] };
    const diagnostics = checkRule(PLAN003, files);
    expect(where(diagnostics)).toEqual([`PLAN003 ${RETRO_T2}:${lineOf(files, RETRO_T2, 'id: RET-2019-T1-01')}`]);
    expect(diagnostics[0]!.message).toContain(`«${RETRO_T1}» (observación n.º 1)`);
  });

  it('reports an observation id repeated within the same retroalimentación file', () => {
    const files = baseRepo();
    files[RETRO_T1] = { trimestre: '2019-T1', fecha_emision: '2019-04-05', observaciones: [observacion('RET-01'), observacion('RET-02'), observacion('RET-01', 'DIF')] };
    expect(where(checkRule(PLAN003, files))).toEqual([`PLAN003 ${RETRO_T1}:${lineOf(files, RETRO_T1, 'id: RET-01', 'RET-02')}`]);
  });

  it('reports a convocatoria id repeated across the calls files', () => {
    const files = baseRepo();
    const call = { id: 'CONV-01', fecha: '2019-02-11', asunto: 'Presentación de carátulas', convocadas: ['OP', 'DIF'], asistentes: ['OP', 'DIF'] };
    files['planeacion/convocatorias/2018.yaml'] = { ejercicio: 2018, convocatorias: [call] };
    files['planeacion/convocatorias/2019.yaml'] = { ejercicio: 2019, convocatorias: [call] };
    const file = 'planeacion/convocatorias/2019.yaml';
    const diagnostics = checkRule(PLAN003, files);
    expect(where(diagnostics)).toEqual([`PLAN003 ${file}:${lineOf(files, file, 'id: CONV-01')}`]);
    expect(diagnostics[0]!.message).toContain('«planeacion/convocatorias/2018.yaml»');
  });

  it('reports a gender recommendation id repeated in the same file', () => {
    const files = baseRepo();
    const file = 'planeacion/genero/2019.yaml';
    const rec = (dependencia: string) => ({ id: 'GEN-2019-01', fecha: '2019-03-01', dependencias: [dependencia], recomendacion: 'Desagregar por sexo el padrón.' });
    files[file] = { ejercicio: 2019, recomendaciones: [rec('OP'), rec('DIF')] };
    expect(where(checkRule(PLAN003, files))).toEqual([`PLAN003 ${file}:${lineOf(files, file, 'id: GEN-2019-01', 'OP')}`]);
  });

  it('reports a unit key repeated in the catalog', () => {
    const files = baseRepo();
    const file = 'catalogos/unidades-de-medida.yaml';
    files[file].unidades.push({ clave: 'km', nombre: 'Kilómetros lineales', validada: true });
    const diagnostics = checkRule(PLAN003, files);
    expect(where(diagnostics)).toEqual([`PLAN003 ${file}:${lineOf(files, file, 'clave: km', 'Taller')}`]);
    expect(diagnostics[0]!.message).toBe('La clave de unidad de medida «km» se repite en el catálogo: ya la usa la unidad n.º 1.');
  });

  it('reports a PPCS listed twice in one report', () => {
    const files = baseRepo();
    files[REPORT].ppcs.push({ id: 'OP-01', estatus: 'activo' });
    expect(where(checkRule(PLAN003, files))).toEqual([`PLAN003 ${REPORT}:${lineOf(files, REPORT, 'id: OP-01', 'evidencias')}`]);
  });

  it('reports a meta listed twice in the progress of one report entry', () => {
    const files = baseRepo();
    files[REPORT].ppcs[0].avances.push({ meta: 'M1', valor: 1, unidad_medida: 'km' });
    const diagnostics = checkRule(PLAN003, files);
    expect(where(diagnostics)).toEqual([`PLAN003 ${REPORT}:${lineOf(files, REPORT, 'meta: M1', 'unidad_medida: km')}`]);
    expect(diagnostics[0]!.message).toContain('«M1» aparece dos veces en los avances del PPCS «OP-01» (también en el avance n.º 1)');
  });

  it('accepts the same meta key reported under two different PPCS of one report', () => {
    const files = baseRepo();
    files['dependencias/OP/ppcs/OP-02.yaml'] = { ...files[OP01], id: 'OP-02' };
    files[REPORT].ppcs.push({ ...files[REPORT].ppcs[0], id: 'OP-02' });
    expect(checkRule(PLAN003, files)).toEqual([]);
  });

  it('reports a department clave declared by a second dependencia.yaml, alongside PLAN005', () => {
    const files = baseRepo();
    const second = 'dependencias/SP/dependencia.yaml';
    files[second] = { ...files['dependencias/OP/dependencia.yaml'] };
    const diagnostics = checkRule(PLAN003, files);
    expect(where(diagnostics)).toEqual([`PLAN003 ${second}:${lineOf(files, second, 'clave: OP')}`]);
    expect(diagnostics[0]!.message).toContain('ya la declara «dependencias/OP/dependencia.yaml»');
  });
});
