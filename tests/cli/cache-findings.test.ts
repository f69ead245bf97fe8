// --cache keeps the findings of the rules of department scope: a run after a change checks
// again only the departments the change touched, and must report exactly what a run
// without a cache reports, whatever the change.
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { copyOfExamples } from '../helpers/examples.js';
import { baseRepo } from '../helpers/fixture.js';
import { at, GitRepo } from '../helpers/git-repo.js';
import { runCli } from './run.js';

const CUTOFF = '2020-01-31';
const DEPARTMENTS = 6;

function validate(root: string, cacheDir: string | undefined, ...extra: string[]) {
  const cache = cacheDir ? ['--cache'] : [];
  return runCli(['validate', '-C', root, '--format', 'json', '--fecha-corte', CUTOFF, ...cache, ...extra], { env: cacheDir ? { PLAN_CACHE_DIR: cacheDir } : {} });
}

function editYaml(root: string, file: string, edit: (doc: ReturnType<typeof parseDocument>) => void): void {
  const target = path.join(root, file);
  const doc = parseDocument(readFileSync(target, 'utf8'));
  edit(doc);
  writeFileSync(target, doc.toString());
}

/**
 * Runs validate with the cache of the unchanged examples, after `change`, and without a
 * cache: both must say the same. Returns the cached run's notices.
 */
async function afterChange(change: (root: string) => void, ...extra: string[]): Promise<{ stderr: string; diagnostics: { rule: string; file: string; message: string }[] }> {
  const root = copyOfExamples();
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'plan-cache-'));
  const first = await validate(root, cacheDir);
  expect(first.stderr).not.toContain('revisaron de nuevo');
  change(root);
  const cached = await validate(root, cacheDir, ...extra);
  const fresh = await validate(root, undefined, ...extra);
  expect(cached.stdout).toBe(fresh.stdout);
  expect(cached.code).toBe(fresh.code);
  return { stderr: cached.stderr, diagnostics: JSON.parse(cached.stdout).diagnostics };
}

