// The contract of a rule with a scope, department or facts (rule.ts `scope`), checked on a loaded
// repo: what it finds about each department in the whole plan, it finds in the part of the
// plan that holds only that department's own files and the shared ones; what it finds about no
// department, it finds in the shared files alone. cache/findings.ts relies on it to check again
// only the departments a change touched.
import { partFor, subjectOf } from '../../src/cache/findings.js';
import type { Lang } from '../../src/i18n/text.js';
import type { LoadResult } from '../../src/load.js';
import type { Finding } from '../../src/model/finding.js';
import { departmentOf } from '../../src/repo/layout.js';
import type { Rule } from '../../src/rules/rule.js';
import { runRules } from '../../src/validate.js';

const NONE = '(ninguna)';

const shown = (finding: Finding) =>
  JSON.stringify([finding.file, finding.path, finding.atKey ?? false, finding.at ?? null, finding.message, finding.severity ?? null, finding.hint ?? null, finding.about ?? null]);

/**
 * Each way the rule breaks the contract on this repo, as `PLAN0xx OP: …`; none when it keeps
 * it. Each department is checked in the part that holds it alone, and with `alongside`, in the
 * part that holds it with those departments (a run checks again all the departments that changed).
 */
export function scopeViolations(loaded: LoadResult, rule: Rule, lang: Lang = 'es', alongside: readonly string[] = []): string[] {
  const scope = rule.meta.scope;
  if (!scope) throw new Error(`${rule.meta.id} has no scope to keep.`);
  // On a plan where the rule says it does not keep it, a run gives it the whole plan.
  if (!(rule.keepsScope?.(loaded.model) ?? true)) return [];
  const whole = runRules(loaded.model, lang, [rule]);
  const subjects = new Set<string>([NONE]);
  for (const file of loaded.model.repoFiles.keys()) subjects.add(departmentOf(file) ?? NONE);
  for (const finding of whole) subjects.add(subjectOf(finding) ?? NONE);
  const violations: string[] = [];
  for (const subject of subjects) {
    const part = partFor(loaded, scope, new Set(subject === NONE ? alongside : [subject, ...alongside]));
    const about = (finding: Finding) => (subjectOf(finding) ?? NONE) === subject;
    const expected = whole.filter(about).map(shown).sort();
    const got = runRules(part, lang, [rule]).filter(about).map(shown).sort();
    const missing = expected.filter((finding) => !got.includes(finding));
    const extra = got.filter((finding) => !expected.includes(finding));
    if (missing.length > 0 || extra.length > 0) violations.push(`${rule.meta.id} ${subject}: falta ${missing.join(' ')} sobra ${extra.join(' ')}`);
  }
  return violations;
}
