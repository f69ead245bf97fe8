// `npm run bench` (SPEC §6, issue 12): how long `plan` takes on a large synthetic municipality,
// against the fastest schema-only validator and the parse floors, on the same files in the same run.
//
// For 100 departments (40 PPCS × 4 metas, seed 42; see generate.ts) it runs, each as a fresh
// process (startup and module loading included, as for a user):
//   validate  plan validate --fecha-corte 2020-01-31: the baseline every ratio is taken against
//   yaml      floor: read + `yaml` parseDocument of every data file, nothing kept
//   peer      sourcemeta `jsonschema validate --continue <schema> <files…>` (C++, schemas only),
//             its own binary called directly (no npx wrapper), once per schema and batch of
//             files (schemaBatches), every data file against the schema of its place
//   jsyaml    floor: read + `js-yaml` load (CORE_SCHEMA) of every data file, nothing kept
//   peerFast  the same peer with --fast (worse messages), for information
//   base      read, decode and parse every data file with the project's own modules
//             (dist/repo/files.js, dist/repo/decode.js, dist/yaml/parse.js), keeping each
//             file's plain data; for information
//   PR        plan validate --changed-since HEAD, on the repo committed to git with one report
//             changed in the work tree
//   report    plan report --annual --format all
// and `plan --help` from bin/plan.js for the cold start. Wall time is measured in this
// process around each child (process.hrtime; the peer's batches in sequence count as one run);
// each node child reports its own peak RSS (process.resourceUsage().maxRSS) and which heavy
// modules it loaded (require.cache). Medians of 3 runs, fewer if the whole run would pass
// 10 minutes. Then the sha256 of `plan validate --format json` on examples/ and on the
// generated municipality, so two builds can be compared (--comparar does it here).
// It always exits 0 — it is a measurement — and prints issue 12's goals as CUMPLE / NO CUMPLE.
//
//   npm run bench [-- --sizes 25,50,100] [--runs N] [--perfil] [--comparar DIST] [--dir CARPETA] [--keep]
//   npm run bench -- --hostil   the worst-case table of bench-hostile.ts instead
//   npm run bench -- --grande [--sizes 100,1000] [--runs N]
//                  instead: plan validate and plan report --annual --format all on 100 and
//                  1,000 departments of the full shape (40 PPCS × 4 metas; 1,000 departments are
//                  45,007 YAML files, about ten minutes), time, peak RSS and the time per
//                  department as a ratio to the smallest size (linear growth ≈ 1×)
//
//   --perfil        also profile one `plan validate` of the largest size (node --cpu-prof)
//                   and print the functions and files with the most self time
//   --comparar DIST another build (its dist/ folder, or the checkout holding it): its
//                   `plan validate --format json` on the same repos, IGUAL / DISTINTO
//   --dir CARPETA   work folder; repos generated there by an earlier run are reused
//   --keep          keep the temporary work folder
import { createHash } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync, type Dirent } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { placementOf, SCHEMA_FILE } from '../repo/layout.js';
import { HOSTILE_CASES, HOSTILE_RATIO_LIMIT, hostileRepo, ordinaryReport } from './bench-hostile.js';
import { expectedFileCount, FECHA_CORTE, generatePlan, type GenerateOptions, type GenerateSummary } from './generate.js';

const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The build under test: a snapshot taken at start (see snapshotBuild), so a rebuild meanwhile changes nothing. */
let DIST = path.join(PROJECT, 'dist');
let BIN = path.join(PROJECT, 'bin', 'plan.js');
const SEED = 42;
const PPCS = 40;
const METAS = 4;
const HEAVY = ['exceljs', 'handlebars'];
/** The whole run, generation included, should end within 10 minutes on a 2-core machine. */
const BUDGET_SECONDS = 540;
const HELP_RUNS = 10;
/** Bytes of file names per peer invocation: well under Linux's argument limit (2 MiB with the environment). */
const PEER_ARG_BYTES = 200_000;

/** Issue 12's goals, as ratios to `plan validate` on the largest size, and the older bars still kept. */
const TARGETS = {
  /** (a) plan validate no slower than sourcemeta jsonschema validate on the same files. */
  validateVsPeer: 1,
  /** (b) --changed-since with one changed report: at most half a full validate. */
  prVsValidate: 0.5,
  /** (c) report --annual --format all at most 2.5 × validate. */
  reportVsValidate: 2.5,
  rssMb: 500,
  /** The report holds its view twice with the render thread (render/thread.ts): its own bar. */
  reportRssMb: 1024,
  helpMs: 150,
};

type Kind = 'validate' | 'yaml' | 'peer' | 'jsyaml' | 'peerFast' | 'base' | 'pr' | 'prCold' | 'report';
/** Table order; within a run the kinds alternate in this order too. */
const LABEL: Record<Kind, string> = {
  validate: 'plan validate',
  yaml: 'piso: leer + yaml parseDocument de cada archivo',
  peer: 'sourcemeta jsonschema validate (C++, sólo esquemas)',
  jsyaml: 'piso: leer + js-yaml load (esquema core) de cada archivo',
  peerFast: 'sourcemeta jsonschema validate --fast',
  base: 'base: leer y analizar con dist/yaml de plan',
  pr: 'plan validate --changed-since --cache (1 reporte)',
  prCold: 'plan validate --changed-since, sin caché',
  report: 'plan report --annual --format all',
};
/** Children that are not plan: their memory is shown, not judged. */
const NOT_PLAN: ReadonlySet<Kind> = new Set(['yaml', 'peer', 'jsyaml', 'peerFast', 'base']);

interface Sample {
  seconds: number;
  rssMb?: number;
  heavy?: string[];
  /** Files the baseline or a floor parsed, or the peer validated. */
  files?: number;
  ok: boolean;
  problem?: string;
  stderr: string;
  /** The child's standard output, when asked for (the digests of goal e). */
  stdout?: string;
  /** The child's exit code (null when a signal ended it). */
  code?: number | null;
}

interface SizeResult {
  departments: number;
  summary: GenerateSummary;
  runs: number;
  samples: Partial<Record<Kind, Sample[]>>;
  prNotice?: string;
}

const log = (text: string) => process.stderr.write(`${text}\n`);

// ---------------------------------------------------------------- child processes

const REPORT_FUNCTION = `
function report(resultFile, extra) {
  const cache = Object.keys(createRequire(import.meta.url).cache);
  const heavy = ${JSON.stringify(HEAVY)}.filter((m) => cache.some((k) => k.includes('/node_modules/' + m + '/')));
  writeFileSync(resultFile, JSON.stringify({ maxRSS: process.resourceUsage().maxRSS, heavy, ...extra }));
}`;

/**
 * A script that runs the CLI of the build in `dist` as bin/plan.js does (its bundle; a build
 * from before the bundle, its modules), plus peak RSS and loaded heavy modules at exit.
 */
function writeCliScript(file: string, dist: string): string {
  const main = ['bundle', 'cli'].map((folder) => path.join(dist, folder, 'main.js')).find((candidate) => existsSync(candidate))!;
  writeFileSync(
    file,
    `// The CLI as bin/plan.js runs it, plus peak RSS and loaded heavy modules at exit.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
${REPORT_FUNCTION}
const [resultFile, ...args] = process.argv.slice(2);
process.on('exit', (code) => report(resultFile, { code }));
const { main } = await import(${JSON.stringify(pathToFileURL(main).href)});
process.exitCode = await main(['node', 'plan', ...args]);
`,
  );
  return file;
}

/**
 * A parse floor: read every file of a list (one repo-relative path a line) and parse it with
 * `parse`, keeping nothing; any file that does not parse makes the child fail.
 */
