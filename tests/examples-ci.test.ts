// The CI workflows in examples/ci/ are what an office copies: every `plan` command in them
// is run here, in a real git repository made by `plan init`, the way the CI job would run
// it: on a pull-request branch whose target is `origin/main`.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { at, GitRepo } from './helpers/git-repo.js';
import { runCli, type CliRun } from './cli/run.js';

const EXAMPLES = fileURLToPath(new URL('../examples/ci/', import.meta.url));
const GITHUB = 'github-plan.yml';
const GITLAB = 'gitlab-ci.yml';
const TARGET_BRANCH = 'main';

interface CiCommand {
  /** Where it comes from, for failure messages. */
  where: string;
  /** A pull-request (merge-request) job, or the full check on the main branch. */
  pullRequest: boolean;
  /** The step is commented out in the example (the optional SARIF upload). */
  commented: boolean;
  /** Arguments after `plan`, with the CI variables expanded. */
  args: string[];
}

/** Splits a shell command line into words: double and single quotes, `$VAR` and `${VAR}` expansion. */
function shellWords(line: string, env: Record<string, string>): string[] {
  const words: string[] = [];
  const expand = (text: string) =>
    text.replace(/\$(?:\{(\w+)\}|(\w+))/g, (_, braced?: string, bare?: string) => {
      const name = (braced ?? bare)!;
      if (!(name in env)) throw new Error(`variable ${name} is not set by the CI example`);
      return env[name]!;
    });
  for (const match of line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) {
    if (match[2] !== undefined) words.push(match[2]);
    else words.push(expand(match[1] ?? match[3]!));
  }
  return words;
}

/** `plan …` lines of a script, without the leading `plan`. */
function planLines(script: string): string[] {
  return script
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^plan\s/.test(line))
    .map((line) => line.slice('plan'.length).trim());
}

// GitHub Actions: steps' `run:` with the step's `env:`, where `${{ github.base_ref }}` is the
// target branch of the pull request; commented steps are read from their `#   run:` lines.
function githubCommands(text: string): CiCommand[] {
  const workflow = parse(text) as { jobs: Record<string, { steps: { run?: string; if?: string; env?: Record<string, string> }[] }> };
  const commands: CiCommand[] = [];
  for (const [job, { steps }] of Object.entries(workflow.jobs)) {
    steps.forEach((step, i) => {
      const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, String(v).replace(/\$\{\{\s*github\.base_ref\s*\}\}/g, TARGET_BRANCH)]));
      const pullRequest = step.if === "github.event_name == 'pull_request'";
      for (const line of planLines(step.run ?? '')) commands.push({ where: `${GITHUB} jobs.${job}.steps[${i}]`, pullRequest, commented: false, args: shellWords(line, env) });
    });
  }
  for (const match of text.matchAll(/^\s*#\s*(?:-\s+)?run:\s+plan\s+(.*)$/gm)) {
    commands.push({ where: `${GITHUB} (comentado)`, pullRequest: false, commented: true, args: shellWords(match[1]!, {}) });
  }
  return commands;
}

// GitLab CI: each job's `script:` items, with GitLab's predefined variables of a merge request.
function gitlabCommands(text: string): CiCommand[] {
  const config = parse(text) as Record<string, { script?: string[]; rules?: { if: string }[] }>;
  const commands: CiCommand[] = [];
  for (const [job, definition] of Object.entries(config)) {
    if (!definition || typeof definition !== 'object' || !Array.isArray(definition.script)) continue;
    const pullRequest = (definition.rules ?? []).some((rule) => rule.if.includes('merge_request_event'));
    const env: Record<string, string> = pullRequest ? { CI_MERGE_REQUEST_TARGET_BRANCH_NAME: TARGET_BRANCH } : {};
    for (const line of definition.script.flatMap(planLines)) commands.push({ where: `${GITLAB} ${job}`, pullRequest, commented: false, args: shellWords(line, env) });
  }
  return commands;
}

const example = (name: string) => readFileSync(path.join(EXAMPLES, name), 'utf8');
const ALL = [...githubCommands(example(GITHUB)), ...gitlabCommands(example(GITLAB))];

/**
 * A repository as `plan init` writes it, committed on main in January 2019 (before every
 * declared delivery date, so the git-history check has nothing to say), optionally one more
 * commit on main, `origin/main` standing for the fetched target branch, and a pull-request
 * branch with one commit that edits the files of `onBranch`.
 */
