// Real git repositories in temp folders, built the same way on every machine: no system or
// global git config is read, the author is set in the repo's own config, and every commit
// carries the dates it is given, with their time zone.
//
// Importing this module also makes each test see a neutral git environment: the code under
// test runs git with the process environment, so the machine's own config (or a GIT_DIR left
// by a hook running the tests) must not reach it.
import { execFileSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { devNull } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, vi } from 'vitest';
import { render, writeRepo, type Files } from './fixture.js';

/** Variables that would point git somewhere else than the folder it runs in. */
const REDIRECTING = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_ALTERNATE_OBJECT_DIRECTORIES', 'GIT_COMMON_DIR', 'GIT_NAMESPACE', 'GIT_CEILING_DIRECTORIES'];

/** The neutral environment: no system config, an empty global config. */
export function neutralGitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: devNull, GIT_TERMINAL_PROMPT: '0' };
  for (const name of REDIRECTING) delete env[name];
  for (const name of Object.keys(env)) if (name.startsWith('GIT_CONFIG_') && !['GIT_CONFIG_NOSYSTEM', 'GIT_CONFIG_GLOBAL'].includes(name)) delete env[name];
  return env;
}

beforeEach(() => {
  vi.stubEnv('GIT_CONFIG_NOSYSTEM', '1');
  vi.stubEnv('GIT_CONFIG_GLOBAL', devNull);
  for (const name of REDIRECTING) vi.stubEnv(name, undefined);
  // GIT_CONFIG_COUNT/KEY_n/VALUE_n would inject config entries too.
  vi.stubEnv('GIT_CONFIG_COUNT', undefined);
  vi.stubEnv('GIT_CONFIG_PARAMETERS', undefined);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

/** `2019-03-27` at noon in Mexico City's standard offset, or the time and zone given. */
export function at(day: string, time = '12:00:00', zone = '-06:00'): string {
  return `${day}T${time}${zone}`;
}

export class GitRepo {
  private constructor(readonly dir: string) {}

  /** A new repository on branch `main` holding `files`, not yet committed. */
  static init(files: Files = {}): GitRepo {
    const repo = new GitRepo(writeRepo(files));
    repo.git('init', '--quiet', '-b', 'main');
    repo.git('config', 'user.name', 'Planeación Municipal');
    repo.git('config', 'user.email', 'planeacion@example.org');
    repo.git('config', 'commit.gpgsign', 'false');
    return repo;
  }

  /** Runs git in the repository (or in `cwd` inside it) and returns its output. */
  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, env: neutralGitEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  /** Absolute path of a repo-relative one. */
  path(rel = ''): string {
    return path.join(this.dir, rel);
  }

  write(files: Files): this {
    for (const [rel, content] of Object.entries(files)) {
      const target = this.path(rel);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, render(content));
    }
    return this;
  }

  remove(...rels: string[]): this {
    for (const rel of rels) rmSync(this.path(rel), { force: true });
    return this;
  }

  /**
   * Writes `files`, stages everything and commits with `when` as both author and committer
   * date (`author` overrides the author's). Returns the commit's id.
   */
  commit(message: string, when: string, files: Files = {}, author = when): string {
    this.write(files);
    this.git('add', '--all');
    execFileSync('git', ['commit', '--quiet', '--allow-empty', '-m', message], {
      cwd: this.dir,
      env: { ...neutralGitEnv(), GIT_AUTHOR_DATE: author, GIT_COMMITTER_DATE: when },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return this.git('rev-parse', 'HEAD').trim();
  }

  /** Merges `branch` into the checked-out branch with a merge commit dated `when`. */
  merge(branch: string, when: string): string {
    execFileSync('git', ['merge', '--quiet', '--no-ff', '--no-edit', branch], {
      cwd: this.dir,
      env: { ...neutralGitEnv(), GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return this.git('rev-parse', 'HEAD').trim();
  }

  /** A `--depth 1` clone through file://, as CI checkouts make by default. */
  shallowClone(): GitRepo {
    const target = writeRepo({});
    execFileSync('git', ['clone', '--quiet', '--depth', '1', pathToFileURL(this.dir).href, target], { env: neutralGitEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    return new GitRepo(target);
  }
}

/**
 * Puts a stand-in `git` first on PATH for the current test: it notes the subcommand of each
 * call and hands over to the real git. `calls()` lists the subcommands run so far.
 */
export function countGitCalls(): { calls: () => string[] } {
  const real = findOnPath('git');
  if (!real) throw new Error('git is not on PATH');
  const bin = writeRepo({});
  const log = path.join(bin, 'calls.log');
  writeFileSync(log, '');
  writeFileSync(path.join(bin, 'git'), `#!/bin/sh\nprintf '%s\\n' "$1" >> '${log}'\nexec '${real}' "$@"\n`, { mode: 0o755 });
  vi.stubEnv('PATH', `${bin}${path.delimiter}${process.env.PATH ?? ''}`);
  return { calls: () => readFileSync(log, 'utf8').split('\n').filter(Boolean) };
}

function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Writes a global git config full of settings that change git's output, and makes it the one git reads. */
export function useHostileGitConfig(): void {
  const dir = writeRepo({
    'gitconfig': [
      '[core]',
      '\tquotePath = true',
      '[color]',
      '\tui = always',
      '[diff]',
      '\trelative = true',
      '\trenames = copies',
      '\tnoprefix = true',
      '\tmnemonicPrefix = true',
      '[status]',
      '\tshowUntrackedFiles = no',
      '\trelativePaths = true',
      '[log]',
      '\tshowSignature = true',
      '\tdate = local',
      '\tdecorate = full',
      '\tfollow = true',
      '\tdiffMerges = first-parent',
      '[format]',
      '\tpretty = fuller',
      '',
    ].join('\n'),
  });
  vi.stubEnv('GIT_CONFIG_GLOBAL', path.join(dir, 'gitconfig'));
}
