import { describe, expect, it } from 'vitest';
import { fileHistory, toGitHistory, type GitHistory } from '../../src/git/history.js';
import { loadPlan } from '../../src/load.js';
import { PLAN029 } from '../../src/rules/PLAN029-fecha-entrega-historial.js';
import { placeFindings, runRules, validatePlan } from '../../src/validate.js';
import { baseRepo, DEFAULT_CUTOFF, lineOf, where, writeRepo, type Files } from '../helpers/fixture.js';
import { at, GitRepo } from '../helpers/git-repo.js';
import { scopeViolations } from '../helpers/scope.js';

const OP_T1 = 'dependencias/OP/reportes/2019-T1.yaml';
const DIF_T1 = 'dependencias/DIF/reportes/2019-T1.yaml';

/** PLAN029's findings over the plan in `root`, with the history the model is given. */
function check(root: string, history: GitHistory | undefined) {
  const loaded = loadPlan(root, { lang: 'es', fechaCorte: DEFAULT_CUTOFF });
  loaded.model.history = history;
  // The rule's scope holds with the history it is given, as checkRule holds the others'.
  expect(scopeViolations(loaded, PLAN029)).toEqual([]);
  return placeFindings([...loaded.findings, ...runRules(loaded.model, 'es', [PLAN029])], loaded.sources, loaded.model.config);
}

/** PLAN029 over `files` as if each report had entered git on the day given. */
function checkArrivals(files: Files, arrivals: Record<string, string>) {
  return check(writeRepo(files), { available: true, firstSeen: new Map(Object.entries(arrivals)) });
}

/** OP declares 27/03 and DIF 28/03 in the base fixture; OP's report arrives on `arrival`. */
const opArrivedOn = (arrival: string) => checkArrivals(baseRepo(), { [OP_T1]: arrival, [DIF_T1]: '2019-03-28' });

/**
 * The base plan committed to a real repository: everything but the two reports on 1 March,
 * then each report on the day given (omitted: left uncommitted in the work tree).
 */
function committedPlan(arrivals: { op?: string; dif?: string }, files: Files = baseRepo()) {
  const { [OP_T1]: op, [DIF_T1]: dif, ...rest } = files;
  const repo = GitRepo.init(rest);
  repo.commit('Plan 2019', at('2019-03-01'));
  if (arrivals.dif) repo.commit('Reporte T1 de DIF', at(arrivals.dif, '18:40:00'), { [DIF_T1]: dif! });
  if (arrivals.op) repo.commit('Reporte T1 de OP', at(arrivals.op, '09:15:00'), { [OP_T1]: op! });
  repo.write({ [OP_T1]: op!, [DIF_T1]: dif! });
  return repo;
}

