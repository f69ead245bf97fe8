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
    expect(diagnostics[0]).toMatchObject({ rule: 'PLAN002', severity: 'warning', file: 'plan.yaml', line: lineOf(files, 'plan.yaml', 'PLAN099') });
    expect(diagnostics[0]!.message).toBe('La regla «PLAN099» no existe; este ajuste de severidad no tiene efecto.');
  });
});
