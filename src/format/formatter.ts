import type { ChalkInstance } from 'chalk';
import type { Diagnostic, Summary } from '../diagnostics/diagnostic.js';
import type { Lang } from '../i18n/text.js';

export interface FormatInput {
  diagnostics: readonly Diagnostic[];
  summary: Summary;
  /** Absolute repo root, for formats that print it. */
  root: string;
  lang: Lang;
  /** Colour is a parameter, not a global (as in ESLint's stylish). */
  color: ChalkInstance;
}

/** A pure function from results to the text written to stdout. */
export type Formatter = (input: FormatInput) => string;
