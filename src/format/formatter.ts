import type { ChalkInstance } from 'chalk';
import type { Diagnostic, Justification, Summary } from '../diagnostics/diagnostic.js';
import { dayMonthYear, fill, type Lang } from '../i18n/text.js';

export interface FormatInput {
  diagnostics: readonly Diagnostic[];
  summary: Summary;
  /** Absolute repo root, for formats that print it. */
  root: string;
  lang: Lang;
  /** Colour is a parameter, not a global (as in ESLint's stylish). */
  color: ChalkInstance;
  /**
   * The plan root's POSIX path inside the git checkout (`plan/` when plan.yaml is not at the top).
   * CI formats (github, junit, sarif) prepend it, because CI resolves paths from the checkout's root.
   */
  pathPrefix?: string;
}

/** A pure function from results to the text written to stdout. */
export type Formatter = (input: FormatInput) => string;

/** `plan/` from `plan`, `./plan/` or `plan\`; empty for none or the root itself. */
export function normalizePrefix(prefix: string | undefined): string {
  const segments = (prefix ?? '').split(/[\\/]+/).filter((s) => s !== '' && s !== '.');
  return segments.length === 0 ? '' : `${segments.join('/')}/`;
}

/** A diagnostic's file as CI sees it: relative to the checkout, not to the plan root. */
export function checkoutPath(input: Pick<FormatInput, 'pathPrefix'>, file: string): string {
  return `${normalizePrefix(input.pathPrefix)}${file}`;
}

const JUSTIFIED = {
  reason: { es: 'justificado: {reason}', en: 'justified: {reason}' },
  by: { es: 'aprobó {approvedBy}', en: 'approved by {approvedBy}' },
} as const;

/** `justificado: motivo (aprobó Lic. Ruiz, 02/04/2019)`: the reason and, from excepciones.yaml, who and when. */
export function justificationText(justification: Justification, lang: Lang): string {
  return `${fill(JUSTIFIED.reason[lang], { reason: justification.reason })}${approval(justification, lang)}`;
}

/** ` (aprobó Lic. Ruiz, 02/04/2019)`, or empty when the exception names neither. */
export function approval(justification: Justification, lang: Lang): string {
  const parts: string[] = [];
  if (justification.approvedBy) parts.push(fill(JUSTIFIED.by[lang], { approvedBy: justification.approvedBy }));
  if (justification.date) parts.push(/^\d{4}-\d{2}-\d{2}$/.test(justification.date) ? dayMonthYear(justification.date) : justification.date);
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`;
}
