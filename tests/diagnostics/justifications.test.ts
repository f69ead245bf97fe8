import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/diagnostics/diagnostic.js';
import { baseRepo, lineOf, validateFiles } from '../helpers/fixture.js';
import { lateReport, REPORT } from './late-report.js';

describe('justified exceptions', () => {
  it('reports the late delivery when nothing justifies it', () => {
    const diagnostics = validateFiles(lateReport('fecha_entrega: 2019-04-03'));
    expect(diagnostics.map((d) => [d.rule, d.line, d.justification])).toEqual([['PLAN021', 3, undefined]]);
  });

  it('marks a finding a department justified in its own report as pending approval, keeping it visible with its reason', () => {
    const diagnostics = validateFiles(lateReport('fecha_entrega: 2019-04-03  # plan-justifica PLAN021: declaratoria de emergencia del 25/03/2019'));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ rule: 'PLAN021', line: 3, justification: { reason: 'declaratoria de emergencia del 25/03/2019', source: 'comment', pending: true } });
  });

  it('still counts a finding whose justification is pending approval as a warning', () => {
    const diagnostics = validateFiles(lateReport('fecha_entrega: 2019-04-03  # plan-justifica PLAN021: declaratoria de emergencia del 25/03/2019'));
    expect(summarize(diagnostics, 8)).toMatchObject({ errors: 0, warnings: 1, justified: 0, pending: 1, files: 8 });
  });

  it('accepts a justifying comment in Planeación\'s own files as approved', () => {
    const files: Record<string, any> = baseRepo();
    const round = 'planeacion/retroalimentacion/2019-T1.yaml';
    files[round] = [
      'trimestre: 2019-T1',
      'fecha_emision: 2019-04-10',
      'observaciones:',
      '  # plan-justifica PLAN025: la observación se retiró en la reunión del 20 de junio',
      '  - id: RET-2019-T1-01',
      '    dependencia: OP',
      '    tipo: observacion',
      '    texto: Justificar la variación de la meta M1.',
      '',
    ].join('\n');
    const t2 = structuredClone(files[REPORT]);
    Object.assign(t2, { trimestre: '2019-T2', fecha_entrega: '2019-06-26' });
    files['dependencias/OP/reportes/2019-T2.yaml'] = t2;
    const diagnostics = validateFiles(files, { fechaCorte: '2019-07-15' }).filter((d) => d.rule === 'PLAN025');
    expect(diagnostics.map((d) => [d.file, d.line, d.justification])).toEqual([[round, 5, { reason: 'la observación se retiró en la reunión del 20 de junio', source: 'comment' }]]);
    expect(summarize(diagnostics, 1)).toMatchObject({ warnings: 0, justified: 1, pending: 0 });
  });

  it('takes Planeación\'s approval in excepciones.yaml over the department\'s own comment on the same finding, using both', () => {
    const files = lateReport('fecha_entrega: 2019-04-03  # plan-justifica PLAN021: se cayó el sistema');
    files['planeacion/excepciones.yaml'] = {
      excepciones: [{ regla: 'PLAN021', archivo: REPORT, motivo: 'Falla del sistema de oficialía de partes', aprobo: 'Dirección de Planeación', fecha: '2019-04-05' }],
    };
    const diagnostics = validateFiles(files);
    expect(diagnostics.map((d) => [d.rule, d.justification])).toEqual([
      ['PLAN021', { reason: 'Falla del sistema de oficialía de partes', source: 'file', approvedBy: 'Dirección de Planeación', date: '2019-04-05' }],
    ]);
  });

  it('accepts the comment on the line just above', () => {
    const diagnostics = validateFiles(lateReport('fecha_entrega: 2019-04-03', '# plan-justifica PLAN021: oficio DP/123/2019 autorizó la prórroga'));
    expect(diagnostics.map((d) => [d.rule, d.line, d.justification?.reason])).toEqual([['PLAN021', 4, 'oficio DP/123/2019 autorizó la prórroga']]);
  });

  it('refuses a justification without a reason, as an error', () => {
    const diagnostics = validateFiles(lateReport('fecha_entrega: 2019-04-03  # plan-justifica PLAN021:'));
    // Same line: the value (column 16) comes before the comment.
    expect(diagnostics.map((d) => [d.rule, d.severity, d.line, Boolean(d.justification)])).toEqual([
      ['PLAN021', 'warning', 3, false],
      ['PLAN008', 'error', 3, false],
    ]);
    expect(diagnostics[1]!.message).toBe('La justificación de «PLAN021» no dice el motivo; un hallazgo sólo se acepta con una razón escrita.');
  });

  it('warns about a justification that no longer matches a finding', () => {
    const diagnostics = validateFiles(lateReport('fecha_entrega: 2019-03-27  # plan-justifica PLAN021: llegó tarde por la contingencia'));
    expect(diagnostics.map((d) => [d.rule, d.severity, d.line])).toEqual([['PLAN008', 'warning', 3]]);
  });

  it('does not let a comment justify a different rule', () => {
    const diagnostics = validateFiles(lateReport('fecha_entrega: 2019-04-03  # plan-justifica PLAN022: no es esta regla'));
    expect(diagnostics.map((d) => [d.rule, Boolean(d.justification)])).toEqual([
      ['PLAN021', false],
      ['PLAN008', false],
    ]);
  });

  it('justifies a finding from planeacion/excepciones.yaml with who approved it and when', () => {
    const files = lateReport('fecha_entrega: 2019-04-03');
    files['planeacion/excepciones.yaml'] = {
      excepciones: [{ regla: 'PLAN021', archivo: REPORT, motivo: 'Declaratoria de emergencia por lluvias', aprobo: 'Mtra. Laura Campos, Directora de Planeación', fecha: '2019-04-05' }],
    };
    const diagnostics = validateFiles(files);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.justification).toEqual({ reason: 'Declaratoria de emergencia por lluvias', source: 'file', approvedBy: 'Mtra. Laura Campos, Directora de Planeación', date: '2019-04-05' });
  });

  it('warns about an excepciones.yaml entry that matches nothing, on the entry', () => {
    const files: Record<string, any> = baseRepo();
    files['planeacion/excepciones.yaml'] = {
      excepciones: [{ regla: 'PLAN021', archivo: REPORT, linea: 4, motivo: 'Prórroga autorizada por oficio', aprobo: 'Dirección de Planeación', fecha: '2019-04-05' }],
    };
    const diagnostics = validateFiles(files);
    expect(diagnostics.map((d) => [d.rule, d.severity, d.file, d.line])).toEqual([['PLAN008', 'warning', 'planeacion/excepciones.yaml', lineOf(files, 'planeacion/excepciones.yaml', 'regla:')]]);
    expect(diagnostics[0]!.message).toBe(`La justificación de «PLAN021» no corresponde a ningún hallazgo en «${REPORT}», línea 4; retírela para que no oculte uno futuro.`);
  });

  it('names the file alone for an unused excepciones.yaml entry without a line', () => {
    const files: Record<string, any> = baseRepo();
    files['planeacion/excepciones.yaml'] = {
      excepciones: [{ regla: 'PLAN021', archivo: REPORT, motivo: 'Prórroga autorizada por oficio', aprobo: 'Dirección de Planeación', fecha: '2019-04-05' }],
    };
    expect(validateFiles(files)[0]!.message).toBe(`La justificación de «PLAN021» no corresponde a ningún hallazgo en «${REPORT}»; retírela para que no oculte uno futuro.`);
  });

  it('writes the unused-entry message in English with --lang en, file and line included', () => {
    const files: Record<string, any> = baseRepo();
    files['planeacion/excepciones.yaml'] = {
      excepciones: [{ regla: 'PLAN021', archivo: REPORT, linea: 4, motivo: 'Prórroga autorizada por oficio', aprobo: 'Dirección de Planeación', fecha: '2019-04-05' }],
    };
    expect(validateFiles(files, { lang: 'en' })[0]!.message).toBe(`The justification for «PLAN021» matches no finding in «${REPORT}», line 4; remove it so it cannot hide a future one.`);
  });

  it('warns about a justifying comment that matches nothing, naming no file', () => {
    const diagnostics = validateFiles(lateReport('fecha_entrega: 2019-03-28  # plan-justifica PLAN021: declaratoria de emergencia'));
    expect(diagnostics.map((d) => [d.rule, d.severity, d.line, d.message])).toEqual([
      ['PLAN008', 'warning', 3, 'La justificación de «PLAN021» no corresponde a ningún hallazgo; retírela para que no oculte uno futuro.'],
    ]);
  });

  it('never justifies an unreadable file', () => {
    const files: Record<string, any> = baseRepo();
    files['dependencias/OP/ppcs/OP-02.yaml'] = 'id: OP-02  # plan-justifica PLAN001: lo arreglamos luego\nid: OP-03\n';
    const diagnostics = validateFiles(files);
    expect(diagnostics.map((d) => [d.rule, d.severity, Boolean(d.justification)])).toEqual([['PLAN001', 'error', false]]);
  });
});
