// gitSpooled (src/git/git.ts) answers what gitAsync answers, through a temporary file instead
// of a pipe, and leaves no file behind.
import { readdirSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { gitAsync, gitSpooled } from '../../src/git/git.js';
import { writeRepo } from '../helpers/fixture.js';
import { at, GitRepo } from '../helpers/git-repo.js';

/** A repo whose `git log --name-status` prints far more than a pipe holds (64 KiB). */
function repoWithLongLog(): GitRepo {
  const repo = GitRepo.init();
  const files: Record<string, string> = {};
  for (let i = 0; i < 2500; i++) files[`dependencias/D${String(i).padStart(4, '0')}/reportes/2019-T1.yaml`] = `trimestre: 2019-T1\n`;
  repo.commit('Reportes T1', at('2019-03-27'), files);
  return repo;
}

const LOG = ['log', '--name-status', '-z', '--format=%x00%cs', '--', '.'];

describe('gitSpooled', () => {
  it('gives what gitAsync gives for an output larger than a pipe holds, and removes its temporary file', async () => {
    const repo = repoWithLongLog();
    const spool = writeRepo({});
    vi.stubEnv('TMPDIR', spool);
    const spooled = await gitSpooled(repo.dir, LOG);
    expect(spooled.ok && spooled.stdout.length).toBeGreaterThan(64 * 1024);
    expect(spooled).toEqual(await gitAsync(repo.dir, LOG));
    expect(readdirSync(spool)).toEqual([]);
  });

  it('gives git’s failure as gitAsync does: its exit code and the first line it wrote to stderr', async () => {
    const repo = GitRepo.init();
    repo.commit('Plan', at('2019-03-01'), { 'plan.yaml': 'ejercicio: 2019\n' });
    const args = ['log', 'no-existe', '--'];
    const spooled = await gitSpooled(repo.dir, args);
    expect(spooled).toMatchObject({ ok: false, failure: 'failed', status: 128, detail: expect.stringContaining('no-existe') });
    expect(spooled).toEqual(await gitAsync(repo.dir, args));
  });

  it('says git_missing when git is not on PATH', async () => {
    const repo = GitRepo.init();
    vi.stubEnv('PATH', writeRepo({}));
    expect(await gitSpooled(repo.dir, LOG)).toMatchObject({ ok: false, failure: 'git_missing' });
  });
});
