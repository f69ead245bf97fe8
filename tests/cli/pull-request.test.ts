import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseRepo } from '../helpers/fixture.js';
import { at, countGitCalls, GitRepo } from '../helpers/git-repo.js';
import { runCli } from './run.js';

const CUTOFF = ['--fecha-corte', '2019-04-15'];
const OP_REPORT = 'dependencias/OP/reportes/2019-T1.yaml';
const DIF_REPORT = 'dependencias/DIF/reportes/2019-T1.yaml';

/** main holds the clean base municipality; a branch `pr` is checked out, ready for a change. */
function repoWithPrBranch(): GitRepo {
  const repo = GitRepo.init(baseRepo());
  repo.commit('Plan base', at('2019-03-29'));
  repo.git('checkout', '--quiet', '-b', 'pr');
  return repo;
}

describe('plan validate --changed-since (pull request mode)', () => {
  it('reports only the findings in the files the PR changed', async () => {
    const repo = repoWithPrBranch();
    const files: Record<string, any> = baseRepo();
    // The PR makes OP's report late (PLAN021, a warning in the changed file) and there is a
    // pre-existing warning in an untouched file (a stray YAML file) that PR mode leaves out.
    files[OP_REPORT].fecha_entrega = '2019-04-03';
    repo.write({ 'dependencias/DIF/reporte/viejo.yaml': 'a: 1\n' }).commit('Archivo viejo', at('2019-03-29'));
    repo.git('branch', '-f', 'main');
    repo.write({ [OP_REPORT]: files[OP_REPORT] });
    const run = await runCli(['validate', '-C', repo.dir, '--changed-since', 'main', '--format', 'json', ...CUTOFF]);
    const parsed = JSON.parse(run.stdout);
    expect(parsed.diagnostics.map((d: { rule: string; file: string }) => `${d.rule} ${d.file}`)).toEqual([`PLAN021 ${OP_REPORT}`]);
    expect(run.stderr).toContain('Modo pull request: 1 archivo(s) cambiado(s) desde «main»');
    expect(run.code).toBe(0);
  });

  it('fails a PR that deletes a PPCS still referenced by another department’s report', async () => {
    const repo = repoWithPrBranch();
    repo.remove('dependencias/DIF/ppcs/DIF-01.yaml').commit('Se elimina DIF-01', at('2019-04-01'));
    const run = await runCli(['validate', '-C', repo.dir, '--changed-since', 'main', '--format', 'json', ...CUTOFF]);
    expect(run.code).toBe(1);
    const errors = JSON.parse(run.stdout).diagnostics.filter((d: { severity: string }) => d.severity === 'error');
    // DIF's report is untouched by the PR, yet the error it now has is reported.
    expect(errors.map((d: { rule: string; file: string }) => `${d.rule} ${d.file}`)).toContain('PLAN004 dependencias/DIF/reportes/2019-T1.yaml');
  });

  it('falls back to a full check, saying why, when the ref does not exist', async () => {
    const repo = repoWithPrBranch();
    const run = await runCli(['validate', '-C', repo.dir, '--changed-since', 'origin/no-existe', ...CUTOFF]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('no se pudo comparar con «origin/no-existe» (esa referencia no existe en este repositorio); se revisa y se informa el repositorio completo.');
  });

  it('falls back to a full check outside a git repository', async () => {
    const { writeRepo } = await import('../helpers/fixture.js');
    const run = await runCli(['validate', '-C', writeRepo(baseRepo()), '--changed-since', 'main', ...CUTOFF]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('(la carpeta no es un repositorio git)');
  });
});

describe('plan validate --changed-since with a selection', () => {
  it('reports the changed files of the selected department, and none of another department’s', async () => {
    const repo = repoWithPrBranch();
    const files: Record<string, any> = baseRepo();
    // The PR makes both departments' reports late: PLAN021 in each changed file.
    files[OP_REPORT].fecha_entrega = '2019-04-03';
    files[DIF_REPORT].fecha_entrega = '2019-04-03';
    repo.write({ [OP_REPORT]: files[OP_REPORT], [DIF_REPORT]: files[DIF_REPORT] });
    const run = await runCli(['validate', '-C', repo.dir, '--changed-since', 'main', '--dependencia', 'OP', '--format', 'json', ...CUTOFF]);
    expect(run.code).toBe(0);
    const parsed = JSON.parse(run.stdout);
    expect(parsed.diagnostics.map((d: { rule: string; file: string }) => `${d.rule} ${d.file}`)).toEqual([`PLAN021 ${OP_REPORT}`]);
    expect(parsed.summary).toMatchObject({ warnings: 1, files: 3, scope: { dependencia: 'OP' } });
    expect(run.stderr).toBe('Modo pull request: 2 archivo(s) cambiado(s) desde «main»; dentro de la selección se informan sus hallazgos y los errores de cualquier archivo.\n');
  });

  it('keeps an error of an untouched file when it lies in the selection, and leaves it out when it does not', async () => {
    const repo = repoWithPrBranch();
    repo.remove('dependencias/DIF/ppcs/DIF-01.yaml').commit('Se elimina DIF-01', at('2019-04-01'));
    const args = ['validate', '-C', repo.dir, '--changed-since', 'main', ...CUTOFF];
    const dif = await runCli([...args, 'dependencias/DIF/reportes']);
    expect(dif.code).toBe(1);
    expect(dif.stdout).toMatch(new RegExp(`^${DIF_REPORT}\\n {2}6:9 {2}error {2}El PPCS «DIF-01» no existe.* {2}PLAN004\\n`));
    expect(dif.stdout.split('\n').at(-2)).toBe('✖ 1 problema(s): 1 error(es) y 0 advertencia(s) en 1 archivo(s) de «dependencias/DIF/reportes/».');
    const op = await runCli([...args, '--dependencia', 'OP']);
    expect(op).toMatchObject({ code: 0, stdout: '✔ Sin problemas en 3 archivo(s) de la dependencia OP.\n' });
  });

  it('says the selection is reported whole when the ref cannot be used', async () => {
    const repo = repoWithPrBranch();
    const run = await runCli(['validate', '-C', repo.dir, '--changed-since', 'origin/no-existe', '--dependencia', 'OP', ...CUTOFF]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('Aviso: no se pudo comparar con «origin/no-existe» (esa referencia no existe en este repositorio); se informa todo lo seleccionado.\n');
  });
});

describe('delivery dates against git history (PLAN029)', () => {
  it('flags a report declared delivered before it entered the repository', async () => {
    const repo = GitRepo.init(baseRepo());
    // Declared 27 March; committed Wednesday 3 April: 1, 2, 3 April are business days.
    repo.commit('Reportes T1', at('2019-04-03'));
    const run = await runCli(['validate', '-C', repo.dir, '--format', 'json', ...CUTOFF]);
    const plan029 = JSON.parse(run.stdout).diagnostics.filter((d: { rule: string }) => d.rule === 'PLAN029');
    expect(plan029.map((d: { file: string; line: number }) => `${d.file}:${d.line}`)).toEqual(['dependencias/DIF/reportes/2019-T1.yaml:3', `${OP_REPORT}:3`]);
    expect(plan029[1].message).toContain('entró al repositorio el 03/04/2019');
    expect(run.stderr).toBe('');
  });

  it('runs git once for the history when plan.yaml leaves PLAN029 on (read ahead, so it runs while the files load), and never when it turns it off', async () => {
    const gitCallsOf = async (plan: Record<string, unknown> | string) => {
      const repo = GitRepo.init({ ...baseRepo(), 'plan.yaml': plan });
      repo.commit('Reportes T1', at('2019-03-29'));
      const counter = countGitCalls();
      const run = await runCli(['validate', '-C', repo.dir, '--format', 'json', ...CUTOFF]);
      return { calls: counter.calls(), rules: JSON.parse(run.stdout).diagnostics.map((d: { rule: string }) => d.rule) };
    };
    const plan = baseRepo()['plan.yaml'];
    // Committed two business days after the declared 27 March: PLAN029 has its history.
    expect(await gitCallsOf(plan)).toEqual({ calls: ['rev-parse', 'log'], rules: ['PLAN029', 'PLAN029'] });
    // Not even the first question: read ahead, the history would be asked for as the run starts.
    expect(await gitCallsOf({ ...plan, reglas: { PLAN029: 'off' } })).toEqual({ calls: [], rules: [] });
    // A plan.yaml that does not parse leaves PLAN029 on for the loader too: git runs once all the same.
    const unreadable = await gitCallsOf('reglas: [PLAN029\n');
    expect(unreadable.calls).toEqual(['rev-parse', 'log']);
    expect(unreadable.rules).toContain('PLAN001');
  });


  it('says once that the check was skipped in a shallow clone', async () => {
    const repo = GitRepo.init(baseRepo());
    repo.commit('Reportes T1', at('2019-03-29'));
    repo.commit('Otro cambio', at('2019-04-01'), { 'leeme.txt': 'x' });
    const clone = repo.shallowClone();
    const run = await runCli(['validate', '-C', clone.dir, ...CUTOFF]);
    expect(run.stderr.match(/PLAN029/g)).toHaveLength(1);
    expect(run.stderr).toContain('el clon es superficial');
  });

  it('names the reports that are not committed yet instead of judging them', async () => {
    const repo = GitRepo.init(baseRepo());
    repo.commit('Reportes T1', at('2019-03-29'));
    const files: Record<string, any> = baseRepo();
    repo.write({ 'dependencias/OP/reportes/2019-T2.yaml': { ...files[OP_REPORT], trimestre: '2019-T2', fecha_entrega: '2019-06-26' } });
    const run = await runCli(['validate', '-C', repo.dir, '--fecha-corte', '2019-07-15']);
    expect(run.stderr).toContain('PLAN029 no revisó 1 reporte(s) que aún no están en ningún commit: dependencias/OP/reportes/2019-T2.yaml.');
  });
});

describe('--output', () => {
  it('writes SARIF to a file while the terminal gets the stylish summary', async () => {
    const repo = GitRepo.init(baseRepo());
    // Committed the day OP delivered: no PLAN029 finding, only the one this test plants.
    repo.commit('Base', at('2019-03-27'));
    const files: Record<string, any> = baseRepo();
    files['dependencias/OP/dependencia.yaml'].clave = 'OBRAS';
    repo.write({ 'dependencias/OP/dependencia.yaml': files['dependencias/OP/dependencia.yaml'] });
    const run = await runCli(['validate', '-C', repo.dir, '--format', 'sarif', '--output', 'plan.sarif', ...CUTOFF], { cwd: repo.dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('PLAN005');
    expect(run.stdout).toContain('✖ 1 problema(s)');
    const sarif = JSON.parse(readFileSync(path.join(repo.dir, 'plan.sarif'), 'utf8'));
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['PLAN005']);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('dependencias/OP/dependencia.yaml');
  });
});
