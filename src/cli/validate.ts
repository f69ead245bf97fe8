import { Command, Option } from 'commander';
import { format as formatDate, isValid, parseISO } from 'date-fns';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { exitCodeFor, summarize } from '../diagnostics/diagnostic.js';
import { FORMATTERS } from '../format/index.js';
import { fill, type Lang } from '../i18n/text.js';
import { findPlanRoot } from '../repo/find-root.js';
import { validatePlan } from '../validate.js';
import { colorFor, UsageError, type CliIo } from './io.js';

export interface GlobalOptions {
  directory?: string;
  lang: Lang;
}

export const MESSAGES = {
  noPlan: {
    es: 'No se encontró plan.yaml en «{dir}» ni en sus carpetas superiores. Ejecute plan dentro del repositorio del plan o indique su carpeta con -C <carpeta>.',
    en: 'No plan.yaml found in "{dir}" or any parent folder. Run plan inside the plan repository or point at it with -C <folder>.',
  },
  noDir: { es: 'La carpeta «{dir}» no existe.', en: 'Folder "{dir}" does not exist.' },
  notDir: { es: '«{dir}» no es una carpeta; indique con -C la carpeta del repositorio del plan.', en: '"{dir}" is not a folder; point -C at the plan repository folder.' },
  tooManyWarnings: { es: 'Demasiadas advertencias: {warnings} (máximo permitido con --max-warnings: {max}).\n', en: 'Too many warnings: {warnings} (maximum allowed by --max-warnings: {max}).\n' },
  badFormat: { es: 'Formato «{value}» desconocido. Formatos disponibles: {allowed}.', en: 'Unknown format "{value}". Available formats: {allowed}.' },
  badMaxWarnings: { es: '--max-warnings espera un número entero mayor o igual a 0; se recibió «{value}».', en: '--max-warnings expects a whole number ≥ 0; got "{value}".' },
  badDate: { es: '--fecha-corte espera una fecha AAAA-MM-DD; se recibió «{value}».', en: '--fecha-corte expects a YYYY-MM-DD date; got "{value}".' },
} as const;

/** The plan root: -C wins, else look upward from the working directory for plan.yaml. */
export function resolveRoot(io: CliIo, directory: string | undefined): string {
  const start = path.resolve(io.cwd, directory ?? '.');
  if (directory !== undefined && !existsSync(start)) throw new UsageError(MESSAGES.noDir, { dir: directory });
  if (directory !== undefined && !statSync(start).isDirectory()) throw new UsageError(MESSAGES.notDir, { dir: directory });
  const root = findPlanRoot(start);
  if (!root) throw new UsageError(MESSAGES.noPlan, { dir: start });
  return root;
}

export function parseCutoff(io: CliIo, value: string | undefined): string {
  if (value === undefined) return formatDate(io.today(), 'yyyy-MM-dd');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !isValid(parseISO(value))) throw new UsageError(MESSAGES.badDate, { value });
  return value;
}

interface ValidateOptions {
  format: string;
  maxWarnings?: string;
  quiet?: boolean;
  fechaCorte?: string;
}

export function validateCommand(io: CliIo, globals: () => GlobalOptions, setExit: (code: number) => void): Command {
  return new Command('validate')
    .summary('revisa los archivos del plan contra los esquemas y las reglas del Plan de Mejora')
    .description(
      'Revisa todos los archivos YAML del repositorio del plan: la estructura de cada archivo (esquemas JSON) y las reglas del Plan de Mejora entre archivos (unidades de medida, fechas de entrega, colaboraciones, perspectiva de género…).\n\nCódigos de salida: 0 sin errores (y advertencias dentro del límite), 1 hay errores o demasiadas advertencias, 2 error de uso o de configuración.',
    )
    .addOption(new Option('-f, --format <formato>', `formato de salida: ${Object.keys(FORMATTERS).join(', ')} (por omisión: stylish)`).default('stylish'))
    .option('--max-warnings <n>', 'termina con código 1 si hay más de n advertencias')
    .option('-q, --quiet', 'muestra sólo los errores, no las advertencias')
    .option('--fecha-corte <AAAA-MM-DD>', 'fecha con la que se decide qué reportes ya debían entregarse (por omisión: hoy)')
    .action((options: ValidateOptions) => {
      const { lang, directory } = globals();
      const formatter = FORMATTERS[options.format];
      if (!formatter) throw new UsageError(MESSAGES.badFormat, { value: options.format, allowed: Object.keys(FORMATTERS).join(', ') });
      let maxWarnings: number | undefined;
      if (options.maxWarnings !== undefined) {
        if (!/^\d+$/.test(options.maxWarnings)) throw new UsageError(MESSAGES.badMaxWarnings, { value: options.maxWarnings });
        maxWarnings = Number(options.maxWarnings);
      }
      const root = resolveRoot(io, directory);
      const fechaCorte = parseCutoff(io, options.fechaCorte);
      const result = validatePlan(root, { lang, fechaCorte });
      const shown = options.quiet ? result.diagnostics.filter((d) => d.severity === 'error') : result.diagnostics;
      const summary = summarize(result.diagnostics, result.fileCount);
      const shownSummary = options.quiet ? { ...summary, warnings: 0 } : summary;
      const color = colorFor(io);
      io.stdout(formatter({ diagnostics: shown, summary: shownSummary, root, lang, color }));
      if (summary.errors === 0 && maxWarnings !== undefined && summary.warnings > maxWarnings) {
        io.stderr(color.yellow(fill(MESSAGES.tooManyWarnings[lang], { warnings: summary.warnings, max: maxWarnings })));
      }
      setExit(exitCodeFor(summary, maxWarnings));
    });
}
