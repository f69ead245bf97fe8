import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { fill, type Lang } from '../i18n/text.js';
import { approval, type Formatter } from './formatter.js';

const T = {
  error: { es: 'error', en: 'error' },
  warning: { es: 'advertencia', en: 'warning' },
  justified: { es: 'justificado', en: 'justified' },
  clean: { es: '✔ Sin problemas en {files} archivo(s){justified}.', en: '✔ No problems in {files} file(s){justified}.' },
  problems: {
    es: '✖ {total} problema(s): {errors} error(es) y {warnings} advertencia(s) en {files} archivo(s) revisado(s){justified}.',
    en: '✖ {total} problem(s): {errors} error(s) and {warnings} warning(s) in {files} checked file(s){justified}.',
  },
  justifiedCount: { es: ', {justified} justificado(s)', en: ', {justified} justified' },
} as const;

function label(d: Diagnostic, lang: Lang): string {
  return T[d.justification ? 'justified' : d.severity][lang];
}

/**
 * Grouped by file like ESLint's stylish: `línea:columna  severidad  mensaje  REGLA`, hint below.
 * A justified finding stays in its place, dimmed, labelled «justificado», with its reason
 * where the hint would be: it no longer needs fixing, but the reviewer should still see it.
 */
export const stylish: Formatter = ({ diagnostics, summary, lang, color }) => {
  const lines: string[] = [];
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  for (const [file, list] of byFile) {
    lines.push(color.underline(file));
    const width = Math.max(...list.map((d) => `${d.line}:${d.column}`.length));
    const labelWidth = Math.max(...list.map((d) => label(d, lang).length));
    const indent = `  ${' '.repeat(width)}  ${' '.repeat(labelWidth)}  `;
    for (const d of list) {
      const where = `${d.line}:${d.column}`.padEnd(width);
      const text = label(d, lang).padEnd(labelWidth);
      if (d.justification) {
        lines.push(`  ${color.dim(`${where}  ${text}  ${d.message}  ${d.rule}`)}`);
        lines.push(`${indent}${color.dim(`→ ${d.justification.reason}${approval(d.justification, lang)}`)}`);
        continue;
      }
      const paint = d.severity === 'error' ? color.red : color.yellow;
      lines.push(`  ${color.dim(where)}  ${paint(text)}  ${d.message}  ${color.dim(d.rule)}`);
      if (d.hint) lines.push(`${indent}${color.cyan(`→ ${d.hint}`)}`);
    }
    lines.push('');
  }
  const total = summary.errors + summary.warnings;
  const justified = summary.justified > 0 ? fill(T.justifiedCount[lang], { justified: summary.justified }) : '';
  if (total === 0) {
    lines.push(color.green(fill(T.clean[lang], { files: summary.files, justified })));
  } else {
    const paint = summary.errors > 0 ? color.red.bold : color.yellow.bold;
    lines.push(paint(fill(T.problems[lang], { total, errors: summary.errors, warnings: summary.warnings, files: summary.files, justified })));
  }
  return `${lines.join('\n')}\n`;
};
