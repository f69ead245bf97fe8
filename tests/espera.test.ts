// Inline-expectation scenarios, after markdownlint's test scenarios: each folder under
// tests/fixtures/espera/ is a small plan repo whose YAML lines state the findings they must
// carry (`# espera: PLAN021`, several ids separated by commas or spaces). The runner
// validates every scenario and requires the set of (file, line, rule) findings to equal the
// set of marks: nothing missing, nothing extra. A scenario's plan.yaml may set the cut-off
// date with a `# corte: AAAA-MM-DD` line (default: the fixture helper's).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validatePlan } from '../src/validate.js';
import { DEFAULT_CUTOFF, writeRepo, type Files } from './helpers/fixture.js';

const SCENARIOS = fileURLToPath(new URL('./fixtures/espera/', import.meta.url));
const MARK = /#\s*espera:\s*(.*)$/;
const RULE_ID = /^PLAN\d{3}$/;
const CUTOFF = /^#\s*corte:\s*(\d{4}-\d{2}-\d{2})\s*$/m;

function filesUnder(dir: string, prefix = ''): Files {
  const files: Files = {};
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(full).isDirectory()) Object.assign(files, filesUnder(full, rel));
    else files[rel] = readFileSync(full);
  }
  return files;
}

/** `file:line RULE` for every mark; throws on a mark naming no valid rule id. */
export function marksOf(files: Files): string[] {
  const marks: string[] = [];
  for (const [rel, content] of Object.entries(files)) {
    if (!/\.ya?ml$/.test(rel)) continue;
    const lines = Buffer.from(content as Uint8Array).toString('utf8').split('\n');
    lines.forEach((line, index) => {
      const mark = MARK.exec(line);
      if (!mark) return;
      const ids = mark[1]!.split(/[\s,]+/).filter(Boolean);
      if (ids.length === 0 || !ids.every((id) => RULE_ID.test(id))) throw new Error(`${rel}:${index + 1}: «# espera:» must name rule ids like PLAN021, not «${mark[1]}»`);
      for (const id of ids) marks.push(`${rel}:${index + 1} ${id}`);
    });
  }
  return [...new Set(marks)].sort();
}

function findingsOf(files: Files): string[] {
  const plan = files['plan.yaml'] ? Buffer.from(files['plan.yaml'] as Uint8Array).toString('utf8') : '';
  const fechaCorte = CUTOFF.exec(plan)?.[1] ?? DEFAULT_CUTOFF;
  // Validated in a temp copy: the scenario folders sit inside this project's git repo,
  // whose history must not reach git-based rules.
  const { diagnostics } = validatePlan(writeRepo(files), { lang: 'es', fechaCorte });
  return [...new Set(diagnostics.map((d) => `${d.file}:${d.line} ${d.rule}`))].sort();
}

const scenarios = readdirSync(SCENARIOS)
  .filter((name) => statSync(path.join(SCENARIOS, name)).isDirectory())
  .sort();

describe('inline-expectation scenarios (tests/fixtures/espera)', () => {
  it.each(scenarios)('%s reports exactly the findings its lines mark', (scenario) => {
    const files = filesUnder(path.join(SCENARIOS, scenario));
    const marks = marksOf(files);
    expect(marks, 'a scenario marks at least one finding').not.toEqual([]);
    expect(findingsOf(files)).toEqual(marks);
  });

  it('cover at least ten rules', () => {
    const rules = new Set(scenarios.flatMap((s) => marksOf(filesUnder(path.join(SCENARIOS, s))).map((m) => m.split(' ')[1])));
    expect(rules.size).toBeGreaterThanOrEqual(10);
  });

  it('reject a mark that names no rule id', () => {
    expect(() => marksOf({ 'plan.yaml': Buffer.from('ejercicio: 2019  # espera: PLAN21\n') })).toThrow('plan.yaml:1: «# espera:» must name rule ids like PLAN021, not «PLAN21»');
  });

  it('read several ids on one line', () => {
    expect(marksOf({ 'a.yaml': Buffer.from('x: 1\ny: 2  # espera: PLAN021, PLAN026 PLAN020\n') })).toEqual(['a.yaml:2 PLAN020', 'a.yaml:2 PLAN021', 'a.yaml:2 PLAN026']);
  });
});
