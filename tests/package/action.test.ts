// The release procedure and the GitHub Action, end to end: `npm run release` on a clone of
// this project makes the release commit and its tags there; a clean checkout of the tag `v1`
// is the action a municipality's workflow runs, with only Node on the runner; its steps run
// against plan repositories in pull requests and pushes.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run.js';
import { at, GitRepo, neutralGitEnv } from '../helpers/git-repo.js';
import { readAction, runAction, runActionStep, type ActionContext } from './action-steps.js';
import { copyProject, PROJECT, removeTempDirs, run, runOk, tempDir, userEnv, type Run } from './project.js';

const PKG = JSON.parse(readFileSync(path.join(PROJECT, 'package.json'), 'utf8')) as { version: string };
const TAG = `v${PKG.version}`;
const T2 = 'dependencias/EJEMPLO/reportes/2019-T2.yaml';
const EJEMPLO2_T3 = 'dependencias/EJEMPLO2/reportes/2019-T3.yaml';

let clone: string;
let headBefore: string;
let release: Run;
let actionPath: string;
let install: Run;

/** The action's check, once its install step has run (in beforeAll: npm ci takes a while). */
function check(context: Omit<ActionContext, 'actionPath'>): Run & { step: string } {
  const action = readAction(path.join(actionPath, 'action.yml'));
  const step = action.runs.steps.find((s) => s.name === 'Revisar el plan')!;
  return { ...runActionStep(step, { actionPath, ...context }, action), step: step.name };
}

const git = (cwd: string, ...args: string[]) => runOk('git', args, { cwd, env: neutralGitEnv() }).stdout.trim();

beforeAll(() => {
  clone = copyProject();
  git(clone, 'init', '--quiet', '-b', 'main');
  git(clone, 'config', 'user.name', 'Mantenimiento de plan');
  git(clone, 'config', 'user.email', 'plan@example.org');
  git(clone, 'config', 'commit.gpgsign', 'false');
  git(clone, 'config', 'tag.gpgsign', 'false');
  // The copy links node_modules for the build; a clone has it as an ignored folder.
  writeFileSync(path.join(clone, '.git/info/exclude'), '/node_modules\n');
  git(clone, 'add', '--all');
  git(clone, 'commit', '--quiet', '-m', 'Proyecto de plan');
  headBefore = git(clone, 'rev-parse', 'HEAD');
  release = run('npm', ['run', 'release', '--silent'], { cwd: clone });

  actionPath = path.join(tempDir('accion'), 'plan');
  runOk('git', ['clone', '--quiet', '--branch', 'v1', clone, actionPath], { cwd: PROJECT, env: neutralGitEnv() });
  const [installStep] = readAction(path.join(actionPath, 'action.yml')).runs.steps;
  install = runActionStep(installStep!, { actionPath, workspace: tempDir('espacio'), baseRef: '' });
}, 600_000);
afterAll(removeTempDirs, 120_000);

