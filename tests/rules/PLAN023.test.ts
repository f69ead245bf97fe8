import { describe, expect, it } from 'vitest';
import { PLAN023 } from '../../src/rules/PLAN023-reporte-incompleto.js';
import { baseRepo, checkRule, lineOf, where } from '../helpers/fixture.js';

const OP_T1 = 'dependencias/OP/reportes/2019-T1.yaml';
const OP_01 = 'dependencias/OP/ppcs/OP-01.yaml';

type Repo = ReturnType<typeof baseRepo>;

function withSecondPpcs(estatus: string): Repo {
  const files = baseRepo();
  files['dependencias/OP/ppcs/OP-02.yaml'] = { ...files[OP_01], id: 'OP-02', estatus };
  return files;
}

/** OP-01 gains a meta M2 programmed for the given quarters. */
function withSecondMeta(programacion: Record<string, number>): Repo {
  const files = baseRepo();
  files[OP_01].metas.push({ ...files[OP_01].metas[0], id: 'M2', programacion, meta_anual: 1 });
  return files;
}

describe('PLAN023 incomplete quarterly report', () => {
  it('accepts reports that cover every active PPCS and every programmed meta', () => {
    expect(checkRule(PLAN023, baseRepo())).toEqual([]);
  });

  it('reports an active PPCS missing from the report, on the ppcs key, as a warning', () => {
    const files = withSecondPpcs('activo');
    const diagnostics = checkRule(PLAN023, files);
    expect(where(diagnostics)).toEqual([`PLAN023 ${OP_T1}:${lineOf(files, OP_T1, 'ppcs:')}`]);
    expect(diagnostics[0]!.severity).toBe('warning');
    expect(diagnostics[0]!.message).toBe('El PPCS «OP-02» está activo según su carátula, pero no aparece en el reporte «2019-T1».');
  });

  it('accepts a report that leaves out a suspended PPCS', () => {
    expect(checkRule(PLAN023, withSecondPpcs('suspendido'))).toEqual([]);
  });

  it('reports a reported PPCS without estatus, on its entry', () => {
    const files = baseRepo();
    delete files[OP_T1].ppcs[0].estatus;
    const diagnostics = checkRule(PLAN023, files);
    expect(where(diagnostics)).toEqual([`PLAN023 ${OP_T1}:${lineOf(files, OP_T1, 'id: OP-01')}`]);
    expect(diagnostics[0]!.message).toBe(
      'El PPCS «OP-01» del reporte «2019-T1» no informa su estatus; indique «estatus»: por_iniciar, activo, suspendido, concluido o cancelado.',
    );
  });

  it('reports a meta programmed for the quarter that has no progress, on the avances key', () => {
    const files = withSecondMeta({ T1: 1 });
    const diagnostics = checkRule(PLAN023, files);
    expect(where(diagnostics)).toEqual([`PLAN023 ${OP_T1}:${lineOf(files, OP_T1, 'avances:')}`]);
    expect(diagnostics[0]!.message).toBe('La meta «M2» del PPCS «OP-01» tiene programado 1 para «2019-T1», pero el reporte no informa su avance.');
  });

  it('accepts a report without progress for a meta that has nothing programmed in the quarter', () => {
    expect(checkRule(PLAN023, withSecondMeta({ T2: 1 }))).toEqual([]);
  });

  it('reports a missing meta on the entry when the entry has no avances at all', () => {
    const files = baseRepo();
    delete files[OP_T1].ppcs[0].avances;
    expect(where(checkRule(PLAN023, files))).toEqual([`PLAN023 ${OP_T1}:${lineOf(files, OP_T1, 'id: OP-01')}`]);
  });

  it('does not ask for progress of a PPCS the report declares suspended', () => {
    const files = withSecondMeta({ T1: 1 });
    files[OP_T1].ppcs[0].estatus = 'suspendido';
    expect(checkRule(PLAN023, files)).toEqual([]);
  });

  it('falls back on the carátula status when the entry states none', () => {
    const files = baseRepo();
    files[OP_01].estatus = 'cancelado';
    delete files[OP_T1].ppcs[0].estatus;
    delete files[OP_T1].ppcs[0].avances;
    expect(checkRule(PLAN023, files).map((d) => d.message.slice(0, 40))).toEqual(['El PPCS «OP-01» del reporte «2019-T1» no']);
  });

  it('leaves a reported PPCS without carátula to PLAN004', () => {
    const files = baseRepo();
    files[OP_T1].ppcs.push({ id: 'OP-09', estatus: 'activo' });
    expect(checkRule(PLAN023, files)).toEqual([]);
  });

  it('leaves a report entry naming another department’s PPCS to PLAN004, without calling its own PPCS absent', () => {
    const files = baseRepo();
    files[OP_T1].ppcs[0] = { id: 'DIF-01', estatus: 'activo' };
    expect(checkRule(PLAN023, files)).toEqual([]);
  });

  it('counts an entry naming one of its own carátulas that could not be read as its own, and still misses the active PPCS left out', () => {
    const files = withSecondPpcs('activo');
    files['dependencias/OP/ppcs/OP-03.yaml'] = 'id: [sin cerrar';
    files[OP_T1].ppcs.push({ id: 'OP-03', estatus: 'activo' });
    expect(where(checkRule(PLAN023, files))).toEqual([`PLAN001 dependencias/OP/ppcs/OP-03.yaml:1`, `PLAN023 ${OP_T1}:${lineOf(files, OP_T1, 'ppcs:')}`]);
  });

  it('does not count a carátula of another department that could not be read as its own: the entry is PLAN004’s, the report is not judged', () => {
    // Only the department's own files decide how its report is judged (the rule's department
    // scope): the unreadable DIF-09 is not one of OP's PPCS, whatever OP's report calls it.
    const files = withSecondPpcs('activo');
    files['dependencias/DIF/ppcs/DIF-09.yaml'] = 'id: [sin cerrar';
    files[OP_T1].ppcs.push({ id: 'DIF-09', estatus: 'activo' });
    expect(where(checkRule(PLAN023, files))).toEqual(['PLAN001 dependencias/DIF/ppcs/DIF-09.yaml:1']);
  });

  it('does not ask for the programmed metas of a report whose quarter differs from its file name (PLAN005)', () => {
    const files = baseRepo();
    files[OP_T1].trimestre = '2019-T2';
    delete files[OP_T1].ppcs[0].avances;
    expect(checkRule(PLAN023, files)).toEqual([]);
  });

  it('writes the programmed value with thousands separators', () => {
    const files = withSecondMeta({ T1: 1500 });
    expect(checkRule(PLAN023, files)[0]!.message).toContain('tiene programado 1,500 para «2019-T1»');
  });
});
