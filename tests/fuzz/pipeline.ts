// The pipeline the fuzzer drives (tests/fuzz/pipeline.test.ts): one generated repo through
// validate and every report the CLI writes, in process, collecting every broken promise:
// an internal error, a non-finite number in a view or a written file, a run that wrote some
// of its files, a refusal that did not match validation's errors.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { isExcused, type Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { Lang } from '../../src/i18n/text.js';
import { annualView } from '../../src/report/view/annual.js';
import { quarterlyView } from '../../src/report/view/quarterly.js';
import { transparencyView } from '../../src/report/view/transparency.js';
import type { ReportView } from '../../src/report/view/types.js';
import { departmentOf } from '../../src/repo/layout.js';
import { validatePlan } from '../../src/validate.js';
import { runCli } from '../cli/run.js';
import { writeRepo } from '../helpers/fixture.js';
import { repoOf, type FuzzedPlan } from './arbitraries.js';

const QUARTER_CUTOFF = '2019-04-15';
const ANNUAL_CUTOFF = '2020-01-31';

/** Every number anywhere in a value, with the path that leads to it. */
export function numbersIn(value: unknown, at = '$', found: [string, number][] = []): [string, number][] {
  if (typeof value === 'number') found.push([at, value]);
  else if (Array.isArray(value)) value.forEach((item, i) => numbersIn(item, `${at}[${i}]`, found));
  else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) numbersIn(item, `${at}.${key}`, found);
  return found;
}

/** Errors that stop a report: with --dependencia, only those of its files and the shared ones. */
function blocking(diagnostics: readonly Diagnostic[], clave: string | undefined): Diagnostic[] {
  const errors = diagnostics.filter((d) => d.severity === 'error' && !isExcused(d));
  return clave ? errors.filter((d) => [clave, null].includes(departmentOf(d.file))) : errors;
}

interface ReportRun {
  name: 'trimestral' | 'anual' | 'transparencia';
  args: string[];
  cutoff: string;
  /** Everything the run writes into its output folder, for a department suffix and the claves reported. */
  files: (suffix: string, claves: string[]) => string[];
  view: (model: ReturnType<typeof validatePlan>['model'], diagnostics: readonly Diagnostic[], clave: string | undefined) => ReportView;
}

/** The HTML site of `--format all`: its folder, index, stylesheet, general sections and one page per department. */
const site = (base: string, claves: string[]) => [base, `${base}/estilos.css`, `${base}/index.html`, `${base}/secciones.html`, `${base}/dependencias`, ...claves.map((c) => `${base}/dependencias/${c}.html`)];

const options = (cutoff: string, clave: string | undefined) => ({ year: 2019, corte: { fecha: cutoff }, ...(clave ? { dependencia: clave } : {}) });

export const RUNS: ReportRun[] = [
  {
    name: 'trimestral',
    args: ['--trimestre', 'T1'],
    cutoff: QUARTER_CUTOFF,
    files: (s, claves) => [`trimestral-2019-T1${s}.md`, `trimestral-2019-T1${s}.xlsx`, ...site(`trimestral-2019-T1${s}`, claves)],
    view: (model, diagnostics, clave) => quarterlyView(model, diagnostics, 'T1', options(QUARTER_CUTOFF, clave)),
  },
  {
    name: 'anual',
    args: ['--anual', '--escribir-plan'],
    cutoff: ANNUAL_CUTOFF,
    files: (s, claves) => [`anual-2019${s}.md`, `anual-2019${s}.xlsx`, ...site(`anual-2019${s}`, claves), 'plan-de-mejora-2020', ...claves.map((c) => `plan-de-mejora-2020/${c}.yaml`)],
    view: (model, diagnostics, clave) => annualView(model, diagnostics, options(ANNUAL_CUTOFF, clave)),
  },
  {
    name: 'transparencia',
    args: ['--transparencia', '--trimestre', 'T1'],
    cutoff: QUARTER_CUTOFF,
    // The transparency table is one page: no department pages.
    files: (s) => [`transparencia-2019-T1${s}.csv`, `transparencia-2019-T1${s}.md`, `transparencia-2019-T1${s}.xlsx`, `transparencia-2019-T1${s}`, `transparencia-2019-T1${s}/estilos.css`, `transparencia-2019-T1${s}/index.html`],
    view: (model, _diagnostics, clave) => transparencyView(model, '2019-T1', clave ? { dependencia: clave } : {}),
  },
];

