import { Command } from 'commander';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ReportCutoff } from '../calendar/report-cutoff.js';
import { isExcused, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { FilePool } from '../parallel/pool.js';
import { fill, type Lang } from '../i18n/text.js';
import type { Quarter } from '../model/types.js';
import { RendererUnavailable, TemplateError, type RenderedFolder, type RenderOptions } from '../report/render/renderer.js';
import { formatsForThread, roomForCopy, RenderThreadLost, startRenderThread, type RenderOutput, type StartedRenderThread, type ThreadResult } from '../report/render/thread.js';
import { makeFolders } from '../io/folders.js';
import { WriteError, writeFilesAtomically, type PendingFile } from '../io/write.js';
import { cutWarning, type CutCell } from '../report/render/cell-guard.js';
import { formatNames, rendererNamed, renderersFor, type NamedRenderer } from '../report/render/select.js';
import type { ReportKind, ReportView } from '../report/view/types.js';
import { departmentOf } from '../repo/layout.js';
import { addOption, type OptionSpec } from './bilingual.js';
import { whileWriting } from './interrupt.js';
import { colorFor, UsageError, type CliIo } from './io.js';
import { isPlanInputPath } from './output-path.js';
import { checkPeriodHasReports } from './report-periods.js';
import { checkDepartment } from './validate-scope.js';
import { displayPath, fileErrorReason } from './reasons.js';
import { parseCutoff, resolveRoot, type GlobalOptions } from './validate.js';

const TEXT = {
  whichReport: {
    es: 'Indique qué reporte generar: --trimestre T1..T4 (resumen trimestral), --anual (evaluación anual) o --transparencia --trimestre T1..T4.',
    en: 'Say which report to build: --quarter Q1..Q4 (quarterly summary), --annual (annual evaluation) or --transparencia --quarter Q1..Q4.',
  },
  annualWithQuarter: {
    es: '--anual y --trimestre no se combinan: la evaluación anual abarca los cuatro trimestres. Pida una de las dos.',
    en: '--annual and --quarter do not combine: the annual evaluation covers all four quarters. Ask for one of them.',
  },
  badQuarter: { es: '--trimestre (o --quarter) espera T1, T2, T3 o T4 (o Q1…Q4); se recibió «{value}».', en: '--quarter (or --trimestre) expects Q1, Q2, Q3 or Q4 (or T1…T4); got "{value}".' },
  badYear: { es: '--ejercicio (o --year) espera un año de cuatro cifras; se recibió «{value}».', en: '--year (or --ejercicio) expects a four-digit year; got "{value}".' },
  badFormat: { es: '--formato (o --format) espera {formats} o all; se recibió «{value}».', en: '--format (or --formato) expects {formats} or all; got "{value}".' },
  formatNotForReport: { es: 'El formato {format} sólo existe para {reports}.', en: 'The {format} format exists only for {reports}.' },
  unknownDepartment: { es: 'La dependencia «{value}» no existe en este repositorio. Dependencias: {all}.', en: 'Department "{value}" does not exist in this repository. Departments: {all}.' },
  outInsideData: {
    es: 'La carpeta de salida «{dir}» está dentro de los datos del plan (plan.yaml, dependencias/, planeacion/, catalogos/, schemas/, templates/ o .git/, con cualquier combinación de mayúsculas y minúsculas); elija otra (por omisión: reportes/).',
    en: 'Output folder "{dir}" is inside the plan data (plan.yaml, dependencias/, planeacion/, catalogos/, schemas/, templates/ or .git/, in any upper/lower case); choose another one (default: reportes/).',
  },
  outNotDir: { es: 'No se puede usar «{dir}» como carpeta de salida: {reason}.', en: 'Cannot use "{dir}" as output folder: {reason}.' },
  cannotWrite: { es: 'No se pudo escribir «{file}»: {reason}. Revise los permisos y el espacio libre de la carpeta de salida.', en: 'Could not write "{file}": {reason}. Check permissions and free space of the output folder.' },
  hasErrors: {
    es: 'No se generó ningún reporte: los datos tienen {errors} en {files}, y los reportes se generan sólo con datos aceptados:\n',
    en: 'No report was written: the data has {errors} in {files}, and reports are built only from accepted data:\n',
  },
  departmentHasErrors: {
    es: 'No se generó el reporte de {clave}: sus archivos o los que comparte con las demás dependencias (plan.yaml, catalogos/, planeacion/) tienen {errors} en {files}, y los reportes se generan sólo con datos aceptados:\n',
    en: 'The report of {clave} was not written: its files or those it shares with every department (plan.yaml, catalogos/, planeacion/) have {errors} in {files}, and reports are built only from accepted data:\n',
  },
  moreFiles: { es: '  … y {count} {files} más\n', en: '  … and {count} more {files}\n' },
  runValidate: { es: 'Ejecute «plan validate» para ver cada error con su línea y corríjalos.\n', en: 'Run "plan validate" to see each error with its line, and fix them.\n' },
  othersHaveErrors: {
    es: 'Aviso: el reporte de {clave} se generó aunque hay {errors} en archivos de otras dependencias ({claves}); «plan validate» los muestra.\n',
    en: 'Notice: the report of {clave} was built although files of other departments ({claves}) have {errors}; "plan validate" shows them.\n',
  },
  written: { es: 'Reportes escritos:', en: 'Reports written:' },
  plansWritten: {
    es: 'Planes de Mejora {year} escritos (para copiar en dependencias/<CLAVE>/dependencia.yaml):',
    en: '{year} Planes de Mejora written (to paste into dependencias/<CLAVE>/dependencia.yaml):',
  },
  writePlanNeedsAnnual: {
    es: '--escribir-plan va con --anual: el Plan de Mejora del año siguiente sale de la evaluación anual.',
    en: '--write-plan goes with --annual: next year\'s Plan de Mejora comes from the annual evaluation.',
  },
  badTemplate: { es: '{detail}. Corrija la plantilla en templates/ del repositorio o elimínela para usar la de plan.', en: '{detail}. Fix the template in the repository\'s templates/ or delete it to use plan\'s own.' },
} as const;


interface ReportOptions {
  quarter?: string;
  annual?: boolean;
  transparencia?: boolean;
  year?: string;
  format: string;
  out?: string;
  dependencia?: string;
  fechaCorte?: string;
  writePlan?: boolean;
}

function parseQuarter(value: string): Quarter {
  const match = /^[QqTt]([1-4])$/.exec(value.trim());
  if (!match) throw new UsageError(TEXT.badQuarter, { value });
  return `T${match[1]}` as Quarter;
}

const H = {
  summary: {
    es: 'genera el resumen trimestral, la evaluación anual o la tabla de transparencia (Markdown, Excel, sitio HTML, PDF o CSV)',
    en: 'build the quarterly summary, the annual evaluation or the transparency table (Markdown, Excel, HTML site, PDF or CSV)',
  },
  description: {
    es: 'Genera los reportes de Planeación a partir de los datos validados: con --trimestre T2, el resumen trimestral (entregas, metas con semáforo, beneficiarios, colaboraciones, retroalimentación); con --anual, la evaluación anual por criterio, grado, tipo de plan y Plan de Mejora del año siguiente; con --transparencia --trimestre T2, los indicadores de resultados (LGT art. 70 fr. VI) del trimestre.\n\nSin --fecha-corte, un reporte trimestral se juzga al día siguiente del cierre de la ventana de entrega de su trimestre (calendario de plan.yaml) y la evaluación anual al día siguiente del cierre de la del cuarto trimestre: el mismo repositorio da el mismo reporte cualquier día. El reporte dice qué fecha de corte usó.\n\nSi los datos tienen errores de validación no se genera nada (código 1) y se nombran los archivos con errores; con --dependencia sólo cuentan los errores de esa dependencia y de los archivos compartidos (plan.yaml, catalogos/, planeacion/). Las advertencias aparecen como hallazgos del reporte.\n\nCada opción se acepta también con su nombre en inglés, que la ayuda dice al final de su descripción.',
    en: 'Builds Planeación\'s reports from the validated data: with --quarter Q2, the quarterly summary (deliveries, goals with traffic light, beneficiaries, collaborations, feedback); with --annual, the annual evaluation by criterion, grade, plan type and next year\'s Plan de Mejora; with --transparencia --quarter Q2, the quarter\'s results indicators (LGT art. 70 fr. VI).\n\nWithout --fecha-corte, a quarterly report is judged on the day after its quarter\'s delivery window closes (calendar of plan.yaml) and the annual evaluation on the day after the fourth quarter\'s window closes: the same repository gives the same report on any day. The report states the cut-off date it used.\n\nIf the data has validation errors nothing is written (exit code 1) and the files with errors are named; with --dependencia only errors of that department and of shared files (plan.yaml, catalogos/, planeacion/) count. Warnings appear as findings in the report.\n\nEvery option is also accepted under its Spanish name, given at the end of its description.',
  },
  quarter: { es: 'trimestre: T1, T2, T3 o T4 (o bien Q1…Q4)', en: 'quarter: Q1, Q2, Q3 or Q4 (or T1…T4)' },
  annual: { es: 'evaluación anual del ejercicio', en: 'annual evaluation of the fiscal year' },
  transparencia: {
    es: 'tabla de indicadores de resultados para transparencia (requiere --trimestre)',
    en: 'results indicators table for transparency (needs --quarter)',
  },
  year: { es: 'ejercicio (por omisión: el de plan.yaml)', en: 'fiscal year (default: the one in plan.yaml)' },
  out: { es: 'carpeta de salida (por omisión: reportes/ en la raíz del plan)', en: 'output folder (default: reportes/ at the plan root)' },
  dependencia: {
    es: 'sólo el reporte de una dependencia; errores de otras dependencias no lo impiden',
    en: 'only one department\'s report; errors of other departments do not stop it',
  },
  writePlan: {
    es: 'con --anual, escribe además el Plan de Mejora del año siguiente de cada dependencia en <salida>/plan-de-mejora-<AAAA+1>/<CLAVE>.yaml, listo para copiar en su dependencia.yaml',
    en: 'with --annual, also write each department\'s improvement plan for the next year to <out>/plan-de-mejora-<YYYY+1>/<CLAVE>.yaml, ready to paste into its dependencia.yaml',
  },
  fechaCorte: {
    es: 'fecha con la que se decide qué reportes ya debían entregarse (por omisión: el día siguiente al cierre de la ventana de entrega del periodo)',
    en: 'date that decides which reports were already due (default: the day after the period\'s delivery window closes)',
  },
} as const;

/** The option that asks for each kind of report, as the help and messages name it. */
const KIND_OPTION: Record<ReportKind, Record<Lang, string>> = {
  trimestral: { es: '--trimestre', en: '--quarter' },
  anual: { es: '--anual', en: '--annual' },
  transparencia: { es: '--transparencia', en: '--transparencia' },
};
const ALL_KINDS = Object.keys(KIND_OPTION) as ReportKind[];
const OR = { es: ' o ', en: ' or ' } as const;

function kindOptions(kinds: readonly ReportKind[], lang: Lang): string {
  return kinds.map((kind) => KIND_OPTION[kind][lang]).join(OR[lang]);
}

/** `md, xlsx, csv (sólo --transparencia) o all (por omisión: all)`, from the registry. */
function formatHelp(): Record<Lang, string> {
  const list = (lang: Lang) =>
    formatNames()
      .map((name) => {
        const { kinds, requires } = rendererNamed(name)!;
        if (requires) return lang === 'es' ? `${name} (necesita ${requires})` : `${name} (needs ${requires})`;
        if (ALL_KINDS.every((kind) => kinds.includes(kind))) return name;
        return lang === 'es' ? `${name} (sólo ${kindOptions(kinds, lang)})` : `${name} (${kindOptions(kinds, lang)} only)`;
      })
      .join(', ');
  // Formats that need an outside program (pdf: Chromium) are written only when named.
  const named = formatNames().filter((name) => rendererNamed(name)!.inAll === false).join(', ');
  const all: Record<Lang, string> = named
    ? { es: `all, que son todos menos ${named} (por omisión: all)`, en: `all, which is every one but ${named} (default: all)` }
    : { es: 'all (por omisión: all)', en: 'all (default: all)' };
  return { es: `${list('es')} o ${all.es}`, en: `${list('en')} or ${all.en}` };
}

export function reportCommand(io: CliIo, globals: () => GlobalOptions, setExit: (code: number) => void, lang: Lang = 'es'): Command {
  const command = new Command('report').summary(H.summary[lang]).description(H.description[lang]);
  const add = (spec: OptionSpec) => addOption(command, lang, spec);
  add({ long: { en: '--quarter', es: '--trimestre' }, value: { en: '<Q>', es: '<T>' }, description: H.quarter });
  add({ long: { en: '--annual', es: '--anual' }, description: H.annual });
  add({ long: '--transparencia', description: H.transparencia });
  add({ long: { en: '--year', es: '--ejercicio' }, value: { en: '<YYYY>', es: '<AAAA>' }, description: H.year });
  add({ long: { en: '--format', es: '--formato' }, value: { en: '<format>', es: '<formato>' }, description: formatHelp(), defaultValue: 'all' });
  add({ long: { en: '--out', es: '--salida' }, value: { en: '<folder>', es: '<carpeta>' }, description: H.out });
  add({ long: '--dependencia', value: { en: '<CLAVE>', es: '<CLAVE>' }, description: H.dependencia });
  add({ long: '--fecha-corte', value: { en: '<YYYY-MM-DD>', es: '<AAAA-MM-DD>' }, description: H.fechaCorte });
  add({ long: { en: '--write-plan', es: '--escribir-plan' }, description: H.writePlan });
  return command
    .action(async (options: ReportOptions) => {
      const { lang, directory } = globals();
      const renderer = options.format === 'all' ? undefined : rendererNamed(options.format);
      if (options.format !== 'all' && !renderer) throw new UsageError(TEXT.badFormat, { value: options.format, formats: formatNames().join(', ') });
      const kind: ReportKind = options.transparencia ? 'transparencia' : options.annual ? 'anual' : 'trimestral';
      if (renderer && !renderer.kinds.includes(kind)) {
        throw new UsageError(TEXT.formatNotForReport, { format: options.format, reports: kindOptions(renderer.kinds, lang) });
      }
      if (options.annual && options.quarter) throw new UsageError(TEXT.annualWithQuarter);
      if (Boolean(options.annual) === Boolean(options.quarter) && !options.transparencia) throw new UsageError(TEXT.whichReport);
      if (options.transparencia && (!options.quarter || options.annual)) throw new UsageError(TEXT.whichReport);
      if (options.writePlan && !options.annual) throw new UsageError(TEXT.writePlanNeedsAnnual);
      const quarter = options.quarter ? parseQuarter(options.quarter) : undefined;
      if (options.year !== undefined && !/^\d{4}$/.test(options.year)) throw new UsageError(TEXT.badYear, { value: options.year });

      // A missing program (Chromium for the PDF) is said before a long validation, not after it.
      const unavailable = renderer?.unavailable?.();
      if (unavailable) throw new UsageError(unavailable.text, unavailable.params);
      const root = resolveRoot(io, directory);
      if (options.dependencia !== undefined) checkDepartment(root, options.dependencia);
      const given = options.fechaCorte === undefined ? undefined : parseCutoff(io, options.fechaCorte);
      const outDir = resolveOutDir(root, options.out, io.cwd);
      const { FilePool, poolSetup } = await import('../parallel/pool.js');
      // A large repo's threads load their modules while this one loads the pipeline's.
      const early = FilePool.startEarly(poolSetup(root, { lang }));
      const [{ runValidation }, { planCalendar }, { reportCutoff }] = await Promise.all([
        import('./check.js'),
        import('./plan-calendar.js'),
        import('../calendar/report-cutoff.js'),
      ]);
      const plan = planCalendar(root, options.year ? Number(options.year) : io.today().getFullYear());
      const year = options.year ? Number(options.year) : plan.ejercicio;
      // Before the long validation run: a year or quarter nobody reported has nothing to evaluate.
      checkPeriodHasReports(root, year, quarter, Boolean(options.transparencia), lang);
      const corte: ReportCutoff = given ? { fecha: given } : reportCutoff(plan.calendar, year, quarter ?? 'T4');
      const chosen = renderersFor(kind).filter(({ name, renderer }) => (options.format === 'all' ? renderer.inAll !== false : options.format === name));
      // In a repo large enough to validate on threads (early), some formats render on a second
      // core while this one renders the others (formatsForThread). That thread starts once the
      // files are loaded, when the pool's threads have little left to do, and loads its
      // formats' modules (exceljs) while this one runs the rules and builds the view.
      const onThread = early ? formatsForThread(chosen) : new Set<string>();
      const renderThread: { started?: StartedRenderThread } = {};
      const startThread =
        onThread.size > 0
          ? () => {
              try {
                renderThread.started = startRenderThread([...onThread]);
              } catch {
                // A thread that cannot start (no file handles left): its formats render here.
              }
            }
          : undefined;
      try {
        const built = await buildView(io, root, lang, corte, options, year, quarter, runValidation, { early, onLoaded: startThread });
        if (!built) {
          setExit(1);
          return;
        }
        // Only the view lives on: the validated model is garbage by now, which matters for
        // a 20,000-file repo whose workbook is built next.
        const { view, base, plans } = built;
        const templatesDir = existsSync(path.join(root, 'templates')) ? path.join(root, 'templates') : undefined;
        const renderOptions: RenderOptions = templatesDir ? { templatesDir } : {};
        let thread = renderThread.started;
        if (thread && !roomForCopy()) {
          await thread.stop();
          thread = undefined;
        }
        thread?.post({ view, ...renderOptions });
        await writeReport({ io, lang, root, outDir, base, year, plans, view, chosen, renderOptions }, thread?.results ?? new Map());
      } finally {
        await renderThread.started?.stop();
      }
    });
}

/** What writeReport needs of the run: where to write, the view and the formats chosen. */
interface ReportWrite {
  io: CliIo;
  lang: Lang;
  root: string;
  outDir: string;
  base: string;
  year: number;
  plans: { name: string; text: string }[] | undefined;
  view: ReportView;
  chosen: readonly NamedRenderer[];
  renderOptions: RenderOptions;
}

/** Renders the chosen formats (those given to the render thread come from it) and writes them as one set. */
async function writeReport({ io, lang, root, outDir, base, year, plans, view, chosen, renderOptions }: ReportWrite, fromThread: ReadonlyMap<string, Promise<ThreadResult>>): Promise<void> {
  // Texts cut to a format's cell limit, said once the files are written (cell-guard.ts), in the formats' order.
  const cutsOf = new Map<string, CutCell[]>(chosen.map(({ name }) => [name, []]));
  const renderHere = async ({ name, renderer }: NamedRenderer): Promise<RenderOutput> => {
    const threaded = fromThread.get(name);
    if (threaded) {
      try {
        const { output, cuts } = await threaded;
        cutsOf.get(name)!.push(...cuts);
        return output;
      } catch (error) {
        if (!(error instanceof RenderThreadLost)) throw error;
      }
    }
    return renderer.render(view, { ...renderOptions, onCut: (cut) => cutsOf.get(name)!.push(cut) });
  };
  const started = new Map<string, Promise<RenderOutput>>();
  const render = (named: NamedRenderer): Promise<RenderOutput> => {
    let output = started.get(named.name);
    if (!output) {
      output = renderHere(named).catch((error: unknown) => {
        // A repo's own template that does not compile is a configuration problem.
        if (error instanceof TemplateError) throw new UsageError(TEXT.badTemplate, { detail: error.message });
        if (error instanceof RendererUnavailable) throw new UsageError(error.text, error.params);
        throw error;
      });
      started.set(named.name, output);
    }
    return output;
  };
  // This thread's formats start now, before anything waits on the render thread.
  if (fromThread.size > 0) for (const named of chosen) if (!fromThread.has(named.name)) render(named).catch(() => {});
  const outputs: PendingFile[] = [];
  // What «Reportes escritos» names: each file, and a site by its index.html, not its pages.
  const shown: string[] = [];
  const sites: string[] = [];
  const fileOf = new Map<string, string>();
  for (const named of chosen) {
    const { renderer } = named;
    if (renderer.folder) {
      // A site's pages are only known once rendered; they are written with the other files, as one set.
      const dir = path.join(outDir, base);
      fileOf.set(named.name, dir);
      const folder = await render(named);
      if (!isFolder(folder)) throw new Error(`${renderer.extension}: se esperaba una carpeta de archivos`);
      for (const file of folder.files) outputs.push({ path: insideFolder(dir, file.path), bytes: () => file.bytes });
      shown.push(insideFolder(dir, folder.entry));
      sites.push(dir);
      continue;
    }
    const file = path.join(outDir, `${base}.${renderer.extension}`);
    fileOf.set(named.name, file);
    outputs.push({
      path: file,
      bytes: async () => {
        const bytes = await render(named);
        if (isFolder(bytes)) throw new Error(`${renderer.extension}: se esperaba un archivo`);
        return bytes;
      },
    });
    shown.push(file);
  }

  prepareOutDir(outDir, lang);
  // The site's folder and the plans' folder are made by the write itself, which removes them if the set fails.
  for (const dir of sites) checkOutDir(dir, lang);
  const planFiles = (plans ?? []).map((plan) => ({ path: path.join(outDir, plan.name), bytes: () => plan.text }));
  if (planFiles.length > 0) {
    const planDir = path.dirname(planFiles[0]!.path);
    if (isPlanInputPath(root, planDir)) throw new UsageError(TEXT.outInsideData, { dir: planDir });
    checkOutDir(planDir, lang);
  }
  let written: string[];
  try {
    written = await whileWriting(() => writeFilesAtomically([...outputs, ...planFiles]));
  } catch (error) {
    if (!(error instanceof WriteError)) throw error;
    throw new UsageError(TEXT.cannotWrite, { file: error.file, reason: fileErrorReason(error.cause, lang) });
  }
  for (const dir of sites) removeStalePages(dir, written);
  const list = (files: string[]) => files.map((f) => `  ${displayPath(io.cwd, f)}\n`).join('');
  io.stdout(`${TEXT.written[lang]}\n${list(shown)}`);
  for (const [name, cuts] of cutsOf) for (const cut of cuts) io.stderr(cutWarning(displayPath(io.cwd, fileOf.get(name)!), cut, lang));
  if (planFiles.length > 0) io.stdout(`${fill(TEXT.plansWritten[lang], { year: year + 1 })}\n${list(written.slice(outputs.length))}`);
}

/** Validates, then builds the view the options ask for; undefined when the data has errors. */
async function buildView(
  io: CliIo,
  root: string,
  lang: Lang,
  corte: ReportCutoff,
  options: ReportOptions,
  year: number,
  quarter: Quarter | undefined,
  runValidation: typeof import('./check.js').runValidation,
  run: { early: FilePool | undefined; onLoaded: (() => void) | undefined },
): Promise<{ view: ReportView; base: string; plans?: { name: string; text: string }[] } | undefined> {
  const { early, onLoaded } = run;
  const result = await runValidation(io, root, lang, corte.fecha, { ...(early ? { early } : {}), ...(onLoaded ? { onLoaded } : {}) });
  const errors = result.diagnostics.filter((d) => d.severity === 'error' && !isExcused(d));
  const clave = options.dependencia;
  // One department's report reads its own files and the shared ones (plan.yaml, catalogos/,
  // planeacion/); another department's broken report must not hold it back.
  const blocking = clave ? errors.filter((d) => [clave, null].includes(departmentOf(d.file))) : errors;
  if (blocking.length > 0) {
    io.stderr(colorFor(io).red(refusal(blocking, lang, clave)));
    return undefined;
  }
  if (clave && errors.length > 0) {
    const claves = [...new Set(errors.map((d) => departmentOf(d.file)!))].sort();
    io.stderr(fill(TEXT.othersHaveErrors[lang], { errors: counted(errors.length, NOUNS.error, lang), claves: claves.join(', '), clave }));
  }
  const { model } = result;
  if (clave && !model.departmentsByClave.has(clave)) {
    throw new UsageError(TEXT.unknownDepartment, { value: clave, all: model.departmentClaves().join(', ') });
  }
  const viewOptions = { year, corte, ...(clave ? { dependencia: clave } : {}) };
  const suffix = clave ? `-${clave}` : '';
  if (options.transparencia) {
    const { transparencyView } = await import('../report/view/transparency.js');
    return { view: transparencyView(model, `${year}-${quarter}`, viewOptions), base: `transparencia-${year}-${quarter}${suffix}` };
  }
  if (quarter) {
    const { quarterlyView } = await import('../report/view/quarterly.js');
    return { view: quarterlyView(model, result.diagnostics, quarter, viewOptions), base: `trimestral-${year}-${quarter}${suffix}` };
  }
  const { annualView } = await import('../report/view/annual.js');
  const view = annualView(model, result.diagnostics, viewOptions);
  if (!options.writePlan) return { view, base: `anual-${year}${suffix}` };
  const [{ evaluateDepartment }, { nextPlanPath, nextPlanYaml }] = await Promise.all([import('../report/metrics/evaluation.js'), import('../report/next-plan-file.js')]);
  const claves = clave ? [clave] : model.departmentClaves();
  const plans = claves.map((c) => ({ name: nextPlanPath(c, year), text: nextPlanYaml(evaluateDepartment(model, c, result.diagnostics, year), year) }));
  return { view, base: `anual-${year}${suffix}`, plans };
}

const NOUNS = {
  error: { es: ['error', 'errores'], en: ['error', 'errors'] },
  file: { es: ['archivo', 'archivos'], en: ['file', 'files'] },
} as const;

function counted(count: number, noun: Record<Lang, readonly [string, string]>, lang: Lang): string {
  return `${count} ${noun[lang][count === 1 ? 0 : 1]}`;
}

/** Files listed by name when a report is refused; the rest are counted. */
const LISTED_FILES = 5;

/** Why nothing was written: how many errors, in which files (the first few), and what to run. */
function refusal(errors: readonly Diagnostic[], lang: Lang, clave: string | undefined): string {
  const perFile = new Map<string, number>();
  for (const d of errors) perFile.set(d.file, (perFile.get(d.file) ?? 0) + 1);
  const files = [...perFile.keys()].sort();
  const head = fill((clave ? TEXT.departmentHasErrors : TEXT.hasErrors)[lang], {
    clave: clave ?? '',
    errors: counted(errors.length, NOUNS.error, lang),
    files: counted(files.length, NOUNS.file, lang),
  });
  const listed = files.slice(0, LISTED_FILES).map((file) => `  ${file} (${counted(perFile.get(file)!, NOUNS.error, lang)})\n`);
  const rest = files.length - LISTED_FILES;
  const more = rest > 0 ? fill(TEXT.moreFiles[lang], { count: rest, files: NOUNS.file[lang][rest === 1 ? 0 : 1] }) : '';
  return `${head}${listed.join('')}${more}${TEXT.runValidate[lang]}`;
}

function resolveOutDir(root: string, out: string | undefined, cwd: string): string {
  const dir = out === undefined ? path.join(root, 'reportes') : path.resolve(cwd, out);
  if (isPlanInputPath(root, dir)) throw new UsageError(TEXT.outInsideData, { dir: out ?? dir });
  return dir;
}

function isFolder(output: string | Uint8Array | RenderedFolder): output is RenderedFolder {
  return typeof output === 'object' && !(output instanceof Uint8Array);
}

/** A site's file path under its folder; a renderer's relative path never leaves it. */
function insideFolder(dir: string, relative: string): string {
  const parts = relative.split('/');
  if (parts.some((part) => part === '' || part === '.' || part === '..' || part.includes('\\'))) throw new Error(`Ruta de archivo inválida en el sitio: ${relative}`);
  return path.join(dir, ...parts);
}

/**
 * Pages a previous run of the same site left in its subfolders (a department that no longer
 * exists): only `.html` files, only in the subfolders this run wrote to, never the site's
 * own top level nor anything outside it.
 */
function removeStalePages(dir: string, written: readonly string[]): void {
  const kept = new Set(written);
  const folders = new Set(written.filter((file) => file.startsWith(dir + path.sep)).map((file) => path.dirname(file)));
  folders.delete(dir);
  for (const folder of folders) {
    try {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const file = path.join(folder, entry.name);
        if (entry.isFile() && entry.name.endsWith('.html') && !entry.name.startsWith('.') && !kept.has(file)) rmSync(file, { force: true });
      }
    } catch {
      // Tidying only: the new site is complete and linked; an old page left over harms nothing.
    }
  }
}

function prepareOutDir(dir: string, lang: Lang): void {
  try {
    checkOutDir(dir, lang);
    // Level by level: a recursive mkdir says ENOENT for a read-only file system.
    makeFolders(dir);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(TEXT.outNotDir, { dir, reason: fileErrorReason(error, lang) });
  }
}

/** A file where an output folder goes is said before anything is rendered. */
function checkOutDir(dir: string, lang: Lang): void {
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UsageError(TEXT.outNotDir, { dir, reason: fileErrorReason({ code: 'ENOTDIR' }, lang) });
}
