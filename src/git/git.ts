// The one place that runs git. An argument list handed to execFile, never a shell line, so
// a ref or a path is data, not code; one process per question, never one per file; and
// every failure comes back as a value: the user's repository and their git set-up are
// input, and input never makes the tool throw.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readAtMost } from '../repo/read.js';

export type GitOutcome =
  | { ok: true; stdout: string }
  /** git is not installed, or not on PATH. */
  | { ok: false; failure: 'git_missing'; detail: string }
  /** git ran and said no (`status` is its exit code, null when it was killed), or could not start here. */
  | { ok: false; failure: 'failed'; status: number | null; detail: string };

// git log over a large municipality's history can print megabytes; Node's default is 1 MiB.
const MAX_OUTPUT_BYTES = 512 * 1024 * 1024;

/** How git runs, with the environment as it is now (PATH may have changed since start-up). */
function options(cwd: string) {
  return {
    cwd,
    encoding: 'utf8',
    maxBuffer: MAX_OUTPUT_BYTES,
    windowsHide: true,
    // Optional locks off: a read-only question must not take the index lock an editor's
    // git integration may be holding. No prompts: nothing here may wait for a human.
    env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' },
  } as const;
}

/** Runs `git args…` in `cwd` and returns what it printed on stdout, decoded as UTF-8. */
export function git(cwd: string, args: readonly string[]): GitOutcome {
  try {
    return { ok: true, stdout: execFileSync('git', args, { ...options(cwd), stdio: ['ignore', 'pipe', 'pipe'] }) };
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { status?: number | null; stderr?: string };
    return failed(cwd, failure, failure.stderr, failure.status ?? null);
  }
}

/** As git(), without blocking this thread: the answer can come while it loads modules or reads files. */
export function gitAsync(cwd: string, args: readonly string[]): Promise<GitOutcome> {
  return new Promise((resolve) => {
    const child = execFile('git', args, options(cwd), (error, stdout, stderr) => {
      if (!error) resolve({ ok: true, stdout });
      else resolve(failed(cwd, error, stderr, typeof error.code === 'number' ? error.code : null));
    });
    child.stdin?.end();
  });
}

/**
 * As gitAsync, with what git prints spooled to a temporary file instead of a pipe: a pipe holds
 * 64 KiB, and a long `git log` would wait, stalled, whenever this thread is busy with work of
 * its own (listing and reading the plan's files) instead of reading it. The file is removed as
 * soon as it is open where the system allows it (it is read through its descriptor), so a run
 * that ends early leaves nothing behind; elsewhere, once git is done.
 */
export function gitSpooled(cwd: string, args: readonly string[]): Promise<GitOutcome> {
  let folder: string | undefined;
  const removeFolder = () => {
    try {
      if (folder) rmSync(folder, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // A temporary folder left behind is the system's to clean; the answer stands.
    }
  };
  let fd: number;
  try {
    folder = mkdtempSync(path.join(tmpdir(), 'plan-git-'));
    fd = openSync(path.join(folder, 'stdout'), 'w+');
  } catch {
    removeFolder();
    return gitAsync(cwd, args);
  }
  removeFolder();
  const { env, windowsHide } = options(cwd);
  return new Promise<GitOutcome>((resolve) => {
    let stderr = '';
    let child;
    try {
      child = spawn('git', args, { cwd, env, windowsHide, stdio: ['ignore', fd, 'pipe'] });
    } catch (error) {
      return resolve(failed(cwd, error as Error, undefined, null));
    }
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error) => resolve(failed(cwd, error, stderr, null)));
    child.on('close', (status) => {
      if (status !== 0) return resolve(failed(cwd, { message: `Command failed: git ${args.join(' ')}` }, stderr, status));
      try {
        // The bound gitAsync's pipe has (maxBuffer), and what it says past it.
        const bytes = readAtMost(fd, MAX_OUTPUT_BYTES + 1);
        if (bytes.length > MAX_OUTPUT_BYTES) return resolve(failed(cwd, { message: 'stdout maxBuffer length exceeded' }, stderr, status));
        resolve({ ok: true, stdout: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8') });
      } catch (error) {
        resolve(failed(cwd, error as Error, stderr, status));
      }
    });
  }).finally(() => {
    try {
      closeSync(fd);
    } catch {
      // Already closed: nothing to release.
    }
    removeFolder();
  });
}

function failed(cwd: string, error: { code?: string | number | null; message: string }, stderr: string | undefined, status: number | null): GitOutcome {
  // Node reports a missing working folder with the same ENOENT as a missing program.
  if (error.code === 'ENOENT' && isFolder(cwd)) return { ok: false, failure: 'git_missing', detail: error.message };
  const said = typeof stderr === 'string' ? firstLine(stderr) : '';
  return { ok: false, failure: 'failed', status, detail: said || error.message };
}

export interface RepoInfo {
  /** The plan root's path inside the work tree, POSIX, with a trailing slash (`plan/`), or '' at the top. */
  prefix: string;
  shallow: boolean;
}

export type RepoInfoOutcome = ({ ok: true } & RepoInfo) | { ok: false; reason: 'not_a_repo' | 'git_missing'; detail?: string };

/** Whether `root` is inside a git work tree, where, and whether the clone is shallow: one process. */
export function repoInfo(root: string): RepoInfoOutcome {
  return repoInfoFrom(git(root, REPO_INFO));
}

export async function repoInfoAsync(root: string): Promise<RepoInfoOutcome> {
  return repoInfoFrom(await gitAsync(root, REPO_INFO));
}

// The prefix goes last: it is the only answer that could hold a newline.
const REPO_INFO = ['rev-parse', '--is-inside-work-tree', '--is-shallow-repository', '--show-prefix'];

function repoInfoFrom(outcome: GitOutcome): RepoInfoOutcome {
  if (!outcome.ok) return outcome.failure === 'git_missing' ? { ok: false, reason: 'git_missing', detail: outcome.detail } : { ok: false, reason: 'not_a_repo', detail: outcome.detail };
  const [insideWorkTree, shallow, ...rest] = outcome.stdout.split('\n');
  // Inside .git, or in a bare repository: there is no work tree to compare.
  if (insideWorkTree !== 'true') return { ok: false, reason: 'not_a_repo' };
  return { ok: true, prefix: rest.join('\n').replace(/\n$/, ''), shallow: shallow === 'true' };
}

/** Splits `-z` output into its fields. */
export function nulFields(stdout: string): string[] {
  const fields = stdout.split('\0');
  if (fields[fields.length - 1] === '') fields.pop();
  return fields;
}

/** A path git printed from the top of the work tree, made relative to the plan root; undefined outside it. */
export function toPlanPath(prefix: string, topPath: string): string | undefined {
  if (!topPath.startsWith(prefix) || topPath.length === prefix.length) return undefined;
  return topPath.slice(prefix.length);
}

function firstLine(text: string): string {
  return text.split('\n').find((line) => line.trim() !== '')?.trim() ?? '';
}

function isFolder(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
