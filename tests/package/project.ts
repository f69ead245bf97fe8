// The project as a fresh clone holds it, and child processes run the way a user's shell runs
// them: the package tests pack, release and install plan outside this working tree, so they
// never rebuild the dist/ that other tests are reading, and never see this repo's node_modules.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { neutralGitEnv } from '../helpers/git-repo.js';

export const PROJECT = fileURLToPath(new URL('../../', import.meta.url));

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

const created: string[] = [];

/** A new temp folder, kept until `removeTempDirs()` (call it in afterAll: installs are large). */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `plan-${prefix}-`));
  created.push(dir);
  return dir;
}

/** Removes the temp folders made so far; the node_modules link of a copy goes, not its target. */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * The process environment less what `npm test` adds (npm_* settings, INIT_CWD), with git's
 * machine config kept out and npm's notices off: what a municipality's terminal would have.
 */
export function userEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = neutralGitEnv();
  for (const name of Object.keys(env)) if (/^npm_/i.test(name) || name === 'INIT_CWD') delete env[name];
  return { ...env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', NO_COLOR: '1', ...extra };
}

export function run(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Run {
  const result = spawnSync(command, args, { cwd: options.cwd, env: options.env ?? userEnv(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Fails with the command's output, so a broken npm step says why. */
export function runOk(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Run {
  const result = run(command, args, options);
  if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} terminó con código ${result.code}\n${result.stdout}\n${result.stderr}`);
  return result;
}

/**
 * A copy of the project's tracked and new files (not dist/ nor anything else git ignores),
 * with node_modules linked in so its build finds TypeScript: a fresh clone after `npm ci`.
 */
export function copyProject(): string {
  const dest = tempDir('proyecto');
  const listed = runOk('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: PROJECT, env: neutralGitEnv() }).stdout;
  for (const file of new Set(listed.split('\0').filter(Boolean))) {
    const source = path.join(PROJECT, file);
    // A file deleted in the working tree but still in the index is not part of the copy.
    if (!existsSync(source)) continue;
    mkdirSync(path.dirname(path.join(dest, file)), { recursive: true });
    cpSync(source, path.join(dest, file));
  }
  symlinkSync(path.join(PROJECT, 'node_modules'), path.join(dest, 'node_modules'), 'dir');
  return dest;
}