const INTERNAL = /error interno|internal error|^\s+at /m;
// How a non-finite number shows once formatted (String, toFixed, Intl, YAML): «∞ %», «NaN», «.inf».
const NON_FINITE_TEXT = /\bNaN\b|\bInfinity\b|∞|\.inf\b|\.nan\b/i;

export interface Outcome {
  written: number;
  refused: number;
}

/** Validate, then each report through the CLI; returns what went wrong, empty when nothing did. */
export async function checkPipeline(plan: FuzzedPlan, lang: Lang, clave: string | undefined, outcome: Outcome): Promise<string[]> {
  const problems: string[] = [];
  const root = writeRepo(repoOf(plan));
  const validate = await runCli(['validate', '-C', root, '--lang', lang, '--fecha-corte', QUARTER_CUTOFF]);
  if (![0, 1].includes(validate.code) || INTERNAL.test(validate.stderr)) problems.push(`validate: exit ${validate.code}: ${validate.stderr.trim()}`);

  for (const run of RUNS) {
    let refuse: boolean;
    try {
      const { model, diagnostics } = validatePlan(root, { lang, fechaCorte: run.cutoff });
      refuse = blocking(diagnostics, clave).length > 0;
      if (!refuse) {
        const bad = numbersIn(run.view(model, diagnostics, clave)).filter(([, n]) => !Number.isFinite(n));
        problems.push(...bad.map(([at, n]) => `${run.name}: view ${at} = ${n}`));
      }
    } catch (error) {
      problems.push(`${run.name}: building the view threw ${(error as Error).stack?.split('\n').slice(0, 3).join(' ')}`);
      refuse = false;
    }
    const out = path.join(root, `salida-${run.name}`);
    const cli = await runCli(['report', '-C', root, '--lang', lang, ...run.args, ...(clave ? ['--dependencia', clave] : []), '--fecha-corte', run.cutoff, '--salida', out]);
    // The line that says what happened, not the PLAN029 notice above it.
    const lines = cli.stderr.trim().split('\n');
    const said = `${run.name}: exit ${cli.code}: ${lines.find((line) => /error/i.test(line)) ?? lines.at(-1)}`;
    const written = existsSync(out) ? (readdirSync(out, { recursive: true }) as string[]).map((f) => f.split(path.sep).join('/')).sort() : [];
    if (INTERNAL.test(cli.stderr)) problems.push(said);
    if (refuse) {
      if (cli.code !== 1) problems.push(`${said} (validation has errors: exit 1 expected)`);
      if (written.length > 0) problems.push(`${run.name}: refused but wrote ${written.join(', ')}`);
      outcome.refused++;
      continue;
    }
    if (cli.code !== 0) {
      problems.push(`${said} (validation has no error: exit 0 expected)`);
      if (written.length > 0) problems.push(`${run.name}: failed but left ${written.join(', ')}`);
      continue;
    }
    const expected = run.files(clave ? `-${clave}` : '', clave ? [clave] : ['DIF', 'OP']).sort();
    if (written.join() !== expected.join()) problems.push(`${run.name}: wrote ${written.join(', ')}; expected ${expected.join(', ')}`);
    for (const file of expected.filter((f) => written.includes(f) && f.includes('.'))) {
      const bytes = readFileSync(path.join(out, file));
      if (bytes.length === 0) problems.push(`${run.name}: ${file} is empty`);
      const shown = file.endsWith('.xlsx') ? undefined : NON_FINITE_TEXT.exec(bytes.toString('utf8'))?.[0];
      if (shown) problems.push(`${run.name}: ${file} shows «${shown}»`);
    }
    outcome.written++;
  }
  // Now, not after the whole property: hundreds of repos would pile up in the temp folder.
  rmSync(root, { recursive: true, force: true });
  return problems;
}
