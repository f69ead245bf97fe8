// Permission tests need an ordinary user: root reads and writes any folder whatever its
// mode, so under root (CI runs as root) a chmod would prove nothing. These helpers run the
// built CLI as the current user when that is not root, and as «nobody» through setpriv when
// it is, handing the fixture folder to that user first.
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = fileURLToPath(new URL('../../', import.meta.url));
const BIN = path.join(PACKAGE, 'bin/plan.js');
const DIST = path.join(PACKAGE, 'dist/cli/main.js');
const NOBODY = 65_534;

const isRoot = process.getuid?.() === 0;

/** setpriv exists, and nobody can read and run this package (a checkout under /root could not). */
function nobodyCanRunThePackage(): boolean {
  if (process.platform !== 'linux') return false;
  const run = spawnSync('setpriv', ['--reuid', String(NOBODY), '--regid', String(NOBODY), '--clear-groups', process.execPath, BIN, '--version'], { encoding: 'utf8', cwd: '/' });
  return run.status === 0 && /^\d+\.\d+\.\d+/.test(run.stdout);
}

/** Whether the tests can run the CLI as a user that file modes apply to. */
export const canRunUnprivileged: boolean = existsSync(DIST) && process.platform !== 'win32' && (!isRoot || nobodyCanRunThePackage());

/** Gives `dir` and everything under it to the user the CLI will run as (a no-op unless root). */
export function handToUnprivileged(dir: string): void {
  if (!isRoot) return;
  chownSync(dir, NOBODY, NOBODY);
  if (!lstatSync(dir).isDirectory()) return;
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (lstatSync(full).isDirectory()) handToUnprivileged(full);
    else chownSync(full, NOBODY, NOBODY);
  }
}

export interface UnprivilegedRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The uid the CLI ran as: never 0. */
  uid: number;
}

/** Runs `plan <args>` from the built package as an ordinary user, with Spanish messages and no colours. */
export function runCliUnprivileged(args: string[], cwd: string): UnprivilegedRun {
  const probe = `process.stderr.write('uid=' + process.getuid() + '\\n'); await import(${JSON.stringify(BIN)});`;
  const node = [process.execPath, '--input-type=module', '-e', probe, BIN, ...args];
  const command = isRoot ? ['setpriv', '--reuid', String(NOBODY), '--regid', String(NOBODY), '--clear-groups', ...node] : node;
  const result = spawnSync(command[0]!, command.slice(1), { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: cwd, NO_COLOR: '1', LANG: 'C.UTF-8' }, timeout: 60_000 });
  const match = /^uid=(\d+)\n/.exec(result.stderr);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr.replace(/^uid=\d+\n/, ''), uid: match ? Number(match[1]) : -1 };
}
