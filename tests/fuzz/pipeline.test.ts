// Fuzzing target run by `npm test`: schema-valid repos with extreme numbers and strings
// (tests/fuzz/arbitraries.ts) go through validate and every report the CLI writes —
// quarterly md+xlsx, annual md+xlsx with --escribir-plan, transparency md+xlsx+csv — in
// process (tests/fuzz/pipeline.ts). Whatever the data, a run ends in exit 0 with every file
// of the run written, or in exit 1 (validation errors) with nothing written; never an
// internal error, and no view holds a non-finite number. A fixed seed and a modest number
// of runs keep it well under a minute on two cores; from a shell, PLAN_FUZZ_SEED and
// PLAN_FUZZ_RUNS explore further (`PLAN_FUZZ_SEED=7 PLAN_FUZZ_RUNS=200 npx vitest run tests/fuzz`).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/i18n/text.js';
import { fuzzedPlan } from './arbitraries.js';
import { checkPipeline, RUNS as REPORTS, type Outcome } from './pipeline.js';

const SEED = Number(process.env.PLAN_FUZZ_SEED ?? 20_191_231);
const RUNS = Number(process.env.PLAN_FUZZ_RUNS ?? 30);

/** A counterexample short enough to read: long strings cut, with their length. */
function compact(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'string' && v.length > 40) return `${v.slice(0, 30)}…(${[...v].length} code points)`;
    if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
    if (Object.is(v, -0)) return '-0';
    return v;
  });
}

describe('fuzz: extreme schema-valid data through validate and every report', () => {
  it(`never fails inside, never shows a non-finite number, writes every file of a run or none (seed ${SEED}, ${RUNS} runs)`, async () => {
    const outcome: Outcome = { written: 0, refused: 0 };
    const property = fc.asyncProperty(fuzzedPlan, fc.constantFrom<Lang>('es', 'en'), fc.constantFrom(undefined, 'OP'), async (plan, lang, clave) => {
      const problems = await checkPipeline(plan, lang, clave, outcome);
      if (problems.length > 0) throw new Error(problems.join('\n'));
    });
    // No shrinking: each step is a dozen CLI runs. The seed and path replay the case exactly.
    const details = await fc.check(property, { seed: SEED, numRuns: RUNS, endOnFailure: true });
    if (details.failed) {
      const replay = `PLAN_FUZZ_SEED=${details.seed} PLAN_FUZZ_RUNS=${details.numRuns} npx vitest run tests/fuzz (failing run ${details.numRuns}, path "${details.counterexamplePath}")`;
      const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      expect.fail(`fuzz: seed ${details.seed} failed.\n${cause}\nReplay: ${replay}\nCounterexample: ${compact(details.counterexample)}`);
    }
    // Not vacuous: most runs get past validation and write their reports.
    expect(outcome.written, JSON.stringify(outcome)).toBeGreaterThan((RUNS * REPORTS.length) / 3);
  }, 180_000);
});
