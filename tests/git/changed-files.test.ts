import { existsSync, mkdirSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { changedFilesSince, type ChangedFiles } from '../../src/git/changed-files.js';
import { writeRepo } from '../helpers/fixture.js';
import { at, countGitCalls, GitRepo, useHostileGitConfig } from '../helpers/git-repo.js';

const OP_T1 = 'dependencias/OP/reportes/2019-T1.yaml';
const DIF_T1 = 'dependencias/DIF/reportes/2019-T1.yaml';
const OP_01 = 'dependencias/OP/ppcs/OP-01.yaml';
const DIF_01 = 'dependencias/DIF/ppcs/DIF-01.yaml';

const BASE = {
  'plan.yaml': 'ejercicio: 2019\n',
  [OP_01]: 'id: OP-01\n',
  [DIF_01]: 'id: DIF-01\n',
  [OP_T1]: 'trimestre: 2019-T1\n',
  [DIF_T1]: 'trimestre: 2019-T1\n',
};

/**
 * main holds the plan; branch `reporte-op` changes OP's report; after the branch left,
 * main took DIF's report, which the PR has nothing to do with. The branch is checked out.
 */
function pullRequest(files: Record<string, string> = BASE) {
  const repo = GitRepo.init(files);
  const base = repo.commit('Plan 2019', at('2019-03-01'));
  repo.git('switch', '--quiet', '-c', 'reporte-op');
  repo.commit('Reporte T1 de OP', at('2019-03-27'), { [OP_T1]: 'trimestre: 2019-T1\nfecha_entrega: 2019-03-27\n' });
  repo.git('switch', '--quiet', 'main');
  repo.commit('Reporte T1 de DIF', at('2019-03-28'), { [DIF_T1]: 'trimestre: 2019-T1\nfecha_entrega: 2019-03-28\n' });
  repo.git('switch', '--quiet', 'reporte-op');
  return { repo, base };
}

function changed(result: ChangedFiles) {
  if (!result.ok) throw new Error(`changedFilesSince failed: ${result.reason} ${result.detail ?? ''}`);
  return { files: [...result.files].sort(), deleted: [...result.deleted].sort() };
}

describe('changedFilesSince', () => {
  it('gives only the report the branch changed since it left main, not what main took afterwards', async () => {
    const { repo, base } = pullRequest();
    const result = await changedFilesSince(repo.dir, 'main');
    expect(changed(result)).toEqual({ files: [OP_T1], deleted: [] });
    expect(result.ok && result.base).toBe(base);
  });

  it('adds staged, unstaged and untracked files of the work tree', async () => {
    const { repo } = pullRequest();
    repo.write({ [OP_01]: 'id: OP-01\nnombre: Pavimentación\n' });
    repo.write({ 'dependencias/OP/evidencias/2019-T1/acta.txt': 'Acta\n' }).git('add', 'dependencias/OP/evidencias/2019-T1/acta.txt');
    repo.write({ 'dependencias/OP/reportes/2019-T2.yaml': 'trimestre: 2019-T2\n' });
    expect(changed(await changedFilesSince(repo.dir, 'main')).files).toEqual([
      'dependencias/OP/evidencias/2019-T1/acta.txt',
      OP_01,
      OP_T1,
      'dependencias/OP/reportes/2019-T2.yaml',
    ]);
  });

  it('leaves out ignored files', async () => {
    const { repo } = pullRequest();
    repo.commit('Ignorar reportes generados', at('2019-03-27', '13:00:00'), { '.gitignore': '/reportes/\n' });
    repo.write({ 'reportes/resumen-2019-T1.md': '# Resumen\n' });
    expect(changed(await changedFilesSince(repo.dir, 'main')).files).toEqual(['.gitignore', OP_T1]);
  });

  it('lists committed and unstaged deletions among the changed files and in deleted', async () => {
    const { repo } = pullRequest();
    repo.git('rm', '--quiet', DIF_01);
    repo.commit('Baja del PPCS DIF-01', at('2019-03-27', '14:00:00'));
    repo.remove(OP_01);
    expect(changed(await changedFilesSince(repo.dir, 'main'))).toEqual({ files: [DIF_01, OP_01, OP_T1], deleted: [DIF_01, OP_01] });
  });

  it('names a file renamed on the branch by its old path, as deleted, and its new one', async () => {
    const { repo } = pullRequest();
    repo.git('mv', DIF_01, 'dependencias/DIF/ppcs/DIF-02.yaml');
    repo.commit('Renombra DIF-01', at('2019-03-27', '14:00:00'));
    expect(changed(await changedFilesSince(repo.dir, 'main'))).toEqual({ files: [DIF_01, 'dependencias/DIF/ppcs/DIF-02.yaml', OP_T1], deleted: [DIF_01] });
  });

  it('counts a file removed from the index but still on disk as changed, not deleted', async () => {
    const { repo } = pullRequest();
    repo.git('rm', '--quiet', '--cached', OP_01);
    expect(changed(await changedFilesSince(repo.dir, 'main'))).toEqual({ files: [OP_01, OP_T1], deleted: [] });
  });

  it('accepts any commit-ish: a commit id, HEAD~1, HEAD', async () => {
    const { repo, base } = pullRequest();
    expect(changed(await changedFilesSince(repo.dir, base)).files).toEqual([OP_T1]);
    expect(changed(await changedFilesSince(repo.dir, 'HEAD~1')).files).toEqual([OP_T1]);
    expect(changed(await changedFilesSince(repo.dir, 'HEAD')).files).toEqual([]);
  });

  it('says unknown_ref for a ref the repository does not have', async () => {
    const { repo } = pullRequest();
    expect(await changedFilesSince(repo.dir, 'origin/main')).toEqual({ ok: false, reason: 'unknown_ref' });
    expect(await changedFilesSince(repo.dir, '')).toEqual({ ok: false, reason: 'unknown_ref' });
  });

  it('takes a ref that looks like an option as a ref name, never as an option', async () => {
    const { repo } = pullRequest();
    expect(await changedFilesSince(repo.dir, '--output=salida.txt')).toEqual({ ok: false, reason: 'unknown_ref' });
    expect(existsSync(repo.path('salida.txt'))).toBe(false);
  });

  it('compares with the ref’s own tree when the histories share no commit', async () => {
    const { repo } = pullRequest();
    repo.git('switch', '--quiet', '--orphan', 'otra-historia');
    repo.commit('Plan nuevo', at('2019-04-01'), { [OP_T1]: 'trimestre: 2019-T1\nfecha_entrega: 2019-03-29\n' });
    // `switch --orphan` empties the work tree: the new history holds only OP's report.
    expect(changed(await changedFilesSince(repo.dir, 'main'))).toEqual({
      files: [DIF_01, DIF_T1, OP_01, OP_T1, 'plan.yaml'],
      deleted: [DIF_01, DIF_T1, OP_01, 'plan.yaml'],
    });
  });

  it('says not_a_repo for a plan folder outside any git repository', async () => {
    const root = writeRepo(BASE);
    expect(await changedFilesSince(root, 'main')).toMatchObject({ ok: false, reason: 'not_a_repo' });
  });

  it('says not_a_repo inside the .git folder, where there is no work tree', async () => {
    const { repo } = pullRequest();
    expect(await changedFilesSince(repo.path('.git'), 'main')).toMatchObject({ ok: false, reason: 'not_a_repo' });
  });

  it('says git_missing when git is not installed', async () => {
    const { repo } = pullRequest();
    const emptyBin = writeRepo({});
    vi.stubEnv('PATH', emptyBin);
    expect(await changedFilesSince(repo.dir, 'main')).toMatchObject({ ok: false, reason: 'git_missing' });
  });

  describe('in a shallow clone', () => {
    it('says shallow when the clone does not hold the ref (a depth-1 checkout has one branch)', async () => {
      const { repo } = pullRequest();
      const clone = repo.shallowClone();
      expect(await changedFilesSince(clone.dir, 'origin/main')).toEqual({ ok: false, reason: 'shallow' });
    });

    it('says shallow when the clone holds the ref but not the commit where the branch left it', async () => {
      const { repo } = pullRequest();
      const clone = repo.shallowClone();
      clone.git('fetch', '--quiet', '--depth', '1', 'origin', 'main:refs/remotes/origin/main');
      expect(await changedFilesSince(clone.dir, 'origin/main')).toEqual({ ok: false, reason: 'shallow' });
    });

    it('answers when the clone holds the ref and the merge base', async () => {
      const { repo } = pullRequest();
      const clone = repo.shallowClone();
      clone.write({ 'dependencias/OP/reportes/2019-T2.yaml': 'trimestre: 2019-T2\n' });
      expect(changed(await changedFilesSince(clone.dir, 'HEAD')).files).toEqual(['dependencias/OP/reportes/2019-T2.yaml']);
    });
  });

  describe('with the plan in a subfolder of the repository', () => {
    const ROOT = 'Planeación Municipal';
    const nested = () => {
      const files: Record<string, string> = { 'README.md': '# Ayuntamiento\n', 'otros/notas.txt': 'notas\n' };
      for (const [file, content] of Object.entries(BASE)) files[`${ROOT}/${file}`] = content;
      const repo = GitRepo.init(files);
      repo.commit('Plan 2019', at('2019-03-01'));
      repo.git('switch', '--quiet', '-c', 'reporte-op');
      repo.commit('Reporte T1 de OP', at('2019-03-27'), { [`${ROOT}/${OP_T1}`]: 'trimestre: 2019-T1\nfecha_entrega: 2019-03-27\n', 'README.md': '# Ayuntamiento 2019\n' });
      repo.write({ 'otros/nuevo.txt': 'fuera del plan\n', [`${ROOT}/dependencias/OP/reportes/2019-T2.yaml`]: 'trimestre: 2019-T2\n' });
      repo.remove('otros/notas.txt');
      return repo;
    };

    it('gives paths relative to the plan root and nothing from outside it', async () => {
      const repo = nested();
      expect(changed(await changedFilesSince(repo.path(ROOT), 'main'))).toEqual({ files: [OP_T1, 'dependencias/OP/reportes/2019-T2.yaml'], deleted: [] });
    });

    it('answers the same when run from a folder below the plan root', async () => {
      const repo = nested();
      mkdirSync(repo.path(`${ROOT}/dependencias/OP`), { recursive: true });
      // The plan root is what is asked about; the process's own cwd does not matter.
      const before = process.cwd();
      process.chdir(repo.path(`${ROOT}/dependencias/OP`));
      try {
        expect(changed(await changedFilesSince(repo.path(ROOT), 'main')).files).toEqual([OP_T1, 'dependencias/OP/reportes/2019-T2.yaml']);
      } finally {
        process.chdir(before);
      }
    });
  });

  it('keeps spaces, accents and quotes in paths as they are', async () => {
    const acta = 'dependencias/OP/evidencias/2019-T1/acta de recepción "final".txt';
    const padron = 'dependencias/DIF/evidencias/2019-T1/padrón niñas y niños.txt';
    const { repo } = pullRequest();
    repo.commit('Evidencia', at('2019-03-27', '15:00:00'), { [acta]: 'Acta\n' });
    repo.write({ [padron]: 'Padrón\n' });
    expect(changed(await changedFilesSince(repo.dir, 'main')).files).toEqual([padron, acta, OP_T1]);
  });

  it('gives the same answer under a user git config that changes git’s output', async () => {
    const { repo } = pullRequest();
    repo.git('mv', DIF_01, 'dependencias/DIF/ppcs/DIF-02.yaml');
    repo.commit('Renombra DIF-01', at('2019-03-27', '14:00:00'));
    repo.write({ 'dependencias/OP/reportes/2019-T2.yaml': 'trimestre: 2019-T2\n' });
    const neutral = changed(await changedFilesSince(repo.dir, 'main'));
    useHostileGitConfig();
    expect(changed(await changedFilesSince(repo.path('dependencias/OP'), 'main'))).toEqual({ files: ['reportes/2019-T1.yaml', 'reportes/2019-T2.yaml'], deleted: [] });
    expect(changed(await changedFilesSince(repo.dir, 'main'))).toEqual(neutral);
  });

  it.skipIf(process.platform === 'win32')('asks git five questions however many files changed (the last two at once)', async () => {
    const { repo } = pullRequest();
    const many: Record<string, string> = {};
    for (let i = 1; i <= 40; i++) many[`dependencias/OP/evidencias/2019-T1/foto-${i}.jpg`] = `foto ${i}\n`;
    repo.commit('Evidencias', at('2019-03-27', '16:00:00'), many);
    const counter = countGitCalls();
    expect(changed(await changedFilesSince(repo.dir, 'main')).files).toHaveLength(41);
    const calls = counter.calls();
    expect(calls.slice(0, 3)).toEqual(['rev-parse', 'rev-parse', 'merge-base']);
    expect(calls.slice(3).sort()).toEqual(['diff', 'ls-files']);
  });
});
