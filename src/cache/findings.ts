// `--cache`, second half: the findings of the rules of department scope (rule.ts `scope`),
// kept with the files' outcomes. A pull request changes one department's files; the other
// departments' findings are those of the last run, and the rules check again only the
// departments that changed, on a model of those departments and the files all share
// (load.ts `part`). The rules that look across departments still see the whole plan.
import { createHash } from 'node:crypto';
import type { LoadResult } from '../load.js';
import type { Finding } from '../model/finding.js';
import type { PlanModel } from '../model/model.js';
import type { RepoEntry } from '../repo/files.js';
import { departmentOf } from '../repo/layout.js';
import type { Rule } from '../rules/rule.js';
import type { OutcomeCache } from './outcomes.js';

/** Digests of the repo's files, grouped as the rules' scope needs; null when some file's bytes are not known. */
export interface RepoDigests {
  /** Every file outside the department folders: plan.yaml, catalogos/, planeacion/, and any other. */
  shared: string | null;
  /** Each department folder's files, by clave. */
  departments: [string, string | null][];
}

/** What a run keeps of its department-scope rules: their findings, and the files they came from. */
export interface FindingsRecord extends RepoDigests {
  fechaCorte: string;
  /** Each rule's findings (unplaced), in the order it reported them. */
  byRule: [string, Finding[]][];
}

export interface DepartmentFindings {
  /** The findings of a rule of department scope; `run` runs it on a model. */
  of(rule: Rule, run: (model: PlanModel) => Finding[]): Finding[];
  /** Hands the cache what this run found, once every rule has run. */
  keep(): void;
}

/**
 * Each department's files and the shared ones, digested: paths, links and the bytes of every
 * data file (`digestOf`: OutcomeCache's). Evidence is digested by its path alone: the loader
 * never reads it, and the rules see only its path.
 */
export function digestRepo(repoFiles: ReadonlyMap<string, RepoEntry>, digestOf: (file: string) => string | undefined): RepoDigests {
  // No department folder has an empty name.
  const SHARED = '';
  // Each group's lines, hashed at once: a hash fed line by line costs more than the lines.
  const lines = new Map<string, string[] | null>();
  for (const [file, entry] of repoFiles) {
    const group = departmentOf(file) ?? SHARED;
    let list = lines.get(group);
    if (list === null) continue;
    if (!list) lines.set(group, (list = []));
    const bytes = digestOf(file);
    if (bytes === undefined) lines.set(group, null);
    else list.push(`${file}\0${entry.symlink ? 'l' : 'f'}${entry.escapesRepo ? 'x' : ''}\0${bytes}\n`);
  }
  const digest = (list: string[] | null | undefined) => (list === null ? null : createHash('sha256').update((list ?? []).sort().join('')).digest('base64'));
  const departments: [string, string | null][] = [];
  for (const [group, list] of lines) if (group !== SHARED) departments.push([group, digest(list)]);
  return { shared: digest(lines.get(SHARED)), departments: departments.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) };
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

/** The files a model of `departments` holds: theirs and the shared ones. */
export function filesOf(departments: ReadonlySet<string>): (file: string) => boolean {
  return (file) => {
    const clave = departmentOf(file);
    return clave === null || departments.has(clave);
  };
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
 * The findings of the department-scope rules of a run with --cache: from the record of the
 * last run for the departments that did not change, fresh for the others.
 */
export function departmentFindings(loaded: LoadResult, fechaCorte: string, cache: OutcomeCache): DepartmentFindings {
  const digests = digestRepo(loaded.model.repoFiles, (file) => cache.digestOf(file));
  const changed = changedDepartments(cache.findings, digests, fechaCorte);
  const before = new Map(cache.findings?.byRule ?? []);
  const byRule: [string, Finding[]][] = [];
  let part: PlanModel | undefined;
  return {
    of(rule, run) {
      let findings: Finding[];
      if (changed) {
        part ??= loaded.part(filesOf(changed));
        const rechecked = isAbout(changed);
        const kept = (before.get(rule.meta.id) ?? []).filter((finding) => !rechecked(finding));
        findings = [...kept, ...run(part).filter(rechecked)];
      } else {
        findings = run(loaded.model);
      }
      byRule.push([rule.meta.id, findings]);
      return findings;
    },
    keep() {
      const rechecked = changed && digests.departments.filter(([clave]) => changed.has(clave)).length;
      cache.keepFindings({ fechaCorte, ...digests, byRule }, rechecked);
    },
  };
}