function writeFloorScript(file: string, what: string, imports: string, parse: string): string {
  writeFileSync(
    file,
    `// Parse floor: ${what} of every data file in the list, nothing kept.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
${imports}
${REPORT_FUNCTION}
const [resultFile, root, list] = process.argv.slice(2);
const files = readFileSync(list, 'utf8').split('\\n').filter(Boolean);
let failed = 0;
for (const file of files) {
  const text = readFileSync(path.join(root, file), 'utf8');
  try {
    if (!(${parse})) failed++;
  } catch {
    failed++;
  }
}
report(resultFile, { files: files.length, failed });
if (failed > 0) process.exitCode = 1;
`,
  );
  return file;
}

/** The scripts the children run: written to the work folder, importing the built project. */
function writeScripts(work: string): { baseline: string; cli: string; yaml: string; jsyaml: string } {
  const url = (rel: string) => JSON.stringify(pathToFileURL(path.join(DIST, rel)).href);
  // The floors use the project's own copies of the parsers (node_modules beside package.json).
  const resolvePackage = (name: string) => JSON.stringify(pathToFileURL(createRequire(path.join(PROJECT, 'package.json')).resolve(name)).href);
  const baseline = path.join(work, 'base.mjs');
  writeFileSync(
    baseline,
    `// Parse-only baseline: list the repo, read, decode and parse every data file; keep each file's data.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { listRepo } from ${url('repo/files.js')};
import { placementOf } from ${url('repo/layout.js')};
import { decodeYamlBytes } from ${url('repo/decode.js')};
import { parseYaml } from ${url('yaml/parse.js')};
${REPORT_FUNCTION}
const [resultFile, root] = process.argv.slice(2);
const { entries } = listRepo(root);
const values = [];
let failed = 0;
for (const file of [...entries.keys()].sort()) {
  if (!placementOf(file)) continue;
  const decoded = decodeYamlBytes(readFileSync(path.join(root, file)));
  const outcome = decoded.ok ? parseYaml(decoded.text) : { ok: false };
  if (outcome.ok) values.push(outcome.parsed.value);
  else failed++;
}
report(resultFile, { files: values.length + failed, failed });
if (failed > 0) process.exitCode = 1;
`,
  );
  return {
    baseline,
    cli: writeCliScript(path.join(work, 'cli.mjs'), DIST),
    // yaml's CommonJS build: import it whole, as the project's modules do.
    yaml: writeFloorScript(path.join(work, 'piso-yaml.mjs'), 'yaml parseDocument', `import YAML from ${resolvePackage('yaml')};`, 'YAML.parseDocument(text).errors.length === 0'),
    jsyaml: writeFloorScript(path.join(work, 'piso-js-yaml.mjs'), 'js-yaml load (CORE_SCHEMA)', `import jsyaml from ${resolvePackage('js-yaml')};`, '(jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA }), true)'),
  };
}

let resultCounter = 0;

/** Runs `node …args` to completion; wall time from spawn to exit, as seen from here. */
function runNode(args: string[], work: string, options: { expectCode?: number; nodeArgs?: string[]; withResult?: boolean; stdout?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<Sample> {
  const resultFile = path.join(work, `resultado-${process.pid}-${resultCounter++}.json`);
  const childArgs = [...(options.nodeArgs ?? []), ...(options.withResult === false ? args : [args[0]!, resultFile, ...args.slice(1)])];
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, childArgs, { stdio: ['ignore', options.stdout ? 'pipe' : 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1', ...options.env } });
    let stderr = '';
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      if (stderr.length < 20_000) stderr += chunk;
    });
    const stdout: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.on('error', (error) => resolve({ seconds: Number.NaN, ok: false, problem: error.message, stderr }));
    child.on('close', (code, signal) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const sample: Sample = { seconds, ok: true, stderr, code };
      if (options.stdout) sample.stdout = Buffer.concat(stdout).toString('utf8');
      if (options.withResult !== false) {
        try {
          const result = JSON.parse(readFileSync(resultFile, 'utf8')) as { maxRSS: number; heavy: string[]; files?: number };
          sample.rssMb = result.maxRSS / 1024;
          sample.heavy = result.heavy;
          if (result.files !== undefined) sample.files = result.files;
          rmSync(resultFile, { force: true });
        } catch {
          sample.ok = false;
          sample.problem = 'el proceso no informó su memoria';
        }
      }
      const expected = options.expectCode ?? 0;
      if (signal || code !== expected) {
        sample.ok = false;
        sample.problem = signal ? `terminó por la señal ${signal}` : `código de salida ${code} (se esperaba ${expected})`;
      }
      resolve(sample);
    });
  });
}

// ---------------------------------------------------------------- the peer: sourcemeta jsonschema

/** The binary's name inside @sourcemeta/jsonschema/build/github-releases, as its npm/main.js picks it. */
export function peerExecutableName(platform: string, arch: string, musl: boolean): string {
  const system = platform === 'win32' ? 'windows' : platform;
  const machine = arch === 'x64' ? 'x86_64' : arch;
  return `jsonschema-${system}-${machine}${system === 'linux' && musl ? '-musl' : ''}${system === 'windows' ? '.exe' : ''}`;
}

/** The peer's binary, or why it cannot run here. */
function peerExecutable(): { file: string } | { problem: string } {
  let packageJson: string;
  try {
    packageJson = createRequire(path.join(PROJECT, 'package.json')).resolve('@sourcemeta/jsonschema/package.json');
  } catch {
    return { problem: '@sourcemeta/jsonschema no está instalado (npm install)' };
  }
  const report = process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined;
  const musl = process.platform === 'linux' && report?.header?.glibcVersionRuntime === undefined;
  const file = path.join(path.dirname(packageJson), 'build', 'github-releases', peerExecutableName(process.platform, process.arch, musl));
  return existsSync(file) ? { file } : { problem: `@sourcemeta/jsonschema no trae binario para ${process.platform} ${process.arch} (${file})` };
}

export interface PeerBatch {
  /** The schema's file name in schemas/. */
  schema: string;
  /** Repo-relative paths of the data files it applies to. */
  files: string[];
}

/**
 * The peer's invocations: each data file (layout.ts's placement decides which; other files are
 * left out, as plan leaves them out of schema checks) under the schema of its kind, in
 * SCHEMA_FILE's order, split so one invocation's file names stay under `maxArgBytes`.
 */
export function schemaBatches(files: readonly string[], maxArgBytes: number): PeerBatch[] {
  const byKind = new Map<string, string[]>();
  for (const file of [...files].sort()) {
    const placement = placementOf(file);
    if (!placement) continue;
    const schema = SCHEMA_FILE[placement.kind];
    if (!byKind.has(schema)) byKind.set(schema, []);
    byKind.get(schema)!.push(file);
  }
  const batches: PeerBatch[] = [];
  for (const schema of Object.values(SCHEMA_FILE)) {
    let batch: PeerBatch | undefined;
    let bytes = 0;
    for (const file of byKind.get(schema) ?? []) {
      const size = Buffer.byteLength(file) + 1;
      if (!batch || (bytes + size > maxArgBytes && batch.files.length > 0)) {
        batch = { schema, files: [] };
        batches.push(batch);
        bytes = 0;
      }
      batch.files.push(file);
      bytes += size;
    }
  }
  return batches;
}

