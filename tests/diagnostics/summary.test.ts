import { describe, expect, it } from 'vitest';
import { exitCodeFor, summarize, type Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { departmentOf } from '../../src/repo/layout.js';
import { isFindingSelected, isSelected } from '../../src/diagnostics/selection.js';

function diag(fields: Partial<Diagnostic>): Diagnostic {
  return { rule: 'PLAN021', severity: 'warning', message: 'm', file: 'dependencias/OP/reportes/2019-T1.yaml', line: 1, column: 1, ...fields };
}

describe('departmentOf', () => {
  it('gives the clave of a file under dependencias/<CLAVE>/', () => {
    expect(departmentOf('dependencias/OP/reportes/2019-T1.yaml')).toBe('OP');
    expect(departmentOf('dependencias/DIF/dependencia.yaml')).toBe('DIF');
  });

  it('gives null, Planeación, for plan.yaml, catalogos/, planeacion/ and a file loose in dependencias/', () => {
    expect(['plan.yaml', 'catalogos/unidades-de-medida.yaml', 'planeacion/genero/2019.yaml', 'dependencias/suelto.yaml', '.'].map(departmentOf)).toEqual([null, null, null, null, null]);
  });
});

describe('summarize', () => {
  it('counts errors, warnings and justified findings by rule in id order, with the title it is given', () => {
    const summary = summarize(
      [diag({ rule: 'PLAN022' }), diag({ rule: 'PLAN005', severity: 'error' }), diag({ rule: 'PLAN022', severity: 'error', justification: { reason: 'r', source: 'comment' } })],
      3,
      { ruleTitle: (rule) => (rule === 'PLAN005' ? 'Clave distinta' : undefined) },
    );
    expect(summary.byRule).toEqual([
      { rule: 'PLAN005', title: 'Clave distinta', errors: 1, warnings: 0, justified: 0 },
      { rule: 'PLAN022', title: '', errors: 0, warnings: 1, justified: 1 },
    ]);
    expect(summary).toMatchObject({ errors: 1, warnings: 1, justified: 1, files: 3, hiddenWarnings: 0 });
    expect(summary.scope).toBeUndefined();
  });

  it('lists departments alphabetically with Planeación last', () => {
    const summary = summarize([diag({ file: 'plan.yaml' }), diag({ file: 'dependencias/SSP/x.yaml' }), diag({ file: 'dependencias/DIF/x.yaml', severity: 'error' })], 3);
    expect(summary.byDepartment).toEqual([
      { department: 'DIF', errors: 1, warnings: 0, justified: 0 },
      { department: 'SSP', errors: 0, warnings: 1, justified: 0 },
      { department: null, errors: 0, warnings: 1, justified: 0 },
    ]);
  });

  it('keeps the hidden warnings and the scope it is given', () => {
    expect(summarize([], 12, { hiddenWarnings: 4, scope: { dependencia: 'OP' } })).toEqual({
      errors: 0,
      warnings: 0,
      justified: 0,
      pending: 0,
      files: 12,
      hiddenWarnings: 4,
      scope: { dependencia: 'OP' },
      byRule: [],
      byDepartment: [],
    });
  });

  it('leaves the exit code to errors and the warning limit', () => {
    expect(exitCodeFor(summarize([diag({})], 1), undefined)).toBe(0);
    expect(exitCodeFor(summarize([diag({})], 1), 0)).toBe(1);
    expect(exitCodeFor(summarize([diag({ severity: 'error' })], 1), undefined)).toBe(1);
  });

  it('counts a finding whose justification is pending approval as its severity, and says how many are pending', () => {
    const pending = { reason: 'r', source: 'comment' as const, pending: true as const };
    const summary = summarize([diag({ justification: pending }), diag({ severity: 'error', justification: pending })], 1);
    expect(summary).toMatchObject({ errors: 1, warnings: 1, justified: 0, pending: 2 });
    expect(summary.byRule).toEqual([{ rule: 'PLAN021', title: '', errors: 1, warnings: 1, justified: 0 }]);
  });

  it('lets a warning pending approval pass --max-warnings 0 only once Planeación approves it', () => {
    expect(exitCodeFor(summarize([diag({ justification: { reason: 'r', source: 'comment', pending: true } })], 1), 0)).toBe(1);
    expect(exitCodeFor(summarize([diag({ justification: { reason: 'r', source: 'file', approvedBy: 'Planeación', date: '2019-04-05' } })], 1), 0)).toBe(0);
  });
});

describe('isSelected', () => {
  const file = 'dependencias/OP/reportes/2019-T1.yaml';

  it('selects a file by its own path or by any folder above it, and nothing beside it', () => {
    expect(isSelected({ paths: [file] }, file)).toBe(true);
    expect(isSelected({ paths: ['dependencias/OP'] }, file)).toBe(true);
    expect(isSelected({ paths: ['dependencias/OP/reportes'] }, file)).toBe(true);
    expect(isSelected({ paths: ['dependencias/O'] }, file)).toBe(false);
    expect(isSelected({ paths: ['dependencias/OP/reportes/2019-T1'] }, file)).toBe(false);
  });

  it('selects by department, and by both filters only where both hold', () => {
    expect(isSelected({ dependencia: 'OP' }, file)).toBe(true);
    expect(isSelected({ dependencia: 'DIF' }, file)).toBe(false);
    expect(isSelected({ dependencia: 'OP' }, 'planeacion/genero/2019.yaml')).toBe(false);
    expect(isSelected({ dependencia: 'OP', paths: ['dependencias/OP/ppcs'] }, file)).toBe(false);
    expect(isSelected({ dependencia: 'OP', paths: ['dependencias'] }, file)).toBe(true);
  });
});

describe('isFindingSelected', () => {
  const call = 'planeacion/convocatorias/2019.yaml';

  it('selects a finding in Planeación’s files that is about the selected department', () => {
    expect(isFindingSelected({ dependencia: 'OP' }, { file: call, about: { dependencia: 'OP' } })).toBe(true);
  });

  it('leaves out a finding in Planeación’s files about another department or about none', () => {
    expect(isFindingSelected({ dependencia: 'DIF' }, { file: call, about: { dependencia: 'OP' } })).toBe(false);
    expect(isFindingSelected({ dependencia: 'OP' }, { file: call })).toBe(false);
  });

  it('selects by the file alone when no department is selected', () => {
    expect(isFindingSelected({ paths: ['dependencias/OP'] }, { file: call, about: { dependencia: 'OP' } })).toBe(false);
    expect(isFindingSelected({ paths: ['planeacion'] }, { file: call, about: { dependencia: 'OP' } })).toBe(true);
  });

  it('keeps both filters: a department’s finding in planeacion/ outside the selected paths stays out', () => {
    expect(isFindingSelected({ dependencia: 'OP', paths: ['dependencias'] }, { file: call, about: { dependencia: 'OP' } })).toBe(false);
    expect(isFindingSelected({ dependencia: 'OP', paths: ['planeacion/convocatorias'] }, { file: call, about: { dependencia: 'OP' } })).toBe(true);
  });

  it('does not select a department’s finding in another department’s files', () => {
    expect(isFindingSelected({ dependencia: 'OP' }, { file: 'dependencias/DIF/reportes/2019-T1.yaml', about: { dependencia: 'OP' } })).toBe(false);
  });
});
