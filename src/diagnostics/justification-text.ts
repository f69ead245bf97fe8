// How a justified finding's reason and approval read, for every output that shows one (the
// validation formats and the reports' findings table); a pending one says so.
import { dayMonthYear, fill, type Lang } from '../i18n/text.js';
import type { Justification } from './diagnostic.js';

const JUSTIFIED = {
  reason: { es: 'justificado: {reason}', en: 'justified: {reason}' },
  by: { es: 'aprobó {approvedBy}', en: 'approved by {approvedBy}' },
  pending: { es: 'pendiente de aprobación: {reason}', en: 'pending approval: {reason}' },
  pendingNote: {
    es: 'sigue contando hasta que Planeación la apruebe en planeacion/excepciones.yaml',
    en: 'it still counts until Planeación approves it in planeacion/excepciones.yaml',
  },
} as const;

/** Who approved a justification and the day, `02/04/2019`, as excepciones.yaml gives them; empty for a comment. */
export function approvalParts(justification: Justification): { approvedBy?: string; date?: string } {
  const { approvedBy, date } = justification;
  return {
    ...(approvedBy ? { approvedBy } : {}),
    ...(date ? { date: /^\d{4}-\d{2}-\d{2}$/.test(date) ? dayMonthYear(date) : date } : {}),
  };
}

/** ` (aprobó Lic. Ruiz, 02/04/2019)`, or empty when the exception names neither. */
export function approval(justification: Justification, lang: Lang): string {
  const { approvedBy, date } = approvalParts(justification);
  const parts = [...(approvedBy ? [fill(JUSTIFIED.by[lang], { approvedBy })] : []), ...(date ? [date] : [])];
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
}

/**
 * `justificado: motivo (aprobó Lic. Ruiz, 02/04/2019)`: the reason and, from excepciones.yaml,
 * who and when; for a department's own comment, `pendiente de aprobación: motivo (sigue
 * contando hasta que Planeación la apruebe en planeacion/excepciones.yaml)`.
 */
export function justificationText(justification: Justification, lang: Lang): string {
  if (justification.pending) return `${pendingText(justification, lang)} (${JUSTIFIED.pendingNote[lang]})`;
  return `${fill(JUSTIFIED.reason[lang], { reason: justification.reason })}${approval(justification, lang)}`;
}

/** `pendiente de aprobación: motivo`, without the note on how it gets approved. */
export function pendingText(justification: Justification, lang: Lang): string {
  return fill(JUSTIFIED.pending[lang], { reason: justification.reason });
}
