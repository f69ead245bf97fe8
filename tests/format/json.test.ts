import { describe, expect, it } from 'vitest';
import { json } from '../../src/format/json.js';
import { colored, diag, HOSTILE, inputOf, JUSTIFIED_REASON, justifiedPipelineFindings, mixed, pendingPipelineFindings, pipelineFindings } from './sample.js';

describe('json format', () => {
  it('is one object with version 1, the summary and every diagnostic, ending in a newline', () => {
    const diagnostics = mixed();
    const out = json(inputOf(diagnostics));
    expect(out.endsWith('}\n')).toBe(true);
    expect(JSON.parse(out)).toEqual({
      version: 1,
      summary: {
        errors: 1,
        warnings: 1,
        justified: 2,
        pending: 0,
        files: 8,
        hiddenWarnings: 0,
        byRule: [
          { rule: 'PLAN020', title: 'Avance reportado en una unidad de medida distinta a la de su meta', errors: 1, warnings: 0, justified: 0 },
          { rule: 'PLAN021', title: 'Reporte trimestral entregado fuera de la ventana de entrega', errors: 0, warnings: 0, justified: 1 },
          { rule: 'PLAN022', title: 'Falta un reporte trimestral cuya ventana de entrega ya cerró', errors: 0, warnings: 0, justified: 1 },
          { rule: 'PLAN024', title: 'Avance imposible o poco creíble', errors: 0, warnings: 1, justified: 0 },
        ],
        byDepartment: [
          { department: 'DIF', errors: 0, warnings: 0, justified: 2 },
          { department: 'OP', errors: 1, warnings: 1, justified: 0 },
        ],
      },
      diagnostics,
    });
  });

  it('counts Planeación’s files under department null, after the departments', () => {
    const findings = [diag({ file: 'plan.yaml', rule: 'PLAN002' }), diag({ file: 'planeacion/genero/2019.yaml', rule: 'PLAN042', severity: 'warning' }), diag()];
    expect(JSON.parse(json(inputOf(findings))).summary.byDepartment).toEqual([
      { department: 'OP', errors: 1, warnings: 0, justified: 0 },
      { department: null, errors: 1, warnings: 1, justified: 0 },
    ]);
  });

  it('gives rule titles in the run’s language', () => {
    expect(JSON.parse(json(inputOf([diag()], { lang: 'en' }))).summary.byRule).toEqual([
      { rule: 'PLAN020', title: "Progress reported in a unit other than its meta's", errors: 1, warnings: 0, justified: 0 },
    ]);
  });

  it('carries the scope and the warnings --quiet hid as data', () => {
    const out = JSON.parse(json(inputOf([], {}, { scope: { dependencia: 'OP', paths: ['dependencias/OP/reportes/'] }, hiddenWarnings: 3 })));
    expect(out.summary).toEqual({ errors: 0, warnings: 0, justified: 0, pending: 0, files: 8, hiddenWarnings: 3, scope: { dependencia: 'OP', paths: ['dependencias/OP/reportes/'] }, byRule: [], byDepartment: [] });
  });

  it('keeps a justification as it is, with its source, approver and date', () => {
    const parsed = JSON.parse(json(inputOf(mixed())));
    expect(parsed.diagnostics.filter((d: any) => d.justification).map((d: any) => [d.rule, d.justification])).toEqual([
      ['PLAN021', { reason: 'Declaratoria de emergencia por inundación', source: 'comment' }],
      ['PLAN022', { reason: 'Dependencia de nueva creación', source: 'file', approvedBy: 'Lic. Marta Ruiz', date: '2019-04-02' }],
    ]);
  });

  it('is an empty list and zero counts for a clean run', () => {
    expect(JSON.parse(json(inputOf([])))).toEqual({ version: 1, summary: { errors: 0, warnings: 0, justified: 0, pending: 0, files: 8, hiddenWarnings: 0, byRule: [], byDepartment: [] }, diagnostics: [] });
  });

  it('never colours, whatever Chalk it is given', () => {
    expect(json(inputOf(mixed(), { color: colored }))).toBe(json(inputOf(mixed())));
  });

  it('round-trips hostile text exactly', () => {
    const hostile = diag({ message: HOSTILE, hint: HOSTILE, file: `dependencias/OP/${HOSTILE}.yaml` });
    expect(JSON.parse(json(inputOf([hostile]))).diagnostics).toEqual([hostile]);
  });

  it('carries the real pipeline findings with rule, file, line and column', () => {
    const { input } = pipelineFindings();
    const parsed = JSON.parse(json(input));
    expect(parsed.diagnostics.map((d: any) => `${d.rule} ${d.severity} ${d.file}:${d.line}:${d.column}`)).toEqual([
      'PLAN020 error dependencias/DIF/reportes/2019-T1.yaml:11:24',
      'PLAN005 error dependencias/OP/dependencia.yaml:1:8',
      'PLAN021 warning dependencias/OP/reportes/2019-T1.yaml:3:16',
    ]);
    expect(parsed.summary).toMatchObject({ errors: 2, warnings: 1, justified: 0, files: input.summary.files, hiddenWarnings: 0 });
    expect(parsed.summary.byRule.map((r: any) => `${r.rule} ${r.errors} ${r.warnings}`)).toEqual(['PLAN005 1 0', 'PLAN020 1 0', 'PLAN021 0 1']);
    expect(parsed.summary.byDepartment).toEqual([
      { department: 'DIF', errors: 1, warnings: 0, justified: 0 },
      { department: 'OP', errors: 1, warnings: 1, justified: 0 },
    ]);
  });

  it('carries a finding Planeación justified in excepciones.yaml, counted apart', () => {
    const parsed = JSON.parse(json(justifiedPipelineFindings().input));
    expect(parsed.summary).toMatchObject({ errors: 0, warnings: 0, justified: 1, pending: 0 });
    expect(parsed.diagnostics).toMatchObject([{ rule: 'PLAN020', severity: 'error', line: 12, justification: { reason: JUSTIFIED_REASON, source: 'file', approvedBy: 'Lic. Marta Ruiz', date: '2019-04-02' } }]);
  });

  it('carries a finding a department justified in its own file as pending, still counted as an error', () => {
    const parsed = JSON.parse(json(pendingPipelineFindings().input));
    expect(parsed.summary).toMatchObject({ errors: 1, warnings: 0, justified: 0, pending: 1 });
    expect(parsed.diagnostics).toMatchObject([{ rule: 'PLAN020', severity: 'error', line: 12, justification: { reason: JUSTIFIED_REASON, source: 'comment', pending: true } }]);
  });
});
