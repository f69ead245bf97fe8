import { Command } from 'commander';
import { lightFormat as formatDate } from 'date-fns/lightFormat';
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { exitCodeFor, isExcused, summarize } from '../diagnostics/diagnostic.js';
import { isFindingSelected, isSelected } from '../diagnostics/selection.js';
import { FORMAT_NAMES } from '../format/names.js';
import { fill, type Lang } from '../i18n/text.js';
import { writeFileAtomic } from '../io/write.js';
import { findPlanRoot } from '../repo/find-root.js';
import { placementOf } from '../repo/layout.js';
import { addOption, type OptionSpec } from './bilingual.js';
import { colorFor, UsageError, type CliIo } from './io.js';
import { isPlanInputPath } from './output-path.js';
import { fileErrorReason, gitReason } from './reasons.js';
import type { Shown } from '../validate.js';
import type { ChangedFiles } from '../git/changed-files.js';

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
  refUnusable: {
    es: 'Aviso: no se pudo comparar con «{ref}» ({reason}); se revisa y se informa el repositorio completo.\n',
    en: 'Notice: could not compare with "{ref}" ({reason}); the whole repository is checked and reported.\n',
  },
  refUnusableScoped: {
    es: 'Aviso: no se pudo comparar con «{ref}» ({reason}); se informa todo lo seleccionado.\n',
    en: 'Notice: could not compare with "{ref}" ({reason}); everything selected is reported.\n',
  },
  prMode: {
    es: 'Modo pull request: {count} archivo(s) cambiado(s) desde «{ref}»; se informan sus hallazgos y los errores de cualquier archivo.\n',
    en: 'Pull request mode: {count} file(s) changed since "{ref}"; their findings and errors in any file are reported.\n',
  },
  prModeScoped: {
    es: 'Modo pull request: {count} archivo(s) cambiado(s) desde «{ref}»; dentro de la selección se informan sus hallazgos y los errores de cualquier archivo.\n',
    en: 'Pull request mode: {count} file(s) changed since "{ref}"; within the selection, their findings and errors in any file are reported.\n',
  },
  outputWritten: { es: 'Resultado en formato {format} escrito en «{file}».\n', en: 'Result in {format} format written to "{file}".\n' },
  outputInsideData: {
    es: 'No se escribe el resultado en «{file}»: está entre los datos del plan (plan.yaml, dependencias/, planeacion/, catalogos/, schemas/, templates/ o .git/, con cualquier combinación de mayúsculas y minúsculas). Elija otro archivo, por ejemplo plan-resultado.json en la raíz.',
    en: 'The result is not written to "{file}": it is among the plan data (plan.yaml, dependencias/, planeacion/, catalogos/, schemas/, templates/ or .git/, in any upper/lower case). Choose another file, e.g. plan-resultado.json at the root.',
  },
  cannotWriteOutput: { es: 'No se pudo escribir «{file}»: {reason}.', en: 'Could not write "{file}": {reason}.' },
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

/**
 * PR mode: findings in the files the pull request touched, plus every error elsewhere —
 * on a clean main branch an error in an untouched file can only come from the change
 * (a deleted PPCS still referenced by another department's report). Undefined when the
 * ref cannot be used: then everything is reported, and this says why.
 */
function changedInPullRequest(io: CliIo, changed: ChangedFiles, ref: string, lang: Lang, scoped: boolean): ReadonlySet<string> | undefined {
  if (!changed.ok) {
    io.stderr(fill((scoped ? MESSAGES.refUnusableScoped : MESSAGES.refUnusable)[lang], { ref, reason: gitReason(changed.reason, lang) }));
    return undefined;
  }
  io.stderr(fill((scoped ? MESSAGES.prModeScoped : MESSAGES.prMode)[lang], { ref, count: changed.files.size }));
  return changed.files;
}

export function parseCutoff(io: CliIo, value: string | undefined): string {
  if (value === undefined) return formatDate(io.today(), 'yyyy-MM-dd');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !isValid(parseISO(value))) throw new UsageError(MESSAGES.badDate, { value });
  return value;
}

interface ValidateOptions {
  format: string;
  dependencia?: string;
  output?: string;
  changedSince?: string;
  maxWarnings?: string;
  quiet?: boolean;
  fechaCorte?: string;
  cache?: boolean;
}