describe('PLAN029 delivery date earlier than the report’s arrival in the repository', () => {
  it('accepts reports that entered the repository on the day they declare', () => {
    expect(opArrivedOn('2019-03-27')).toEqual([]);
  });

  it('accepts a report that entered the repository before the day it declares', () => {
    expect(opArrivedOn('2019-03-25')).toEqual([]);
  });

  it('reports a backdated report on fecha_entrega, as a warning, with the business days between the dates', () => {
    const files = baseRepo();
    const diagnostics = checkArrivals(files, { [OP_T1]: '2019-04-03', [DIF_T1]: '2019-03-28' });
    expect(where(diagnostics)).toEqual([`PLAN029 ${OP_T1}:${lineOf(files, OP_T1, 'fecha_entrega:')}`]);
    expect(diagnostics[0]!.severity).toBe('warning');
    expect(diagnostics[0]!.message).toBe(
      'El reporte «2019-T1» declara como fecha de entrega el 27/03/2019, pero su archivo entró al repositorio el 03/04/2019, 5 días hábiles después.',
    );
  });

  it('says "1 día hábil" for a report that arrived the next business day', () => {
    expect(opArrivedOn('2019-03-28')[0]!.message).toContain('entró al repositorio el 28/03/2019, 1 día hábil después.');
  });

  it('says "un día inhábil posterior" for a report declared on Friday that arrived on Saturday', () => {
    const files = baseRepo();
    files[OP_T1].fecha_entrega = '2019-03-29';
    expect(checkArrivals(files, { [OP_T1]: '2019-03-30' })[0]!.message).toBe(
      'El reporte «2019-T1» declara como fecha de entrega el 29/03/2019, pero su archivo entró al repositorio el 30/03/2019, un día inhábil posterior.',
    );
  });

  it('does not count the federal holiday of 18 March 2019 among the business days', () => {
    const files = baseRepo();
    files[OP_T1].fecha_entrega = '2019-03-15';
    expect(checkArrivals(files, { [OP_T1]: '2019-03-19' })[0]!.message).toContain('el 19/03/2019, 1 día hábil después.');
  });

  it('does not count the non-working days plan.yaml adds', () => {
    const files = baseRepo();
    files['plan.yaml'].dias_inhabiles.adicionales = [{ fecha: '2019-04-01', motivo: 'Feria del pueblo' }];
    expect(checkArrivals(files, { [OP_T1]: '2019-04-03' })[0]!.message).toContain('el 03/04/2019, 4 días hábiles después.');
  });

  it('asks to check the date when the report arrived more than a year after it, instead of counting days', () => {
    const files = baseRepo();
    files[OP_T1].fecha_entrega = '2017-03-27';
    expect(checkArrivals(files, { [OP_T1]: '2019-03-27' })[0]!.message).toBe(
      'El reporte «2019-T1» declara como fecha de entrega el 27/03/2017, pero su archivo entró al repositorio el 27/03/2019, más de un año después; revise la fecha.',
    );
  });

  it('says it in English with --lang en', () => {
    const loaded = loadPlan(writeRepo(baseRepo()), { lang: 'en', fechaCorte: DEFAULT_CUTOFF });
    loaded.model.history = { available: true, firstSeen: new Map([[OP_T1, '2019-04-03']]) };
    expect(runRules(loaded.model, 'en', [PLAN029])[0]!.message).toBe(
      'Report «2019-T1» declares delivery on 27/03/2019, but its file entered the repository on 03/04/2019, 5 business days later.',
    );
  });

  it('skips a report the history does not know (not committed yet)', () => {
    expect(checkArrivals(baseRepo(), { [DIF_T1]: '2019-04-03' }).map((d) => d.file)).toEqual([DIF_T1]);
  });

  it('reports nothing when the history is unavailable or was not read', () => {
    const root = writeRepo(baseRepo());
    expect(check(root, { available: false, reason: 'shallow' })).toEqual([]);
    expect(check(root, undefined)).toEqual([]);
  });

  it('is silent in a full run without git history, where the model carries none', () => {
    const files = baseRepo();
    const diagnostics = validatePlan(writeRepo(files), { lang: 'es', fechaCorte: DEFAULT_CUTOFF }).diagnostics;
    expect(diagnostics.filter((d) => d.rule === 'PLAN029')).toEqual([]);
  });

  describe('over a real git repository', () => {
    it('flags the report committed 5 business days after its declared date and not the one committed that same day', async () => {
      const repo = committedPlan({ dif: '2019-03-28', op: '2019-04-03' });
      const diagnostics = check(repo.dir, toGitHistory(await fileHistory(repo.dir)));
      expect(where(diagnostics)).toEqual([`PLAN029 ${OP_T1}:${lineOf(baseRepo(), OP_T1, 'fecha_entrega:')}`]);
      expect(diagnostics[0]!.message).toBe(
        'El reporte «2019-T1» declara como fecha de entrega el 27/03/2019, pero su archivo entró al repositorio el 03/04/2019, 5 días hábiles después.',
      );
    });

    it('goes by the day in the commit’s own time zone: 23:30 in Mexico City on the declared day is on time', async () => {
      const { [OP_T1]: op, ...rest } = baseRepo();
      const repo = GitRepo.init(rest);
      repo.commit('Plan 2019', at('2019-03-01'));
      repo.commit('Reporte T1 de OP', at('2019-03-27', '23:30:00', '-06:00'), { [OP_T1]: op });
      expect(check(repo.dir, toGitHistory(await fileHistory(repo.dir)))).toEqual([]);
    });

    it('skips an uncommitted report and judges the committed one', async () => {
      const repo = committedPlan({ dif: '2019-04-01' });
      expect(where(check(repo.dir, toGitHistory(await fileHistory(repo.dir))))).toEqual([`PLAN029 ${DIF_T1}:${lineOf(baseRepo(), DIF_T1, 'fecha_entrega:')}`]);
    });

    it('does not flag a report renamed into place after it was delivered on time', async () => {
      const files = baseRepo();
      const { [OP_T1]: op, ...rest } = files;
      const repo = GitRepo.init(rest);
      repo.commit('Plan 2019', at('2019-03-01'));
      repo.commit('Reporte T1 de OP (nombre equivocado)', at('2019-03-27'), { 'dependencias/OP/reportes/2019-t1.yaml': op });
      repo.git('mv', 'dependencias/OP/reportes/2019-t1.yaml', OP_T1);
      repo.commit('Corrige el nombre del archivo (PLAN005)', at('2019-04-10'));
      expect(check(repo.dir, toGitHistory(await fileHistory(repo.dir)))).toEqual([]);
    });

    it('reports nothing in a shallow clone, whose history is unavailable', async () => {
      const repo = committedPlan({ dif: '2019-03-28', op: '2019-04-03' });
      const clone = repo.shallowClone();
      const history = toGitHistory(await fileHistory(clone.dir));
      expect(history).toEqual({ available: false, reason: 'shallow' });
      expect(check(clone.dir, history)).toEqual([]);
    });
  });
});
