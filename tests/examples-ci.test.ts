// The CI workflows in examples/ci/ are what an office copies: every `plan` command in them,
// and the command each use of the GitHub Action runs (read from action.yml), is run here, in
// a real git repository made by `plan init`, the way the CI job would run it: on a
// pull-request branch whose target is `origin/main`, or on a push to main.
// tests/package/action.test.ts runs the action itself, from a clean checkout of its tag.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { at, GitRepo } from './helpers/git-repo.js';
import { runCli, type CliRun } from './cli/run.js';
import { planArgumentsOf } from './package/action-steps.js';
import { removeTempDirs } from './package/project.js';

const EXAMPLES = fileURLToPath(new URL('../examples/ci/', import.meta.url));
const GITHUB = 'github-plan.yml';
const GITLAB = 'gitlab-ci.yml';
const TARGET_BRANCH = 'main';
const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
/** How the workflows name the action: the office replaces ORGANIZACION/plan with its own address. */
const ACTION = `ORGANIZACION/plan@v${VERSION}`;

interface CiCommand {
  /** Where it comes from, for failure messages. */
  where: string;
  /** A pull-request (merge-request) job, or the full check on the main branch. */
  pullRequest: boolean;
  /** The step is commented out in the example (the optional SARIF upload). */
  commented: boolean;
  /** Arguments after `plan`, with the CI variables expanded; for a step that uses the action, the ones it runs. */
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

interface WorkflowStep {
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string | number>;
}

/**
 * A step that uses the action runs on pull requests (`rama-base` defaults to the target
 * branch) and on pushes to main (no target branch: the whole plan): one command for each.
 */
function actionCommands(step: WorkflowStep, where: string, commented: boolean): CiCommand[] {
  const inputs = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, String(v)]));
  return [TARGET_BRANCH, ''].map((baseRef) => {
    const args = planArgumentsOf({ with: inputs, baseRef });
    // The action names the plan folder with -C (the checkout's root by default); run() names it too.
    expect(args.slice(0, 2), where).toEqual(['-C', '.']);
    return { where: `${where} (${baseRef ? 'pull_request' : 'push'})`, pullRequest: baseRef !== '', commented, args: args.slice(2) };
  });
}

// GitHub Actions: the steps that use the action, and the SARIF steps left commented out
// (read by uncommenting the block that follows «descomente estos dos pasos»).
function githubCommands(text: string): CiCommand[] {
  const workflow = parse(text) as { jobs: Record<string, { steps: WorkflowStep[] }> };
  const commands: CiCommand[] = [];
  for (const [job, { steps }] of Object.entries(workflow.jobs)) {
    steps.forEach((step, i) => {
      expect(step.run ?? '', `${GITHUB} jobs.${job}.steps[${i}] runs plan without the action`).not.toMatch(/^\s*plan\s/m);
      if (step.uses?.startsWith('ORGANIZACION/plan@')) commands.push(...actionCommands(step, `${GITHUB} jobs.${job}.steps[${i}]`, false));
    });
  }
  const lines = text.split('\n');
  const block = lines.slice(lines.findIndex((l) => l.includes('descomente estos dos pasos')) + 1);
  const end = block.findIndex((l) => !/^\s*#/.test(l));
  const commented = (end < 0 ? block : block.slice(0, end)).map((l) => l.replace(/^(\s*)# ?/, '$1'));
  for (const step of parse(commented.join('\n')) as WorkflowStep[]) {
    if (step.uses?.startsWith('ORGANIZACION/plan@')) commands.push(...actionCommands(step, `${GITHUB} (comentado)`, true));
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
afterAll(removeTempDirs);

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
      `${GITHUB} jobs.validar.steps[2] (pull_request): plan validate --format github --changed-since origin/main`,
      `${GITHUB} jobs.validar.steps[2] (push): plan validate --format github`,
      `${GITHUB} (comentado) (pull_request): plan validate --format sarif --changed-since origin/main --output plan.sarif`,
      `${GITHUB} (comentado) (push): plan validate --format sarif --output plan.sarif`,
      `${GITLAB} plan-merge-request: plan validate --changed-since origin/main --format junit --output plan-junit.xml`,
      `${GITLAB} plan-rama-principal: plan validate --format junit --output plan-junit.xml`,
    ]);
    // A plain scan finds the same uncommented commands: script lines, and uses of the action (a pull request and a push each).
    const planLinesScanned = example(GITLAB).match(/^\s*-\s+plan\s/gm) ?? [];
    const actionUses = example(GITHUB).match(/^\s*(?:-\s+)?uses:\s+ORGANIZACION\/plan@/gm) ?? [];
    expect(planLinesScanned.length + 2 * actionUses.length).toBe(ALL.filter((c) => !c.commented).length);
    expect(example(GITHUB)).not.toMatch(/^\s*(?:-\s+)?run:\s+plan\s/m);
  });

  it('use the GitHub Action at the tag of this version, which the GitLab job installs as a tarball', () => {
    expect(example(GITHUB).match(/uses: ORGANIZACION\/plan@\S+/g)).toEqual([`uses: ${ACTION}`, `uses: ${ACTION}`]);
    const gitlab = parse(example(GITLAB)) as { default: { image: string; before_script: string[] } };
    expect(gitlab.default.image).toBe('node:20');
    expect(gitlab.default.before_script).toEqual([`npm install --global "https://github.com/ORGANIZACION/plan/releases/download/v${VERSION}/plan-de-mejora-${VERSION}.tgz"`]);
  });

  it('check out the full history and publish the files the commands write', () => {
    const workflow = parse(example(GITHUB)) as { on: Record<string, unknown>; jobs: { validar: { steps: { uses?: string; with?: Record<string, unknown> }[] } } };
    expect(Object.keys(workflow.on)).toEqual(['pull_request', 'push']);
    expect(workflow.jobs.validar.steps[0]).toEqual({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } });
    expect(workflow.jobs.validar.steps[1]).toEqual({ uses: 'actions/setup-node@v4', with: { 'node-version': 20 } });
    expect(workflow.jobs.validar.steps[2]).toEqual({ name: 'Revisar el plan', uses: ACTION });
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
      if (formatOf(command) === 'github' && command.pullRequest) expect(result.stdout, command.where).toBe('');
      if (formatOf(command) === 'github' && !command.pullRequest) expect(result.stdout, command.where).toMatch(new RegExp(`^::warning file=${EJEMPLO2_T3.replace(/[./]/g, '\\$&')},line=\\d+,[^\\n]*title=PLAN031 [^\\n]*\\n$`));
      if (formatOf(command) === 'stylish') expect(result.stdout, command.where).toContain(`${EJEMPLO2_T3}\n`);
    }
  });
});