// Help texts in both languages; the command is built in the help's language (see bilingual.ts).
const HELP = {
  summary: {
    es: 'revisa los archivos del plan contra los esquemas y las reglas del Plan de Mejora',
    en: 'check the plan files against the schemas and the Plan de Mejora rules',
  },
  description: {
    es: 'Revisa todos los archivos YAML del repositorio del plan: la estructura de cada archivo (esquemas JSON) y las reglas del Plan de Mejora entre archivos (unidades de medida, fechas de entrega, colaboraciones, perspectiva de género…).\n\nCon rutas o --dependencia se revisa igualmente todo el repositorio, pero se informan sólo los hallazgos de esos archivos; el código de salida sigue a lo informado. Cada ruta se busca desde la carpeta actual y, si ahí no hay nada dentro del plan, desde la raíz del plan (con -C plan valen plan/dependencias/OP y dependencias/OP).\n\nCódigos de salida: 0 sin errores (y advertencias dentro del límite), 1 hay errores o demasiadas advertencias, 2 error de uso o de configuración.\n\nCada opción se acepta también con su nombre en inglés, que la ayuda dice al final de su descripción.',
    en: 'Checks every YAML file of the plan repository: the structure of each file (JSON Schemas) and the Plan de Mejora rules across files (units of measure, delivery dates, collaborations, gender perspective…).\n\nWith paths or --dependencia the whole repository is still checked, but only the findings of those files are reported; the exit code follows what is reported. Each path is looked up from the current folder and, if nothing inside the plan is there, from the plan root (with -C plan both plan/dependencias/OP and dependencias/OP work).\n\nExit codes: 0 no errors (and warnings within the limit), 1 errors or too many warnings, 2 usage or configuration error.\n\nEvery option is also accepted under its Spanish name, given at the end of its description.',
  },
  paths: { es: '[rutas...]', en: '[paths...]' },
  pathsDescription: {
    es: 'archivos o carpetas del plan cuyos hallazgos se informan (una carpeta incluye todo lo que contiene)',
    en: 'plan files or folders whose findings are reported (a folder includes everything in it)',
  },
  dependencia: {
    es: 'informa sólo los hallazgos de la dependencia: los de sus archivos (dependencias/<clave>/) y los de planeacion/ sobre ella',
    en: 'report only the department\'s findings: those of its files (dependencias/<clave>/) and those of planeacion/ about it',
  },
  format: {
    es: `formato de salida: ${FORMAT_NAMES.join(', ')} (por omisión: stylish)`,
    en: `output format: ${FORMAT_NAMES.join(', ')} (default: stylish)`,
  },
  maxWarnings: { es: 'termina con código 1 si hay más de n advertencias', en: 'exit with code 1 when there are more than n warnings' },
  quiet: { es: 'muestra sólo los errores; el resumen dice cuántas advertencias ocultó', en: 'show errors only; the summary says how many warnings it hid' },
  fechaCorte: {
    es: 'fecha con la que se decide qué reportes ya debían entregarse (por omisión: hoy)',
    en: 'date that decides which reports were already due (default: today)',
  },
  output: {
    es: 'escribe el resultado en el formato pedido a un archivo; la terminal recibe el resumen habitual',
    en: 'write the result in the requested format to a file; the terminal gets the usual summary',
  },
  cache: {
    es: 'guarda lo que dio cada archivo y, en la siguiente revisión, no vuelve a leer los que no cambiaron (la caché está en ~/.cache/plan-de-mejora, o en PLAN_CACHE_DIR)',
    en: 'keep what each file gave and, on the next run, do not read again the files that did not change (the cache is in ~/.cache/plan-de-mejora, or in PLAN_CACHE_DIR)',
  },
  changedSince: {
    es: 'modo pull request: informa sólo los hallazgos de los archivos cambiados desde <ref> (y los errores de cualquier archivo), revisando todo el repositorio',
    en: 'pull request mode: report only the findings of files changed since <ref> (and errors in any file), checking the whole repository',
  },
} as const;

