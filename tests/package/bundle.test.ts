// bin/plan.js runs the bundle (src/tools/bundle.ts), and the bundle does what the modules tsc
// writes do: the same output on a repo large enough for the pool's threads, which are the
// bundle's own worker too. Every module each thread loads is logged by a module hook, which
// worker threads inherit with the process's --import.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { MIN_FILES_FOR_WORKERS } from '../../src/parallel/pool.js';
import { FECHA_CORTE, generatePlan } from '../../src/tools/generate.js';
import { temporaryFolders } from '../helpers/temporary.js';

const PROJECT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = path.join(PROJECT, 'bin/plan.js');
const MODULES_MAIN = path.join(PROJECT, 'dist/cli/main.js');

const temporary = temporaryFolders();

interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
  /** The project's own files each thread loaded as modules, relative to the project. */
  loaded: string[];
}

/** Runs `script` (bin/plan.js, or a script that runs the tsc modules) with a hook logging each module of the project loaded. */
function runLogged(script: string, args: readonly string[], folder: string): Ran {
  const log = path.join(folder, `modules-${path.basename(script)}.log`);
  const hook = path.join(folder, 'hook.mjs');
  writeFileSync(hook, `export async function load(url, context, next) { if (url.startsWith('file:')) (await import('node:fs')).appendFileSync(${JSON.stringify(log)}, url + '\\n'); return next(url, context); }`);
  const register = path.join(folder, 'register.mjs');
  writeFileSync(register, `import { register } from 'node:module'; register(${JSON.stringify(pathToFileURL(hook).href)});`);
  const run = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, script, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const loaded = existsSync(log) ? (spawnSync('sort', ['-u', log], { encoding: 'utf8' }).stdout.trim().split('\n')) : [];
  return {
    status: run.status,
    stdout: run.stdout,
    stderr: run.stderr,
    loaded: loaded.map((url) => path.relative(PROJECT, fileURLToPath(url))).filter((file) => !file.startsWith('..') && !file.startsWith('node_modules')),
  };
}

describe.skipIf(!existsSync(path.join(PROJECT, 'dist/bundle/main.js')))('the bundle bin/plan.js runs', () => {
  let repo: string;
  let folder: string;
  let bundled: Ran;
  let modules: Ran;

  beforeAll(() => {
    folder = temporary('plan-bundle-');
    repo = path.join(folder, 'repo');
    // 150 departments of one PPCS each: just past the files that start the pool's threads.
    const summary = generatePlan({ out: repo, departments: 150, ppcs: 1, metas: 1, seed: 7 });
    expect(summary.files).toBeGreaterThanOrEqual(MIN_FILES_FOR_WORKERS);
    const args = ['validate', '-C', repo, '--fecha-corte', FECHA_CORTE, '--format', 'json'];
    bundled = runLogged(BIN, args, folder);
    const viaModules = path.join(folder, 'modules.mjs');
    writeFileSync(viaModules, `const { main } = await import(${JSON.stringify(pathToFileURL(MODULES_MAIN).href)});\nprocess.exitCode = await main(process.argv);\n`);
    modules = runLogged(viaModules, args, folder);
  }, 120_000);

  it('gives the output of the modules tsc writes, byte for byte', () => {
    expect(bundled.stderr).toBe(modules.stderr);
    expect(bundled.status).toBe(modules.status);
    expect(JSON.parse(bundled.stdout)).toMatchObject({ summary: { files: expect.any(Number) } });
    expect(bundled.stdout).toBe(modules.stdout);
  });

  it('loads only the bundle, on the main thread and on the pool\'s threads', () => {
    expect(bundled.loaded).toContain('bin/plan.js');
    expect(bundled.loaded).toContain('dist/bundle/main.js');
    expect(bundled.loaded).toContain('dist/bundle/worker.js');
    // The precompiled validators are CommonJS beside the modules tsc writes (schema/validator.ts).
    expect(bundled.loaded.filter((file) => file !== 'bin/plan.js' && file !== 'dist/schema/schemas.compiled.cjs' && !file.startsWith('dist/bundle/'))).toEqual([]);
    // And the modules run their own worker: the comparison above is of two real pools.
    expect(modules.loaded).toContain('dist/parallel/worker.js');
  });
});
