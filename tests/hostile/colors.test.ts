// Colour and stack traces: ANSI codes only on a terminal that wants them, and a stack
// trace only with --debug. The built CLI runs as a child process, so what it sees is a real
// pipe (execFile) or a real terminal (util-linux `script` gives it a pseudo-terminal).
import { execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import { baseRepo, writeRepo } from '../helpers/fixture.js';

const exec = promisify(execFile);
const PACKAGE = fileURLToPath(new URL('../../', import.meta.url));
const BIN = path.join(PACKAGE, 'bin/plan.js');
const BUILT = existsSync(path.join(PACKAGE, 'dist/cli/main.js'));
const ANSI = /\u001b\[/;
const STACK_FRAME = /^\s+at .+/m;
const CUTOFF = ['--fecha-corte', '2019-04-15'];

/** The test runner's own colour settings must not leak into the child. */
function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ['NO_COLOR', 'FORCE_COLOR', 'CLICOLOR', 'CLICOLOR_FORCE', 'TERM']) delete env[key];
  return { ...env, ...extra };
}

/** A repo with an error (an unknown field) and a warning (a late report). */
function repoWithFindings(): string {
  const files = baseRepo();
  files['dependencias/OP/dependencia.yaml'].extra = 'x';
  files['dependencias/DIF/reportes/2019-T1.yaml'].fecha_entrega = '2019-04-03';
  return writeRepo(files);
}

