// When each of the plan's files first entered the repository's history (PLAN029 compares it
// with the delivery date a report declares). One `git log` pass over the whole plan, not
// one process per file.
import type { GitHistory, IsoDate } from '../model/time.js';
import { gitAsync, gitSpooled, nulFields, repoInfoAsync, toPlanPath } from './git.js';

export type { GitHistory } from '../model/time.js';

export type FileHistory =
  | {
      ok: true;
      /**
       * Plan-root-relative POSIX path → the calendar day of the first commit that added the
       * file: the committer date in the commit's own time zone, the day the office saw.
       * Every path ever added under the root is here, also those since deleted or renamed
       * away; files never committed are absent.
       */
      firstSeen: Map<string, IsoDate>;
    }
  | {
      ok: false;
      reason: 'not_a_repo' | 'shallow' | 'git_missing';
      /** git's own message, when it gave one; untranslated. */
      detail?: string;
    };

/**
 * First appearance of every file under the plan root in the history reachable from HEAD.
 *
 * A renamed or moved file keeps the date its content first entered: a department that fixes
 * a file name (PLAN005) after delivering has not delivered late. Renames are git's usual
 * detection (at least 50 % similar content) within the plan root; a file moved in from
 * outside the root counts from the move. A path added more than once keeps its earliest date.
 * A shallow clone is refused: its oldest commit would claim every file as new. git runs
 * without blocking this thread: a run starts it before loading the files (cli/check.ts).
 */
export async function fileHistory(root: string): Promise<FileHistory> {
  const repo = await repoInfoAsync(root);
  if (!repo.ok) return repo;
  if (repo.shallow) return { ok: false, reason: 'shallow' };

  const log = await gitSpooled(root, [
    'log',
    // Parents before children, so a rename is read after the addition it carries on.
    '--topo-order',
    '--reverse',
    // Every commit that touched the plan, not only those on the simplified history a pathspec
    // gives. Merges add nothing of their own, their branches' commits already did (a file
    // only a conflict resolution adds stays unknown, as if uncommitted).
    '--full-history',
    '--no-merges',
    '--no-show-signature',
    // Paths from the top of the work tree whatever diff.relative says, renames as git finds them.
    '--no-relative',
    '--find-renames',
    '--diff-filter=AR',
    '--name-status',
    '-z',
    // Each commit starts with an empty field, then its date.
    '--format=%x00%cs',
    '--',
    '.',
  ]);
  if (!log.ok) {
    if (log.failure === 'git_missing') return { ok: false, reason: 'git_missing', detail: log.detail };
    // A repository without commits yet: nothing has entered its history.
    const head = await gitAsync(root, ['rev-parse', '--verify', '--quiet', 'HEAD']);
    if (!head.ok && head.failure === 'failed' && head.status === 1) return { ok: true, firstSeen: new Map() };
    return { ok: false, reason: 'not_a_repo', detail: log.detail };
  }
  return { ok: true, firstSeen: parseLog(log.stdout, repo.prefix) };
}

/** Reads `\0date\0\nA\0path\0R100\0old\0new\0…` into first-seen dates. */
function parseLog(stdout: string, prefix: string): Map<string, IsoDate> {
  const firstSeen = new Map<string, IsoDate>();
  const enter = (path: string | undefined, day: IsoDate) => {
    const file = path === undefined ? undefined : toPlanPath(prefix, path);
    if (file === undefined) return;
    const known = firstSeen.get(file);
    if (known === undefined || day < known) firstSeen.set(file, day);
  };

  const fields = nulFields(stdout);
  let day: IsoDate | undefined;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    if (field === '') {
      day = fields[++i];
      continue;
    }
    if (day === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(day)) continue;
    // The first status of a commit follows the newline that closes its header.
    const status = field.replace(/^\n/, '');
    if (status.startsWith('A')) {
      enter(fields[++i], day);
    } else if (status.startsWith('R')) {
      const from = fields[++i];
      const to = fields[++i];
      const carried = from === undefined ? undefined : firstSeen.get(toPlanPath(prefix, from) ?? '');
      enter(to, carried ?? day);
    }
  }
  return firstSeen;
}

/** The model's view of a `fileHistory` answer; `reason` is the answer's reason code. */
export function toGitHistory(history: FileHistory): GitHistory {
  return history.ok ? { available: true, firstSeen: history.firstSeen } : { available: false, reason: history.reason };
}

/** Of `files`, those the history does not know yet (never committed): PLAN029 skips them. */
export function notYetCommitted(history: GitHistory, files: Iterable<string>): string[] {
  if (!history.available) return [];
  return [...files].filter((file) => !history.firstSeen.has(file));
}
