import { describe, expect, it, vi } from 'vitest';
import { fileHistory, notYetCommitted, toGitHistory, type FileHistory } from '../../src/git/history.js';
import { writeRepo } from '../helpers/fixture.js';
import { at, countGitCalls, GitRepo, useHostileGitConfig } from '../helpers/git-repo.js';

const OP_T1 = 'dependencias/OP/reportes/2019-T1.yaml';
const DIF_T1 = 'dependencias/DIF/reportes/2019-T1.yaml';

function dates(result: FileHistory): Record<string, string> {
  if (!result.ok) throw new Error(`fileHistory failed: ${result.reason} ${result.detail ?? ''}`);
  return Object.fromEntries([...result.firstSeen].sort(([a], [b]) => (a < b ? -1 : 1)));
}

describe('fileHistory', () => {
  it('dates each file by the first commit that added it, not by later edits', async () => {
    const repo = GitRepo.init();
    repo.commit('Plan y reporte de OP', at('2019-03-27'), { 'plan.yaml': 'ejercicio: 2019\n', [OP_T1]: 'trimestre: 2019-T1\n' });
    repo.commit('Reporte de DIF; corrige OP', at('2019-04-03'), { [DIF_T1]: 'trimestre: 2019-T1\n', [OP_T1]: 'trimestre: 2019-T1\nelaboro: Juan\n' });
    expect(dates(await fileHistory(repo.dir))).toEqual({ [DIF_T1]: '2019-04-03', [OP_T1]: '2019-03-27', 'plan.yaml': '2019-03-27' });
  });

  it('takes the committer date, not the author date a commit may carry from elsewhere', async () => {
    const repo = GitRepo.init();
    repo.commit('Reporte de OP', at('2019-04-03'), { [OP_T1]: 'trimestre: 2019-T1\n' }, at('2019-03-20'));
    expect(dates(await fileHistory(repo.dir))).toEqual({ [OP_T1]: '2019-04-03' });
  });

  it.each(['UTC', 'America/Mexico_City', 'America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Kiritimati'])(
    'takes the calendar day in the commit’s own time zone, also with TZ=%s',
    async (tz) => {
      const repo = GitRepo.init();
      // 23:30 in Mexico City is already the 30th in UTC; 00:30 in Tokyo is still 31 March in UTC.
      repo.commit('Reporte de OP', at('2019-03-29', '23:30:00', '-06:00'), { [OP_T1]: 'trimestre: 2019-T1\n' });
      repo.commit('Reporte de DIF', at('2019-04-01', '00:30:00', '+09:00'), { [DIF_T1]: 'trimestre: 2019-T1\n' });
      vi.stubEnv('TZ', tz);
      expect(dates(await fileHistory(repo.dir))).toEqual({ [DIF_T1]: '2019-04-01', [OP_T1]: '2019-03-29' });
    },
  );

  it('keeps the date a renamed or moved file’s content first entered, through several moves', async () => {
    const repo = GitRepo.init();
    repo.commit('Reporte con nombre equivocado', at('2019-03-27'), { 'dependencias/OP/reportes/2019-t1.yml': 'trimestre: 2019-T1\nfecha_entrega: 2019-03-27\nelaboro: Ing. Juan Pérez\n' });
    repo.git('mv', 'dependencias/OP/reportes/2019-t1.yml', 'dependencias/OP/2019-T1.yaml');
    repo.commit('Mueve el reporte', at('2019-04-08'));
    repo.git('mv', 'dependencias/OP/2019-T1.yaml', OP_T1);
    // Moved and lightly edited in the same commit: still the same content for git.
    repo.commit('Corrige la ubicación (PLAN005)', at('2019-04-10'), { [OP_T1]: 'trimestre: 2019-T1\nfecha_entrega: 2019-03-27\nelaboro: Ing. Juan Pérez López\n' });
    // The old paths entered history too; they keep their own dates.
    expect(dates(await fileHistory(repo.dir))).toEqual({
      'dependencias/OP/2019-T1.yaml': '2019-03-27',
      [OP_T1]: '2019-03-27',
      'dependencias/OP/reportes/2019-t1.yml': '2019-03-27',
    });
  });

  it('dates a file replaced by different content at a new path from the commit that added it', async () => {
    const repo = GitRepo.init();
    repo.commit('Borrador', at('2019-03-27'), { 'borrador.txt': 'notas sueltas de la reunión del consejo\n' });
    repo.remove('borrador.txt');
    repo.commit('Reporte de OP', at('2019-04-03'), { [OP_T1]: 'trimestre: 2019-T1\nfecha_entrega: 2019-03-27\nelaboro: Ing. Juan Pérez\n' });
    expect(dates(await fileHistory(repo.dir))).toEqual({ 'borrador.txt': '2019-03-27', [OP_T1]: '2019-04-03' });
  });

  it('keeps the earliest date of a file deleted and added again', async () => {
    const repo = GitRepo.init();
    repo.commit('Reporte de OP', at('2019-03-27'), { [OP_T1]: 'trimestre: 2019-T1\n' });
    repo.remove(OP_T1);
    repo.commit('Retira el reporte', at('2019-03-28'), { 'plan.yaml': 'ejercicio: 2019\n' });
    repo.commit('Vuelve a subir el reporte', at('2019-04-03'), { [OP_T1]: 'trimestre: 2019-T1\nfecha_entrega: 2019-03-27\n' });
    expect(dates(await fileHistory(repo.dir))).toEqual({ [OP_T1]: '2019-03-27', 'plan.yaml': '2019-03-28' });
  });

  it('dates a file added on a branch by the branch’s commit, not by the merge', async () => {
    const repo = GitRepo.init();
    repo.commit('Plan 2019', at('2019-03-01'), { 'plan.yaml': 'ejercicio: 2019\n' });
    repo.git('switch', '--quiet', '-c', 'reporte-dif');
    repo.commit('Reporte de DIF', at('2019-03-28'), { [DIF_T1]: 'trimestre: 2019-T1\n' });
    repo.git('switch', '--quiet', 'main');
    repo.commit('Reporte de OP', at('2019-04-01'), { [OP_T1]: 'trimestre: 2019-T1\n' });
    repo.merge('reporte-dif', at('2019-04-05'));
    expect(dates(await fileHistory(repo.dir))).toEqual({ [DIF_T1]: '2019-03-28', [OP_T1]: '2019-04-01', 'plan.yaml': '2019-03-01' });
  });

  it('leaves out files that were never committed, staged or not', async () => {
    const repo = GitRepo.init();
    repo.commit('Reporte de OP', at('2019-03-27'), { [OP_T1]: 'trimestre: 2019-T1\n' });
    repo.write({ [DIF_T1]: 'trimestre: 2019-T1\n', 'dependencias/DIF/reportes/2019-T2.yaml': 'trimestre: 2019-T2\n' });
    repo.git('add', DIF_T1);
    const history = toGitHistory(await fileHistory(repo.dir));
    expect(history.available && [...history.firstSeen.keys()]).toEqual([OP_T1]);
    expect(notYetCommitted(history, [OP_T1, DIF_T1, 'dependencias/DIF/reportes/2019-T2.yaml'])).toEqual([DIF_T1, 'dependencias/DIF/reportes/2019-T2.yaml']);
  });

  it('knows no file in a repository without commits yet', async () => {
    const repo = GitRepo.init({ 'plan.yaml': 'ejercicio: 2019\n' });
    expect(await fileHistory(repo.dir)).toEqual({ ok: true, firstSeen: new Map() });
  });

  it('gives paths relative to a plan root in a subfolder, with spaces and accents, and nothing from outside it', async () => {
    const root = 'Planeación Municipal';
    const acta = 'dependencias/OP/evidencias/2019-T1/acta de recepción "final".txt';
    const repo = GitRepo.init();
    repo.commit('Inicio', at('2019-03-01'), { 'README.md': '# Ayuntamiento\n', [`${root}/plan.yaml`]: 'ejercicio: 2019\n' });
    repo.commit('Reporte de OP', at('2019-03-27'), { [`${root}/${OP_T1}`]: 'trimestre: 2019-T1\n', [`${root}/${acta}`]: 'Acta\n', 'otros/notas.txt': 'notas\n' });
    expect(dates(await fileHistory(repo.path(root)))).toEqual({ [acta]: '2019-03-27', [OP_T1]: '2019-03-27', 'plan.yaml': '2019-03-01' });
  });

  it('says shallow for a depth-1 clone, whose single commit would claim every file', async () => {
    const repo = GitRepo.init();
    repo.commit('Reporte de OP', at('2019-03-27'), { [OP_T1]: 'trimestre: 2019-T1\n' });
    repo.commit('Reporte de DIF', at('2019-03-28'), { [DIF_T1]: 'trimestre: 2019-T1\n' });
    expect(await fileHistory(repo.shallowClone().dir)).toEqual({ ok: false, reason: 'shallow' });
  });

  it('says not_a_repo for a plan folder outside any git repository', async () => {
    expect(await fileHistory(writeRepo({ 'plan.yaml': 'ejercicio: 2019\n' }))).toMatchObject({ ok: false, reason: 'not_a_repo' });
  });

  it('says not_a_repo for a folder that does not exist', async () => {
    expect(await fileHistory(`${writeRepo({})}/no-existe`)).toMatchObject({ ok: false, reason: 'not_a_repo' });
  });

  it('says git_missing when git is not installed', async () => {
    const repo = GitRepo.init();
    repo.commit('Reporte de OP', at('2019-03-27'), { [OP_T1]: 'trimestre: 2019-T1\n' });
    vi.stubEnv('PATH', writeRepo({}));
    expect(await fileHistory(repo.dir)).toMatchObject({ ok: false, reason: 'git_missing' });
  });

  it('gives the same answer under a user git config that changes git’s output', async () => {
    const repo = GitRepo.init();
    repo.commit('Plan 2019', at('2019-03-01'), { 'plan.yaml': 'ejercicio: 2019\n', 'dependencias/OP/reportes/2019-t1.yml': 'trimestre: 2019-T1\nelaboro: Ing. Juan Pérez\n' });
    repo.git('switch', '--quiet', '-c', 'reporte-dif');
    repo.commit('Reporte de DIF', at('2019-03-28', '23:30:00'), { [DIF_T1]: 'trimestre: 2019-T1\n' });
    repo.git('switch', '--quiet', 'main');
    repo.git('mv', 'dependencias/OP/reportes/2019-t1.yml', OP_T1);
    repo.commit('Renombra el reporte de OP', at('2019-04-01'));
    repo.merge('reporte-dif', at('2019-04-05'));
    const neutral = dates(await fileHistory(repo.dir));
    expect(neutral).toEqual({ [DIF_T1]: '2019-03-28', [OP_T1]: '2019-03-01', 'dependencias/OP/reportes/2019-t1.yml': '2019-03-01', 'plan.yaml': '2019-03-01' });
    useHostileGitConfig();
    vi.stubEnv('TZ', 'Asia/Tokyo');
    expect(dates(await fileHistory(repo.dir))).toEqual(neutral);
    expect(dates(await fileHistory(repo.path('dependencias')))).toEqual({
      'DIF/reportes/2019-T1.yaml': '2019-03-28',
      'OP/reportes/2019-T1.yaml': '2019-03-01',
      'OP/reportes/2019-t1.yml': '2019-03-01',
    });
  });

  it.skipIf(process.platform === 'win32')('reads the whole history with one git log, however many files and commits', async () => {
    const repo = GitRepo.init();
    for (let day = 1; day <= 10; day++) {
      const files: Record<string, string> = {};
      for (let i = 1; i <= 5; i++) files[`dependencias/D${day}/ppcs/D${day}-0${i}.yaml`] = `id: D${day}-0${i}\n`;
      repo.commit(`Dependencia ${day}`, at(`2019-03-${String(day).padStart(2, '0')}`), files);
    }
    const counter = countGitCalls();
    expect(Object.keys(dates(await fileHistory(repo.dir)))).toHaveLength(50);
    expect(counter.calls()).toEqual(['rev-parse', 'log']);
  });
});

describe('toGitHistory', () => {
  it('carries the dates when the history could be read', () => {
    const firstSeen = new Map([[OP_T1, '2019-03-27']]);
    expect(toGitHistory({ ok: true, firstSeen })).toEqual({ available: true, firstSeen });
  });

  it('carries the reason when it could not', () => {
    expect(toGitHistory({ ok: false, reason: 'shallow' })).toEqual({ available: false, reason: 'shallow' });
    expect(notYetCommitted({ available: false, reason: 'shallow' }, [OP_T1])).toEqual([]);
  });
});
