// Runs the steps of action.yml the way GitHub's runner runs a composite action's `run:` steps:
// `${{ … }}` expressions are evaluated before the step starts (only in `env:` and in input
// defaults: the scripts themselves must hold none, so nothing a user types becomes shell
// code), the script is a file run with `bash --noprofile --norc -eo pipefail`, in the
// workspace, with GITHUB_ACTION_PATH pointing at the action's checkout. Composite actions get
// no INPUT_* variables, so none are set here either.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { PROJECT, run, tempDir, userEnv, type Run } from './project.js';

export interface ActionStep {
  name: string;
  shell: string;
  run: string;
  env?: Record<string, string>;
}

export interface ActionDefinition {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  runs: { using: string; steps: ActionStep[] };
}

export interface ActionContext {
  /** The action's checkout: GITHUB_ACTION_PATH. */
  actionPath: string;
  /** The checked-out repository the workflow runs on: GITHUB_WORKSPACE and the working directory. */
  workspace: string;
  /** `with:` of the workflow step. */
  with?: Record<string, string>;
  /** The pull request's target branch; empty on a push. */
  baseRef: string;
}

export function readAction(file = path.join(PROJECT, 'action.yml')): ActionDefinition {
  return parse(readFileSync(file, 'utf8')) as ActionDefinition;
}

/** Evaluates the only expressions the action may use: `inputs.<name>` and `github.base_ref`. */
function evaluate(text: string, action: ActionDefinition, context: ActionContext): string {
  return text.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (expression, name: string) => {
    if (name === 'github.base_ref') return context.baseRef;
    const input = /^inputs\.([\w-]+)$/.exec(name)?.[1];
    if (input === undefined || !(input in action.inputs)) throw new Error(`action.yml uses ${expression}, which this runner does not know`);
    if (context.with && input in context.with) return context.with[input]!;
    return evaluate(action.inputs[input]!.default ?? '', action, context);
  });
}

export function runActionStep(step: ActionStep, context: ActionContext, action: ActionDefinition = readAction(), extraEnv: NodeJS.ProcessEnv = {}): Run {
  if (step.run.includes('${{')) throw new Error(`the step «${step.name}» interpolates an expression into its script`);
  const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([name, value]) => [name, evaluate(String(value), action, context)]));
  const script = path.join(tempDir('paso'), 'paso.sh');
  writeFileSync(script, step.run);
  const env = userEnv({
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION_PATH: context.actionPath,
    GITHUB_WORKSPACE: context.workspace,
    GITHUB_BASE_REF: context.baseRef,
    GITHUB_EVENT_NAME: context.baseRef === '' ? 'push' : 'pull_request',
    ...extraEnv,
    ...stepEnv,
  });
  return run('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd: context.workspace, env });
}

/** Runs every step in order, stopping at the first that fails, as the runner does. */
export function runAction(context: ActionContext, action: ActionDefinition = readAction()): Run & { step: string } {
  let last: Run & { step: string } = { code: 0, stdout: '', stderr: '', step: '' };
  for (const step of action.runs.steps) {
    const result = runActionStep(step, context, action);
    last = { ...result, stdout: last.stdout + result.stdout, stderr: last.stderr + result.stderr, step: step.name };
    if (result.code !== 0) break;
  }
  return last;
}

/**
 * The arguments the action's check step («Revisar el plan») gives bin/plan.js for these
 * inputs, read by running the step with a stand-in `node` that prints them: what the action
 * runs, without installing it.
 */
export function planArgumentsOf(context: Pick<ActionContext, 'with' | 'baseRef'>, action: ActionDefinition = readAction()): string[] {
  const bin = tempDir('node-falso');
  writeFileSync(path.join(bin, 'node'), "#!/bin/sh\nprintf '%s\\0' \"$@\"\n", { mode: 0o755 });
  const step = action.runs.steps.find((s) => s.name === 'Revisar el plan');
  if (!step) throw new Error('action.yml has no step «Revisar el plan»');
  const result = runActionStep(step, { ...context, actionPath: PROJECT, workspace: tempDir('espacio') }, action, { PATH: `${bin}${path.delimiter}${process.env['PATH'] ?? ''}` });
  if (result.code !== 0) throw new Error(`the step «${step.name}» failed: ${result.stderr}`);
  const [script, ...args] = result.stdout.split('\0').slice(0, -1);
  if (path.normalize(script ?? '') !== path.join(PROJECT, 'bin/plan.js')) throw new Error(`the step runs ${script}, not bin/plan.js`);
  return args;
}
