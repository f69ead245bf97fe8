// PR mode: which of the plan's files a branch touches. The comparison is the one a pull
// request shows: from the point where the branch left `ref` (their merge base) to the work
// tree as it is now, so commits made on `ref` after the branch left do not count, and
// staged, unstaged and untracked files do.
import { gitAsync, nulFields, repoInfoAsync, toPlanPath, type GitOutcome } from './git.js';

export type ChangedFiles =
  | {
      ok: true;
      /** Every changed path, deleted ones included, relative to the plan root, POSIX. */
      files: Set<string>;
      /** The paths of `files` that no longer exist: a deletion can break another file's references. */
      deleted: Set<string>;
      /** The commit compared against: the merge base of `ref` and HEAD. */
      base: string;
    }
  | {
      ok: false;
      reason: 'not_a_repo' | 'unknown_ref' | 'git_missing' | 'shallow';
      /** git's own message, when it gave one; untranslated. */
      detail?: string;
    };

/**
 * The plan's files that differ between the merge base of `ref` and HEAD, and the work tree.
 * In a shallow clone the answer is given when the clone holds `ref` and the merge base;
 * when it does not, the reason is 'shallow' (fetch more history), not 'unknown_ref'.
 */
export async function changedFilesSince(root: string, ref: string): Promise<ChangedFiles> {
  const repo = await repoInfoAsync(root);
  if (!repo.ok) return repo;
  const missingHistory = (): ChangedFiles => ({ ok: false, reason: repo.shallow ? 'shallow' : 'unknown_ref' });

  // --end-of-options: a ref such as `--output=x` stays a (bad) ref name, not an option.
  const resolved = await gitAsync(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  if (!resolved.ok) return resolved.failure === 'git_missing' ? { ok: false, reason: 'git_missing', detail: resolved.detail } : missingHistory();
  const target = resolved.stdout.trim();

  const mergeBase = await gitAsync(root, ['merge-base', target, 'HEAD']);
  let base: string;
  if (mergeBase.ok) base = mergeBase.stdout.trim();
  else if (mergeBase.failure === 'git_missing') return { ok: false, reason: 'git_missing', detail: mergeBase.detail };
  // A shallow clone may lack the commits that join the branch to `ref`.
  else if (repo.shallow) return missingHistory();
  // Exit 1: no common ancestor, the histories are unrelated; the closest a PR comes to
  // that is a comparison with the ref's own tree.
  else if (mergeBase.status === 1) base = target;
  // Any other refusal (an unborn HEAD, a damaged repository) leaves nothing to compare against.
  else return { ok: false, reason: 'unknown_ref', detail: mergeBase.detail };

  // The user's git config must not change the answer's shape: no rename pairs (the old path
  // is a deletion that matters), paths from the top of the work tree, -z so accents and
  // spaces come as they are. The pathspec `.` keeps the answer inside the plan root.
  const [diff, untracked] = await Promise.all([
    gitAsync(root, ['diff', '--no-renames', '--no-relative', '--no-ext-diff', '--no-textconv', '--name-status', '-z', base, '--', '.']),
    gitAsync(root, ['ls-files', '--others', '--exclude-standard', '--full-name', '-z', '--', '.']),
  ]);
  if (!diff.ok) return failure(diff);
  if (!untracked.ok) return failure(untracked);

  const files = new Set<string>();
  const deleted = new Set<string>();
  const fields = nulFields(diff.stdout);
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const file = toPlanPath(repo.prefix, fields[i + 1]!);
    if (file === undefined) continue;
    files.add(file);
    if (fields[i]!.startsWith('D')) deleted.add(file);
  }
  for (const field of nulFields(untracked.stdout)) {
    const file = toPlanPath(repo.prefix, field);
    if (file === undefined) continue;
    files.add(file);
    // Removed from the index (`git rm --cached`) but still on disk: changed, not gone.
    deleted.delete(file);
  }
  return { ok: true, files, deleted, base };
}

function failure(outcome: Extract<GitOutcome, { ok: false }>): ChangedFiles {
  return { ok: false, reason: outcome.failure === 'git_missing' ? 'git_missing' : 'not_a_repo', detail: outcome.detail };
}
