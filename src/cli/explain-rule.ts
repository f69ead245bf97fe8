import { editDistance } from '../i18n/similar.js';
import type { Lang } from '../i18n/text.js';
import { CRITERIA } from '../report/metrics/criteria/index.js';
import { RULES } from '../rules/index.js';
import type { Rule } from '../rules/rule.js';
import { effectiveSeverity, SEVERITY_LABEL, type SeverityConfig } from './rule-table.js';


const LABELS = {
  es: {
    defaultSeverity: 'Severidad por omisión',
    fixed: 'no se puede cambiar en plan.yaml',
    repoSeverity: 'Severidad en este repositorio',
    changed: 'cambiada en «reglas» de plan.yaml',
    criterio: 'Criterio del Plan de Mejora',
    noCriterio: 'ninguno: la regla cuida que los datos se puedan leer y revisar',
    why: 'Por qué existe',
    invalid: 'Ejemplo que falla',
    valid: 'Ejemplo correcto',
    noExample: '(sin ejemplo)',
    fix: 'Cómo corregirlo',
  },
  en: {
    defaultSeverity: 'Default severity',
    fixed: 'cannot be changed in plan.yaml',
    repoSeverity: 'Severity in this repository',
    changed: 'changed in "reglas" of plan.yaml',
    criterio: 'Improvement plan criterion',
    noCriterio: 'none: the rule keeps the data readable and checkable',
    why: 'Why it exists (in Spanish)',
    invalid: 'Failing example',
    valid: 'Passing example',
    noExample: '(no example)',
    fix: 'How to fix it',
  },
} as const;

/** `plan020`, `PLAN20` and `20` all name PLAN020: ids are typed from memory. */
export function normalizeRuleId(value: string): string {
  const upper = value.trim().toUpperCase();
  const digits = /^(?:PLAN)?(\d{1,3})$/.exec(upper);
  return digits ? `PLAN${digits[1]!.padStart(3, '0')}` : upper;
}

/** Registered ids closest to a mistyped one (at most two edits), nearest number first on ties. */
export function similarRuleIds(id: string, limit = 3): string[] {
  const number = Number(/\d+$/.exec(id)?.[0] ?? NaN);
  const scored = RULES.map((rule) => ({ id: rule.meta.id, distance: editDistance(id, rule.meta.id), gap: Math.abs(Number(rule.meta.id.slice(4)) - number) }));
  const best = Math.min(...scored.map((s) => s.distance));
  if (best > 2) return [];
  return scored
    .filter((s) => s.distance === best)
    .sort((a, b) => (Number.isNaN(a.gap) ? 0 : a.gap - b.gap) || (a.id < b.id ? -1 : 1))
    .slice(0, limit)
    .map((s) => s.id);
}

/** Greedy word wrap with an indent; a word longer than the line stays whole. */
export function wrap(text: string, width = 80, indent = '  '): string {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line !== '' && indent.length + [...line].length + 1 + [...word].length > width) {
        lines.push(indent + line);
        line = word;
      } else {
        line = line === '' ? word : `${line} ${word}`;
      }
    }
    lines.push(indent + line);
  }
  return lines.join('\n');
}

function indentBlock(text: string, indent = '  '): string {
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => (line === '' ? '' : indent + line))
    .join('\n');
}

/**
 * A rule's general hint may name a finding's data (`{esperado}`); without a finding the
 * placeholder is shown as `<esperado>`, which reads as "the value from your data".
 */
function generalText(text: string): string {
  return text.replace(/\{(\w+)\}/g, '<$1>');
}

/** The page `plan explain` prints: everything comes from the rule's metadata. */
export function explainRule(rule: Rule, lang: Lang, config?: SeverityConfig): string {
  const { meta } = rule;
  const L = LABELS[lang];
  const severity = SEVERITY_LABEL[lang];
  const out: string[] = [`${meta.id}  ${meta.title[lang]}`, ''];
  out.push(`${L.defaultSeverity}: ${severity[meta.defaultSeverity]}${meta.fixedSeverity ? ` (${L.fixed})` : ''}`);
  if (config?.file && !config.unreadable) {
    const effective = effectiveSeverity(rule, config);
    out.push(`${L.repoSeverity}: ${severity[effective]}${effective !== meta.defaultSeverity ? ` (${L.changed})` : ''}`);
  }
  const criterio = meta.criterio ? (CRITERIA.find((c) => c.clave === meta.criterio)?.nombre ?? meta.criterio) : L.noCriterio;
  out.push(`${L.criterio}: ${criterio}`, '', L.why, wrap(meta.rationale), '');
  if (meta.examples) {
    out.push(`${L.invalid} (${meta.examples.file})`, indentBlock(meta.examples.invalid), '');
    out.push(`${L.valid} (${meta.examples.file})`, indentBlock(meta.examples.valid), '');
  } else {
    out.push(`${L.invalid}`, `  ${L.noExample}`, '', `${L.valid}`, `  ${L.noExample}`, '');
  }
  out.push(L.fix, wrap(generalText(meta.hint[lang])));
  return `${out.join('\n')}\n`;
}

export function joinOr(ids: readonly string[], or: string): string {
  if (ids.length <= 1) return ids.join('');
  return `${ids.slice(0, -1).join(', ')}${or}${ids[ids.length - 1]}`;
}
