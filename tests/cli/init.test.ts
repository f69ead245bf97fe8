import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { scaffoldFiles } from '../../src/cli/init.js';
import { DEFAULT_GRADOS, DEFAULT_PESOS, DEFAULT_SEMAFORO, resolveConfig } from '../../src/model/config.js';
import { CRITERIOS, type Dependencia, type PlanConfig } from '../../src/model/types.js';
import { placementOf, SCHEMA_FILE } from '../../src/repo/layout.js';
import { writeRepo } from '../helpers/fixture.js';
import { GitRepo } from '../helpers/git-repo.js';
import { runCli } from './run.js';

// A disk that fails on one file, as a full disk or a permission would: root ignores
// read-only folders, so the failure is simulated at the one call init makes per file.
const failing = vi.hoisted(() => ({ suffix: undefined as string | undefined }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const writeFileSync: typeof fs.writeFileSync = (file, data, options) => {
    if (failing.suffix && String(file).endsWith(failing.suffix)) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    fs.writeFileSync(file, data, options);
  };
  return { ...fs, default: { ...fs, writeFileSync }, writeFileSync };
});
afterEach(() => {
  failing.suffix = undefined;
});

const PACKAGE = fileURLToPath(new URL('../../', import.meta.url));
const VERSION = (JSON.parse(readFileSync(path.join(PACKAGE, 'package.json'), 'utf8')) as { version: string }).version;

/** Every file under `dir`, repo-relative, with its bytes: to prove a refused init changed nothing. */
function snapshot(dir: string, prefix = ''): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) for (const [k, v] of snapshot(dir, rel)) files.set(k, v);
    else files.set(rel, `${statSync(path.join(dir, rel)).mtimeMs}:${readFileSync(path.join(dir, rel), 'base64')}`);
  }
  return files;
}

async function initFresh(): Promise<string> {
  const dir = path.join(writeRepo({}), 'nuevo-plan');
  const run = await runCli(['init', dir]);
  expect(run).toMatchObject({ code: 0, stderr: '' });
  return dir;
}

const read = (dir: string, rel: string) => readFileSync(path.join(dir, rel), 'utf8');

