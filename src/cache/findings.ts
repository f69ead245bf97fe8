// `--cache`, second half: the findings of the rules with a scope (rule.ts `scope`), kept with
// the files' outcomes. A pull request changes one department's files; the other departments'
// findings are those of the last run, and the rules check again only the departments that
// changed, on a model of those departments and the files all share (load.ts `part`). The rules
// that look across departments read the others' facts there, never their data, which a run
// with a cache then leaves unparsed (cache/outcomes.ts).
import { createHash } from 'node:crypto';
import { OutsideThePart, type LoadResult } from '../load.js';
import type { Finding } from '../model/finding.js';
import type { PlanModel } from '../model/model.js';
import { departmentOf } from '../repo/layout.js';
import type { Rule, Scope } from '../rules/rule.js';
import type { OutcomeCache } from './outcomes.js';

/** Digests of the repo's files, grouped as a scope needs; null when some file's bytes are not known. */
export interface RepoDigests {
  /** Every file outside the department folders: plan.yaml, catalogos/, planeacion/, and any other (with `facts`, more: see digestRepo). */
  shared: string | null;
  /** Each department folder's files, by clave. */
  departments: [string, string | null][];
}

/** What a run keeps of the rules of one scope: their findings, and the files they came from. */
export interface FindingsRecord extends RepoDigests {
  scope: Scope;
  fechaCorte: string;
  /** Each rule's findings (unplaced), in the order it reported them. */
  byRule: [string, Finding[]][];
}

export interface DepartmentFindings {
  /** The findings of a rule with a scope; `run` runs it on a model. */
  of(rule: Rule & { meta: { scope: Scope } }, run: (model: PlanModel) => Finding[]): Finding[];
  /** Hands the cache what this run found, once every rule has run. */
  keep(): void;
}

/**
 * Each department's files and the shared ones, digested as each scope needs: paths, links and
 * the bytes of every data file (`digestOf`: OutcomeCache's). Evidence is digested by its path
 * alone: the loader never reads it, and the rules see only its path. For `facts`, the shared
 * digest holds as well the whole repo's listing, the facts of every department's documents,
 * the files that could not be used and the git history (rule.ts `scope`). One pass for both.
 */
export function digestRepo(model: PlanModel, digestOf: (file: string) => string | undefined): Record<Scope, RepoDigests> {
  // Each group's lines, hashed at once: a hash fed line by line costs more than the lines.
  // null: a file of the group whose bytes are not known.
  const own = new Map<string, string[] | null>();
  const shared: string[] = [];
  let sharedKnown = true;
  const acrossShared: string[] = [];
  const arrivals = new Map<string, string[]>();
  // The listing sorted, documents in path order: no order of the file system's in a digest.
  for (const file of [...model.repoFiles.keys()].sort()) {
    const entry = model.repoFiles.get(file)!;
    const bytes = digestOf(file);
    const listed = `${file}\0${entry.symlink ? 'l' : 'f'}${entry.escapesRepo ? 'x' : ''}`;
    acrossShared.push(`${listed}\n`);
    const clave = departmentOf(file);
    if (clave === null) {
      if (bytes === undefined) sharedKnown = false;
      else shared.push(`${listed}\0${bytes}\n`);
      continue;
    }
    let lines = own.get(clave);
    if (lines === undefined) own.set(clave, (lines = []));
    if (lines === null) continue;
    if (bytes === undefined) own.set(clave, null);
    else lines.push(`${listed}\0${bytes}\n`);
  }
  const { dependencias, ppcs, reportes } = model.every;
  for (const doc of [...dependencias, ...ppcs, ...reportes]) acrossShared.push(`${doc.file}\0${JSON.stringify(doc.facts)}\n`);
  acrossShared.push(`${JSON.stringify(Object.entries(model.unreadable).map(([set, members]) => [set, [...(members as ReadonlySet<string>)].sort()]))}\n`);
  const history = model.history;
  acrossShared.push(`\0${history ? (history.available ? 'git' : history.reason) : 'no'}\n`);
  // When a department's file arrived is its own (PLAN029); when a file gone since had, anyone's (PLAN004's deleted carátulas).
  if (history?.available) {
    for (const [file, date] of history.firstSeen) {
      const clave = model.repoFiles.has(file) ? departmentOf(file) : null;
      const line = `${file}\0git\0${date}\n`;
      if (clave === null) acrossShared.push(line);
      else if (arrivals.has(clave)) arrivals.get(clave)!.push(line);
      else arrivals.set(clave, [line]);
    }
  }
  const digest = (lines: readonly string[]) => createHash('sha256').update(lines.join('')).digest('base64');
  const byDepartment = [...own.keys()].sort().map((clave): [string, string | null] => {
    const lines = own.get(clave)!;
    return [clave, lines && digest(lines)];
  });
  const sharedDigest = sharedKnown ? digest(shared) : null;
  return {
    department: { shared: sharedDigest, departments: byDepartment },
    facts: {
      shared: sharedDigest && digest([sharedDigest, ...acrossShared]),
      departments: byDepartment.map(([clave, ownDigest]) => [clave, ownDigest && (arrivals.has(clave) ? digest([ownDigest, ...arrivals.get(clave)!]) : ownDigest)]),
    },
  };
}

/** The department a finding is about, for the rules' scope: the folder of its file, else the one it names. */
export function subjectOf(finding: Finding): string | undefined {
  return departmentOf(finding.file) ?? finding.about?.dependencia;
}

