// What a municipality gets: the tarball `npm pack` makes from a fresh clone (its prepack
// builds dist/), installed with no build step and no dev dependency into a prefix of its
// own, then the installed `plan` used from a folder that never saw this repository.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { copyProject, PROJECT, removeTempDirs, run, runOk, tempDir, userEnv, type Run } from './project.js';

const PKG = JSON.parse(readFileSync(path.join(PROJECT, 'package.json'), 'utf8')) as { name: string; version: string };
const INSTALL_FLAGS = ['--prefer-offline', '--no-audit', '--no-fund'];

interface Packed {
  filename: string;
  files: { path: string }[];
}

let tarball: string;
let packed: Packed;
let prefix: string;
let installEnv: NodeJS.ProcessEnv;
let init: Run;
let planRepo: string;

/** npx keeps what it installs in npm's cache, one folder per package list: drop this tarball's. */
function removeNpxInstall(spec: string, cwd: string): void {
  const npxDir = path.join(runOk('npm', ['config', 'get', 'cache'], { cwd }).stdout.trim(), '_npx');
  for (const entry of existsSync(npxDir) ? readdirSync(npxDir) : []) {
    const manifest = path.join(npxDir, entry, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { _npx?: { packages?: string[] } })._npx?.packages?.includes(spec)) {
      rmSync(path.join(npxDir, entry), { recursive: true, force: true });
    }
  }
}

/** The installed command, found on PATH as a user's shell finds it. */
const plan = (args: string[], cwd: string) => run('plan', args, { cwd, env: installEnv });

beforeAll(() => {
  const project = copyProject();
  const out = tempDir('paquete');
  const pack = runOk('npm', ['pack', '--json', '--pack-destination', out], { cwd: project });
  packed = (JSON.parse(pack.stdout) as Packed[])[0]!;
  tarball = path.join(out, packed.filename);

  // A folder name with a space and accents, as a Windows user folder often has («C:\\Users\\José Pérez»).
  prefix = path.join(tempDir('prefijo'), 'José Pérez');
  runOk('npm', ['install', '--global', '--prefix', prefix, ...INSTALL_FLAGS, tarball], { cwd: tempDir('vacia') });
  installEnv = userEnv({ PATH: `${path.join(prefix, 'bin')}${path.delimiter}${process.env['PATH'] ?? ''}` });

  const work = tempDir('oficina');
  init = plan(['init', 'mi-municipio'], work);
  planRepo = path.join(work, 'mi-municipio');
  if (init.code === 0) runOk('git', ['init', '--quiet'], { cwd: planRepo });
}, 600_000);
afterAll(removeTempDirs, 120_000);

