import { Command } from 'commander';
import { existsSync, mkdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Lang } from '../i18n/text.js';
import type { Quarter } from '../model/types.js';
import type { ReportView } from '../report/view/types.js';
import { colorFor, UsageError, type CliIo } from './io.js';
import { displayPath, fileErrorReason } from './reasons.js';
import { parseCutoff, resolveRoot, type GlobalOptions } from './validate.js';

const T = {
  whichReport: {
    es: 'Indique qué reporte generar: --quarter Q1..Q4 (resumen trimestral), --annual (evaluación anual) o --transparencia --quarter Q1..Q4.',
    en: 'Say which report to build: --quarter Q1..Q4 (quarterly summary), --annual (annual evaluation) or --transparencia --quarter Q1..Q4.',
  },
  badQuarter: { es: '--quarter espera Q1, Q2, Q3 o Q4; se recibió «{value}».', en: '--quarter expects Q1, Q2, Q3 or Q4; got "{value}".' },
  badYear: { es: '--year espera un año de cuatro cifras; se recibió «{value}».', en: '--year expects a four-digit year; got "{value}".' },
  badFormat: { es: '--format espera md, xlsx, csv o all; se recibió «{value}».', en: '--format expects md, xlsx, csv or all; got "{value}".' },
  csvOnlyTransparency: { es: 'El formato csv sólo existe para --transparencia.', en: 'The csv format exists only for --transparencia.' },
  unknownDepartment: { es: 'La dependencia «{value}» no existe en este repositorio. Dependencias: {all}.', en: 'Department "{value}" does not exist in this repository. Departments: {all}.' },
  outInsideData: {
    es: 'La carpeta de salida «{dir}» está dentro de los datos del plan; elija otra (por omisión: reportes/).',
    en: 'Output folder "{dir}" is inside the plan data; choose another one (default: reportes/).',
  },
  outNotDir: { es: 'No se puede usar «{dir}» como carpeta de salida: {reason}.', en: 'Cannot use "{dir}" as output folder: {reason}.' },
  cannotWrite: { es: 'No se pudo escribir «{file}»: {reason}. Revise los permisos y el espacio libre de la carpeta de salida.', en: 'Could not write "{file}": {reason}. Check permissions and free space of the output folder.' },
  hasErrors: {
    es: 'Los datos tienen {errors} error(es) de validación; los reportes se generan sólo con datos aceptados. Ejecute «plan validate» y corrija los errores.\n',
    en: 'The data has {errors} validation error(s); reports are built only from accepted data. Run "plan validate" and fix the errors.\n',
  },
  written: { es: 'Reportes escritos:', en: 'Reports written:' },
  badTemplate: { es: '{detail}. Corrija la plantilla en templates/ del repositorio o elimínela para usar la de plan.', en: '{detail}. Fix the template in the repository\'s templates/ or delete it to use plan\'s own.' },
} as const;

/** Folders that hold the plan's input: a report must never be written into them. */
const INPUT_FOLDERS = ['dependencias', 'planeacion', 'catalogos', 'schemas'];

interface ReportOptions {
  quarter?: string;
  annual?: boolean;
  transparencia?: boolean;
  year?: string;
  format: string;
  out?: string;
  dependencia?: string;
  fechaCorte?: string;
}

function parseQuarter(value: string): Quarter {
  const match = /^[QqTt]([1-4])$/.exec(value.trim());
  if (!match) throw new UsageError(T.badQuarter, { value });
  return `T${match[1]}` as Quarter;
}

