import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { fill, type Lang } from '../i18n/text.js';
import type { Formatter } from './formatter.js';

const T = {
  error: { es: 'error', en: 'error' },
  warning: { es: 'advertencia', en: 'warning' },
  clean: { es: '✔ Sin problemas en {files} archivo(s).', en: '✔ No problems in {files} file(s).' },
  problems: {
    es: '✖ {total} problema(s): {errors} error(es) y {warnings} advertencia(s) en {files} archivo(s) revisado(s).',
    en: '✖ {total} problem(s): {errors} error(s) and {warnings} warning(s) in {files} checked file(s).',
  },
} as const;

function severityLabel(severity: Diagnostic['severity'], lang: Lang): string {
  return T[severity][lang];
}

/** Grouped by file like ESLint's stylish: `línea:columna  severidad  mensaje  REGLA`, hint below. */
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
    const labelWidth = Math.max(...list.map((d) => severityLabel(d.severity, lang).length));
    for (const d of list) {
      const where = `${d.line}:${d.column}`.padEnd(width);
      const label = severityLabel(d.severity, lang).padEnd(labelWidth);
      const paint = d.severity === 'error' ? color.red : color.yellow;
      lines.push(`  ${color.dim(where)}  ${paint(label)}  ${d.message}  ${color.dim(d.rule)}`);
      if (d.hint) lines.push(`  ${' '.repeat(width)}  ${' '.repeat(labelWidth)}  ${color.cyan(`→ ${d.hint}`)}`);
    }
    lines.push('');
  }
  const total = summary.errors + summary.warnings;
  if (total === 0) {
    lines.push(color.green(fill(T.clean[lang], { files: summary.files })));
  } else {
    const paint = summary.errors > 0 ? color.red.bold : color.yellow.bold;
    lines.push(paint(fill(T.problems[lang], { total, errors: summary.errors, warnings: summary.warnings, files: summary.files })));
  }
  return `${lines.join('\n')}\n`;
};