/** Every file under `root` (not .git), repo-relative with `/`, sorted. */
function listFiles(root: string): string[] {
  return (readdirSync(root, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((d) => d.isFile())
    .map((d) => path.relative(root, path.join(d.parentPath ?? d.path, d.name)).split(path.sep).join('/'))
    .filter((f) => !f.startsWith('.git/'))
    .sort();
}

/** The peer's summary line on stderr, e.g. «4000 validated, 4000 passed, 0 failed». */
export function peerCounts(stderr: string): { validated: number; passed: number; failed: number } | undefined {
  const match = /(\d+) validated, (\d+) passed, (\d+) failed/.exec(stderr);
  return match ? { validated: Number(match[1]), passed: Number(match[2]), failed: Number(match[3]) } : undefined;
}

/**
 * One run of the peer: `jsonschema validate --continue [--fast] <schema> <files…>` for every
 * batch, one after the other, in the repo (short relative names); the wall time of the whole
 * sequence. It fails unless every invocation exits 0 and the files it validated add up to `expected`.
 */
function runPeer(executable: string, schemasDir: string, root: string, batches: readonly PeerBatch[], expected: number, fast: boolean): Promise<Sample> {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    let validated = 0;
    let stderrAll = '';
    const next = (i: number): void => {
      if (i === batches.length) {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const ok = validated === expected;
        resolve({ seconds, ok, files: validated, stderr: stderrAll, ...(ok ? {} : { problem: `jsonschema validó ${validated} archivos, no los ${expected} YAML de datos` }) });
        return;
      }
      const batch = batches[i]!;
      const args = ['validate', '--continue', ...(fast ? ['--fast'] : []), path.join(schemasDir, batch.schema), ...batch.files];
      const child = spawn(executable, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
      let stderr = '';
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (chunk: string) => {
        // Keep the tail: the summary line comes last.
        stderr = (stderr + chunk).slice(-20_000);
      });
      child.on('error', (error) => resolve({ seconds: Number.NaN, ok: false, problem: error.message, stderr }));
      child.on('close', (code, signal) => {
        stderrAll = (stderrAll + stderr).slice(-20_000);
        if (signal || code !== 0) {
          resolve({ seconds: Number.NaN, ok: false, problem: `jsonschema con ${batch.schema}: ${signal ? `señal ${signal}` : `código de salida ${code}`}`, stderr });
          return;
        }
        validated += peerCounts(stderr)?.validated ?? 0;
        next(i + 1);
      });
    };
    next(0);
  });
}

/**
 * Copies the built CLI (dist, bin, schemas, templates, package.json) into the work folder,
 * with node_modules linked, and measures that copy: a `npm run build` elsewhere in the
 * meantime (a test run in the same checkout) cannot swap modules under a running child.
 */
function snapshotBuild(work: string, from = PROJECT, name = 'plan'): string {
  const snapshot = path.join(work, name);
  // A snapshot left by an earlier run (--dir): unlink its node_modules link before removing the rest.
  const link = path.join(snapshot, 'node_modules');
  if (lstatSync(link, { throwIfNoEntry: false })) unlinkSync(link);
  rmSync(snapshot, { recursive: true, force: true });
  mkdirSync(snapshot, { recursive: true });
  for (const entry of ['dist', 'bin', 'schemas', 'templates', 'package.json']) {
    if (existsSync(path.join(from, entry))) cpSync(path.join(from, entry), path.join(snapshot, entry), { recursive: true });
  }
  // Another checkout without its own node_modules (a bare `git worktree`) borrows this one's.
  const modules = existsSync(path.join(from, 'node_modules')) ? path.join(from, 'node_modules') : path.join(PROJECT, 'node_modules');
  symlinkSync(modules, path.join(snapshot, 'node_modules'), 'dir');
  return snapshot;
}

/** `--comparar`: the checkout holding another build, given its dist/ folder or the checkout itself. */
export function otherCheckout(given: string, exists: (file: string) => boolean = existsSync): string | undefined {
  const dir = path.resolve(given);
  if (exists(path.join(dir, 'cli', 'main.js'))) return path.dirname(dir);
  if (exists(path.join(dir, 'dist', 'cli', 'main.js'))) return dir;
  return undefined;
}

/**
 * The work folder (--dir, or a new temporary one named after `prefix`) with a snapshot of the
 * build in it, which DIST and BIN then point at, and the scripts the children run.
 */
function openWork(dir: string | undefined, prefix: string): { work: string; scripts: ReturnType<typeof writeScripts> } {
  const work = dir ? path.resolve(dir) : mkdtempSync(path.join(os.tmpdir(), prefix));
  mkdirSync(work, { recursive: true });
  const snapshot = snapshotBuild(work);
  DIST = path.join(snapshot, 'dist');
  BIN = path.join(snapshot, 'bin', 'plan.js');
  return { work, scripts: writeScripts(work) };
}

/** `--sizes 25,50,100`: the department counts from `min` to `max`, sorted; `fallback` when not given. */
export function parseSizes(text: string | undefined, fallback: readonly number[], min: number, max: number): number[] {
  if (text === undefined) return [...fallback];
  const sizes = text
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n >= min && n <= max)
    .sort((a, b) => a - b);
  if (sizes.length === 0) throw new Error(`--sizes espera números de dependencias entre ${min} y ${max}, separados por comas`);
  return sizes;
}

// ---------------------------------------------------------------- repos

function generateOnce(reposDir: string, departments: number, ppcs = PPCS, metas = METAS): { root: string; summary: GenerateSummary; seconds: number; reused: boolean } {
  const name = ppcs === PPCS && metas === METAS ? `d${departments}` : `d${departments}-p${ppcs}-m${metas}`;
  const root = path.join(reposDir, name);
  const marker = path.join(reposDir, `${name}.json`);
  const options: GenerateOptions = { out: root, departments, ppcs, metas, seed: SEED };
  if (existsSync(marker) && existsSync(root)) {
    const saved = JSON.parse(readFileSync(marker, 'utf8')) as { options: Omit<GenerateOptions, 'out'>; summary: GenerateSummary };
    const same = saved.options.departments === departments && saved.options.ppcs === ppcs && saved.options.metas === metas && saved.options.seed === SEED;
    if (same) return { root, summary: saved.summary, seconds: 0, reused: true };
  }
  rmSync(root, { recursive: true, force: true });
  const started = process.hrtime.bigint();
  const summary = generatePlan(options);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  writeFileSync(marker, JSON.stringify({ options: { departments, ppcs, metas, seed: SEED }, summary }));
  return { root, summary, seconds, reused: false };
}

