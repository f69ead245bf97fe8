import { describe, expect, it } from 'vitest';
import { baseRepo, lineOf, validateFiles } from './helpers/fixture.js';

describe('the base fixture', () => {
  it('validates with no diagnostics at all', () => {
    expect(validateFiles(baseRepo())).toEqual([]);
  });
});

describe('severity settings in plan.yaml', () => {
  it('turns a rule off', () => {
    const files = baseRepo();
    files['dependencias/OP/dependencia.yaml'].clave = 'OBRAS';
    files['plan.yaml'].reglas = { PLAN005: 'off' };
    expect(validateFiles(files)).toEqual([]);
  });

  it('raises a warning rule to an error', () => {
    const files: Record<string, any> = { ...baseRepo(), 'dependencias/OP/reporte/x.yaml': 'a: 1\n' };
    files['plan.yaml'].reglas = { PLAN006: 'error' };
    expect(validateFiles(files).map((d) => `${d.rule} ${d.severity}`)).toEqual(['PLAN006 error']);
  });

  it('warns about a setting for a rule that does not exist, on its key', () => {
    const files = baseRepo();
    files['plan.yaml'].reglas = { PLAN099: 'off' };
    const diagnostics = validateFiles(files);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ rule: 'PLAN007', severity: 'warning', file: 'plan.yaml', line: lineOf(files, 'plan.yaml', 'PLAN099') });
    expect(diagnostics[0]!.message).toBe('La regla «PLAN099» no existe; este ajuste de severidad no tiene efecto.');
  });

  it('never lets plan.yaml switch off the rules that keep unreadable files out', () => {
    const files: Record<string, any> = { ...baseRepo(), 'dependencias/OP/ppcs/OP-02.yaml': 'id: OP-02\nid: OP-03\n' };
    files['plan.yaml'].reglas = { PLAN001: 'off', PLAN002: 'warning' };
    const diagnostics = validateFiles(files);
    expect(diagnostics.map((d) => `${d.rule} ${d.severity} ${d.file}`)).toEqual([
      'PLAN001 error dependencias/OP/ppcs/OP-02.yaml',
      'PLAN007 warning plan.yaml',
      'PLAN007 warning plan.yaml',
    ]);
    expect(diagnostics[1]!.message).toBe('La regla «PLAN001» no se puede cambiar: un archivo ilegible o mal formado nunca se acepta.');
  });

  it('checks nothing across files while plan.yaml itself is broken', () => {
    const files = baseRepo();
    files['plan.yaml'].ejercicio = 'dos mil diecinueve';
    delete files['dependencias/OP/reportes/2019-T1.yaml'];
    expect(validateFiles(files).map((d) => `${d.rule} ${d.file}`)).toEqual(['PLAN002 plan.yaml']);
  });
});
