// Every GitHub file we ship, checked against GitHub's own schemas for actions and workflows
// by action-validator (the SchemaStore schemas, compiled to WebAssembly; no network), plus
// what no schema knows: that the inputs a workflow passes to our action exist.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { scaffoldFiles } from '../../src/cli/init.js';
import { readAction } from './action-steps.js';
import { PROJECT, removeTempDirs, run, tempDir } from './project.js';

const VALIDATOR = path.join(PROJECT, 'node_modules/@action-validator/cli/cli.mjs');

/** action-validator tells an action from a workflow by the file name: `action.yml` or not. */
function validate(file: string) {
  return run(process.execPath, [VALIDATOR, file], { cwd: path.dirname(file) });
}

function copy(name: string, text: string): string {
  const file = path.join(tempDir('flujo'), name);
  writeFileSync(file, text);
  return file;
}

const read = (rel: string) => readFileSync(path.join(PROJECT, rel), 'utf8');
const initWorkflow = () => scaffoldFiles().find((f) => f.path === '.github/workflows/plan.yml')!.content.toString();

/** The workflow with its commented-out SARIF steps put back, as an office that wants them would. */
function withSarifSteps(text: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.includes('descomente estos dos pasos')) + 1;
  return lines.map((line, i) => (i >= start && /^\s*#/.test(line) ? line.replace(/^(\s*)# ?/, '$1') : line)).join('\n');
}

const SHIPPED: [string, () => string][] = [
  ['action.yml', () => read('action.yml')],
  ['examples/ci/github-plan.yml', () => read('examples/ci/github-plan.yml')],
  ['templates/init/dot-github/workflows/plan.yml', () => read('templates/init/dot-github/workflows/plan.yml')],
  ['.github/workflows/plan.yml as plan init writes it', initWorkflow],
  ['examples/ci/github-plan.yml with the SARIF steps uncommented', () => withSarifSteps(read('examples/ci/github-plan.yml'))],
];

afterAll(removeTempDirs);

describe('action-validator', () => {
  it.each(SHIPPED)('accepts %s', (name, text) => {
    const result = validate(copy(name.startsWith('action.yml') ? 'action.yml' : 'plan.yml', text()));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('rejects an action whose step lacks its shell, so a pass means something', () => {
    const broken = read('action.yml').replace('    - name: Revisar el plan\n      shell: bash\n', '    - name: Revisar el plan\n');
    expect(broken).not.toBe(read('action.yml'));
    const result = validate(copy('action.yml', broken));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('"path": "/runs/steps/1/shell"');
  });

  it('rejects a workflow with a misspelt key', () => {
    const broken = read('examples/ci/github-plan.yml').replace('    runs-on: ubuntu-latest\n', '    runs_on: ubuntu-latest\n');
    const result = validate(copy('plan.yml', broken));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Additional property 'runs_on' is not allowed");
  });
});

describe('action.yml and the workflows that use it', () => {
  it('the workflows pass the action only inputs that action.yml declares', () => {
    const declared = Object.keys(readAction().inputs);
    for (const [name, text] of SHIPPED.slice(1)) {
      const workflow = parse(withSarifSteps(text())) as { jobs: Record<string, { steps: { uses?: string; with?: Record<string, unknown> }[] }> };
      const uses = Object.values(workflow.jobs).flatMap((job) => job.steps.filter((s) => s.uses?.startsWith('ORGANIZACION/plan@')));
      expect(uses.length, name).toBeGreaterThan(0);
      for (const step of uses) for (const input of Object.keys(step.with ?? {})) expect(declared, `${name}: ${input}`).toContain(input);
    }
  });

  it('action.yml declares Spanish inputs, each optional and described', () => {
    const { inputs } = readAction();
    expect(Object.keys(inputs)).toEqual(['rama-base', 'formato', 'argumentos', 'directorio']);
    expect(inputs['rama-base']!.default).toBe('${{ github.base_ref }}');
    expect(inputs['formato']!.default).toBe('github');
    for (const [name, input] of Object.entries(inputs)) {
      expect(input.description.length, name).toBeGreaterThan(20);
      expect(input.required ?? false, name).toBe(false);
    }
  });

  it('action.yml keeps the inputs out of its scripts, passing them through env', () => {
    for (const step of readAction().runs.steps) {
      expect(step.run, step.name).not.toContain('${{');
      for (const value of Object.values(step.env ?? {})) expect(value, step.name).toMatch(/^\$\{\{ inputs\.[\w-]+ \}\}$/);
    }
  });
});