describe('npm run release', () => {
  it('succeeds and says what to push', () => {
    expect(release.code, release.stderr).toBe(0);
    expect(release.stdout).toContain(`Versión ${PKG.version} lista:\n`);
    expect(release.stdout).toContain(`  etiquetas ${TAG} y v1\n  paquete release/plan-de-mejora-${PKG.version}.tgz\n`);
    expect(release.stdout).toContain(`Para publicarla:\n  git push origin ${TAG}\n  git push --force origin v1\n`);
  });

  it('tags one commit vX.Y.Z and v1, whose parent is the branch head', () => {
    const commit = git(clone, 'rev-parse', `${TAG}^{commit}`);
    expect(git(clone, 'rev-parse', 'v1^{commit}')).toBe(commit);
    expect(git(clone, 'rev-parse', `${commit}^`)).toBe(headBefore);
    expect(git(clone, 'cat-file', '-t', TAG)).toBe('tag');
  });

  it('commits of dist/ what npm packs: the bundle and the precompiled validators', () => {
    const files = git(clone, 'ls-tree', '-r', '--name-only', TAG).split('\n');
    for (const file of ['dist/bundle/main.js', 'dist/bundle/worker.js', 'dist/bundle/thread-worker.js', 'dist/schema/schemas.compiled.cjs']) expect(files).toContain(file);
    expect(files.filter((f) => f.startsWith('dist/') && !f.startsWith('dist/bundle/') && f !== 'dist/schema/schemas.compiled.cjs')).toEqual([]);
    expect(git(clone, 'diff', '--name-only', headBefore, TAG).split('\n').filter((f) => !f.startsWith('dist/'))).toEqual(['package.json']);
  });

  it('commits a package.json with no scripts, so a git install has nothing to build', () => {
    const manifest = JSON.parse(git(clone, 'show', `${TAG}:package.json`)) as Record<string, unknown>;
    expect(manifest['scripts']).toBeUndefined();
    const { scripts: _, ...rest } = JSON.parse(readFileSync(path.join(clone, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toEqual(rest);
  });

  it('leaves the branch, the index and the working tree as they were', () => {
    expect(git(clone, 'rev-parse', 'HEAD')).toBe(headBefore);
    expect(git(clone, 'symbolic-ref', '--short', 'HEAD')).toBe('main');
    expect(git(clone, 'status', '--porcelain')).toBe('');
  });

  it('writes the tarball of the release commit into release/', () => {
    const tarball = path.join(clone, 'release', `plan-de-mejora-${PKG.version}.tgz`);
    const listed = runOk('tar', ['-tzf', tarball], { cwd: clone }).stdout.split('\n');
    expect(listed).toContain('package/dist/bundle/main.js');
    expect(listed).toContain('package/bin/plan.js');
    expect(listed.filter((f) => f.startsWith('package/dist/tools/') || f.startsWith('package/src/'))).toEqual([]);
    const unpacked = tempDir('release-tgz');
    runOk('tar', ['-xzf', tarball, '-C', unpacked, 'package/package.json'], { cwd: unpacked });
    expect(readFileSync(path.join(unpacked, 'package/package.json'), 'utf8')).toBe(git(clone, 'show', `${TAG}:package.json`) + '\n');
  });

  it('refuses a second release of the same version, naming the tag', () => {
    const again = run('node', ['tools/release.mjs'], { cwd: clone });
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(`release: error: la etiqueta ${TAG} ya existe. Suba la versión (npm version X.Y.Z --no-git-tag-version), confirme el cambio y vuelva a ejecutar npm run release.\n`);
  });

  it('refuses to release uncommitted changes', () => {
    writeFileSync(path.join(clone, 'NOTAS.md'), 'borrador\n');
    try {
      const result = run('node', ['tools/release.mjs'], { cwd: clone });
      expect(result.code).toBe(1);
      expect(result.stderr).toBe('release: error: hay cambios sin confirmar; confirme o descarte antes de publicar:\n?? NOTAS.md\n');
    } finally {
      runOk('rm', ['NOTAS.md'], { cwd: clone });
    }
  });

  it('makes a tag that npm installs globally from git with no build step', () => {
    const prefix = tempDir('prefijo-git');
    const result = run('npm', ['install', '--global', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', `git+file://${clone}#${TAG}`], { cwd: tempDir('vacia') });
    expect(result.code, result.stderr).toBe(0);
    const installed = path.join(prefix, 'lib', 'node_modules', 'plan-de-mejora');
    expect(readdirSync(path.join(installed, 'node_modules'))).not.toContain('typescript');
    expect(run(path.join(prefix, 'bin', 'plan'), ['--version'], { cwd: prefix })).toMatchObject({ code: 0, stdout: `${PKG.version}\n` });
  }, 300_000);
});

/**
 * A repository as `plan init` writes it, committed on main in January 2019, `origin/main`
 * standing for the fetched target branch, and a pull-request branch whose one commit edits
 * `onBranch`; `onMain` edits land on main first.
 */
async function pullRequestRepo(changes: { onMain?: Record<string, (text: string) => string>; onBranch?: Record<string, (text: string) => string> }, folder = ''): Promise<GitRepo> {
  const repo = GitRepo.init();
  expect((await runCli(['init', repo.path(folder)])).code).toBe(0);
  const edit = (edits: Record<string, (text: string) => string>) =>
    Object.fromEntries(Object.entries(edits).map(([file, change]) => [path.join(folder, file), change(readFileSync(repo.path(path.join(folder, file)), 'utf8'))]));
  repo.commit('Repositorio del plan creado con plan init', at('2019-01-07'));
  if (changes.onMain) repo.commit('Cambio en la rama principal', at('2019-01-08'), edit(changes.onMain));
  repo.git('update-ref', 'refs/remotes/origin/main', 'HEAD');
  repo.git('checkout', '--quiet', '-b', 'reporte-2019-T2');
  if (changes.onBranch) repo.commit('Reporte del segundo trimestre', at('2019-06-27'), edit(changes.onBranch));
  return repo;
}

const rewordComment = (text: string) => text.replace('Se impartieron los 12 talleres programados.', 'Se impartieron los 12 talleres programados en 6 colonias.');
const wrongUnit = (text: string) => text.replace('unidad_medida: taller\n', 'unidad_medida: persona\n');
const dropCollaborations = (text: string) => text.replace('    colaboraciones:\n      - EJEMPLO\n', '');

describe('the GitHub Action from a clean checkout of its tag', () => {
  it('installs production dependencies only, building nothing', () => {
    expect(install.code, `${install.stdout}\n${install.stderr}`).toBe(0);
    const modules = readdirSync(path.join(actionPath, 'node_modules'));
    expect(modules).toContain('exceljs');
    for (const dev of ['typescript', 'vitest', '@action-validator']) expect(modules, dev).not.toContain(dev);
    // What the checkout holds is what ran: the tag's own dist/, untouched.
    expect(git(actionPath, 'status', '--porcelain', '--ignored', 'dist')).toBe('');
  });

  it('passes a pull request with nothing wrong, with no annotation', async () => {
    const repo = await pullRequestRepo({ onBranch: { [T2]: rewordComment } });
    const result = check({ workspace: repo.dir, baseRef: 'main' });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).not.toMatch(/^::/m);
  });

  it('fails a pull request that reports in the wrong unit, with an error annotation on the changed line', async () => {
    const repo = await pullRequestRepo({ onBranch: { [T2]: wrongUnit } });
    const line = readFileSync(repo.path(T2), 'utf8').split('\n').findIndex((l) => l.includes('unidad_medida: persona')) + 1;
    const result = check({ workspace: repo.dir, baseRef: 'main' });
    expect(result.code).toBe(1);
    expect(result.step).toBe('Revisar el plan');
    const annotations = result.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations).toHaveLength(1);
    expect(annotations[0]).toMatch(new RegExp(`^::error file=${T2.replace(/[./]/g, '\\$&')},line=${line},col=\\d+,endLine=${line},endColumn=\\d+,title=PLAN020 `));
  });

  it('leaves out, on a pull request, a warning of a file it does not change', async () => {
    const repo = await pullRequestRepo({ onMain: { [EJEMPLO2_T3]: dropCollaborations }, onBranch: { [T2]: rewordComment } });
    const result = check({ workspace: repo.dir, baseRef: 'main' });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).not.toMatch(/^::/m);
  });

  it('checks the whole plan on a push, annotating that warning', async () => {
    const repo = await pullRequestRepo({ onMain: { [EJEMPLO2_T3]: dropCollaborations } });
    repo.git('checkout', '--quiet', 'main');
    const result = check({ workspace: repo.dir, baseRef: '' });
    expect(result.code, result.stderr).toBe(0);
    const annotations = result.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations).toHaveLength(1);
    expect(annotations[0]).toMatch(new RegExp(`^::warning file=${EJEMPLO2_T3.replace(/[./]/g, '\\$&')},line=\\d+,.*title=PLAN031 `));
  });

  it('passes argumentos to plan validate: --max-warnings 0 fails on that warning', async () => {
    const repo = await pullRequestRepo({ onMain: { [EJEMPLO2_T3]: dropCollaborations } });
    const result = check({ workspace: repo.dir, baseRef: '', with: { argumentos: '--max-warnings\n0' } });
    expect(result.code).toBe(1);
  });

  it('writes another format to a file with formato and argumentos, as the SARIF step does', async () => {
    const repo = await pullRequestRepo({ onBranch: { [T2]: wrongUnit } });
    const result = check({ workspace: repo.dir, baseRef: 'main', with: { formato: 'sarif', argumentos: '--output plan.sarif' } });
    expect(result.code).toBe(1);
    const sarif = JSON.parse(readFileSync(repo.path('plan.sarif'), 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
    expect(sarif.runs[0]!.results.map((r) => r.ruleId)).toEqual(['PLAN020']);
  });

  it('checks a plan kept in a subfolder named by directorio', async () => {
    const repo = await pullRequestRepo({ onBranch: { [T2]: wrongUnit } }, 'plan');
    const result = check({ workspace: repo.dir, baseRef: 'main', with: { directorio: 'plan' } });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`::error file=plan/${T2},`);
  });

  it('never runs what the inputs say as shell code', async () => {
    const repo = await pullRequestRepo({ onBranch: { [T2]: rewordComment } });
    const marker = path.join(tempDir('inyeccion'), 'ejecutado');
    const result = check({
      workspace: repo.dir,
      baseRef: `main"; touch ${marker}; echo "`,
      with: { argumentos: `$(touch ${marker}) \`touch ${marker}\` *`, formato: `github; touch ${marker}` },
    });
    expect(result.code).not.toBe(0);
    expect(existsSync(marker)).toBe(false);
  });

  it('refuses a checkout without the built dist/, saying to use a published tag', () => {
    const branch = path.join(tempDir('rama'), 'plan');
    runOk('git', ['clone', '--quiet', '--branch', 'main', clone, branch], { cwd: PROJECT, env: neutralGitEnv() });
    const result = runAction({ actionPath: branch, workspace: tempDir('espacio'), baseRef: '' });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('::error title=plan::Esta referencia de la acción no trae plan compilado (dist/). Use una etiqueta publicada, por ejemplo «uses: ORGANIZACION/plan@v1», no una rama ni un commit.\n');
    expect(existsSync(path.join(branch, 'node_modules'))).toBe(false);
  });

  it('refuses a Node.js older than 20.12, saying to add actions/setup-node', () => {
    const bin = tempDir('node-viejo');
    writeFileSync(path.join(bin, 'node'), '#!/bin/sh\n[ "$1" = --version ] && echo v18.19.0 && exit 0\nexit 1\n', { mode: 0o755 });
    const [installStep] = readAction().runs.steps;
    const result = runActionStep(installStep!, { actionPath, workspace: tempDir('espacio'), baseRef: '' }, readAction(), { PATH: `${bin}${path.delimiter}${userEnv()['PATH'] ?? ''}` });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('::error title=plan::plan necesita Node.js 20.12 o posterior, y en este runner hay v18.19.0. Agregue antes el paso «uses: actions/setup-node@v4» con «node-version: 20».\n');
  });
});