function git(root: string, args: string[]): { ok: boolean; out: string } {
  const result = spawnSync('git', ['-c', 'user.name=Banco de pruebas', '-c', 'user.email=bench@plan.invalid', '-c', 'commit.gpgsign=false', '-c', 'core.autocrlf=false', ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, GIT_AUTHOR_DATE: '2020-01-31T12:00:00', GIT_COMMITTER_DATE: '2020-01-31T12:00:00' },
  });
  return { ok: result.status === 0, out: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? result.error.message : ''}` };
}

const CHANGED_REPORT = (departments: number) => `dependencias/D${String(Math.ceil(departments / 2)).padStart(3, '0')}/reportes/2019-T3.yaml`;

/** Commits the repo (once) and changes one report in the work tree, as a pull request would. */
function prepareGit(root: string, departments: number): { ok: boolean; seconds: number; detail: string } {
  const started = process.hrtime.bigint();
  if (!existsSync(path.join(root, '.git'))) {
    for (const args of [['init', '-q'], ['add', '-A'], ['commit', '-q', '-m', 'Municipio sintético del banco de pruebas']]) {
      const result = git(root, args);
      if (!result.ok) return { ok: false, seconds: 0, detail: `git ${args[0]}: ${result.out.trim()}` };
    }
  } else {
    git(root, ['checkout', '-q', '--', '.']);
  }
  const file = path.join(root, CHANGED_REPORT(departments));
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.replace(/^elaboro: .*$/m, 'elaboro: Lic. Corrección de Captura Banco de Pruebas'));
  const changed = git(root, ['status', '--porcelain']).out.trim().split('\n').filter(Boolean);
  return { ok: changed.length === 1, seconds: Number(process.hrtime.bigint() - started) / 1e9, detail: changed.join('; ') };
}

// ---------------------------------------------------------------- statistics and printing

function median(values: readonly number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const max = (values: readonly (number | undefined)[]) => Math.max(...values.filter((v): v is number => v !== undefined && Number.isFinite(v)));
const fmtInt = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '—');
const fmtS = (n: number) => (Number.isFinite(n) ? n.toFixed(3) : '—');
const fmtX = (n: number) => (Number.isFinite(n) ? `${n.toFixed(2)}×` : '—');
const verdict = (ok: boolean) => (ok ? 'CUMPLE   ' : 'NO CUMPLE');

/** `value ≤ limit`, false when either was not measured (NaN): a goal nobody measured is not met. */
export function atMost(value: number, limit: number): boolean {
  return Number.isFinite(value) && Number.isFinite(limit) && value <= limit;
}

/** One line of the goals: «[CUMPLE   ] …», «[NO CUMPLE] …», or «[    —    ] …» for a goal judged elsewhere. */
export function goalLine(ok: boolean | undefined, text: string): string {
  return `[${ok === undefined ? '    —    ' : verdict(ok)}] ${text}`;
}

/** The 1-based number of the first line where two outputs differ; undefined when they are equal. */
export function firstDifference(a: string, b: string): number | undefined {
  if (a === b) return undefined;
  const left = a.split('\n');
  const right = b.split('\n');
  let line = 0;
  while (line < left.length && line < right.length && left[line] === right[line]) line++;
  return line + 1;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function table(headers: string[], rows: string[][], align: ('l' | 'r')[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const cell = (text: string, i: number) => (align[i] === 'r' ? text.padStart(widths[i]!) : text.padEnd(widths[i]!));
  const line = (cells: string[]) => cells.map(cell).join(' | ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('-+-'), ...rows.map(line)].join('\n');
}

function stat(result: SizeResult, kind: Kind): { seconds: number; rssMb: number; failures: Sample[] } {
  const samples = result.samples[kind] ?? [];
  return { seconds: median(samples.map((s) => (s.ok ? s.seconds : Number.NaN))), rssMb: max(samples.map((s) => s.rssMb)), failures: samples.filter((s) => !s.ok) };
}

// ---------------------------------------------------------------- CPU profile

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** Self time per function and per file from a .cpuprofile (samples × time deltas). */
export function summarizeProfile(file: string, top = 15): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    const frame = nodes.get(id)?.callFrame;
    if (!frame) return;
    total += us;
    const where = shortUrl(frame.url);
    const fn = `${frame.functionName || '(anónima)'}${where ? `  ${where}:${frame.lineNumber + 1}` : ''}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
    const group = where ? groupOf(where) : SPECIAL_FRAMES.has(frame.functionName) ? frame.functionName : '(sin archivo: nativo o generado, p. ej. validadores de ajv)';
    byFile.set(group, (byFile.get(group) ?? 0) + us);
  });
  const rows = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => [(us / 1000).toFixed(0), ((us / total) * 100).toFixed(1), name]);
  return [
    `Tiempo propio total muestreado: ${(total / 1e6).toFixed(2)} s`,
    '',
    table(['ms propios', '%', 'función  archivo:línea'], rows(byFunction), ['r', 'r', 'l']),
    '',
    table(['ms propios', '%', 'archivo o paquete'], rows(byFile), ['r', 'r', 'l']),
  ].join('\n');
}

const SPECIAL_FRAMES = new Set(['(garbage collector)', '(program)', '(idle)', '(root)']);

