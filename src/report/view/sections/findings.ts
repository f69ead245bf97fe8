import { isExcused, type Diagnostic, type Justification } from '../../../diagnostics/diagnostic.js';
import { approvalParts, pendingText } from '../../../diagnostics/justification-text.js';
import type { TrimestreId } from '../../../model/types.js';
import { empty, int, text } from '../cell-text.js';
import type { Section } from '../types.js';
import { col } from './scope.js';

/**
 * The reason, then who approved it and when, from the same parts the validation formats use.
 * The column already says it is a justification, so no «justificado:» before the reason; one
 * a department wrote itself reads «Pendiente de aprobación: motivo».
 */
function justificationCell(j: Justification): string {
  if (j.pending) {
    const pending = pendingText(j, 'es');
    return pending.charAt(0).toUpperCase() + pending.slice(1);
  }
  const { approvedBy, date } = approvalParts(j);
  const approval = [approvedBy, date].filter(Boolean).join(', ');
  return approval ? `${j.reason} (aprobó: ${approval})` : j.reason;
}

const QUARTER_FILE = /(?:^|\/)(\d{4}-T[1-4])\.yaml$/;

/**
 * The validation findings: those in the departments' own files and, from Planeación's
 * files, those naming the department. A quarterly view leaves out reports and feedback
 * rounds of later quarters (`upTo`).
 */
export function findingsSection(diagnostics: readonly Diagnostic[], claves: string[], all: boolean, upTo?: TrimestreId): Section {
  const concerns = (d: Diagnostic) =>
    all || claves.some((c) => d.file.startsWith(`dependencias/${c}/`) || (d.file.startsWith('planeacion/') && d.about?.dependencia === c));
  const inPeriod = (d: Diagnostic) => !upTo || (QUARTER_FILE.exec(d.file)?.[1] ?? upTo) <= upTo;
  const relevant = diagnostics.filter((d) => concerns(d) && inPeriod(d));
  return {
    id: 'hallazgos',
    sheet: 'Hallazgos',
    title: 'Hallazgos de la validación',
    intro:
      'Advertencias de «plan validate»: hallazgos de cumplimiento que no impiden aceptar los datos, pero cuentan en la evaluación. Los justificados por Planeación (en planeacion/excepciones.yaml) siguen a la vista con su motivo, y no cuentan. Los que una dependencia justificó en sus propios archivos dicen «Pendiente de aprobación» y siguen contando hasta que Planeación los apruebe.',
    table: {
      columns: [col('Archivo', 'text'), col('Línea', 'int'), col('Regla', 'text'), col('Severidad', 'text'), col('Hallazgo', 'text'), col('Qué hacer', 'text'), col('Justificación', 'text')],
      rows: relevant.map((d) => [
        text(d.file),
        int(d.line),
        text(d.rule),
        text(isExcused(d) ? 'Justificado' : d.severity === 'error' ? 'Error' : 'Advertencia'),
        text(d.message),
        d.hint ? text(d.hint) : empty(''),
        d.justification ? text(justificationCell(d.justification)) : empty(''),
      ]),
    },
  };
}
