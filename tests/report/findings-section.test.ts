import { describe, expect, it } from 'vitest';
import type { Diagnostic, Justification } from '../../src/diagnostics/diagnostic.js';
import { findingsSection } from '../../src/report/view/sections/findings.js';

function justified(justification: Justification): Diagnostic {
  return { rule: 'PLAN021', severity: 'warning', message: 'Entregado tarde.', file: 'dependencias/OP/reportes/2019-T1.yaml', line: 3, column: 1, justification };
}

/** The «Justificación» cell of the only row. */
function justificationCell(d: Diagnostic) {
  return findingsSection([d], ['OP'], true).table.rows[0]![6];
}

describe('the findings table', () => {
  it('shows a justification from excepciones.yaml with who approved it and the day', () => {
    const d = justified({ reason: 'Falla del sistema', source: 'file', approvedBy: 'Lic. Ruiz', date: '2019-04-02' });
    expect(justificationCell(d)).toEqual({ t: 'text', v: 'Falla del sistema (aprobó: Lic. Ruiz, 02/04/2019)' });
  });

  it('shows a justification comment as its reason alone', () => {
    expect(justificationCell(justified({ reason: 'Acordado con Planeación', source: 'comment' }))).toEqual({ t: 'text', v: 'Acordado con Planeación' });
  });

  it('shows a justification a department wrote in its own file as pending approval, and the finding with its severity', () => {
    const row = findingsSection([justified({ reason: 'Se cayó el sistema', source: 'comment', pending: true })], ['OP'], true).table.rows[0]!;
    expect(row[3]).toEqual({ t: 'text', v: 'Advertencia' });
    expect(row[6]).toEqual({ t: 'text', v: 'Pendiente de aprobación: Se cayó el sistema' });
  });

  it('marks a justified finding as «Justificado» whatever its severity', () => {
    const row = findingsSection([justified({ reason: 'x', source: 'comment' })], ['OP'], true).table.rows[0]!;
    expect(row[3]).toEqual({ t: 'text', v: 'Justificado' });
  });
});