function shortUrl(url: string): string {
  if (!url) return '';
  const clean = url.replace(/^file:\/\//, '');
  const nm = clean.lastIndexOf('/node_modules/');
  if (nm >= 0) return clean.slice(nm + 1);
  const dist = clean.lastIndexOf('/dist/');
  if (dist >= 0) return clean.slice(dist + 1);
  if (clean.startsWith(PROJECT)) return clean.slice(PROJECT.length + 1);
  return clean;
}

function groupOf(where: string): string {
  const nm = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(where);
  if (nm) return `node_modules/${nm[1]}`;
  if (where.startsWith('node:')) return 'node: (internos de Node)';
  return where;
}

// ---------------------------------------------------------------- main

const USAGE = [
  'uso: npm run bench [-- --sizes 25,50,100] [--runs N] [--perfil] [--comparar DIST] [--dir CARPETA] [--keep]',
  '     npm run bench -- --hostil [--dir CARPETA] [--keep]',
  '     npm run bench -- --grande [--sizes 100,1000] [--runs N] [--dir CARPETA] [--keep]',
].join('\n');

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string' },
      runs: { type: 'string' },
      perfil: { type: 'boolean' },
      comparar: { type: 'string' },
      dir: { type: 'string' },
      keep: { type: 'boolean' },
      hostil: { type: 'boolean' },
      grande: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.hostil) return hostileBench(values.dir, values.keep === true);
  if (values.grande) return scaleBench(values);
  const sizes = parseSizes(values.sizes, [100], 2, 500);
  const forcedRuns = values.runs !== undefined ? Math.max(1, Number(values.runs) || 1) : undefined;
  if (!existsSync(path.join(DIST, 'cli', 'main.js'))) throw new Error(`no existe ${path.join(DIST, 'cli', 'main.js')}: ejecute «npm run build» (npm run bench lo hace)`);
  const otherRoot = values.comparar === undefined ? undefined : otherCheckout(values.comparar);
  if (values.comparar !== undefined && !otherRoot) throw new Error(`--comparar: en ${path.resolve(values.comparar)} no hay una compilación de plan (ni cli/main.js ni dist/cli/main.js)`);

  const benchStart = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - benchStart) / 1e9;
  const { work, scripts } = openWork(values.dir, 'plan-bench-');
  const reposDir = path.join(work, 'repos');
  mkdirSync(reposDir, { recursive: true });
  const out: string[] = [];
  const print = (text = '') => out.push(text);
  const cpus = os.cpus();
  const peer = peerExecutable();
  const peerVersion = 'file' in peer ? spawnSync(peer.file, ['version'], { encoding: 'utf8' }).stdout.trim() : '';
  const schemasDir = path.join(path.dirname(DIST), 'schemas');

  print('plan — banco de pruebas de rendimiento (issue 12)');
  print(`Node ${process.version} · ${os.platform()} ${os.arch()} · ${cpus.length} núcleo(s) · ${cpus[0]?.model.trim() ?? 'CPU desconocida'} · ${(os.totalmem() / 2 ** 30).toFixed(1)} GB`);
  print(`Municipio sintético: semilla ${SEED}, ${PPCS} PPCS × ${METAS} metas por dependencia, 4 reportes trimestrales; fecha de corte ${FECHA_CORTE}.`);
  print(`Cada medición es un proceso nuevo (arranque y carga de módulos incluidos); tiempo de pared medido desde este proceso; RSS pico informado por el hijo (no por jsonschema).`);
  print(
    'file' in peer
      ? `Par de comparación: sourcemeta jsonschema ${peerVersion} (${path.basename(peer.file)}, llamado directamente), «validate --continue <esquema> <archivos…>» con los esquemas de plan (schemas/), una llamada por esquema y tanda de archivos, en serie.`
      : `Par de comparación: NO disponible — ${peer.problem}.`,
  );
  print(`Carpeta de trabajo: ${work} (con una copia de dist/ tomada al empezar: se mide esa compilación).`);
  const loadAtStart = os.loadavg()[0]!;
  print();

  // plan --help, cold: the real bin/plan.js, before anything else warms the page cache for dist/.
  log(`plan --help × ${HELP_RUNS}…`);
  const helpSamples: Sample[] = [];
  for (let i = 0; i < HELP_RUNS; i++) helpSamples.push(await runNode([BIN, '--help'], work, { withResult: false }));
  const helpProbe = await runNode([scripts.cli, '--help'], work);

  // Repos, and the same list of data files for the floors and the peer.
  const generation: string[] = [];
  const repos = new Map<number, { root: string; summary: GenerateSummary; list: string; batches: PeerBatch[] }>();
  for (const departments of sizes) {
    log(`generando ${departments} dependencias…`);
    const generated = generateOnce(reposDir, departments);
    const dataFiles = listFiles(generated.root).filter((f) => placementOf(f) !== undefined);
    const list = path.join(reposDir, `d${departments}-archivos.txt`);
    writeFileSync(list, `${dataFiles.join('\n')}\n`);
    repos.set(departments, { ...generated, list, batches: schemaBatches(dataFiles, PEER_ARG_BYTES) });
    generation.push(`${departments} dep.: ${fmtInt(generated.summary.files)} archivos (${fmtInt(generated.summary.yamlFiles)} YAML, ${(generated.summary.bytes / 2 ** 20).toFixed(1)} MB) ${generated.reused ? 'reutilizados' : `en ${generated.seconds.toFixed(1)} s`}`);
  }
  const largest = sizes[sizes.length - 1]!;
  log('git init + commit del repositorio más grande…');
  const gitSetup = prepareGit(repos.get(largest)!.root, largest);
  print(`Generación: ${generation.join('; ')}.`);
  print(`jsonschema: ${repos.get(largest)!.batches.length} llamadas con ${largest} dep. (${[...new Set(repos.get(largest)!.batches.map((b) => b.schema))].length} esquemas).`);
  print(
    gitSetup.ok
      ? `Git: ${largest} dep. confirmado en un commit, y un reporte cambiado en el árbol de trabajo (${CHANGED_REPORT(largest)}) en ${gitSetup.seconds.toFixed(1)} s.`
      : `Git: NO se pudo preparar el modo pull request (${gitSetup.detail}); se omite esa medición.`,
  );
  print();

  // Measurements. One run of every size first, so each size's cost is known; then the
  // remaining runs, round by round across sizes, as many as fit in the time budget. Within
  // a run the kinds alternate, so drift in the machine hits every kind alike.
  const results: SizeResult[] = sizes.map((departments) => ({ departments, summary: repos.get(departments)!.summary, runs: 0, samples: {} }));
  const notes: string[] = [];
  const perRun = new Map<number, number>();
  const runOnce = async (result: SizeResult, of: number) => {
    const { departments } = result;
    const { root, list, batches } = repos.get(departments)!;
    const kinds = (Object.keys(LABEL) as Kind[]).filter((kind) => (kind !== 'pr' && kind !== 'prCold') || (departments === largest && gitSetup.ok));
    const reportOut = path.join(work, `salida-${departments}`);
    const common = ['--fecha-corte', FECHA_CORTE];
    const started = elapsed();
    for (const kind of kinds) {
      log(`${departments} dep., corrida ${result.runs + 1}/${of}: ${LABEL[kind]}…`);
      let sample: Sample;
      switch (kind) {
        case 'validate':
          sample = await runNode([scripts.cli, 'validate', '-C', root, ...common], work);
          break;
        case 'yaml':
          sample = await runNode([scripts.yaml, root, list], work);
          break;
        case 'jsyaml':
          sample = await runNode([scripts.jsyaml, root, list], work);
          break;
        case 'peer':
        case 'peerFast':
          sample = 'file' in peer ? await runPeer(peer.file, schemasDir, root, batches, result.summary.yamlFiles, kind === 'peerFast') : { seconds: Number.NaN, ok: false, problem: peer.problem, stderr: '' };
          break;
        case 'base':
          sample = await runNode([scripts.baseline, root], work);
          break;
        case 'pr': {
          // As in CI with the cache of the main branch's last run: the cache knows every file
          // but the report the pull request changes, which differs in each run.
          const env = { PLAN_CACHE_DIR: path.join(work, 'cache') };
          if (result.runs === 0) await runNode([scripts.cli, 'validate', '-C', root, '--cache', ...common], work, { env });
          appendFileSync(path.join(root, CHANGED_REPORT(departments)), `# banco de pruebas: corrida ${result.runs + 1}\n`);
          sample = await runNode([scripts.cli, 'validate', '-C', root, '--changed-since', 'HEAD', '--cache', ...common], work, { env });
          break;
        }
        case 'prCold':
          sample = await runNode([scripts.cli, 'validate', '-C', root, '--changed-since', 'HEAD', ...common], work);
          break;
        case 'report':
          sample = await runNode([scripts.cli, 'report', '--annual', '--format', 'all', '--out', reportOut, '-C', root, ...common], work);
          break;
      }
      if (kind === 'pr' && result.prNotice === undefined) result.prNotice = sample.stderr.trim().split('\n').find((l) => l.startsWith('Modo pull request')) ?? sample.stderr.trim();
      if ((kind === 'base' || kind === 'yaml' || kind === 'jsyaml') && sample.ok && sample.files !== result.summary.yamlFiles) {
        sample.ok = false;
        sample.problem = `se analizaron ${sample.files} archivos, no los ${result.summary.yamlFiles} YAML de datos`;
      }
      (result.samples[kind] ??= []).push(sample);
      if (!sample.ok) log(`  FALLÓ: ${sample.problem}\n${sample.stderr.slice(-2000)}`);
    }
    rmSync(reportOut, { recursive: true, force: true });
    result.runs++;
    perRun.set(departments, elapsed() - started);
  };
  const planned = new Map(sizes.map((d) => [d, forcedRuns ?? (d >= 100 ? 3 : 5)]));
  for (const result of results) await runOnce(result, planned.get(result.departments)!);
  const extra = new Map(sizes.map((d) => [d, planned.get(d)! - 1]));
  if (forcedRuns === undefined) {
    const cost = () => sizes.reduce((sum, d) => sum + extra.get(d)! * perRun.get(d)!, 0);
    // What still follows the runs: the digests (one validate per build and repo, the small
    // examples/ counted as nothing) and the profile (about 1.5 validates with the profiler).
    const validateOnce = results[results.length - 1]!.samples.validate?.[0]?.seconds ?? 0;
    const after = (Number.isFinite(validateOnce) ? validateOnce : 0) * ((otherRoot ? 2 : 1) + (values.perfil ? 1.5 : 0));
    const room = BUDGET_SECONDS - elapsed() - after;
    // Too little time: take runs away from the largest sizes first, one at a time.
    for (let i = 0; cost() > room && [...extra.values()].some((n) => n > 0); i++) {
      const d = [...sizes].reverse()[i % sizes.length]!;
      if (extra.get(d)! > 0) extra.set(d, extra.get(d)! - 1);
    }
    for (const d of sizes) {
      if (extra.get(d)! + 1 < planned.get(d)!) notes.push(`${d} dep.: ${extra.get(d)! + 1} corrida(s) en lugar de ${planned.get(d)}, para terminar en menos de 10 minutos.`);
    }
  }
  for (let round = 1; sizes.some((d) => extra.get(d)! >= round); round++) {
    for (const result of results) if (extra.get(result.departments)! >= round) await runOnce(result, extra.get(result.departments)! + 1);
  }

  // Goal (e): the digests of `plan validate --format json`, on the repos as generated (the
  // pull-request change undone), for this build and, with --comparar, the other one.
  if (gitSetup.ok) git(repos.get(largest)!.root, ['checkout', '-q', '--', '.']);
  const digestRepos: { name: string; root: string }[] = [
    { name: 'examples/', root: path.join(PROJECT, 'examples') },
    { name: `municipio generado de ${largest} dep.`, root: repos.get(largest)!.root },
  ];
  const digestOf = async (cli: string, root: string) => {
    // Findings exit 1, which is a result like any other here: only the output and the code are compared.
    const sample = await runNode([cli, 'validate', '-C', root, '--format', 'json', '--fecha-corte', FECHA_CORTE], work, { stdout: true });
    return { text: sample.stdout ?? '', code: sample.code === null || sample.code === undefined ? `señal` : String(sample.code) };
  };
  const otherCli = otherRoot ? writeCliScript(path.join(work, 'cli-otro.mjs'), path.join(snapshotBuild(work, otherRoot, 'otro'), 'dist')) : undefined;
  const digestRows: string[][] = [];
  let allEqual = true;
  for (const repo of digestRepos) {
    log(`sha256 de plan validate --format json en ${repo.name}…`);
    const mine = await digestOf(scripts.cli, repo.root);
    const row = [repo.name, mine.code, fmtInt(Buffer.byteLength(mine.text)), sha256(mine.text)];
    if (otherCli) {
      const theirs = await digestOf(otherCli, repo.root);
      const line = firstDifference(mine.text, theirs.text);
      if (line !== undefined || mine.code !== theirs.code) allEqual = false;
      row.push(sha256(theirs.text), line === undefined && mine.code === theirs.code ? 'IGUAL' : `DISTINTO${line === undefined ? ` (código ${mine.code} frente a ${theirs.code})` : ` (desde la línea ${line})`}`);
    }
    digestRows.push(row);
  }
  if (gitSetup.ok) prepareGit(repos.get(largest)!.root, largest);

  // Profile (optional).
  let profileText: string | undefined;
  if (values.perfil) {
    log('perfil de CPU de plan validate…');
    const profDir = path.join(work, 'perfil');
    rmSync(profDir, { recursive: true, force: true });
    mkdirSync(profDir, { recursive: true });
    const sample = await runNode([scripts.cli, 'validate', '-C', repos.get(largest)!.root, '--fecha-corte', FECHA_CORTE], work, { nodeArgs: ['--cpu-prof', '--cpu-prof-dir', profDir] });
    const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
    profileText = file
      ? `Perfil de CPU de «plan validate» con ${largest} dependencias (${sample.seconds.toFixed(1)} s con el perfilador${values.keep || values.dir ? `; ${path.join(profDir, file)}` : ''}):\n${summarizeProfile(path.join(profDir, file))}`
      : `No se obtuvo el perfil de CPU (${sample.problem ?? 'sin archivo .cpuprofile'}).`;
  }

  // ------------------------------------------------------------ report
  const failures: string[] = [];
  for (const result of results) {
    const { departments, summary } = result;
    const validate = stat(result, 'validate');
    print(`== ${departments} dependencias — ${fmtInt(summary.files)} archivos (${fmtInt(summary.yamlFiles)} YAML de datos; fórmula ${fmtInt(expectedFileCount(departments, PPCS))}), mediana de ${result.runs} corrida(s) ==`);
    const rows = (Object.keys(LABEL) as Kind[])
      .filter((kind) => result.samples[kind])
      .map((kind) => {
        const s = stat(result, kind);
        for (const f of s.failures) failures.push(`${departments} dep., ${LABEL[kind]}: ${f.problem}`);
        const times = (result.samples[kind] ?? []).filter((x) => x.ok).map((x) => x.seconds);
        const spread = times.length > 0 ? `${Math.min(...times).toFixed(2)}–${Math.max(...times).toFixed(2)}` : '—';
        return [LABEL[kind], fmtS(s.seconds), fmtX(s.seconds / validate.seconds), fmtInt(s.rssMb), spread];
      });
    print(table(['medición', 'mediana (s)', 'vs. plan validate', 'RSS pico (MB)', 'mín–máx (s)'], rows, ['l', 'r', 'r', 'r', 'r']));
    if (result.prNotice) print(`  plan validate --changed-since HEAD dijo: ${result.prNotice}`);
    print();
  }

  if (sizes.length > 1) {
    const bySize = (kind: Kind) => results.map((r) => stat(r, kind).seconds);
    const scalingRows: string[][] = [
      ...(['validate', 'peer', 'report'] as Kind[]).map((kind) => [`${LABEL[kind]} (ms por dependencia)`, ...bySize(kind).map((s, i) => (Number.isFinite(s) ? ((s * 1000) / sizes[i]!).toFixed(1) : '—'))]),
      ['plan validate ÷ jsonschema', ...results.map((r) => fmtX(stat(r, 'validate').seconds / stat(r, 'peer').seconds))],
      ['report --annual ÷ plan validate', ...results.map((r) => fmtX(stat(r, 'report').seconds / stat(r, 'validate').seconds))],
    ];
    print(`== Escalamiento (${sizes.join(' → ')} dependencias; el crecimiento hasta 1,000 lo mide --grande) ==`);
    print(table(['', ...sizes.map((d) => `${d} dep.`)], scalingRows, ['l', ...sizes.map(() => 'r' as const)]));
    print();
  }

  print(`== Resultados: sha256 de «plan validate --format json --fecha-corte ${FECHA_CORTE}» ==`);
  const digestHeaders = ['repositorio', 'código', 'bytes', `sha256 (esta compilación)`, ...(otherRoot ? [`sha256 (${otherRoot})`, 'comparación'] : [])];
  print(table(digestHeaders, digestRows, digestHeaders.map(() => 'l' as const)));
  print();

  const helpMs = median(helpSamples.filter((s) => s.ok).map((s) => s.seconds * 1000));
  for (const s of [...helpSamples, helpProbe]) if (!s.ok) failures.push(`plan --help: ${s.problem}`);
  print(`== Arranque en frío ==`);
  print(`plan --help (bin/plan.js): mediana ${fmtInt(helpMs)} ms en ${HELP_RUNS} corridas (mín. ${fmtInt(Math.min(...helpSamples.map((s) => s.seconds * 1000)))} ms); RSS pico ${fmtInt(helpProbe.rssMb ?? Number.NaN)} MB.`);
  const heavyOf = (samples: Sample[] | undefined) => [...new Set((samples ?? []).flatMap((s) => s.heavy ?? []))];
  const validateHeavy = heavyOf(results.flatMap((r) => [...(r.samples.validate ?? []), ...(r.samples.pr ?? [])]));
  const helpHeavy = heavyOf([helpProbe]);
  const reportHeavy = heavyOf(results.flatMap((r) => r.samples.report ?? []));
  const names = (list: string[]) => (list.length === 0 ? 'ninguno' : list.join(', '));
  print(`Módulos pesados cargados — plan validate: ${names(validateHeavy)}; plan --help: ${names(helpHeavy)}; plan report --annual: ${names(reportHeavy)} (ahí sí se esperan).`);
  print();

  // Goals, on the largest size.
  const big = results[results.length - 1]!;
  const seconds = (kind: Kind) => stat(big, kind).seconds;
  const validateVsPeer = seconds('validate') / seconds('peer');
  const prVsValidate = seconds('pr') / seconds('validate');
  const reportVsValidate = seconds('report') / seconds('validate');
  const allRss = results.flatMap((r) => (Object.keys(LABEL) as Kind[]).filter((k) => !NOT_PLAN.has(k)).flatMap((k) => (r.samples[k] ?? []).map((s) => ({ mb: s.rssMb ?? 0, what: `${LABEL[k]}, ${r.departments} dep.`, report: k === 'report' }))));
  const worstOf = (samples: typeof allRss) => samples.reduce((a, b) => (b.mb > a.mb ? b : a), { mb: 0, what: '', report: false });
  const worstRss = worstOf(allRss.filter((s) => !s.report));
  const worstReportRss = worstOf(allRss.filter((s) => s.report));
  const total = elapsed();
  const at = `${big.departments} dep.`;
  print('== Metas de la issue 12 ==');
  print(goalLine(atMost(validateVsPeer, TARGETS.validateVsPeer), `(a) plan validate ≤ sourcemeta jsonschema validate (${at}): ${fmtS(seconds('validate'))} s frente a ${fmtS(seconds('peer'))} s, ${fmtX(validateVsPeer)}`));
  print(goalLine(atMost(prVsValidate, TARGETS.prVsValidate), `(b) plan validate --changed-since con 1 reporte cambiado ≤ ${TARGETS.prVsValidate}× plan validate (${at}): ${fmtX(prVsValidate)} con --cache (la caché de la última revisión de la rama principal); sin caché ${fmtX(seconds('prCold') / seconds('validate'))}, pues lee todos los archivos`));
  print(goalLine(atMost(reportVsValidate, TARGETS.reportVsValidate), `(c) plan report --annual --format all ≤ ${TARGETS.reportVsValidate}× plan validate (${at}): ${fmtX(reportVsValidate)}`));
  print(goalLine(undefined, `(d) crecimiento lineal hasta 1,000 dependencias (≤ ${SCALE.growthLimit}× por dependencia, RSS pico < ${fmtInt(SCALE.validateRssMb)} MB): se mide con «npm run bench -- --grande»`));
  print(
    goalLine(
      otherRoot ? allEqual : undefined,
      otherRoot
        ? `(e) resultados idénticos a ${otherRoot} en examples/ y en el municipio generado: ${allEqual ? 'IGUAL' : 'DISTINTO'}`
        : '(e) resultados idénticos: compare los sha256 de arriba con los de la otra compilación, o use --comparar <ruta a otro dist>',
    ),
  );
  print();
  const checks: [boolean, string][] = [
    [worstRss.mb < TARGETS.rssMb, `RSS pico < ${TARGETS.rssMb} MB en las mediciones de plan validate: máximo ${fmtInt(worstRss.mb)} MB (${worstRss.what})`],
    [worstReportRss.mb < TARGETS.reportRssMb, `RSS pico < ${fmtInt(TARGETS.reportRssMb)} MB en plan report (con el hilo de reporte): máximo ${fmtInt(worstReportRss.mb)} MB (${worstReportRss.what})`],
    [helpMs < TARGETS.helpMs, `plan --help < ${TARGETS.helpMs} ms: ${fmtInt(helpMs)} ms`],
    [validateHeavy.length === 0 && helpHeavy.length === 0, `plan validate y plan --help no cargan exceljs ni handlebars: validate ${names(validateHeavy)}, --help ${names(helpHeavy)}`],
    [failures.length === 0, `todas las ejecuciones terminaron bien${failures.length ? `: ${failures.length} falla(s)` : ''}`],
    [total < 600, `el banco de pruebas termina en menos de 10 minutos: ${(total / 60).toFixed(1)} min`],
  ];
  print('== Otras metas ==');
  for (const [ok, text] of checks) print(goalLine(ok, text));
  for (const f of failures) print(`  falla: ${f}`);
  for (const note of notes) print(`  nota: ${note}`);
  print();
  if (profileText) {
    print(`== Perfil ==`);
    print(profileText);
    print();
  }
  print(`Duración total: ${total.toFixed(1)} s. Carga media del sistema (1 min) al empezar ${loadAtStart.toFixed(2)}, al terminar ${os.loadavg()[0]!.toFixed(2)}: con otra carga en la máquina las medianas suben y varían más.`);

  if (!values.keep && !values.dir) rmSync(work, { recursive: true, force: true });
  else print(`Se conservó la carpeta de trabajo ${work}.`);
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

