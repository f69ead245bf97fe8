// Rules with a scope (rule.ts `scope`) keep their contract beyond their own fixtures
// (tests/helpers/fixture.ts checks it on each of those): on examples/, on a generated
// municipality and on fuzzed plans. The rules that look across departments would break the
// department scope, which is why they read the other departments' facts only.
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { partFor } from '../../src/cache/findings.js';
import { loadPlan, OutsideThePart, type LoadResult } from '../../src/load.js';
import { departmentOf } from '../../src/repo/layout.js';
import { RULES, RULES_BY_ID } from '../../src/rules/index.js';
import { generatePlan } from '../../src/tools/generate.js';
import { runRules } from '../../src/validate.js';
import { fuzzedPlan, repoOf } from '../fuzz/arbitraries.js';
import { copyOfExamples, EXAMPLES } from '../helpers/examples.js';
import { baseRepo, writeRepo } from '../helpers/fixture.js';
import { scopeViolations } from '../helpers/scope.js';

const DEPARTMENT_RULES = RULES.filter((rule) => rule.meta.scope === 'department');
const SCOPED_RULES = RULES.filter((rule) => rule.meta.scope !== undefined);

function violationsOf(loaded: LoadResult): string[] {
  return SCOPED_RULES.flatMap((rule) => scopeViolations(loaded, rule));
}

