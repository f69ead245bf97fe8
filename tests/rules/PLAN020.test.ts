import { describe, expect, it } from 'vitest';
import { PLAN020 } from '../../src/rules/PLAN020-unidad-de-medida-del-reporte.js';
import { baseRepo, checkRule, lineOf, validateFiles, where } from '../helpers/fixture.js';

const OP_T1 = 'dependencias/OP/reportes/2019-T1.yaml';

describe('PLAN020 progress reported in a unit other than its meta\'s', () => {
  it('accepts progress reported in the unit of each meta', () => {
    expect(checkRule(PLAN020, baseRepo())).toEqual([]);
  });

  it('reports progress in another unit, on its unidad_medida line, as an error naming both units', () => {
    const files = baseRepo();
    files[OP_T1].ppcs[0].avances[0].unidad_medida = 'persona';
    const diagnostics = checkRule(PLAN020, files);
    expect(where(diagnostics)).toEqual([`PLAN020 ${OP_T1}:${lineOf(files, OP_T1, 'unidad_medida:')}`]);
    expect(diagnostics[0]!.severity).toBe('error');
    expect(diagnostics[0]!.message).toBe('El avance de la meta «M1» del PPCS «OP-01» está en «persona» (Persona), pero la unidad de medida asignada a su indicador es «km» (Kilómetro).');
  });

  it('reports a unit that is not in the catalog by its key alone', () => {
    const files = baseRepo();
    files[OP_T1].ppcs[0].avances[0].unidad_medida = 'metro';
    const diagnostics = checkRule(PLAN020, files);
    expect(diagnostics[0]!.message).toContain('está en «metro», pero');
  });

  it('reports each misaligned meta of a report on its own line', () => {
    const files = baseRepo();
    files['dependencias/OP/ppcs/OP-01.yaml'].metas.push({ ...files['dependencias/OP/ppcs/OP-01.yaml'].metas[0], id: 'M2' });
    files[OP_T1].ppcs[0].avances.push({ meta: 'M2', valor: 1, unidad_medida: 'taller' });
    expect(where(checkRule(PLAN020, files))).toEqual([`PLAN020 ${OP_T1}:${lineOf(files, OP_T1, 'unidad_medida:', 'meta: M2')}`]);
  });

  it('leaves a PPCS without carátula to PLAN004', () => {
    const files = baseRepo();
    files[OP_T1].ppcs[0].id = 'OP-99';
    files[OP_T1].ppcs[0].avances[0].unidad_medida = 'persona';
    expect(checkRule(PLAN020, files)).toEqual([]);
  });

  it('leaves a meta that its carátula does not define to PLAN004', () => {
    const files = baseRepo();
    files[OP_T1].ppcs[0].avances[0] = { meta: 'M7', valor: 1, unidad_medida: 'persona' };
    expect(checkRule(PLAN020, files)).toEqual([]);
  });

  it('leaves a meta without an assigned unit to PLAN010', () => {
    const files = baseRepo();
    delete files['dependencias/OP/ppcs/OP-01.yaml'].metas[0].indicador.unidad_medida;
    files[OP_T1].ppcs[0].avances[0].unidad_medida = 'persona';
    expect(checkRule(PLAN020, files)).toEqual([]);
  });

  it('leaves a meta whose unit is not in the catalog to PLAN012', () => {
    const files = baseRepo();
    files['dependencias/OP/ppcs/OP-01.yaml'].metas[0].indicador.unidad_medida = 'kilometro';
    expect(checkRule(PLAN020, files)).toEqual([]);
  });

  it('is the only rule to report an avance unit missing from the catalog when the meta’s unit is catalogued', () => {
    const files = baseRepo();
    files[OP_T1].ppcs[0].avances[0].unidad_medida = 'metros2';
    expect(where(validateFiles(files))).toEqual([`PLAN020 ${OP_T1}:${lineOf(files, OP_T1, 'unidad_medida:')}`]);
  });

  it('leaves a report entry naming another department’s PPCS to PLAN004', () => {
    const files = baseRepo();
    files[OP_T1].ppcs[0].id = 'DIF-01';
    expect(checkRule(PLAN020, files)).toEqual([]);
  });
});