// ---------------------------------------------------------------- --grande

/**
 * The scale row (issue 11, item 3; issue 12, goal d): the full shape of the default run
 * (40 PPCS × 4 metas per department), 100 and 1,000 departments (45,007 YAML files).
 * plan validate's time per department within 1.2× and its peak RSS under 1 GB are issue 12's
 * goal; the report's growth keeps issue 11's 1.5×, and its memory is shown, not judged.
 */
const SCALE = { ppcs: PPCS, metas: METAS, sizes: [100, 1000], fixedSize: 2, maxDepartments: 5000, growthLimit: 1.2, reportGrowthLimit: 1.5, validateRssMb: 1024 };

/**
 * `--grande`: plan validate and plan report --annual --format all on 100 and 1,000 departments
 * of the same shape, each in a fresh child, with time and peak RSS; the time per department
 * of each size is printed beside the smallest size's as a ratio, which stays near 1 when the
 * work grows linearly with the departments (n×n views made it about 8× at 3,000). The time of
 * a 2-department repo (node start, module loading, catalogs) is subtracted first: left in, it
 * weighs most on the small size and would hide a superlinear cost.
 */
/** Reads every file under `root` once, discarding the bytes. */
function readEveryFile(root: string): void {
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) readFileSync(path.join(entry.parentPath, entry.name));
  }
}

