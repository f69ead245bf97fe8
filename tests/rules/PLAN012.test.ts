import { describe, expect, it } from 'vitest';
import { PLAN012 } from '../../src/rules/PLAN012-unidad-no-validada.js';
import { baseRepo, checkRule, lineOf, where, type Files } from '../helpers/fixture.js';

const OP01 = 'dependencias/OP/ppcs/OP-01.yaml';
const DIF01 = 'dependencias/DIF/ppcs/DIF-01.yaml';
const CATALOG = 'catalogos/unidades-de-medida.yaml';
const at = (files: Files, file: string) => `PLAN012 ${file}:${lineOf(files, file, 'unidad_medida:')}`;

function withUnit(unidad: string) {
  const files = baseRepo();
  files[OP01].metas[0].indicador.unidad_medida = unidad;
  return files;
}

describe('PLAN012 unit of measure not in the catalog or not validated', () => {
  it('accepts indicators whose units are in the catalog and validated, ignoring unused unvalidated units', () => {
    const files = baseRepo();
    expect(files[CATALOG].unidades.find((u: { clave: string }) => u.clave === 'taller').validada).toBe(false);
    expect(checkRule(PLAN012, files)).toEqual([]);
  });

  it('reports a unit missing from the catalog and suggests the key whose name it spells out', () => {
    const files = withUnit('kilometros');
    const diagnostics = checkRule(PLAN012, files);
    expect(where(diagnostics)).toEqual([at(files, OP01)]);
    expect(diagnostics[0]!.severity).toBe('error');
    expect(diagnostics[0]!.message).toBe(
      'La unidad de medida «kilometros» de la meta «M1» del PPCS «OP-01» no está en el catálogo de unidades de Planeación («catalogos/unidades-de-medida.yaml»).',
    );
    expect(diagnostics[0]!.hint).toBe('¿Quiso decir «km» («Kilómetro»)? Use esa clave del catálogo, o pida a Planeación que agregue y valide la unidad que necesita.');
  });

  it('suggests the catalog key closest to a misspelt one', () => {
    const diagnostics = checkRule(PLAN012, withUnit('persnoa'));
    expect(diagnostics[0]!.hint).toContain('¿Quiso decir «persona» («Persona»)?');
  });

  it('gives the general hint when no catalog unit is similar', () => {
    const diagnostics = checkRule(PLAN012, withUnit('luminaria'));
    expect(diagnostics[0]!.hint).toBe(PLAN012.meta.hint.es);
  });

  it('reports a catalog unit that Planeación has not validated, with its own message', () => {
    const files = withUnit('taller');
    const diagnostics = checkRule(PLAN012, files);
    expect(where(diagnostics)).toEqual([at(files, OP01)]);
    expect(diagnostics[0]!.message).toBe(
      'La unidad de medida «taller» de la meta «M1» del PPCS «OP-01» está en el catálogo, pero Planeación no la ha validado («validada: false»).',
    );
    expect(diagnostics[0]!.hint).toBe('Pida a Planeación que valide la unidad (que la marque «validada: true» en el catálogo) o use una unidad ya validada.');
  });

  it('suggests a similar validated unit for an unvalidated one', () => {
    const files = withUnit('kms');
    files[CATALOG].unidades.push({ clave: 'kms', nombre: 'Kilómetros', validada: false });
    const diagnostics = checkRule(PLAN012, files);
    expect(where(diagnostics)).toEqual([at(files, OP01)]);
    expect(diagnostics[0]!.hint).toBe('Pida a Planeación que valide la unidad, o use la unidad validada «km» («Kilómetro»).');
  });

  it('reports every unit when there is no catalog at all, with a hint to create it', () => {
    const files = baseRepo();
    delete files[CATALOG];
    const diagnostics = checkRule(PLAN012, files);
    expect(where(diagnostics)).toEqual([at(files, DIF01), at(files, OP01)]);
    expect(diagnostics[1]!.hint).toBe(
      'No existe el catálogo: cree «catalogos/unidades-de-medida.yaml» con las unidades asignadas y validadas por Planeación, incluida «km».',
    );
  });

  it('does not check units while the catalog cannot be read', () => {
    const files = withUnit('kilometros');
    files[CATALOG] = 'unidades:\n  - clave: km\n    clave: kilometro\n';
    const diagnostics = checkRule(PLAN012, files);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.filter((d) => d.rule === 'PLAN012')).toEqual([]);
  });

  it('does not check a cancelled PPCS', () => {
    const files = withUnit('kilometros');
    files[OP01].estatus = 'cancelado';
    expect(checkRule(PLAN012, files)).toEqual([]);
  });

  it('leaves an indicator without unit to PLAN010', () => {
    const files = baseRepo();
    delete files[OP01].metas[0].indicador.unidad_medida;
    delete files[DIF01].metas[0].indicador;
    expect(checkRule(PLAN012, files)).toEqual([]);
  });
});