async function piped(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [BIN, ...args], { env: cleanEnv(env) });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const hasScript = (() => {
  if (process.platform !== 'linux') return false;
  try {
    execFileSync('script', ['-qec', 'true', '/dev/null'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Runs the CLI on a pseudo-terminal; stdout and stderr arrive merged, as on a screen. */
function onTerminal(args: string[], env: NodeJS.ProcessEnv): string {
  const command = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  try {
    return execFileSync('script', ['-qec', command, '/dev/null'], { env: cleanEnv({ TERM: 'xterm-256color', ...env }), stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  } catch (error) {
    return (error as { stdout: string }).stdout;
  }
}

describe.skipIf(!BUILT)('no ANSI codes unless a terminal asks for them', () => {
  const cases: [string, NodeJS.ProcessEnv][] = [
    ['NO_COLOR=1', { NO_COLOR: '1' }],
    ['FORCE_COLOR=0', { FORCE_COLOR: '0' }],
    ['a pipe with no colour variables', {}],
  ];

  it('plan validate writes plain text with NO_COLOR=1, with FORCE_COLOR=0 and on a plain pipe', async () => {
    const root = repoWithFindings();
    const runs = await Promise.all(cases.map(([, env]) => piped(['validate', '-C', root, ...CUTOFF], env)));
    for (const [i, run] of runs.entries()) {
      const name = cases[i]![0];
      expect(run.code, name).toBe(1);
      expect(run.stdout, name).toContain('PLAN002');
      expect(run.stdout, name).toContain('advertencia');
      expect(run.stdout, name).not.toMatch(ANSI);
      expect(run.stderr, name).not.toMatch(ANSI);
    }
  });

  it('plan report refusing data with errors writes plain text with NO_COLOR=1, with FORCE_COLOR=0 and on a plain pipe', async () => {
    const root = repoWithFindings();
    const runs = await Promise.all(cases.map(([, env]) => piped(['report', '-C', root, '--quarter', 'Q1', ...CUTOFF], env)));
    for (const [i, run] of runs.entries()) {
      const name = cases[i]![0];
      expect(run.code, name).toBe(1);
      expect(run.stderr, name).toContain('Ejecute «plan validate»');
      expect(run.stderr, name).not.toMatch(ANSI);
    }
  });

  it('colours stylish output when FORCE_COLOR=1, even on a pipe', async () => {
    const run = await piped(['validate', '-C', repoWithFindings(), ...CUTOFF], { FORCE_COLOR: '1' });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(ANSI);
  });

  it('never colours the file written by --output, even with FORCE_COLOR=1', async () => {
    const root = repoWithFindings();
    const file = path.join(root, 'salida.txt');
    const run = await piped(['validate', '-C', root, '--format', 'stylish', '--output', file, ...CUTOFF], { FORCE_COLOR: '1' });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(ANSI);
    expect(readFileSync(file, 'utf8')).toContain('PLAN002');
    expect(readFileSync(file, 'utf8')).not.toMatch(ANSI);
  });

  it.skipIf(!hasScript)('colours on a real terminal by default', () => {
    const screen = onTerminal(['validate', '-C', repoWithFindings(), ...CUTOFF], {});
    expect(screen).toContain('PLAN002');
    expect(screen).toMatch(ANSI);
  });

  it.skipIf(!hasScript)('writes no ANSI codes on a real terminal with NO_COLOR=1 or FORCE_COLOR=0', () => {
    for (const env of [{ NO_COLOR: '1' }, { FORCE_COLOR: '0' }]) {
      const screen = onTerminal(['validate', '-C', repoWithFindings(), ...CUTOFF], env);
      expect(screen, JSON.stringify(env)).toContain('PLAN002');
      expect(screen, JSON.stringify(env)).not.toMatch(ANSI);
    }
  });
});

describe('a stack trace only with --debug', () => {
  /** An io whose stdout fails: the one internal failure any command can meet (a broken pipe, a full disk behind a redirect). */
  async function withFailingStdout(args: string[]): Promise<{ code: number; stderr: string }> {
    let stderr = '';
    const io: CliIo = {
      stdout: () => {
        throw Object.assign(new Error('write EIO'), { code: 'EIO' });
      },
      stderr: (text) => {
        stderr += text;
      },
      isTTY: false,
      env: {},
      cwd: process.cwd(),
      today: () => new Date(2019, 3, 15),
    };
    const code = await main(['node', 'plan', ...args], io);
    return { code, stderr };
  }

  it('reports an internal error on one line, without frames, pointing at --debug', async () => {
    const root = writeRepo(baseRepo());
    for (const args of [['rules', '-C', root], ['validate', '-C', root, ...CUTOFF]]) {
      const run = await withFailingStdout(args);
      expect(run.code, args[0]).toBe(2);
      // validate may first say that the git history check was skipped (a temp folder is no repo).
      expect(run.stderr.replace(/^Aviso: .*\n/, '')).toBe(
        'plan: error interno: write EIO — esto es un defecto de plan, no de sus datos; por favor repórtelo (con --debug se ve el detalle técnico).\n',
      );
      expect(run.stderr).not.toMatch(STACK_FRAME);
    }
  });

  it('says it in English with --lang en, still without frames', async () => {
    const run = await withFailingStdout(['--lang', 'en', 'rules', '-C', writeRepo(baseRepo())]);
    expect(run.stderr).toContain('plan: internal error: write EIO');
    expect(run.stderr).toContain('--debug shows the technical detail');
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });

  it('shows the stack trace with --debug', async () => {
    const run = await withFailingStdout(['--debug', 'rules', '-C', writeRepo(baseRepo())]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^plan: error interno: write EIO — esto es un defecto de plan, no de sus datos; por favor repórtelo\.\nError: write EIO\n/);
    expect(run.stderr).toMatch(STACK_FRAME);
    expect(run.stderr).not.toContain('con --debug');
  });

  it('prints usage errors without frames, with or without --debug', async () => {
    for (const debug of [[], ['--debug']]) {
      const run = await withFailingStdout([...debug, 'report', '-C', writeRepo(baseRepo()), '--quarter', 'Q9']);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe('plan: error: --trimestre (o --quarter) espera T1, T2, T3 o T4 (o Q1…Q4); se recibió «Q9».\n');
    }
  });

  // When the reader of a pipe goes away (`plan validate | head -1` on a big
  // repo, a CI log collector that stops), process.stdout emits EPIPE as an 'error' event
  // that nobody listens to: Node prints "Unhandled 'error' event" with a full stack trace
  // and the process exits 1, which CI reads as "findings", not as an interruption: not here.
  it.skipIf(!BUILT)('a closed stdout pipe ends without a stack trace', async () => {
    const child = spawn(process.execPath, [BIN, 'validate', '-C', repoWithFindings(), ...CUTOFF], { stdio: ['ignore', 'pipe', 'pipe'], env: cleanEnv() });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).not.toContain("Unhandled 'error' event");
    expect(stderr).not.toMatch(STACK_FRAME);
  });
});
