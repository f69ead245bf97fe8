import { isExcused, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Lang } from '../i18n/text.js';
import { checkoutPath, justificationText, type Formatter, type FormatInput, type RuleInfo } from './formatter.js';

// GitHub Actions workflow commands, escaped as @actions/core does (toolkit
// packages/core/src/command.ts): the data after `::` may not hold a raw newline, and a
// property value may not hold the `,` and `:` that separate properties.
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(d: Diagnostic): 'error' | 'warning' | 'notice' {
  return isExcused(d) ? 'notice' : d.severity;
}

function title(rule: string, rules: readonly RuleInfo[], lang: Lang): string {
  const meta = rules.find((candidate) => candidate.id === rule);
  return meta ? `${rule} ${meta.title[lang]}` : rule;
}

function annotation(d: Diagnostic, input: FormatInput): string {
  const properties: [string, string | number | undefined][] = [
    ['file', checkoutPath(input, d.file)],
    ['line', d.line > 0 ? d.line : undefined],
    ['col', d.line > 0 && d.column > 0 ? d.column : undefined],
    ['endLine', d.endLine],
    ['endColumn', d.endLine !== undefined ? d.endColumn : undefined],
    ['title', title(d.rule, input.rules, input.lang)],
  ];
  const props = properties
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  // A pending justification leaves the finding as it is, hint included, and adds the department's reason.
  const notes = isExcused(d) ? [justificationText(d.justification, input.lang)] : [...(d.hint ? [d.hint] : []), ...(d.justification ? [justificationText(d.justification, input.lang)] : [])];
  const message = notes.length > 0 ? `${d.message} (${notes.join('; ')})` : d.message;
  return `::${command(d)} ${props}::${escapeData(message)}`;
}

/**
 * One workflow command per finding, so each shows as an annotation on the pull request's
 * diff: errors and warnings as they are, a justified finding as a notice with its reason; one
 * whose justification awaits Planeación's approval stays an error or warning, with the reason.
 * Nothing else is printed: a summary line would be noise in the job log.
 */
export const github: Formatter = (input) => input.diagnostics.map((d) => `${annotation(d, input)}\n`).join('');
