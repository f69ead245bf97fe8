import type { Formatter } from './formatter.js';

/** Stable, machine-readable: one object with the summary and every diagnostic. */
export const json: Formatter = ({ diagnostics, summary }) =>
  `${JSON.stringify({ version: 1, summary, diagnostics }, null, 2)}\n`;
