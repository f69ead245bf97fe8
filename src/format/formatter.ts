import type { ChalkInstance } from 'chalk';
import type { Diagnostic, Scope, Summary } from '../diagnostics/diagnostic.js';
import { fill, type Lang, type Text } from '../i18n/text.js';
import type { Severity } from '../model/types.js';

/** What the formats say about a rule; the CLI passes the registry's metadata in (src/rules). */
export interface RuleInfo {
  id: string;
  title: Text;
  rationale: string;
  hint: Text;
  defaultSeverity: Severity;
  criterio?: string;
}

export interface FormatInput {
  diagnostics: readonly Diagnostic[];
  summary: Summary;
  /** Absolute repo root, for formats that print it. */
  root: string;
  lang: Lang;
  /** Colour is a parameter, not a global (as in ESLint's stylish). */
  color: ChalkInstance;
  /**
   * The plan root's POSIX path inside the git checkout (`plan/` when plan.yaml is not at the top).
   * CI formats (github, junit, sarif) prepend it, because CI resolves paths from the checkout's root.
   */
  pathPrefix?: string;
  /** Every registered rule, in registry order (SARIF lists them all; GitHub titles annotations). */
  rules: readonly RuleInfo[];
}

/** A pure function from results to the text written to stdout. */
export type Formatter = (input: FormatInput) => string;

/** Diagnostics in groups by a key (the file, the rule), each group in order of first appearance. */
export function groupBy<K>(diagnostics: readonly Diagnostic[], key: (d: Diagnostic) => K): Map<K, Diagnostic[]> {
  const groups = new Map<K, Diagnostic[]>();
  for (const d of diagnostics) {
    const list = groups.get(key(d));
    if (list) list.push(d);
    else groups.set(key(d), [d]);
  }
  return groups;
}

/** `plan/` from `plan`, `./plan/` or `plan\`; empty for none or the root itself. */
export function normalizePrefix(prefix: string | undefined): string {
  const segments = (prefix ?? '').split(/[\\/]+/).filter((s) => s !== '' && s !== '.');
  return segments.length === 0 ? '' : `${segments.join('/')}/`;
}

/** A diagnostic's file as CI sees it: relative to the checkout, not to the plan root. */
export function checkoutPath(input: Pick<FormatInput, 'pathPrefix'>, file: string): string {
  return `${normalizePrefix(input.pathPrefix)}${file}`;
}

// Shared with the reports' findings table, hence in src/diagnostics.
export { approval, justificationText } from '../diagnostics/justification-text.js';

const SUMMARY = {
  checked: { es: '{files} archivo(s) revisado(s)', en: '{files} checked file(s)' },
  scoped: { es: '{files} archivo(s){scope}', en: '{files} file(s){scope}' },
  ofDepartment: { es: ' de la dependencia {clave}', en: ' of department {clave}' },
  ofPaths: { es: ' de {paths}', en: ' in {paths}' },
  department: { es: ' (dependencia {clave})', en: ' (department {clave})' },
  and: { es: ' y ', en: ' and ' },
  hiddenOne: { es: 'se ocultó 1 advertencia (quite -q para verla)', en: '1 warning hidden (drop -q to see it)' },
  hiddenMany: { es: 'se ocultaron {count} advertencias (quite -q para verlas)', en: '{count} warnings hidden (drop -q to see them)' },
} as const;

/** `«a», «b» y «c»`: whole paths, never trimmed, since the user must recognise them. */
function pathList(paths: readonly string[], lang: Lang): string {
  const quoted = paths.map((p) => (lang === 'es' ? `«${p}»` : `"${p}"`));
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')}${SUMMARY.and[lang]}${quoted.at(-1)}`;
}

/** ` de la dependencia OP`, ` de «dependencias/OP/reportes/»`, or both; empty when unscoped. */
export function scopeText(scope: Scope | undefined, lang: Lang): string {
  if (!scope) return '';
  if (scope.paths && scope.paths.length > 0) {
    const paths = fill(SUMMARY.ofPaths[lang], { paths: pathList(scope.paths, lang) });
    return scope.dependencia === undefined ? paths : `${paths}${fill(SUMMARY.department[lang], { clave: scope.dependencia })}`;
  }
  return scope.dependencia === undefined ? '' : fill(SUMMARY.ofDepartment[lang], { clave: scope.dependencia });
}

/** `64 archivo(s) revisado(s)`, or `12 archivo(s) de la dependencia OP` when the report was narrowed. */
export function filesText(summary: Summary, lang: Lang): string {
  return summary.scope ? fill(SUMMARY.scoped[lang], { files: summary.files, scope: scopeText(summary.scope, lang) }) : fill(SUMMARY.checked[lang], { files: summary.files });
}

/** `se ocultaron 18 advertencias (quite -q para verlas)`; empty when --quiet hid nothing. */
export function hiddenText(summary: Summary, lang: Lang): string {
  if (summary.hiddenWarnings === 0) return '';
  return summary.hiddenWarnings === 1 ? SUMMARY.hiddenOne[lang] : fill(SUMMARY.hiddenMany[lang], { count: summary.hiddenWarnings });
}