describe('plan validate --cache: findings of unchanged departments', () => {
  it('checks again only the department whose report changed, and reports its new finding', async () => {
    const { stderr, diagnostics } = await afterChange((root) =>
      editYaml(root, 'dependencias/OP/reportes/2019-T3.yaml', (doc) => {
        doc.deleteIn(['ppcs', 0, 'estatus']);
      }),
    );
    expect(stderr).toContain(`las reglas por dependencia revisaron de nuevo 1 de ${DEPARTMENTS} dependencia(s)`);
    expect(stderr).toContain(`las reglas que cruzan dependencias revisaron de nuevo 1 de ${DEPARTMENTS} dependencia(s)`);
    expect(diagnostics.filter((d) => d.rule === 'PLAN023' && d.file === 'dependencias/OP/reportes/2019-T3.yaml')).toHaveLength(1);
  });

  it('checks only the department whose report changed for the rules that look across departments, which judge it against the others’ carátulas', async () => {
    const { stderr, diagnostics } = await afterChange((root) =>
      editYaml(root, 'dependencias/OP/reportes/2019-T3.yaml', (doc) => {
        doc.setIn(['ppcs', 0, 'avances', 0, 'meta'], 'M9');
      }),
    );
    expect(stderr).toContain(`las reglas que cruzan dependencias revisaron de nuevo 1 de ${DEPARTMENTS} dependencia(s)`);
    expect(diagnostics.filter((d) => d.file === 'dependencias/OP/reportes/2019-T3.yaml').map((d) => d.rule)).toContain('PLAN004');
  });

  it('checks every department again for those rules when a department’s facts changed: a carátula’s id others may cite', async () => {
    const { stderr, diagnostics } = await afterChange((root) =>
      editYaml(root, 'dependencias/OP/ppcs/OP-01.yaml', (doc) => {
        doc.set('id', 'DIF-01');
      }),
    );
    expect(stderr).toContain(`las reglas por dependencia revisaron de nuevo 1 de ${DEPARTMENTS} dependencia(s)`);
    expect(stderr).not.toContain('las reglas que cruzan dependencias revisaron');
    expect(diagnostics.filter((d) => d.rule === 'PLAN003').map((d) => d.file)).toContain('dependencias/OP/ppcs/OP-01.yaml');
  });

  it('checks every department again for those rules when who takes part in whose PPCS changed', async () => {
    const { stderr } = await afterChange((root) => {
      for (const quarter of ['2019-T1', '2019-T2', '2019-T3', '2019-T4']) {
        const file = `dependencias/DIF/reportes/${quarter}.yaml`;
        if (!existsSync(path.join(root, file))) continue;
        editYaml(root, file, (doc) => {
          const entries = doc.get('ppcs') as { items: unknown[] };
          entries.items.forEach((_, i) => doc.deleteIn(['ppcs', i, 'colaboraciones']));
        });
      }
    });
    expect(stderr).not.toContain('las reglas que cruzan dependencias revisaron');
  });

  it('checks every department again for those rules when a file was added (they read the whole listing)', async () => {
    const { stderr } = await afterChange((root) => writeFileSync(path.join(root, 'dependencias', 'SP', 'evidencias', 'nueva-foto.jpg'), 'jpg'));
    expect(stderr).toContain(`las reglas por dependencia revisaron de nuevo 1 de ${DEPARTMENTS} dependencia(s)`);
    expect(stderr).not.toContain('las reglas que cruzan dependencias revisaron');
  });

  it('gives PLAN004 the whole plan when evidence files differ only in case, whichever department cites them', async () => {
    const root = copyOfExamples();
    const cited = path.join(root, 'dependencias', 'OP', 'evidencias', '2019-T1', 'acta-entrega-OP-01.txt');
    writeFileSync(path.join(path.dirname(cited), 'Acta-entrega-OP-01.txt'), readFileSync(cited));
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'plan-cache-'));
    await validate(root, cacheDir);
    appendFileSync(path.join(root, 'dependencias', 'DIF', 'reportes', '2019-T1.yaml'), '# revisado\n');
    const cached = await validate(root, cacheDir);
    const fresh = await validate(root, undefined);
    expect(cached.stdout).toBe(fresh.stdout);
    const diagnostics = JSON.parse(cached.stdout).diagnostics as { rule: string; message: string }[];
    expect(diagnostics.filter((d) => d.rule === 'PLAN004' && d.message.includes('Acta-entrega-OP-01.txt'))).toHaveLength(1);
    // The facts did not change, but PLAN004 saw the whole plan: the terminal does not say the rules checked one department.
    expect(cached.stderr).toContain('las reglas por dependencia revisaron de nuevo 1 de');
    expect(cached.stderr).not.toContain('las reglas que cruzan dependencias revisaron');
  });

  it('checks a department again when only the git history of its report changed: committed since, PLAN029 judges its arrival', async () => {
    const files = baseRepo();
    const report = 'dependencias/OP/reportes/2019-T1.yaml';
    const { [report]: content, ...rest } = files;
    const repo = GitRepo.init(rest);
    repo.commit('Plan 2019', at('2019-03-01'));
    repo.write({ [report]: content });
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'plan-cache-'));
    const run = (cache: string | undefined) =>
      runCli(['validate', '-C', repo.dir, '--format', 'json', '--fecha-corte', '2019-04-15', ...(cache ? ['--cache'] : [])], { env: cache ? { PLAN_CACHE_DIR: cache } : {} });
    expect(JSON.parse((await run(cacheDir)).stdout).diagnostics.map((d: { rule: string }) => d.rule)).not.toContain('PLAN029');
    // The same bytes, committed a week after the date the report declares.
    repo.commit('Reporte T1 de OP', at('2019-04-03'), { [report]: content });
    const cached = await run(cacheDir);
    const fresh = await run(undefined);
    expect(cached.stdout).toBe(fresh.stdout);
    expect(cached.stderr).toContain('las reglas que cruzan dependencias revisaron de nuevo 1 de 2 dependencia(s)');
    expect(JSON.parse(cached.stdout).diagnostics.filter((d: { rule: string; file: string }) => d.rule === 'PLAN029').map((d: { file: string }) => d.file)).toEqual([report]);
  });

  it('checks nothing again when nothing changed', async () => {
    const { stderr } = await afterChange(() => {});
    expect(stderr).toContain(`revisaron de nuevo 0 de ${DEPARTMENTS} dependencia(s)`);
  });

  it('drops the findings of a department deleted since, and reports what its absence breaks elsewhere', async () => {
    const { stderr, diagnostics } = await afterChange((root) => rmSync(path.join(root, 'dependencias', 'DIF'), { recursive: true }));
    expect(stderr).toContain(`revisaron de nuevo 0 de ${DEPARTMENTS - 1} dependencia(s)`);
    expect(diagnostics.some((d) => d.file.startsWith('dependencias/DIF/'))).toBe(false);
    expect(diagnostics.some((d) => d.rule === 'PLAN004')).toBe(true);
  });

  it('checks a department added since, a copy of another one with the same ids', async () => {
    const { stderr, diagnostics } = await afterChange((root) => cpSync(path.join(root, 'dependencias', 'OP'), path.join(root, 'dependencias', 'OPX'), { recursive: true }));
    expect(stderr).toContain(`revisaron de nuevo 1 de ${DEPARTMENTS + 1} dependencia(s)`);
    expect(diagnostics.filter((d) => d.file.startsWith('dependencias/OPX/')).map((d) => d.rule)).toEqual(expect.arrayContaining(['PLAN003', 'PLAN005']));
  });

  it('checks a department again when only its evidence changed: the rules see which files it lists', async () => {
    const { stderr } = await afterChange((root) => writeFileSync(path.join(root, 'dependencias', 'SP', 'evidencias', 'nueva-foto.jpg'), 'jpg'));
    expect(stderr).toContain(`revisaron de nuevo 1 de ${DEPARTMENTS} dependencia(s)`);
  });

  it('checks a department again when one of its folders became a link, which the loader does not follow', async () => {
    const { stderr, diagnostics } = await afterChange((root) => {
      const ppcs = path.join(root, 'dependencias', 'SSP', 'ppcs');
      const elsewhere = path.join(mkdtempSync(path.join(tmpdir(), 'plan-fuera-')), 'ppcs');
      renameSync(ppcs, elsewhere);
      symlinkSync(elsewhere, ppcs);
    });
    expect(stderr).toContain(`revisaron de nuevo 1 de ${DEPARTMENTS} dependencia(s)`);
    expect(diagnostics.filter((d) => d.rule === 'PLAN006').map((d) => d.file)).toContain('dependencias/SSP/ppcs');
  });

  it('checks every department when a shared file changed (plan.yaml)', async () => {
    const { stderr } = await afterChange((root) =>
      editYaml(root, 'plan.yaml', (doc) => {
        doc.setIn(['umbrales', 'ppcs_activos_minimo'], 100);
      }),
    );
    expect(stderr).not.toContain('revisaron de nuevo');
  });

  it('checks every department when a file of Planeación changed', async () => {
    const { stderr } = await afterChange((root) => writeFileSync(path.join(root, 'planeacion', 'convocatorias', '2019.yaml'), `${readFileSync(path.join(root, 'planeacion', 'convocatorias', '2019.yaml'), 'utf8')}\n# nota\n`));
    expect(stderr).not.toContain('revisaron de nuevo');
  });

  it('checks every department at another cut-off date', async () => {
    const { stderr } = await afterChange(() => {}, '--fecha-corte', '2021-02-15');
    expect(stderr).not.toContain('revisaron de nuevo');
  });

  it('keeps the findings of a run at another cut-off date for the runs that follow at that date', async () => {
    const root = copyOfExamples();
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'plan-cache-'));
    await validate(root, cacheDir);
    const otherDate = ['--fecha-corte', '2021-02-15'];
    expect((await validate(root, cacheDir, ...otherDate)).stderr).not.toContain('revisaron de nuevo');
    expect((await validate(root, cacheDir, ...otherDate)).stderr).toContain(`revisaron de nuevo 0 de ${DEPARTMENTS} dependencia(s)`);
  });

  it('writes the cache again once five departments differ from its findings, so that the next run checks none again', async () => {
    const root = copyOfExamples();
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'plan-cache-'));
    await validate(root, cacheDir);
    // A report's comment: its department's files differ, nothing the departments share does.
    const touch = (clave: string) => appendFileSync(path.join(root, 'dependencias', clave, 'reportes', '2019-T1.yaml'), '# revisado\n');
    for (const clave of ['DIF', 'IMM', 'OP', 'SP']) touch(clave);
    expect((await validate(root, cacheDir)).stderr).toContain(`revisaron de nuevo 4 de ${DEPARTMENTS} dependencia(s)`);
    // Four are not worth a rewrite: the same four again.
    expect((await validate(root, cacheDir)).stderr).toContain(`revisaron de nuevo 4 de ${DEPARTMENTS} dependencia(s)`);
    touch('SSP');
    expect((await validate(root, cacheDir)).stderr).toContain(`revisaron de nuevo 5 de ${DEPARTMENTS} dependencia(s)`);
    expect((await validate(root, cacheDir)).stderr).toContain(`revisaron de nuevo 0 de ${DEPARTMENTS} dependencia(s)`);
  });

  it('checks a department again when one of its files cannot be cached (over the size limit)', async () => {
    const { stderr, diagnostics } = await afterChange((root) => writeFileSync(path.join(root, 'dependencias', 'IMM', 'reportes', '2019-T4.yaml'), `# ${'x'.repeat(2 * 1024 * 1024)}\n`));
    expect(stderr).toContain(`revisaron de nuevo 1 de ${DEPARTMENTS} dependencia(s)`);
    expect(diagnostics.some((d) => d.file === 'dependencias/IMM/reportes/2019-T4.yaml' && d.rule === 'PLAN001')).toBe(true);
  });
});
