// Issue 11: a `# plan-justifica` comment has a length cap with a message, and reading
// comments is linear however many there are and however long the line.
import { describe, expect, it } from 'vitest';
import { commentsIn, MAX_REASON } from '../../src/diagnostics/justifications.js';
import { validateFiles } from '../helpers/fixture.js';
import { lateReport, REPORT } from './late-report.js';

describe('justifying comments: length cap', () => {
  it('refuses a reason longer than 2,000 characters with PLAN008 at the comment, naming its length', () => {
    const reason = 'declaratoria de emergencia '.repeat(1500).trim();
    const diagnostics = validateFiles(lateReport(`fecha_entrega: 2019-04-03  # plan-justifica PLAN021: ${reason}`));
    const plan008 = diagnostics.filter((d) => d.rule === 'PLAN008');
    expect(plan008).toHaveLength(1);
    expect(plan008[0]).toMatchObject({ file: REPORT, line: 3, column: 28, severity: 'error' });
    expect(plan008[0]!.message).toBe('La justificación de «PLAN021» tiene 40,499 caracteres; el máximo es 2,000. No justifica el hallazgo hasta que el motivo sea más breve.');
    expect(plan008[0]!.hint).toBe(
      'Escriba el motivo en una o dos frases (por ejemplo «declaratoria de emergencia del 30/06/2019») y guarde el detalle como evidencia, o pida a Planeación una entrada en planeacion/excepciones.yaml.',
    );
  });

  it('leaves the finding an over-long comment meant to justify unjustified', () => {
    const diagnostics = validateFiles(lateReport(`fecha_entrega: 2019-04-03  # plan-justifica PLAN021: ${'x'.repeat(MAX_REASON + 1)}`));
    expect(diagnostics.filter((d) => d.rule === 'PLAN021').map((d) => [d.line, d.justification])).toEqual([[3, undefined]]);
  });

  it('accepts a reason of exactly 2,000 characters', () => {
    const diagnostics = validateFiles(lateReport(`fecha_entrega: 2019-04-03  # plan-justifica PLAN021: ${'x'.repeat(MAX_REASON)}`));
    expect(diagnostics.filter((d) => d.rule === 'PLAN008')).toEqual([]);
    expect(diagnostics.find((d) => d.rule === 'PLAN021')?.justification).toMatchObject({ source: 'comment', pending: true });
  });
});

describe('justifying comments: linear reading', () => {
  it('reads the reason of a line with 200,000 spaces inside it as the trimmed text (the old pattern took minutes)', () => {
    const text = `fecha_entrega: 2019-04-03  # plan-justifica PLAN021: inicio${' '.repeat(200_000)}fin   \n`;
    expect(commentsIn('x.yaml', text)).toEqual([{ file: 'x.yaml', line: 1, column: 28, target: 1, rule: 'PLAN021', reason: `inicio${' '.repeat(200_000)}fin` }]);
  });

  it('points each of 30,000 stacked comment lines at the first line below them that is not a comment', () => {
    const stacked = Array.from({ length: 30_000 }, (_, i) => `  # plan-justifica PLAN021: motivo ${i}`);
    const text = ['a: 1', ...stacked, '', '  # otro comentario', 'b: 2', '# plan-justifica PLAN021: al final', ''].join('\n');
    const comments = commentsIn('x.yaml', text);
    expect(comments).toHaveLength(30_001);
    expect(new Set(comments.slice(0, -1).map((c) => c.target))).toEqual(new Set([30_004]));
    // A comment with nothing below it points past the last line, at no finding.
    expect(comments.at(-1)).toMatchObject({ line: 30_005, target: 30_007 });
  });

  it('keeps a rule id run together with the reason as before: «PLAN0211» is PLAN021 with reason «1»', () => {
    expect(commentsIn('x.yaml', 'a: 1 # plan-justifica PLAN0211\n')[0]).toMatchObject({ rule: 'PLAN021', reason: '1' });
  });
});
