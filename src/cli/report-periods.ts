// A report asked for a year or quarter the plan has no data of: one clear line and exit 2,
// before the long validation run, instead of a report where every department is «Insuficiente».
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Lang, Text } from '../i18n/text.js';
import type { Quarter } from '../model/types.js';
import { UsageError } from './io.js';

const MESSAGES = {
  noYear: {
    es: 'No hay reportes trimestrales de {year} en el plan, así que no hay evaluación anual {year} que generar. {have} Indique otro ejercicio con --ejercicio, o genere la evaluación cuando las dependencias entreguen sus reportes de {year}.',
    en: 'The plan has no quarterly reports of {year}, so there is no {year} annual evaluation to build. {have} Give another year with --year, or build the evaluation once departments deliver their {year} reports.',
  },
  noQuarter: {
    es: 'No hay reportes de {period} en el plan, así que no hay {what} {period} que generar. {have} Pida uno de esos trimestres con --trimestre y --ejercicio, o genere el reporte cuando las dependencias entreguen sus reportes de {period}.',
    en: 'The plan has no reports of {period}, so there is no {what} {period} to build. {have} Ask for one of those quarters with --quarter and --year, or build the report once departments deliver their {period} reports.',
  },
  have: { es: 'Hay reportes de: {list}.', en: 'There are reports of: {list}.' },
  none: { es: 'El plan aún no tiene ningún reporte en dependencias/<CLAVE>/reportes/.', en: 'The plan has no report in dependencias/<CLAVE>/reportes/ yet.' },
  quarterly: { es: 'resumen trimestral', en: 'quarterly summary for' },
  transparency: { es: 'tabla de transparencia', en: 'transparency table for' },
} as const satisfies Record<string, Text>;

const REPORT_FILE = /^(\d{4})-(T[1-4])\.yaml$/;

/** Quarters (`2019-T2`) with at least one department's report file, sorted. */
function reportedPeriods(root: string): string[] {
  const periods = new Set<string>();
  let departments: string[];
  try {
    departments = readdirSync(path.join(root, 'dependencias'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
  } catch {
    return [];
  }
  for (const department of departments) {
    let files: string[];
    try {
      files = readdirSync(path.join(root, 'dependencias', department, 'reportes'));
    } catch {
      continue;
    }
    for (const file of files) {
      const match = REPORT_FILE.exec(file);
      if (match) periods.add(`${match[1]}-${match[2]}`);
    }
  }
  return [...periods].sort();
}

/**
 * Refuses a report of a year (annual) or a quarter with no report file of any department.
 * A report file counts by its name, as Planeación files it, even when its content has errors:
 * validation then says what is wrong with it.
 */
export function checkPeriodHasReports(root: string, year: number, quarter: Quarter | undefined, transparency: boolean, lang: Lang): void {
  const periods = reportedPeriods(root);
  if (quarter === undefined) {
    if (periods.some((p) => p.startsWith(`${year}-`))) return;
    const years = [...new Set(periods.map((p) => p.slice(0, 4)))];
    throw new UsageError(MESSAGES.noYear, { year, have: have(years, lang) });
  }
  const period = `${year}-${quarter}`;
  if (periods.includes(period)) return;
  const what = (transparency ? MESSAGES.transparency : MESSAGES.quarterly)[lang];
  throw new UsageError(MESSAGES.noQuarter, { period, what, have: have(periods, lang) });
}

function have(list: readonly string[], lang: Lang): string {
  return list.length === 0 ? MESSAGES.none[lang] : MESSAGES.have[lang].replace('{list}', list.join(', '));
}