describe('npm pack', () => {
  it('names the package plan-de-mejora at this version', () => {
    expect(packed.filename).toBe(`plan-de-mejora-${PKG.version}.tgz`);
  });

  it('carries bin, the bundle, the precompiled validators, the schemas and the templates', () => {
    const files = packed.files.map((f) => f.path);
    const schemas = readdirSync(path.join(PROJECT, 'schemas')).filter((f) => f.endsWith('.schema.json'));
    for (const file of ['bin/plan.js', 'dist/bundle/main.js', 'dist/bundle/worker.js', 'dist/bundle/thread-worker.js', 'dist/schema/schemas.compiled.cjs', 'templates/anual.md.hbs', 'templates/init/plan.yaml', 'templates/init/dot-github/workflows/plan.yml', 'templates/init/dot-gitlab-ci.yml', ...schemas.map((s) => `schemas/${s}`)]) {
      expect(files, file).toContain(file);
    }
  });

  it('leaves out the sources, the tests, the developers\' tools and the modules tsc writes', () => {
    const outside = packed.files.map((f) => f.path).filter((f) => !/^(bin|dist\/bundle|schemas|templates)\//.test(f) && !['package.json', 'README.md', 'dist/schema/schemas.compiled.cjs'].includes(f));
    expect(outside).toEqual([]);
  });

  it('ships a package.json with the plan command and no prepare script', () => {
    const dir = tempDir('tarball');
    runOk('tar', ['-xzf', tarball, '-C', dir, 'package/package.json'], { cwd: dir });
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package/package.json'), 'utf8')) as { name: string; bin: unknown; engines: unknown; scripts: Record<string, string> };
    expect(manifest.name).toBe('plan-de-mejora');
    expect(manifest.bin).toEqual({ plan: 'bin/plan.js' });
    expect(manifest.engines).toEqual({ node: '>=20.12' });
    expect(manifest.scripts['prepare']).toBeUndefined();
  });
});

describe('plan installed globally from the tarball', () => {
  it('installs with production dependencies only', () => {
    const installed = path.join(prefix, 'lib', 'node_modules', 'plan-de-mejora');
    expect(existsSync(path.join(installed, 'dist', 'bundle', 'main.js'))).toBe(true);
    const modules = readdirSync(path.join(installed, 'node_modules'));
    expect(modules).toContain('exceljs');
    for (const dev of ['typescript', 'vitest', 'fast-check', '@action-validator']) expect(modules, dev).not.toContain(dev);
  });

  it('puts the plan command on the PATH, reporting this version', () => {
    expect(plan(['--version'], tempDir('vacia'))).toEqual({ code: 0, stdout: `${PKG.version}\n`, stderr: '' });
  });

  it('runs plan init in a fresh folder, naming the files and the next steps', () => {
    expect(init.code, init.stderr).toBe(0);
    expect(init.stderr).toBe('');
    expect(init.stdout).toContain('Repositorio del plan creado en «mi-municipio» (36 archivos):\n  plan.yaml\n');
    expect(init.stdout).toContain('  4. Revise que todo esté en orden: plan -C mi-municipio validate\n');
    for (const file of ['plan.yaml', 'schemas/ppcs.schema.json', '.github/workflows/plan.yml', '.gitlab-ci.yml', 'dependencias/EJEMPLO/reportes/2019-T4.yaml']) {
      expect(existsSync(path.join(planRepo, file)), file).toBe(true);
    }
    expect(readFileSync(path.join(planRepo, '.github/workflows/plan.yml'), 'utf8')).toContain(`uses: ORGANIZACION/plan@v${PKG.version}\n`);
  });

  it('runs plan validate on the new repository with no findings', () => {
    const result = plan(['validate'], planRepo);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('✔ Sin problemas en 14 archivo(s).\n');
  });

  it('runs plan report --annual, writing the Markdown, the site and the Excel evaluation', () => {
    const result = plan(['report', '--annual'], planRepo);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('Reportes escritos:\n  reportes/anual-2019.md\n  reportes/anual-2019/index.html\n  reportes/anual-2019.xlsx\n');
    expect(readFileSync(path.join(planRepo, 'reportes/anual-2019.md'), 'utf8')).toContain('| EJEMPLO |');
    expect(readFileSync(path.join(planRepo, 'reportes/anual-2019.xlsx')).subarray(0, 2).toString()).toBe('PK');
  });
});

describe('plan from the tarball without a global install', () => {
  it('installs as a local dependency whose plan command npx runs', () => {
    const project = tempDir('local');
    runOk('npm', ['init', '--yes'], { cwd: project });
    runOk('npm', ['install', ...INSTALL_FLAGS, tarball], { cwd: project });
    expect(run('npx', ['--no-install', 'plan', '--version'], { cwd: project })).toMatchObject({ code: 0, stdout: `${PKG.version}\n` });
  }, 300_000);

  it('runs plan init with npx --package, as the README shows, and names that command in the next steps', () => {
    const cwd = tempDir('npx');
    try {
      const created = run('npx', ['--yes', `--package=${tarball}`, 'plan', 'init', 'mi-municipio'], { cwd });
      expect(created.code, created.stderr).toBe(0);
      const validate = `npx --package=${tarball} plan -C mi-municipio validate`;
      expect(created.stdout).toContain(`  4. Revise que todo esté en orden: ${validate}\n`);
      const [command, ...args] = validate.split(' ');
      // In a terminal npx asks before installing; npm_config_yes answers it, as the user would.
      const result = run(command!, args, { cwd, env: userEnv({ npm_config_yes: 'true' }) });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain('✔ Sin problemas en 14 archivo(s).\n');
    } finally {
      removeNpxInstall(tarball, cwd);
    }
  }, 300_000);
});

describe('the GitLab template', () => {
  it('installs the tarball that npm pack names, from the release of this version', () => {
    const config = parse(readFileSync(path.join(PROJECT, 'examples/ci/gitlab-ci.yml'), 'utf8')) as { default: { before_script: string[] } };
    const install = config.default.before_script.find((line) => line.startsWith('npm install --global '))!;
    expect(install).toBe(`npm install --global "https://github.com/ORGANIZACION/plan/releases/download/v${PKG.version}/${packed.filename}"`);
  });
});