export function validateCommand(io: CliIo, globals: () => GlobalOptions, setExit: (code: number) => void, helpLang: Lang = 'es'): Command {
  const command = new Command('validate').summary(HELP.summary[helpLang]).description(HELP.description[helpLang]).argument(HELP.paths[helpLang], HELP.pathsDescription[helpLang]);
  const add = (spec: OptionSpec) => addOption(command, helpLang, spec);
  add({ long: '--dependencia', value: '<clave>', description: HELP.dependencia });
  add({ short: '-f', long: { en: '--format', es: '--formato' }, value: { en: '<format>', es: '<formato>' }, description: HELP.format, defaultValue: 'stylish' });
  add({ long: '--max-warnings', value: '<n>', description: HELP.maxWarnings });
  add({ short: '-q', long: '--quiet', description: HELP.quiet });
  add({ long: '--fecha-corte', value: { en: '<YYYY-MM-DD>', es: '<AAAA-MM-DD>' }, description: HELP.fechaCorte });
  add({ short: '-o', long: { en: '--output', es: '--salida' }, value: { en: '<file>', es: '<archivo>' }, description: HELP.output });
  add({ long: '--changed-since', value: '<ref>', description: HELP.changedSince });
  add({ long: '--cache', description: HELP.cache });
  return command
    .action(async (paths: string[], options: ValidateOptions) => {
      const { lang, directory } = globals();
      if (!(FORMAT_NAMES as readonly string[]).includes(options.format)) throw new UsageError(MESSAGES.badFormat, { value: options.format, allowed: FORMAT_NAMES.join(', ') });
      const root = resolveRoot(io, directory);
      // git's few processes run while this thread loads the pipeline's modules.
      const asked = options.changedSince === undefined ? undefined : import('../git/changed-files.js').then(({ changedFilesSince }) => changedFilesSince(root, options.changedSince!));
      const { FilePool, poolSetup } = await import('../parallel/pool.js');
      // A large repo's threads load their modules while this one loads the pipeline's (with
      // --cache, only the changed files will be read: threads may not be needed at all).
      const early = options.cache ? undefined : FilePool.startEarly(poolSetup(root, { lang }));
      // The pipeline loads only when there is work: `plan --help` stays fast.
      const [{ FORMATTERS }, { runValidation }, { repoInfo }, { RULES_BY_ID }, { resolveScope }] = await Promise.all([
        import('../format/index.js'),
        import('./check.js'),
        import('../git/git.js'),
        import('../rules/index.js'),
        import('./validate-scope.js'),
      ]);
      const formatter = FORMATTERS[options.format]!;
      let maxWarnings: number | undefined;
      if (options.maxWarnings !== undefined) {
        if (!/^\d+$/.test(options.maxWarnings)) throw new UsageError(MESSAGES.badMaxWarnings, { value: options.maxWarnings });
        maxWarnings = Number(options.maxWarnings);
      }
      const fechaCorte = parseCutoff(io, options.fechaCorte);
      // Before the run: a mistyped path is a usage error, not a long wait for nothing.
      const narrowed = resolveScope(io, root, paths, options.dependencia);
      const changed = asked && changedInPullRequest(io, await asked, options.changedSince!, lang, narrowed !== undefined);
      // PR mode needs no position for a warning of a file the pull request did not touch.
      const placed: Shown | undefined = changed && ((file, severity) => changed.has(file) || severity === 'error');
      const result = await runValidation(io, root, lang, fechaCorte, { ...(placed ? { shown: placed } : {}), ...(options.cache ? { cache: true } : {}), ...(early ? { early } : {}) });
      const selected = narrowed ? result.diagnostics.filter((d) => isFindingSelected(narrowed.selection, d)) : result.diagnostics;
      // Both narrow the report: PR mode's findings, within the selection.
      const diagnostics = changed ? selected.filter((d) => changed.has(d.file) || (d.severity === 'error' && !isExcused(d))) : selected;
      const files = narrowed ? [...result.model.repoFiles.keys()].filter((file) => placementOf(file) !== undefined && isSelected(narrowed.selection, file)).length : result.fileCount;
      const shown = options.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;
      const ruleTitle = (rule: string) => RULES_BY_ID.get(rule)?.meta.title[lang];
      const scope = narrowed ? { scope: narrowed.scope } : {};
      const summary = summarize(diagnostics, files, { ruleTitle, ...scope });
      const shownSummary = options.quiet ? summarize(shown, files, { ruleTitle, ...scope, hiddenWarnings: summary.warnings }) : summary;
      const color = colorFor(io);
      // Formatters receive the rules' metadata rather than reading the registry themselves.
      const rules = [...RULES_BY_ID.values()].map((rule) => rule.meta);
      const input = { diagnostics: shown, summary: shownSummary, root, lang, color, rules };
      if (options.output) {
        // The file gets the machine format; the terminal keeps the human summary.
        const file = path.resolve(io.cwd, options.output);
        if (isPlanInputPath(root, file)) throw new UsageError(MESSAGES.outputInsideData, { file: options.output });
        const info = repoInfo(root);
        try {
          await writeFileAtomic(file, formatter({ ...input, color: colorFor({ ...io, isTTY: false, env: { NO_COLOR: '1' } }), ...(info.ok ? { pathPrefix: info.prefix } : {}) }));
        } catch (error) {
          throw new UsageError(MESSAGES.cannotWriteOutput, { file: options.output, reason: fileErrorReason(error, lang) });
        }
        io.stdout(FORMATTERS.stylish!(input));
        io.stderr(fill(MESSAGES.outputWritten[lang], { format: options.format, file: options.output }));
      } else {
        const info = options.format === 'stylish' || options.format === 'json' ? undefined : repoInfo(root);
        io.stdout(formatter({ ...input, ...(info?.ok ? { pathPrefix: info.prefix } : {}) }));
      }
      if (summary.errors === 0 && maxWarnings !== undefined && summary.warnings > maxWarnings) {
        io.stderr(color.yellow(fill(MESSAGES.tooManyWarnings[lang], { warnings: summary.warnings, max: maxWarnings })));
      }
      // The exit code follows what is reported: the selection, with the warnings -q hides.
      setExit(exitCodeFor(summary, maxWarnings));
    });
}
