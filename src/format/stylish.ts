import type { ChalkInstance } from 'chalk';
import { isExcused, type Diagnostic, type Summary } from '../diagnostics/diagnostic.js';
import { fill, type Lang } from '../i18n/text.js';
import { approval, filesText, groupBy, hiddenText, justificationText, scopeText, type Formatter } from './formatter.js';

const TEXT = {
  error: { es: 'error', en: 'error' },
  warning: { es: 'advertencia', en: 'warning' },
  justified: { es: 'justificado', en: 'justified' },
  clean: { es: '✔ Sin problemas en {files} archivo(s){scope}{justified}.', en: '✔ No problems in {files} file(s){scope}{justified}.' },
  cleanHidden: { es: '✔ Sin errores en {files} archivo(s){scope}{justified}; {hidden}.', en: '✔ No errors in {files} file(s){scope}{justified}; {hidden}.' },
  problems: {
    es: '✖ {total} problema(s): {errors} error(es) y {warnings} advertencia(s) en {where}{justified}.',
    en: '✖ {total} problem(s): {errors} error(s) and {warnings} warning(s) in {where}{justified}.',
  },
  errorsHidden: { es: '✖ {errors} error(es) en {where}{justified}; {hidden}.', en: '✖ {errors} error(s) in {where}{justified}; {hidden}.' },
  justifiedCount: { es: ', {justified} justificado(s)', en: ', {justified} justified' },
  pendingCount: { es: ', {pending} con justificación pendiente de aprobación', en: ', {pending} with a justification pending approval' },
  errors: { es: 'Errores', en: 'Errors' },
  warnings: { es: 'Advertencias', en: 'Warnings' },
  justifiedColumn: { es: 'Justificados', en: 'Justified' },
  rule: { es: 'Regla', en: 'Rule' },
  department: { es: 'Dependencia', en: 'Department' },
  planeacion: { es: 'Planeación', en: 'Planning office' },
} as const;

function label(d: Diagnostic, lang: Lang): string {
  return TEXT[isExcused(d) ? 'justified' : d.severity][lang];
}

/**
 * Grouped by file like ESLint's stylish: `línea:columna  severidad  mensaje  REGLA`, hint below.
 * A justified finding stays in its place, dimmed, labelled «justificado», with its reason
 * where the hint would be: it no longer needs fixing, but the reviewer should still see it.
 * A justification pending Planeación's approval changes nothing of that: the finding shows
 * as its severity, with its hint, and a line below with the department's reason.
 */
export const stylish: Formatter = ({ diagnostics, summary, lang, color }) => {
  const lines: string[] = [];
  for (const [file, list] of groupBy(diagnostics, (d) => d.file)) {
    lines.push(color.underline(file));
    // A loop, not Math.max(...list): a file can carry hundreds of thousands of findings,
    // more arguments than a call takes.
    let width = 0;
    let labelWidth = 0;
    for (const d of list) {
      width = Math.max(width, `${d.line}:${d.column}`.length);
      labelWidth = Math.max(labelWidth, label(d, lang).length);
    }
    const indent = `  ${' '.repeat(width)}  ${' '.repeat(labelWidth)}  `;
    for (const d of list) {
      const where = `${d.line}:${d.column}`.padEnd(width);
      const text = label(d, lang).padEnd(labelWidth);
      if (isExcused(d)) {
        lines.push(`  ${color.dim(`${where}  ${text}  ${d.message}  ${d.rule}`)}`);
        lines.push(`${indent}${color.dim(`→ ${d.justification.reason}${approval(d.justification, lang)}`)}`);
        continue;
      }
      const paint = d.severity === 'error' ? color.red : color.yellow;
      lines.push(`  ${color.dim(where)}  ${paint(text)}  ${d.message}  ${color.dim(d.rule)}`);
      if (d.hint) lines.push(`${indent}${color.cyan(`→ ${d.hint}`)}`);
      if (d.justification?.pending) lines.push(`${indent}${color.magenta(`→ ${justificationText(d.justification, lang)}`)}`);
    }
    lines.push('');
  }
  if (diagnostics.length > 0) for (const line of countTables(summary, lang, color)) lines.push(line);
  lines.push(summaryLine(summary, lang, color));
  return `${lines.join('\n')}\n`;
};

function summaryLine(summary: Summary, lang: Lang, color: ChalkInstance): string {
  const total = summary.errors + summary.warnings;
  const justified =
    (summary.justified > 0 ? fill(TEXT.justifiedCount[lang], { justified: summary.justified }) : '') +
    (summary.pending > 0 ? fill(TEXT.pendingCount[lang], { pending: summary.pending }) : '');
  const hidden = hiddenText(summary, lang);
  const params = { total, errors: summary.errors, warnings: summary.warnings, files: summary.files, scope: scopeText(summary.scope, lang), where: filesText(summary, lang), justified, hidden };
  if (total === 0) return color.green(fill((hidden ? TEXT.cleanHidden : TEXT.clean)[lang], params));
  const paint = summary.errors > 0 ? color.red.bold : color.yellow.bold;
  return paint(fill((hidden && summary.warnings === 0 ? TEXT.errorsHidden : TEXT.problems)[lang], params));
}

interface CountRow {
  errors: number;
  warnings: number;
  justified: number;
  label: string;
}

/**
 * Counts by rule and by department, between the findings and the summary line: which rule
 * and which department to look at first. Numbers right-aligned under their header; the
 * «Justificados» column only when some finding is justified.
 */
function countTables(summary: Summary, lang: Lang, color: ChalkInstance): string[] {
  const byRule = summary.byRule.map((r) => ({ ...r, label: r.title ? `${r.rule}  ${r.title}` : r.rule }));
  const byDepartment = summary.byDepartment.map((d) => ({ ...d, label: d.department ?? TEXT.planeacion[lang] }));
  const withJustified = summary.justified > 0;
  const table = (title: string, rows: CountRow[]): string[] => {
    const headers = [TEXT.errors[lang], TEXT.warnings[lang], ...(withJustified ? [TEXT.justifiedColumn[lang]] : [])];
    const header = `${headers.join('  ')}  ${title}`;
    const body = rows.map((row) => {
      const cells = [
        paintCount(String(row.errors).padStart(headers[0]!.length), row.errors, color.red, color),
        paintCount(String(row.warnings).padStart(headers[1]!.length), row.warnings, color.yellow, color),
        ...(withJustified ? [paintCount(String(row.justified).padStart(headers[2]!.length), row.justified, color.dim, color)] : []),
      ];
      return `${cells.join('  ')}  ${row.label}`;
    });
    return [color.bold(header), ...body, ''];
  };
  return [...table(TEXT.rule[lang], byRule), ...table(TEXT.department[lang], byDepartment)];
}

function paintCount(text: string, value: number, paint: ChalkInstance, color: ChalkInstance): string {
  return value > 0 ? paint(text) : color.dim(text);
}