describe('rules with a scope', () => {
  it('are every rule with a check: 25 read a department and the shared files, 4 the other departments’ facts as well', () => {
    expect(RULES.filter((rule) => rule.check && !rule.meta.scope).map((rule) => rule.meta.id)).toEqual([]);
    expect(DEPARTMENT_RULES).toHaveLength(25);
    expect(SCOPED_RULES.filter((rule) => rule.meta.scope === 'facts').map((rule) => rule.meta.id)).toEqual(['PLAN003', 'PLAN004', 'PLAN029', 'PLAN030']);
  });

  it('keep their contract on examples/, at two cut-off dates', () => {
    const root = copyOfExamples();
    for (const fechaCorte of ['2020-01-31', '2021-02-15']) {
      const loaded = loadPlan(root, { lang: 'es', fechaCorte });
      expect(runRules(loaded.model, 'es', SCOPED_RULES).length).toBeGreaterThan(10);
      expect(violationsOf(loaded)).toEqual([]);
    }
  });

  it('keep their contract in parts that hold several departments, as a run that checks again all that changed', () => {
    const loaded = loadPlan(copyOfExamples(), { lang: 'es', fechaCorte: '2020-01-31' });
    const claves = readdirSync(path.join(EXAMPLES, 'dependencias')).sort();
    expect(claves.length).toBeGreaterThan(2);
    // Every department, in turn, with two others.
    for (let i = 0; i < claves.length; i++) {
      const others = [claves[(i + 1) % claves.length]!, claves[(i + 3) % claves.length]!];
      expect(SCOPED_RULES.flatMap((rule) => scopeViolations(loaded, rule, 'es', others).map((v) => `${v} (con ${others.join(', ')})`))).toEqual([]);
    }
  });

  it('keep their contract on a generated municipality, whose findings name departments from Planeación’s files', () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'plan-alcance-')), 'municipio');
    generatePlan({ out, departments: 8, ppcs: 3, metas: 2, seed: 42 });
    const loaded = loadPlan(out, { lang: 'es', fechaCorte: '2020-01-31' });
    const about = new Set(runRules(loaded.model, 'es', DEPARTMENT_RULES).filter((f) => departmentOf(f.file) === null).map((f) => f.rule));
    expect([...about].sort()).toEqual(expect.arrayContaining(['PLAN025', 'PLAN050']));
    expect(violationsOf(loaded)).toEqual([]);
  });

  it('keep their contract on fuzzed plans', () => {
    fc.assert(
      fc.property(fuzzedPlan, (plan) => {
        const loaded = loadPlan(writeRepo(repoOf(plan)), { lang: 'es', fechaCorte: '2020-01-31' });
        expect(violationsOf(loaded)).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });

  it('would not hold the department scope for PLAN004 and PLAN030, which judge a department by the others’ facts', () => {
    const loaded = loadPlan(copyOfExamples(), { lang: 'es', fechaCorte: '2020-01-31' });
    for (const id of ['PLAN004', 'PLAN030']) {
      const rule = RULES_BY_ID.get(id)!;
      expect(scopeViolations(loaded, { ...rule, meta: { ...rule.meta, scope: 'department' } }).length).toBeGreaterThan(0);
    }
  });

  it('stops a rule that reads another department’s data in a part with facts', () => {
    const loaded = loadPlan(copyOfExamples(), { lang: 'es', fechaCorte: '2020-01-31' });
    const part = partFor(loaded, 'facts', new Set(['OP']));
    expect(part.ppcs.every((doc) => doc.file.startsWith('dependencias/OP/'))).toBe(true);
    expect(part.every.ppcs.map((doc) => doc.file)).toEqual(loaded.model.ppcs.map((doc) => doc.file));
    const foreign = part.every.ppcs.find((doc) => !doc.file.startsWith('dependencias/OP/'))!;
    expect(foreign.facts.id).toBe(loaded.model.ppcsById.get(foreign.facts.id)!.data.id);
    expect(() => foreign.data).toThrow(OutsideThePart);
    expect([...part.repoFiles.keys()]).toEqual([...loaded.model.repoFiles.keys()]);
  });

  it('runs PLAN004 on the whole plan when evidence files differ only in case: the first report citing them, of any department, gets the warning', () => {
    const files = baseRepo();
    const twins = ['dependencias/OP/evidencias/2019-T1/acta.pdf', 'dependencias/OP/evidencias/2019-T1/Acta.pdf'];
    const root = writeRepo({ ...files, [twins[0]!]: 'pdf', [twins[1]!]: 'pdf' });
    const cite = (file: string) => {
      const report = parseDocument(readFileSync(path.join(root, file), 'utf8'));
      report.setIn(['ppcs', 0, 'evidencias'], [twins[0]]);
      writeFileSync(path.join(root, file), report.toString());
    };
    cite('dependencias/OP/reportes/2019-T1.yaml');
    cite('dependencias/DIF/reportes/2019-T1.yaml');
    const loaded = loadPlan(root, { lang: 'es', fechaCorte: '2020-01-31' });
    const PLAN004 = RULES_BY_ID.get('PLAN004')!;
    expect(PLAN004.keepsScope!(loaded.model)).toBe(false);
    // Held to its scope all the same, OP's part would give OP's report the warning that DIF's gets.
    expect(scopeViolations(loaded, { ...PLAN004, keepsScope: undefined }).join(' ')).toContain('PLAN004 OP');
  });
});

describe('LoadResult.part', () => {
  it('is the model a copy holding only those files gives, with nothing read again', () => {
    const root = copyOfExamples();
    const loaded = loadPlan(root, { lang: 'es', fechaCorte: '2020-01-31' });
    for (const clave of readdirSync(path.join(root, 'dependencias'))) {
      const keep = (file: string) => [null, clave].includes(departmentOf(file));
      const copy = path.join(mkdtempSync(path.join(os.tmpdir(), 'plan-parte-')), 'municipio');
      // A folder's path with a slash at its end tells its department as a file's does.
      cpSync(root, copy, { recursive: true, filter: (source) => keep(`${path.relative(root, source).split(path.sep).join('/')}/`) });
      const alone = loadPlan(copy, { lang: 'es', fechaCorte: '2020-01-31' });
      const part = loaded.part(keep);
      expect([...part.repoFiles.keys()].sort()).toEqual([...alone.model.repoFiles.keys()].sort());
      expect(part.dependencias.map((doc) => doc.file)).toEqual([clave].map((c) => `dependencias/${c}/dependencia.yaml`));
      expect(part.ppcs.map((doc) => doc.file)).toEqual(alone.model.ppcs.map((doc) => doc.file));
      expect(part.reportes.map((doc) => doc.data)).toEqual(alone.model.reportes.map((doc) => doc.data));
      expect(runRules(part, 'es')).toEqual(runRules(alone.model, 'es'));
    }
  });
});