async function pullRequestRepo(changes: { onMain?: Record<string, (text: string) => string>; onBranch: Record<string, (text: string) => string> }): Promise<GitRepo> {
  const repo = GitRepo.init();
  const init = await runCli(['init', repo.dir]);
  expect(init.code).toBe(0);
  repo.commit('Repositorio del plan creado con plan init', at('2019-01-07'));
  if (changes.onMain) repo.commit('Cambio en la rama principal', at('2019-01-08'), edits(repo, changes.onMain));
  repo.git('update-ref', `refs/remotes/origin/${TARGET_BRANCH}`, 'HEAD');
  repo.git('checkout', '--quiet', '-b', 'reporte-2019-T2');
  repo.commit('Reporte del segundo trimestre', at('2019-06-27'), edits(repo, changes.onBranch));
  return repo;
}

function edits(repo: GitRepo, changes: Record<string, (text: string) => string>): Record<string, string> {
  return Object.fromEntries(Object.entries(changes).map(([file, edit]) => {
    const before = readFileSync(repo.path(file), 'utf8');
    const after = edit(before);
    expect(after, file).not.toBe(before);
    return [file, after];
  }));
}

const T2 = 'dependencias/EJEMPLO/reportes/2019-T2.yaml';
const EJEMPLO2_T3 = 'dependencias/EJEMPLO2/reportes/2019-T3.yaml';
const rewordComment = (text: string) => text.replace('Se impartieron los 12 talleres programados.', 'Se impartieron los 12 talleres programados en 6 colonias.');
const dropCollaborations = (text: string) => text.replace('    colaboraciones:\n      - EJEMPLO\n', '');
const wrongUnit = (unit: string, other: string) => (text: string) => text.replace(`unidad_medida: ${unit}\n`, `unidad_medida: ${other}\n`);

async function run(repo: GitRepo, command: CiCommand): Promise<CliRun> {
  // CI runs at the checkout's root; -C names it too, so --output and the repo agree either way.
  return runCli(['-C', repo.dir, ...command.args], { cwd: repo.dir });
}

function outputFile(command: CiCommand): string | undefined {
  const i = command.args.indexOf('--output');
  return i >= 0 ? command.args[i + 1] : undefined;
}

function formatOf(command: CiCommand): string {
  const i = command.args.indexOf('--format');
  return i >= 0 ? command.args[i + 1]! : 'stylish';
}

interface JunitSummary {
  failures: number;
  suites: { name: string; failures: number; types: string[] }[];
}

function readJunit(file: string): JunitSummary {
  const xml = readFileSync(file, 'utf8');
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
  const failures = Number(/<testsuites [^>]*failures="(\d+)"/.exec(xml)?.[1]);
  const suites = [...xml.matchAll(/<testsuite name="([^"]*)" tests="\d+" failures="(\d+)">([\s\S]*?)<\/testsuite>/g)].map((m) => ({
    name: m[1]!,
    failures: Number(m[2]),
    types: [...m[3]!.matchAll(/<failure type="([^"]+)"/g)].map((f) => f[1]!),
  }));
  return { failures, suites };
}

describe('examples/ci', () => {
  it('are the workflows plan init writes', async () => {
    const repo = GitRepo.init();
    expect((await runCli(['init', repo.dir])).code).toBe(0);
    expect(readFileSync(repo.path('.github/workflows/plan.yml'), 'utf8')).toBe(example(GITHUB));
    expect(readFileSync(repo.path('.gitlab-ci.yml'), 'utf8')).toBe(example(GITLAB));
  });

  it('hold the plan commands this test runs, and nothing the regex scan would miss', () => {
    expect(ALL.map((c) => `${c.where}: plan ${c.args.join(' ')}`)).toEqual([
      `${GITHUB} jobs.validar.steps[3]: plan validate --changed-since origin/main --format github`,
      `${GITHUB} jobs.validar.steps[4]: plan validate`,
      `${GITHUB} (comentado): plan validate --format sarif --output plan.sarif`,
      `${GITLAB} plan-merge-request: plan validate --changed-since origin/main --format junit --output plan-junit.xml`,
      `${GITLAB} plan-rama-principal: plan validate --format junit --output plan-junit.xml`,
    ]);
    // A plain scan of run:/script: lines finds the same uncommented commands.
    const scanned = [example(GITHUB), example(GITLAB)].flatMap((text) => [...text.matchAll(/^\s*(?:-\s+)?(?:run:\s+|-\s+)plan\s/gm)]);
    expect(scanned).toHaveLength(ALL.filter((c) => !c.commented).length);
  });

  it('check out the full history and publish the files the commands write', () => {
    const workflow = parse(example(GITHUB)) as { on: Record<string, unknown>; jobs: { validar: { steps: { uses?: string; with?: Record<string, unknown> }[] } } };
    expect(Object.keys(workflow.on)).toEqual(['pull_request', 'push']);
    expect(workflow.jobs.validar.steps[0]).toEqual({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } });
    expect(workflow.jobs.validar.steps[1]).toEqual({ uses: 'actions/setup-node@v4', with: { 'node-version': 20 } });
    expect(example(GITHUB)).toContain('#     sarif_file: plan.sarif\n');

    const gitlab = parse(example(GITLAB)) as Record<string, { rules?: { if: string }[]; artifacts?: { when: string; reports: { junit: string } } }> & { variables: Record<string, string> };
    expect(gitlab.variables['GIT_DEPTH']).toBe('0');
    const jobs = ALL.filter((c) => c.where.startsWith(GITLAB));
    for (const command of jobs) {
      const job = gitlab[command.where.slice(GITLAB.length + 1)]!;
      expect(job.artifacts).toEqual({ when: 'always', reports: { junit: outputFile(command) } });
    }
    expect(gitlab['plan-merge-request']!.rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }]);
    expect(example(GITLAB)).toContain('git fetch origin "+refs/heads/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME:refs/remotes/origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"');
  });
});

