import { describe, expect, it } from 'vitest';
import { PLAN005 } from '../../src/rules/PLAN005-nombre-de-archivo.js';
import { baseRepo, checkRule, lineOf, where } from '../helpers/fixture.js';

describe('PLAN005 clave or quarter differs from its folder or file name', () => {
  it('accepts files whose content matches their folder and name', () => {
    expect(checkRule(PLAN005, baseRepo())).toEqual([]);
  });

  it('reports a department whose clave differs from its folder, on the clave line', () => {
    const files = baseRepo();
    files['dependencias/OP/dependencia.yaml'].clave = 'OBRAS';
    const diagnostics = checkRule(PLAN005, files);
    expect(where(diagnostics)).toEqual([`PLAN005 dependencias/OP/dependencia.yaml:${lineOf(files, 'dependencias/OP/dependencia.yaml', 'clave:')}`]);
    expect(diagnostics[0]!.message).toBe('La clave «OBRAS» no coincide con la carpeta «dependencias/OP/».');
    expect(diagnostics[0]!.severity).toBe('error');
  });

  it('reports a PPCS id that differs from its file name', () => {
    const files = baseRepo();
    files['dependencias/OP/ppcs/OP-01.yaml'].id = 'OP-02';
    expect(where(checkRule(PLAN005, files))).toEqual(['PLAN005 dependencias/OP/ppcs/OP-01.yaml:1']);
  });

  it('reports a PPCS filed under a department whose clave it does not carry', () => {
    const files = baseRepo();
    files['dependencias/DIF/ppcs/OP-07.yaml'] = { ...files['dependencias/OP/ppcs/OP-01.yaml'], id: 'OP-07' };
    const diagnostics = checkRule(PLAN005, files);
    expect(where(diagnostics)).toEqual(['PLAN005 dependencias/DIF/ppcs/OP-07.yaml:1']);
    expect(diagnostics[0]!.message).toContain('«DIF-»');
  });

  it('reports a report whose trimestre differs from its file name, on the trimestre line', () => {
    const files = baseRepo();
    files['dependencias/OP/reportes/2019-T1.yaml'].trimestre = '2019-T2';
    const file = 'dependencias/OP/reportes/2019-T1.yaml';
    expect(where(checkRule(PLAN005, files))).toEqual([`PLAN005 ${file}:${lineOf(files, file, 'trimestre:')}`]);
  });

  it('reports a report filed in another department folder', () => {
    const files = baseRepo();
    files['dependencias/OP/reportes/2019-T1.yaml'].dependencia = 'DIF';
    const file = 'dependencias/OP/reportes/2019-T1.yaml';
    expect(where(checkRule(PLAN005, files))).toEqual([`PLAN005 ${file}:${lineOf(files, file, 'dependencia:')}`]);
  });

  it('reports a convocatorias file whose ejercicio differs from its name', () => {
    const files = baseRepo();
    files['planeacion/convocatorias/2019.yaml'] = { ejercicio: 2018, convocatorias: [] };
    expect(where(checkRule(PLAN005, files))).toEqual(['PLAN005 planeacion/convocatorias/2019.yaml:1']);
  });
});