export function reportCommand(io: CliIo, globals: () => GlobalOptions, setExit: (code: number) => void): Command {
  return new Command('report')
    .summary('genera el resumen trimestral, la evaluación anual o la tabla de transparencia (Excel y Markdown)')
    .description(
      'Genera los reportes de Planeación a partir de los datos validados:\n  --quarter Q2        resumen trimestral (entregas, metas con semáforo, beneficiarios, colaboraciones, retroalimentación)\n  --annual            evaluación anual por criterio, grado, tipo de plan y Plan de Mejora 2020\n  --transparencia     indicadores de resultados (LGT art. 70 fr. VI) del trimestre indicado con --quarter\n\nSi los datos tienen errores de validación no se genera nada (código 1); las advertencias aparecen como hallazgos del reporte.',
    )
    .option('--quarter <Q>', 'trimestre: Q1, Q2, Q3 o Q4')
    .option('--annual', 'evaluación anual del ejercicio')
    .option('--transparencia', 'tabla de indicadores de resultados para transparencia (requiere --quarter)')
    .option('--year <AAAA>', 'ejercicio (por omisión: el de plan.yaml)')
    .option('--format <formato>', 'md, xlsx, csv (sólo --transparencia) o all (por omisión: all)', 'all')
    .option('--out <carpeta>', 'carpeta de salida (por omisión: reportes/ en la raíz del plan)')
    .option('--dependencia <CLAVE>', 'sólo el reporte de una dependencia')
    .option('--fecha-corte <AAAA-MM-DD>', 'fecha con la que se decide qué reportes ya debían entregarse (por omisión: hoy)')
    .action(async (options: ReportOptions) => {
      const { lang, directory } = globals();
      if (!['md', 'xlsx', 'csv', 'all'].includes(options.format)) throw new UsageError(T.badFormat, { value: options.format });
      if (options.format === 'csv' && !options.transparencia) throw new UsageError(T.csvOnlyTransparency);
      if (Boolean(options.annual) === Boolean(options.quarter) && !options.transparencia) throw new UsageError(T.whichReport);
      if (options.transparencia && (!options.quarter || options.annual)) throw new UsageError(T.whichReport);
      const quarter = options.quarter ? parseQuarter(options.quarter) : undefined;
      if (options.year !== undefined && !/^\d{4}$/.test(options.year)) throw new UsageError(T.badYear, { value: options.year });

      const root = resolveRoot(io, directory);
      const fechaCorte = parseCutoff(io, options.fechaCorte);
      const outDir = resolveOutDir(root, options.out, io.cwd);
      const [{ runValidation }, { WriteError, writeFilesAtomically }] = await Promise.all([import('./check.js'), import('../report/write.js')]);
      const built = await buildView(io, root, lang, fechaCorte, options, quarter, runValidation);
      if (!built) {
        setExit(1);
        return;
      }
      // Only the view lives on: the validated model is garbage by now, which matters for
      // a 20,000-file repo whose workbook is built next.
      const { view, base } = built;
      const outputs: { name: string; bytes: () => Promise<string | Uint8Array> }[] = [];
      const want = (format: string) => options.format === 'all' || options.format === format;
      const templatesDir = existsSync(path.join(root, 'templates')) ? path.join(root, 'templates') : undefined;
      const markdown = async () => {
        const { renderMarkdown, TemplateError } = await import('../report/markdown.js');
        try {
          return renderMarkdown(view, templatesDir ? { templatesDir } : {});
        } catch (error) {
          // A repo's own template that does not compile is a configuration problem.
          if (error instanceof TemplateError) throw new UsageError(T.badTemplate, { detail: error.message });
          throw error;
        }
      };
      const workbook = async () => (await import('../report/xlsx.js')).renderXlsx(view);
      if (view.kind === 'transparencia') {
        if (want('xlsx')) outputs.push({ name: `${base}.xlsx`, bytes: workbook });
        if (want('csv')) outputs.push({ name: `${base}.csv`, bytes: async () => (await import('../report/csv.js')).renderCsv(view, 'indicadores') });
        if (want('md')) outputs.push({ name: `${base}.md`, bytes: markdown });
      } else {
        if (want('md')) outputs.push({ name: `${base}.md`, bytes: markdown });
        if (want('xlsx')) outputs.push({ name: `${base}.xlsx`, bytes: workbook });
      }

      prepareOutDir(outDir, lang);
      let written: string[];
      try {
        written = await writeFilesAtomically(outputs.map((output) => ({ path: path.join(outDir, output.name), bytes: output.bytes })));
      } catch (error) {
        if (!(error instanceof WriteError)) throw error;
        throw new UsageError(T.cannotWrite, { file: error.file, reason: fileErrorReason(error.cause, lang) });
      }
      io.stdout(`${T.written[lang]}\n${written.map((f) => `  ${displayPath(io.cwd, f)}`).join('\n')}\n`);
    });
}

/** Validates, then builds the view the options ask for; undefined when the data has errors. */
async function buildView(
  io: CliIo,
  root: string,
  lang: Lang,
  fechaCorte: string,
  options: ReportOptions,
  quarter: Quarter | undefined,
  runValidation: typeof import('./check.js').runValidation,
): Promise<{ view: ReportView; base: string } | undefined> {
  const result = runValidation(io, root, lang, fechaCorte);
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > 0) {
    io.stderr(colorFor(io).red(T.hasErrors[lang].replace('{errors}', String(errors))));
    return undefined;
  }
  const { model } = result;
  if (options.dependencia && !model.departmentsByClave.has(options.dependencia)) {
    throw new UsageError(T.unknownDepartment, { value: options.dependencia, all: model.departmentClaves().join(', ') });
  }
  const year = options.year ? Number(options.year) : model.config.ejercicio;
  const viewOptions = { year, ...(options.dependencia ? { dependencia: options.dependencia } : {}) };
  const suffix = options.dependencia ? `-${options.dependencia}` : '';
  if (options.transparencia) {
    const { transparencyView } = await import('../report/view/transparency.js');
    return { view: transparencyView(model, `${year}-${quarter}`, viewOptions), base: `transparencia-${year}-${quarter}${suffix}` };
  }
  if (quarter) {
    const { quarterlyView } = await import('../report/view/quarterly.js');
    return { view: quarterlyView(model, result.diagnostics, quarter, viewOptions), base: `trimestral-${year}-${quarter}${suffix}` };
  }
  const { annualView } = await import('../report/view/annual.js');
  return { view: annualView(model, result.diagnostics, viewOptions), base: `anual-${year}${suffix}` };
}

/** The real path of `target`, resolving symlinks in the part of it that exists. */
function realPathOf(target: string): string {
  const missing: string[] = [];
  let existing = target;
  while (!existsSync(existing)) {
    missing.unshift(path.basename(existing));
    const parent = path.dirname(existing);
    if (parent === existing) break;
    existing = parent;
  }
  return path.join(realpathSync(existing), ...missing);
}

function resolveOutDir(root: string, out: string | undefined, cwd: string): string {
  const dir = out === undefined ? path.join(root, 'reportes') : path.resolve(cwd, out);
  // Compared as real paths: a symlink named «salida» that points into dependencias/ is
  // still the plan's data.
  const relative = path.relative(realpathSync(root), realPathOf(dir));
  const inside = relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
  if (inside && (relative === '' || INPUT_FOLDERS.includes(relative.split(path.sep)[0]!))) {
    throw new UsageError(T.outInsideData, { dir: out ?? dir });
  }
  return dir;
}

function prepareOutDir(dir: string, lang: Lang): void {
  try {
    if (existsSync(dir) && !statSync(dir).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new UsageError(T.outNotDir, { dir, reason: fileErrorReason(error, lang) });
  }
}
