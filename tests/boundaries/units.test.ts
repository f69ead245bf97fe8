// PLAN020 compares a reported unit with the meta's: with no unit catalog at all every unit
// is given the benefit of the doubt, but a unit that differs from the meta's is still wrong.
import { describe, expect, it } from 'vitest';
import { baseRepo, lineOf, validateFiles } from '../helpers/fixture.js';

const OP_T1 = 'dependencias/OP/reportes/2019-T1.yaml';
const CATALOG = 'catalogos/unidades-de-medida.yaml';

const plan020 = (files: ReturnType<typeof baseRepo>) =>
  validateFiles(files)
    .filter((d) => d.rule === 'PLAN020')
    .map((d) => `${d.file}:${d.line} ${d.message}`);

describe('PLAN020 with and without a unit catalog', () => {
  it('without a catalog, reports progress in «metro» against a meta in «km»', () => {
    const files = baseRepo();
    delete files[CATALOG];
    files[OP_T1].ppcs[0].avances[0].unidad_medida = 'metro';
    expect(plan020(files)).toEqual([
      `${OP_T1}:${lineOf(files, OP_T1, 'unidad_medida:')} El avance de la meta «M1» del PPCS «OP-01» está en «metro», pero la unidad de medida asignada a su indicador es «km».`,
    ]);
  });

  it('without a catalog, accepts progress in the meta’s own unit', () => {
    const files = baseRepo();
    delete files[CATALOG];
    expect(plan020(files)).toEqual([]);
  });

  it('with a catalog, names both units with their catalog names', () => {
    const files = baseRepo();
    files[OP_T1].ppcs[0].avances[0].unidad_medida = 'persona';
    expect(plan020(files)).toEqual([
      `${OP_T1}:${lineOf(files, OP_T1, 'unidad_medida:')} El avance de la meta «M1» del PPCS «OP-01» está en «persona» (Persona), pero la unidad de medida asignada a su indicador es «km» (Kilómetro).`,
    ]);
  });

  it('with a catalog that lacks the meta’s unit, leaves it to PLAN012', () => {
    const files = baseRepo();
    files['dependencias/OP/ppcs/OP-01.yaml'].metas[0].indicador.unidad_medida = 'tramo';
    const found = validateFiles(files).map((d) => d.rule);
    expect(found).not.toContain('PLAN020');
  });
});