describe('the plan commands of examples/ci, on a pull request', () => {
  it('all pass on a pull request that only rewords a comment', async () => {
    const repo = await pullRequestRepo({ onBranch: { [T2]: rewordComment } });
    for (const command of ALL) {
      const result = await run(repo, command);
      expect(result.code, `${command.where}\n${result.stderr}`).toBe(0);
      expect(result.stderr, command.where).not.toContain('error interno');
      const file = outputFile(command);
      if (file) {
        expect(existsSync(repo.path(file)), `${command.where} writes ${file}`).toBe(true);
        if (formatOf(command) === 'junit') expect(readJunit(repo.path(file)).failures).toBe(0);
        if (formatOf(command) === 'sarif') {
          const sarif = JSON.parse(readFileSync(repo.path(file), 'utf8')) as { version: string; runs: { results: unknown[] }[] };
          expect(sarif.version).toBe('2.1.0');
          expect(sarif.runs[0]!.results).toEqual([]);
        }
      } else if (formatOf(command) === 'github') {
        expect(result.stdout, command.where).toBe('');
      }
    }
  });

  it('fail on a pull request that reports in the wrong unit, pointing at the changed file', async () => {
    const repo = await pullRequestRepo({ onBranch: { [T2]: wrongUnit('taller', 'persona') } });
    const line = readFileSync(repo.path(T2), 'utf8').split('\n').findIndex((l) => l.includes('unidad_medida: persona')) + 1;
    for (const command of ALL) {
      const result = await run(repo, command);
      expect(result.code, `${command.where}\n${result.stderr}`).toBe(1);
      const file = outputFile(command);
      if (formatOf(command) === 'github') {
        expect(result.stdout).toMatch(new RegExp(`^::error file=${T2.replace(/[./]/g, '\\$&')},line=${line},col=\\d+,endLine=${line},endColumn=\\d+,title=PLAN020 [^:]+::El avance de la meta «M1» del PPCS «EJEMPLO-01» está en «persona» \\(Persona\\), pero la unidad de medida asignada a su indicador es «taller» \\(Taller\\)\\.`));
        expect(result.stdout.trim().split('\n')).toHaveLength(1);
      }
      if (file && formatOf(command) === 'junit') {
        const junit = readJunit(repo.path(file));
        expect(junit.failures).toBe(1);
        expect(junit.suites).toEqual([{ name: T2, failures: 1, types: ['PLAN020'] }]);
      }
      if (file && formatOf(command) === 'sarif') {
        const sarif = JSON.parse(readFileSync(repo.path(file), 'utf8')) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };
        expect(sarif.runs[0]!.results.map((r) => [r.ruleId, r.locations[0]!.physicalLocation.artifactLocation.uri, r.locations[0]!.physicalLocation.region.startLine])).toEqual([['PLAN020', T2, line]]);
      }
    }
  });

  it('leave out warnings of files the pull request does not change, which the main-branch check shows', async () => {
    // A warning already on main (PLAN031: a collaboration not named in the report) is not
    // the pull request's doing; errors anywhere still count in PR mode, warnings do not.
    const repo = await pullRequestRepo({ onMain: { [EJEMPLO2_T3]: dropCollaborations }, onBranch: { [T2]: rewordComment } });
    for (const command of ALL) {
      const result = await run(repo, command);
      expect(result.code, `${command.where}\n${result.stdout}${result.stderr}`).toBe(0);
      const file = outputFile(command);
      if (file && formatOf(command) === 'junit') {
        const junit = readJunit(repo.path(file));
        // A warning is a passing testcase: GitLab's test tab shows no failure for it.
        expect(junit.suites, command.where).toEqual(command.pullRequest ? [{ name: 'plan validate', failures: 0, types: [] }] : [{ name: EJEMPLO2_T3, failures: 0, types: [] }]);
      }
      if (formatOf(command) === 'github') expect(result.stdout, command.where).toBe('');
      if (formatOf(command) === 'stylish') expect(result.stdout, command.where).toContain(`${EJEMPLO2_T3}\n`);
    }
  });
});