/** Whether a finding is about one of `departments`. */
export function isAbout(departments: ReadonlySet<string>): (finding: Finding) => boolean {
  return (finding) => {
    const subject = subjectOf(finding);
    return subject !== undefined && departments.has(subject);
  };
}

/** The model a rule of `scope` checks `departments` on: their files and the shared ones (with `facts`, every department's facts). */
export function partFor(loaded: LoadResult, scope: Scope, departments: ReadonlySet<string>): PlanModel {
  return loaded.part((file) => {
    const clave = departmentOf(file);
    return clave === null || departments.has(clave);
  }, scope === 'facts');
}

/**
 * The departments whose files differ from the record's (a department with a file whose bytes
 * are not known among them), or undefined when nothing can be taken from the record: another
 * cut-off date, a shared file changed or not known.
 */
export function changedDepartments(record: FindingsRecord | undefined, now: RepoDigests, fechaCorte: string): Set<string> | undefined {
  if (!record || record.fechaCorte !== fechaCorte || now.shared === null || record.shared !== now.shared) return undefined;
  const before = new Map(record.departments);
  const changed = new Set<string>();
  for (const [clave, digest] of now.departments) {
    if (digest === null || before.get(clave) !== digest) changed.add(clave);
    before.delete(clave);
  }
  // Departments gone since: their findings are dropped with them.
  for (const clave of before.keys()) changed.add(clave);
  return changed;
}

/**
 * Departments checked again that make it worth writing the cache again, however few files
 * changed: each run after it would check them again too.
 */
const RECHECK_BEFORE_REWRITE = 5;

/** One scope's run: its digests, what changed since the record, and the part it checks. */
interface ScopeRun {
  digests: RepoDigests;
  changed: Set<string> | undefined;
  /** Some rule of the scope ran on the whole plan all the same (keepsScope, OutsideThePart). */
  wholePlan?: boolean;
  before: Map<string, Finding[]>;
  byRule: [string, Finding[]][];
  part?: PlanModel;
}

/**
 * The findings of the rules with a scope of a run with --cache: from the record of the last
 * run for the departments that did not change, fresh for the others.
 */
export function departmentFindings(loaded: LoadResult, fechaCorte: string, cache: OutcomeCache): DepartmentFindings {
  const runs = new Map<Scope, ScopeRun>();
  let digested: Record<Scope, RepoDigests> | undefined;
  const runOf = (scope: Scope): ScopeRun => {
    let run = runs.get(scope);
    if (!run) {
      const record = cache.findings?.find((kept) => kept.scope === scope);
      const digests = (digested ??= digestRepo(loaded.model, (file) => cache.digestOf(file)))[scope];
      runs.set(scope, (run = { digests, changed: changedDepartments(record, digests, fechaCorte), before: new Map(record?.byRule ?? []), byRule: [] }));
    }
    return run;
  };
  return {
    of(rule, run) {
      const scope = runOf(rule.meta.scope);
      let findings: Finding[];
      const { changed } = scope;
      const fresh = changed && (rule.keepsScope?.(loaded.model) ?? true) ? inPart(() => run((scope.part ??= partFor(loaded, rule.meta.scope, changed)))) : undefined;
      if (changed && fresh) {
        const rechecked = isAbout(changed);
        const kept = (scope.before.get(rule.meta.id) ?? []).filter((finding) => !rechecked(finding));
        findings = [...kept, ...fresh.filter(rechecked)];
      } else {
        scope.wholePlan = true;
        findings = run(loaded.model);
      }
      scope.byRule.push([rule.meta.id, findings]);
      return findings;
    },
    keep() {
      const records: FindingsRecord[] = [];
      const rechecked: Rechecked = {};
      let rewrite = false;
      for (const [scope, { digests, changed, byRule, wholePlan }] of runs) {
        records.push({ scope, fechaCorte, ...digests, byRule });
        const departments = changed && countChanged(digests, changed);
        if (departments !== undefined && !wholePlan) rechecked[scope] = { departments, of: digests.departments.length };
        // The last run's findings were of no use (another cut-off date, a shared file changed),
        // or are of less use with every department that differs from them: this run's serve the
        // next. Not for the facts alone: a file added anywhere changes them, as every delivery
        // does, and the next run's changes will differ from this one's.
        if ((departments === undefined && scope === 'department') || (departments ?? 0) >= RECHECK_BEFORE_REWRITE) rewrite = true;
      }
      cache.keepFindings(records, { rewrite, rechecked });
    },
  };
}

/** By scope, the departments checked again of all, when the others' findings came from the cache. */
export type Rechecked = Partial<Record<Scope, { departments: number; of: number }>>;

/**
 * The findings of a run on a part, or undefined when the rule read data outside it, which its
 * scope says it never does (tests/helpers/scope.ts holds every rule to it): the whole plan
 * then gives the right answer all the same.
 */
function inPart(run: () => Finding[]): Finding[] | undefined {
  try {
    return run();
  } catch (error) {
    if (error instanceof OutsideThePart) return undefined;
    throw error;
  }
}

/** The departments of this run among those that changed (a department gone since is not checked again). */
function countChanged(digests: RepoDigests, changed: ReadonlySet<string>): number {
  return digests.departments.filter(([clave]) => changed.has(clave)).length;
}
