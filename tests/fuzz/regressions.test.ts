// Cases the fuzzer found (tests/fuzz/pipeline.test.ts), kept as the value that broke the
// pipeline inside a whole generated repo, and as the smallest input showing the same thing.
// (A seed replays a case only with the generator it ran with; the value is what matters.)
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/i18n/text.js';
import { PLAN024 } from '../../src/rules/PLAN024-avance-inverosimil.js';
import { runCli } from '../cli/run.js';
import { baseRepo, checkRule, writeRepo } from '../helpers/fixture.js';
import { withReport } from '../helpers/year-2020.js';
import { fuzzedPlan } from './arbitraries.js';
import { checkPipeline } from './pipeline.js';

const REPORT = 'dependencias/OP/reportes/2019-T1.yaml';

/** A generated case (language and department scope included) to plant a found value in. */
function fuzzCase(seed: number): [Parameters<typeof checkPipeline>[0], Lang, string | undefined] {
  return fc.sample(fc.tuple(fuzzedPlan, fc.constantFrom<Lang>('es', 'en'), fc.constantFrom(undefined, 'OP')), { seed, numRuns: 1 })[0]!;
}

describe('fuzz seed 20191231 (generator of 1b074be), run 8: an avance of 1e-320 in 2019-T4', () => {
  // Before: validate accepted it; the annual view divided by it (Infinity), the Markdown and the
  // plan folder were written, then the workbook failed: «internal error: renderXlsx: número no
  // finito en la vista: Infinity», exit 2, a partial set of files.
  it('in a whole generated repo: refused by validate, and every report writes all its files or none', async () => {
    const [plan, , ] = fuzzCase(20_191_231);
    plan.op.reports[3]!.valor = 1e-320;
    expect(await checkPipeline(plan, 'en', 'OP', { written: 0, refused: 0 })).toEqual([]);
  });

  it('smallest input: the annual report with --escribir-plan exits 1 and writes nothing', async () => {
    const files = withReport(baseRepo(), 'OP', '2019-T4', '2019-12-27');
    files['dependencias/OP/reportes/2019-T4.yaml'].ppcs[0].avances[0].valor = 1e-320;
    const root = writeRepo(files);
    const out = path.join(root, 'salida');
    const run = await runCli(['report', '-C', root, '--anual', '--escribir-plan', '--fecha-corte', '2020-01-31', '--salida', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/error interno/);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });
});

describe('PLAN024 names the value it refuses (found while tuning the fuzzer)', () => {
  // Before: two decimals, so -0.001 read «es negativo (0)» and 100.001 % «es 100 … no puede ser mayor que 100».
  it('shows a small negative avance as it was written', () => {
    const files = baseRepo();
    files[REPORT].ppcs[0].avances[0].valor = -0.001;
    const [finding] = checkRule(PLAN024, files);
    expect(finding!.message).toBe('El avance de la meta «M1» del PPCS «OP-01» es negativo (-0.001); un avance no puede ser menor que cero.');
  });

  it('shows a percentage just over 100 as it was written', () => {
    const files = baseRepo();
    files['dependencias/OP/ppcs/OP-01.yaml'].metas[0].indicador.unidad_medida = 'porcentaje';
    files[REPORT].ppcs[0].avances[0] = { meta: 'M1', valor: 100.001, unidad_medida: 'porcentaje' };
    const [finding] = checkRule(PLAN024, files);
    expect(finding!.message).toContain('es 100.001 en «porcentaje»');
  });
});