describe('plan init', () => {
  it('writes a repository that validates with no findings at the default cut-off and after the whole year', async () => {
    const dir = await initFresh();
    for (const cutoff of [[], ['--fecha-corte', '2019-04-15'], ['--fecha-corte', '2020-01-31']]) {
      const run = await runCli(['validate', '-C', dir, '--format', 'json', ...cutoff]);
      expect(run.code).toBe(0);
      const report = JSON.parse(run.stdout) as { diagnostics: unknown[]; summary: { errors: number; warnings: number } };
      expect(report.diagnostics).toEqual([]);
      expect(report.summary).toMatchObject({ errors: 0, warnings: 0 });
    }
    const stylish = await runCli(['validate'], { cwd: dir });
    expect(stylish.code).toBe(0);
    expect(stylish.stdout).toContain('✔ Sin problemas en 14 archivo(s).\n');
  });

  it('lists every file it created and the next steps', async () => {
    const parent = writeRepo({});
    const run = await runCli(['init', 'nuevo'], { cwd: parent });
    expect(run.code).toBe(0);
    const files = scaffoldFiles().map((f) => f.path);
    expect(run.stdout).toContain(`Repositorio del plan creado en «nuevo» (${files.length} archivos):\n  plan.yaml\n  catalogos/unidades-de-medida.yaml\n`);
    for (const file of files) expect(run.stdout).toContain(`\n  ${file}\n`);
    expect(run.stdout).toContain('Siguientes pasos:');
    expect(run.stdout).toContain('4. Revise que todo esté en orden: plan -C nuevo validate\n');
    expect(snapshot(path.join(parent, 'nuevo')).size).toBe(files.length);
  });

  it('names the GitHub action and the plan-de-mejora package in the next steps', async () => {
    const run = await runCli(['init', 'nuevo'], { cwd: writeRepo({}) });
    expect(run.stdout).toContain(
      '  5. Suba el repositorio a GitHub o GitLab: .github/workflows/plan.yml (la acción de plan) y .gitlab-ci.yml\n' +
        '     (el paquete plan-de-mejora) revisan cada pull request o merge request; cambie en ellos\n' +
        '     ORGANIZACION/plan por la dirección del repositorio de plan que usa su oficina.\n',
    );
  });

  it('names the same npx command in the next steps when run through npx --package, where no plan is on the PATH', async () => {
    const env = { npm_lifecycle_event: 'npx', npm_config_package: 'plan-de-mejora' };
    const run = await runCli(['init', 'nuevo'], { cwd: writeRepo({}), env });
    expect(run.stdout).toContain('  4. Revise que todo esté en orden: npx --package=plan-de-mejora plan -C nuevo validate\n');
    const script = await runCli(['init', 'otro'], { cwd: writeRepo({}), env: { npm_lifecycle_event: 'test', npm_config_package: 'plan-de-mejora' } });
    expect(script.stdout).toContain('  4. Revise que todo esté en orden: plan -C otro validate\n');
  });

  it('writes into the working directory when no folder is given, next to files that are not its own', async () => {
    const dir = writeRepo({ 'LEEME.md': '# Plan de Mejora\n', '.git/HEAD': 'ref: refs/heads/main\n' });
    const run = await runCli(['init'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Repositorio del plan creado en «.»');
    expect(run.stdout).toContain('4. Revise que todo esté en orden: plan validate\n');
    expect(read(dir, 'LEEME.md')).toBe('# Plan de Mejora\n');
    expect(statSync(path.join(dir, 'plan.yaml')).isFile()).toBe(true);
  });

  it('writes plan.yaml with the placeholder municipality, the 2019 calendar and every default of config.ts', async () => {
    const dir = await initFresh();
    const text = read(dir, 'plan.yaml');
    const plan = parse(text) as PlanConfig;
    expect(plan.municipio).toBe('Nombre del municipio');
    expect(plan.ejercicio).toBe(2019);
    expect(plan.administracion).toEqual({ inicio: 2018, fin: 2021 });
    expect(plan.entrega_reportes).toEqual({ dias_habiles: 5, ventana: 'fin_de_trimestre' });
    expect(plan.dias_inhabiles).toEqual({ federales: true });
    expect(text).toContain('  # adicionales:\n  #   - fecha: 2019-11-01\n  #     motivo: ');
    expect(plan.semaforo).toEqual(DEFAULT_SEMAFORO);
    expect(plan.rubrica).toEqual({ pesos: DEFAULT_PESOS, grados: DEFAULT_GRADOS });
    expect(plan.rubrica!.grados.find((g) => g.grado === 'Aceptable')?.tipo_plan).toBe('Consolidación');
    // Thresholds and coverage spelled out are exactly what plan uses when they are left out.
    expect({ ...resolveConfig(plan, 2019), municipio: '' }).toEqual(resolveConfig(undefined, 2019));
  });

  it('writes a unit catalog of validated units and a sample department with the seed\'s Plan de Mejora', async () => {
    const dir = await initFresh();
    const { unidades } = parse(read(dir, 'catalogos/unidades-de-medida.yaml')) as { unidades: { clave: string; validada: boolean }[] };
    expect(unidades.length).toBeGreaterThanOrEqual(12);
    expect(unidades.every((u) => u.validada)).toBe(true);
    const dependencia = parse(read(dir, 'dependencias/EJEMPLO/dependencia.yaml')) as Dependencia;
    expect(dependencia.evaluaciones['2018']!.grado).toBe('Aceptable');
    expect(dependencia.planes_de_mejora!['2019']!.tipo).toBe('Consolidación');
    expect(dependencia.planes_de_mejora!['2019']!.acciones.map((a) => a.criterio)).toEqual(CRITERIOS);
    const ppcs = parse(read(dir, 'dependencias/EJEMPLO/ppcs/EJEMPLO-01.yaml')) as { id: string; metas: unknown[] };
    expect(ppcs.id).toBe('EJEMPLO-01');
    for (const quarter of ['T1', 'T2', 'T3', 'T4']) {
      const report = parse(read(dir, `dependencias/EJEMPLO/reportes/2019-${quarter}.yaml`)) as { ppcs: { evidencias: string[] }[] };
      const evidence = report.ppcs[0]!.evidencias[0]!;
      expect(evidence).toMatch(new RegExp(`^dependencias/EJEMPLO/evidencias/2019-${quarter}/`));
      expect(statSync(path.join(dir, evidence)).isFile()).toBe(true);
    }
  });

  it('starts every YAML file with a yaml-language-server modeline; the data files point at the local schemas', async () => {
    const dir = await initFresh();
    const yamlFiles = [...snapshot(dir).keys()].filter((f) => /\.ya?ml$/.test(f));
    expect(yamlFiles).toContain('.github/workflows/plan.yml');
    expect(yamlFiles).toContain('.gitlab-ci.yml');
    for (const file of yamlFiles) {
      const first = read(dir, file).split('\n')[0]!;
      const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
      expect(match, file).not.toBeNull();
      const placement = placementOf(file);
      if (!placement) continue;
      const schema = path.resolve(path.dirname(path.join(dir, file)), match![1]!);
      expect(schema, file).toBe(path.join(dir, 'schemas', SCHEMA_FILE[placement.kind]));
    }
  });

  it('copies the package schemas and maps each of them to its files in .vscode/settings.json', async () => {
    const dir = await initFresh();
    const packageSchemas = readdirSync(path.join(PACKAGE, 'schemas')).filter((f) => f.endsWith('.schema.json')).sort();
    expect(readdirSync(path.join(dir, 'schemas')).sort()).toEqual(packageSchemas);
    for (const name of packageSchemas) expect(read(dir, `schemas/${name}`)).toBe(readFileSync(path.join(PACKAGE, 'schemas', name), 'utf8'));

    const settings = JSON.parse(read(dir, '.vscode/settings.json')) as { 'yaml.schemas': Record<string, string> };
    const mapped = settings['yaml.schemas'];
    expect(Object.keys(mapped).sort()).toEqual(Object.values(SCHEMA_FILE).map((f) => `./schemas/${f}`).sort());
    const globFor = (kind: keyof typeof SCHEMA_FILE) => {
      const glob = mapped[`./schemas/${SCHEMA_FILE[kind]}`]!;
      return new RegExp(`^${glob.slice(1).replace(/[.]/g, '\\.').replace(/\*/g, '[^/]+')}$`);
    };
    const dataFiles = [...snapshot(dir).keys()].filter((f) => placementOf(f));
    expect(dataFiles).toHaveLength(14);
    for (const file of dataFiles) expect(file, file).toMatch(globFor(placementOf(file)!.kind));
    // The kinds init does not write still land on their own schema.
    expect('planeacion/retroalimentacion/2019-T1.yaml').toMatch(globFor('retroalimentacion'));
    expect('planeacion/excepciones.yaml').toMatch(globFor('excepciones'));
    expect(JSON.parse(read(dir, '.vscode/extensions.json'))).toEqual({ recommendations: ['redhat.vscode-yaml'] });
  });

  it('writes CI workflows that use the GitHub Action and the release tarball of this version', async () => {
    const dir = await initFresh();
    const github = read(dir, '.github/workflows/plan.yml');
    const gitlab = read(dir, '.gitlab-ci.yml');
    expect(github).toContain(`        uses: ORGANIZACION/plan@v${VERSION}\n`);
    expect(gitlab).toContain(`- npm install --global "https://github.com/ORGANIZACION/plan/releases/download/v${VERSION}/plan-de-mejora-${VERSION}.tgz"\n`);
    expect(`${github}${gitlab}`).not.toContain('@PLAN_VERSION@');
    const workflow = parse(github) as { jobs: { validar: { steps: { uses?: string; with?: Record<string, unknown> }[] } } };
    expect(workflow.jobs.validar.steps[0]).toEqual({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } });
    expect(workflow.jobs.validar.steps[1]).toEqual({ uses: 'actions/setup-node@v4', with: { 'node-version': 20 } });
  });

  it('keeps generated reports out of git, and the departments\' quarterly reports in', async () => {
    const repo = GitRepo.init();
    expect((await runCli(['init', repo.dir])).code).toBe(0);
    expect(read(repo.dir, '.gitignore').split('\n')).toContain('/reportes/');
    const ignored = (rel: string) => {
      try {
        repo.git('check-ignore', '--quiet', '--no-index', rel);
        return true;
      } catch {
        return false;
      }
    };
    expect(ignored('reportes/trimestral-2019-T2.xlsx')).toBe(true);
    expect(ignored('plan-junit.xml')).toBe(true);
    expect(ignored('dependencias/EJEMPLO/reportes/2019-T2.yaml')).toBe(false);
    repo.git('add', '--all');
    const tracked = repo.git('ls-files').split('\n').filter(Boolean).sort();
    expect(tracked).toEqual(scaffoldFiles().map((f) => f.path).sort());
  });
});

describe('plan init never overwrites', () => {
  it('refuses a second run with exit 2, listing the files, and changes nothing', async () => {
    const dir = await initFresh();
    const before = snapshot(dir);
    const run = await runCli(['init', dir]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`plan: error: No se creó ningún archivo: plan init nunca sobrescribe, y en «${dir}» ya existe:\n  .github/workflows/plan.yml\n  .gitignore\n`);
    for (const file of scaffoldFiles()) expect(run.stderr).toContain(`\n  ${file.path}\n`);
    expect(run.stderr).toContain('Elija una carpeta vacía, o mueva o borre esos archivos y vuelva a intentarlo.\n');
    expect(snapshot(dir)).toEqual(before);
  });

  it('writes nothing at all when only one of its files exists', async () => {
    const dir = writeRepo({ '.gitignore': 'node_modules/\n' });
    const run = await runCli(['init', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('ya existe:\n  .gitignore\nElija');
    expect([...snapshot(dir).keys()]).toEqual(['.gitignore']);
    expect(read(dir, '.gitignore')).toBe('node_modules/\n');
  });

  it('treats a file standing where a folder goes as in the way', async () => {
    const dir = writeRepo({ catalogos: 'no es una carpeta' });
    const run = await runCli(['init', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('ya existe:\n  catalogos\nElija');
    expect([...snapshot(dir).keys()]).toEqual(['catalogos']);
  });

  it('refuses a target that is a file', async () => {
    const dir = writeRepo({ 'plan.txt': 'x' });
    const run = await runCli(['init', path.join(dir, 'plan.txt')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('existe y no es una carpeta');
  });

  it('leaves nothing behind when a write fails half-way, and keeps what was there before', async () => {
    const dir = writeRepo({ 'dependencias/LEEME.txt': 'carpeta de la oficina\n' });
    failing.suffix = 'dependencias/EJEMPLO/reportes/2019-T3.yaml';
    const run = await runCli(['init', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`plan: error: No se pudo escribir «${path.join(dir, failing.suffix)}»: no hay espacio en el disco. No quedó ningún archivo a medias: se borró lo que plan init había creado.\n`);
    expect([...snapshot(dir).keys()]).toEqual(['dependencias/LEEME.txt']);
    expect(readdirSync(path.join(dir, 'dependencias'))).toEqual(['LEEME.txt']);
  });

  it('speaks English with --lang en', async () => {
    const dir = writeRepo({});
    const run = await runCli(['--lang', 'en', 'init', dir]);
    expect(run.stdout).toContain(`Plan repository created in "${dir}"`);
    const again = await runCli(['--lang', 'en', 'init', dir]);
    expect(again.stderr).toContain('No file was created: plan init never overwrites');
  });
});
