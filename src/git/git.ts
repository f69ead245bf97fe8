// The one place that runs git. An argument list handed to execFile, never a shell line, so
// a ref or a path is data, not code; one process per question, never one per file; and
// every failure comes back as a value: the user's repository and their git set-up are
// input, and input never makes the tool throw.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';

export type GitOutcome =
  | { ok: true; stdout: string }
  /** git is not installed, or not on PATH. */
  | { ok: false; failure: 'git_missing'; detail: string }
  /** git ran and said no (`status` is its exit code, null when it was killed), or could not start here. */
  | { ok: false; failure: 'failed'; status: number | null; detail: string };

// git log over a large municipality's history can print megabytes; Node's default is 1 MiB.
const MAX_OUTPUT_BYTES = 512 * 1024 * 1024;

/** Runs `git args…` in `cwd` and returns what it printed on stdout, decoded as UTF-8. */
export function git(cwd: string, args: readonly string[]): GitOutcome {
  try {
    const stdout = execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: MAX_OUTPUT_BYTES,
      windowsHide: true,
      // Optional locks off: a read-only question must not take the index lock an editor's
      // git integration may be holding. No prompts: nothing here may wait for a human.
      env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' },
    });
    return { ok: true, stdout };
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { status?: number | null; stderr?: string };
    // Node reports a missing working folder with the same ENOENT as a missing program.
    if (failure.code === 'ENOENT' && isFolder(cwd)) return { ok: false, failure: 'git_missing', detail: failure.message };
    const stderr = typeof failure.stderr === 'string' ? firstLine(failure.stderr) : '';
    return { ok: false, failure: 'failed', status: failure.status ?? null, detail: stderr || failure.message };
  }
}

export interface RepoInfo {
  /** The plan root's path inside the work tree, POSIX, with a trailing slash (`plan/`), or '' at the top. */
  prefix: string;
  shallow: boolean;
}

export type RepoInfoOutcome = ({ ok: true } & RepoInfo) | { ok: false; reason: 'not_a_repo' | 'git_missing'; detail?: string };

/** Whether `root` is inside a git work tree, where, and whether the clone is shallow: one process. */
export function repoInfo(root: string): RepoInfoOutcome {
  // The prefix goes last: it is the only answer that could hold a newline.
  const outcome = git(root, ['rev-parse', '--is-inside-work-tree', '--is-shallow-repository', '--show-prefix']);
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
