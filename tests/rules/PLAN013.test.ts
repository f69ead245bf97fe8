import { describe, expect, it } from 'vitest';
import { PLAN013 } from '../../src/rules/PLAN013-ppcs-activos.js';
import { baseRepo, checkRule, lineOf, validateFiles, where } from '../helpers/fixture.js';

type Repo = ReturnType<typeof baseRepo>;

const OP = 'dependencias/OP/dependencia.yaml';

/** Adds PPCS to OP, copies of OP-01 with the given status. */
function withOpPpcs(files: Repo, estatus: Record<string, string>): Repo {
  for (const [id, value] of Object.entries(estatus)) {
    files[`dependencias/OP/ppcs/${id}.yaml`] = { ...files['dependencias/OP/ppcs/OP-01.yaml'], id, estatus: value };
  }
  return files;
}

describe('PLAN013 fewer than half of the department\'s PPCS are active', () => {
  it('accepts departments whose PPCS are all active', () => {
    expect(checkRule(PLAN013, baseRepo())).toEqual([]);
  });

  it('reports a department with 1 of 3 PPCS active, on its clave, as a warning', () => {
    const files = withOpPpcs(baseRepo(), { 'OP-02': 'suspendido', 'OP-03': 'cancelado' });
    const diagnostics = checkRule(PLAN013, files);
    expect(where(diagnostics)).toEqual([`PLAN013 ${OP}:${lineOf(files, OP, 'clave:')}`]);
    expect(diagnostics[0]!.severity).toBe('warning');
    expect(diagnostics[0]!.message).toBe('Sólo 1 de 3 PPCS de la dependencia «OP» están activos o concluidos (33.3 %); el Plan de Mejora pide al menos el 50 %.');
  });

  it('counts concluded PPCS as active', () => {
    const files = withOpPpcs(baseRepo(), { 'OP-01': 'concluido', 'OP-02': 'concluido', 'OP-03': 'cancelado' });
    expect(checkRule(PLAN013, files)).toEqual([]);
  });

  it('does not count PPCS that are still to start', () => {
    const files = withOpPpcs(baseRepo(), { 'OP-02': 'por_iniciar', 'OP-03': 'por_iniciar' });
    expect(where(checkRule(PLAN013, files))).toEqual([`PLAN013 ${OP}:${lineOf(files, OP, 'clave:')}`]);
  });

  it('accepts exactly half of the PPCS active with the default minimum of 50 %', () => {
    const files = withOpPpcs(baseRepo(), { 'OP-02': 'suspendido' });
    expect(checkRule(PLAN013, files)).toEqual([]);
  });

  it('takes the minimum from umbrales.ppcs_activos_minimo in plan.yaml', () => {
    const files = withOpPpcs(baseRepo(), { 'OP-02': 'suspendido' });
    files['plan.yaml'].umbrales = { ppcs_activos_minimo: 75 };
    const diagnostics = checkRule(PLAN013, files);
    expect(where(diagnostics)).toEqual([`PLAN013 ${OP}:${lineOf(files, OP, 'clave:')}`]);
    expect(diagnostics[0]!.message).toContain('1 de 2 PPCS');
    expect(diagnostics[0]!.message).toContain('al menos el 75 %');
  });

  it('reports a department without any PPCS with its own message', () => {
    const files = baseRepo();
    delete files['dependencias/DIF/ppcs/DIF-01.yaml'];
    const diagnostics = checkRule(PLAN013, files);
    const file = 'dependencias/DIF/dependencia.yaml';
    expect(where(diagnostics)).toEqual([`PLAN013 ${file}:${lineOf(files, file, 'clave:')}`]);
    expect(diagnostics[0]!.message).toBe('La dependencia «DIF» no tiene ningún PPCS: falta al menos una carátula en «dependencias/DIF/ppcs/».');
  });

  it('tells a department without any PPCS where to create its first carátula', () => {
    const files = baseRepo();
    delete files['dependencias/DIF/ppcs/DIF-01.yaml'];
    const diagnostics = checkRule(PLAN013, files);
    expect(diagnostics[0]!.hint).toBe('Cree la primera carátula de la dependencia en «dependencias/DIF/ppcs/DIF-01.yaml» (Anexo 1 y 2), con su estatus.');
  });

  it('is the only rule to report that a department has no PPCS', () => {
    const files = baseRepo();
    files['dependencias/SSP/dependencia.yaml'] = { ...files['dependencias/DIF/dependencia.yaml'], clave: 'SSP' };
    const diagnostics = validateFiles(files).filter((d) => d.message.includes('ningún PPCS'));
    expect(where(diagnostics)).toEqual([`PLAN013 dependencias/SSP/dependencia.yaml:${lineOf(files, 'dependencias/SSP/dependencia.yaml', 'clave:')}`]);
  });

  it('prints the share rounded down, so it never reads as the minimum it misses', () => {
    const files = withOpPpcs(baseRepo(), { 'OP-02': 'activo', 'OP-03': 'suspendido' });
    files['plan.yaml'].umbrales = { ppcs_activos_minimo: 66.7 };
    const diagnostics = checkRule(PLAN013, files);
    expect(diagnostics[0]!.message).toBe('Sólo 2 de 3 PPCS de la dependencia «OP» están activos o concluidos (66.6 %); el Plan de Mejora pide al menos el 66.7 %.');
  });

  it('does not judge a department one of whose carátulas could not be read', () => {
    const files = withOpPpcs(baseRepo(), { 'OP-01': 'cancelado' });
    files['dependencias/OP/ppcs/OP-02.yaml'] = 'id: OP-02\nestatus: [activo\n';
    expect(checkRule(PLAN013, files).filter((d) => d.rule === 'PLAN013')).toEqual([]);
  });
});