async function scaleBench(values: { sizes?: string; runs?: string; dir?: string; keep?: boolean }): Promise<number> {
  const sizes = parseSizes(values.sizes, SCALE.sizes, SCALE.fixedSize + 1, SCALE.maxDepartments);
  const forcedRuns = values.runs !== undefined ? Math.max(1, Number(values.runs) || 1) : undefined;
  const benchStart = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - benchStart) / 1e9;
  const { work, scripts } = openWork(values.dir, 'plan-bench-grande-');
  const reposDir = path.join(work, 'repos');
  mkdirSync(reposDir, { recursive: true });
  const loadAtStart = os.loadavg()[0]!;

  type ScaleKind = 'validate' | 'report';
  const rowsOf: { departments: number; yamlFiles: number; runs: number; samples: Record<ScaleKind, Sample[]> }[] = [];
  const generation: string[] = [];
  for (const departments of [SCALE.fixedSize, ...sizes]) {
    log(`generando ${departments} dependencias (${SCALE.ppcs} PPCS × ${SCALE.metas} metas)…`);
    const generated = generateOnce(reposDir, departments, SCALE.ppcs, SCALE.metas);
    generation.push(`${fmtInt(departments)} dep.: ${fmtInt(generated.summary.yamlFiles)} YAML, ${(generated.summary.bytes / 2 ** 20).toFixed(1)} MB ${generated.reused ? 'reutilizados' : `en ${generated.seconds.toFixed(1)} s`}`);
    // Small sizes are cheap and noisy: three runs; the large ones one run each unless --runs.
    const runs = forcedRuns ?? (departments <= 100 ? 3 : 1);
    const samples: Record<ScaleKind, Sample[]> = { validate: [], report: [] };
    const reportOut = path.join(work, `salida-${departments}`);
    const common = ['--fecha-corte', FECHA_CORTE];
    // Every size is measured with its files in the system's page cache, as the 2nd and 3rd
    // runs of the small sizes are: the large sizes get one run, and on a machine that evicts
    // files in minutes that run would otherwise time the disk.
    log(`${departments} dep.: lectura previa de los archivos (sin medir)…`);
    readEveryFile(generated.root);
    for (let run = 1; run <= runs; run++) {
      log(`${departments} dep., corrida ${run}/${runs}: plan validate…`);
      samples.validate.push(await runNode([scripts.cli, 'validate', '-C', generated.root, ...common], work));
      log(`${departments} dep., corrida ${run}/${runs}: plan report --annual --format all…`);
      samples.report.push(await runNode([scripts.cli, 'report', '--annual', '--format', 'all', '--out', reportOut, '-C', generated.root, ...common], work));
      rmSync(reportOut, { recursive: true, force: true });
    }
    for (const s of [...samples.validate, ...samples.report]) if (!s.ok) log(`  FALLÓ: ${s.problem}\n${s.stderr.slice(0, 2000)}`);
    rowsOf.push({ departments, yamlFiles: generated.summary.yamlFiles, runs, samples });
  }

  const seconds = (samples: Sample[]) => median(samples.map((s) => (s.ok ? s.seconds : Number.NaN)));
  const rss = (samples: Sample[]) => max(samples.map((s) => s.rssMb));
  const total = (kind: ScaleKind | 'phase', row: (typeof rowsOf)[number]) =>
    kind === 'phase' ? seconds(row.samples.report) - seconds(row.samples.validate) : seconds(row.samples[kind]);
  const fixed = rowsOf.shift()!;
  /** Milliseconds per department above the fixed cost of the 2-department repo. */
  const perDepartment = (kind: ScaleKind | 'phase', row: (typeof rowsOf)[number]) =>
    ((total(kind, row) - total(kind, fixed)) * 1000) / (row.departments - fixed.departments);
  const smallest = rowsOf[0]!;
  const label: Record<ScaleKind | 'phase', string> = {
    validate: 'plan validate',
    report: 'plan report --annual --format all',
    phase: '  de ello, el reporte (report − validate)',
  };
  const tableRows: string[][] = [];
  for (const kind of ['validate', 'report', 'phase'] as const) {
    for (const row of [fixed, ...rowsOf]) {
      const mb = kind === 'phase' ? '—' : fmtInt(rss(row.samples[kind]));
      const marginal = row === fixed ? ['(costo fijo)', ''] : [perDepartment(kind, row).toFixed(1), fmtX(perDepartment(kind, row) / perDepartment(kind, smallest))];
      tableRows.push([label[kind], fmtInt(row.departments), fmtInt(row.yamlFiles), String(row.runs), fmtS(total(kind, row)), mb, ...marginal]);
    }
  }
  const failures = [fixed, ...rowsOf].flatMap((row) => (['validate', 'report'] as const).flatMap((kind) => row.samples[kind].filter((s) => !s.ok).map((s) => `${row.departments} dep., ${label[kind]}: ${s.problem}`)));
  const largest = rowsOf[rowsOf.length - 1]!;
  const growth = (kind: ScaleKind | 'phase') => perDepartment(kind, largest) / perDepartment(kind, smallest);
  const worstValidateRss = rss(largest.samples.validate);
  const limitOf = (kind: ScaleKind | 'phase') => (kind === 'validate' ? SCALE.growthLimit : SCALE.reportGrowthLimit);
  const checks: [boolean, string][] = [
    ...(['validate', 'report', 'phase'] as const).map((kind): [boolean, string] => [
      rowsOf.length < 2 || atMost(growth(kind), limitOf(kind)),
      `${kind === 'validate' ? '(d) ' : ''}crecimiento lineal de ${kind === 'phase' ? 'la parte de reporte (report − validate)' : label[kind]}: ms por dependencia con ${fmtInt(largest.departments)} dep. ≤ ${limitOf(kind)} × con ${fmtInt(smallest.departments)} dep.: ${fmtX(growth(kind))}`,
    ]),
    [worstValidateRss < SCALE.validateRssMb, `(d) RSS pico de plan validate con ${fmtInt(largest.departments)} dep. < ${fmtInt(SCALE.validateRssMb)} MB: ${fmtInt(worstValidateRss)} MB`],
    [failures.length === 0, `todas las ejecuciones terminaron bien${failures.length ? `: ${failures.length} falla(s)` : ''}`],
  ];
  const out = [
    `plan — escala en dependencias (${sizes.map(fmtInt).join(' → ')}), municipio sintético de ${SCALE.ppcs} PPCS × ${SCALE.metas} metas por dependencia, semilla ${SEED}, fecha de corte ${FECHA_CORTE}`,
    `Node ${process.version} · ${os.cpus().length} núcleo(s). Cada medición es un proceso node nuevo; mediana de las corridas; RSS pico informado por el hijo.`,
    `Generación: ${generation.join('; ')}.`,
    '',
    table(['medición', 'dependencias', 'YAML', 'corridas', 'mediana (s)', 'RSS pico (MB)', 'ms por dependencia', `razón por dep. vs. ${fmtInt(smallest.departments)}`], tableRows, ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r']),
    '',
    `ms por dependencia: (mediana − la del repositorio de ${SCALE.fixedSize} dependencias, que es el costo fijo de arrancar node, cargar módulos y catálogos) ÷ (dependencias − ${SCALE.fixedSize}). Una razón por dependencia cerca de 1× es crecimiento lineal; muy por encima de 1×, algo crece más que las dependencias. Antes de medir cada tamaño se leen todos sus archivos una vez, sin medir: así cada tamaño se mide con sus archivos en la caché del sistema, como las corridas 2 y 3 de los tamaños chicos, y no se mide el disco.`,
    '',
    '== Metas ==',
    ...checks.map(([ok, text]) => goalLine(ok, text)),
    ...failures.map((f) => `  falla: ${f}`),
    '',
    `Duración total: ${elapsed().toFixed(1)} s. Carga media del sistema (1 min) al empezar ${loadAtStart.toFixed(2)}, al terminar ${os.loadavg()[0]!.toFixed(2)}.`,
  ];
  if (!values.keep && !values.dir) rmSync(work, { recursive: true, force: true });
  else out.push(`Se conservó la carpeta de trabajo ${work}.`);
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

// ---------------------------------------------------------------- --hostil

/**
 * The worst-case table (issue 11, item 2): each hostile report of bench-hostile.ts against an
 * ordinary report of the same size, `plan validate` in a fresh child, median of 3 runs each.
 */
async function hostileBench(dir: string | undefined, keep: boolean): Promise<number> {
  const { work, scripts } = openWork(dir, 'plan-bench-hostil-');
  const examples = path.join(PROJECT, 'examples');
  const runs = 3;
  const timed = async (root: string): Promise<{ seconds: number; rssMb: number; code: string }> => {
    const samples: Sample[] = [];
    for (let i = 0; i < runs; i++) samples.push(await runNode([scripts.cli, 'validate', '-C', root, '--fecha-corte', FECHA_CORTE], work, { expectCode: 1 }));
    const failed = samples.find((s) => !s.ok);
    return { seconds: median(samples.map((s) => s.seconds)), rssMb: max(samples.map((s) => s.rssMb)), code: failed ? (failed.problem ?? 'falló') : 'sale con 1' };
  };
  const rows: string[][] = [];
  const missed: string[] = [];
  for (const hostile of HOSTILE_CASES) {
    log(`caso hostil «${hostile.name}»…`);
    let bytes = 0;
    const worstRoot = hostileRepo(examples, path.join(work, `peor-${hostile.name}`), (report) => {
      const text = hostile.build(report);
      bytes = Buffer.byteLength(text);
      return text;
    });
    const ordinaryRoot = hostileRepo(examples, path.join(work, `normal-${hostile.name}`), (report) => ordinaryReport(report, bytes));
    const worst = await timed(worstRoot);
    const ordinary = await timed(ordinaryRoot);
    const ratio = worst.seconds / ordinary.seconds;
    if (!(ratio <= HOSTILE_RATIO_LIMIT) || worst.code !== 'sale con 1') missed.push(hostile.name);
    rows.push([hostile.name, `${(bytes / 1024).toFixed(0)} KiB`, fmtS(worst.seconds), fmtInt(worst.rssMb), fmtS(ordinary.seconds), fmtInt(ordinary.rssMb), fmtX(ratio), worst.code, verdict(ratio <= HOSTILE_RATIO_LIMIT)]);
    if (!keep && !dir) for (const root of [worstRoot, ordinaryRoot]) rmSync(root, { recursive: true, force: true });
  }
  const out = [
    'plan — peores casos bajo los límites (un reporte de ~900 KiB, límite 1024 KiB por archivo)',
    `Cada caso: plan validate sobre el municipio de ejemplo con un reporte hostil, frente al mismo municipio con un reporte ordinario del mismo tamaño (sus PPCS repetidos); mediana de ${runs} corridas, proceso node nuevo cada una.`,
    '',
    table(['caso', 'tamaño', 'peor (s)', 'RSS (MB)', 'ordinario (s)', 'RSS (MB)', 'razón', 'resultado', `≤ ${HOSTILE_RATIO_LIMIT}×`], rows, ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'l', 'l']),
    '',
    ...HOSTILE_CASES.map((c) => `  ${c.name}: ${c.what}`),
    '',
    missed.length === 0 ? `Todos los casos dentro de ${HOSTILE_RATIO_LIMIT}× el archivo ordinario.` : `NO CUMPLE: ${missed.join(', ')}.`,
  ];
  if (!keep && !dir) rmSync(work, { recursive: true, force: true });
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // A mistyped option is the user's, not the bench's: the usage, not a stack.
      if ((error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
        process.stderr.write(`bench: ${(error as Error).message}\n${USAGE}\n`);
        process.exitCode = 2;
        return;
      }
      process.stderr.write(`bench: error del banco de pruebas: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
