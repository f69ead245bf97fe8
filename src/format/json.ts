import type { Formatter } from './formatter.js';

/**
 * Stable, machine-readable: one object with the summary and every diagnostic. Version 1 of
 * the format has no `about` (what a finding is about, used to select a department's
 * findings): adding it is a new version, not a silent change.
 */
export const json: Formatter = ({ diagnostics, summary }) =>
  `${JSON.stringify({ version: 1, summary, diagnostics: diagnostics.map(({ about: _about, ...diagnostic }) => diagnostic) }, null, 2)}\n`;
