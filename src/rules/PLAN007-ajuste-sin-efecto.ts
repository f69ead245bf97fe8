import type { Finding } from '../model/finding.js';
import { quote, type Lang } from '../i18n/text.js';
import type { SourceDoc } from '../model/model.js';
import type { PlanConfig } from '../model/types.js';
import { defineRule, findingOf, type RuleMeta } from './rule.js';

// Not a `check`: it needs the rule registry this module is part of, which validate.ts passes in.
export const PLAN007 = defineRule({
  meta: {
    id: 'PLAN007',
    title: { es: 'Ajuste de severidad sin efecto en plan.yaml', en: 'Severity setting without effect in plan.yaml' },
    rationale:
      'Cada municipio ajusta en plan.yaml la severidad de las reglas, pero un ajuste que no surte efecto engaña a quien lo lee: un número de regla mal escrito no cambia nada, y las reglas que garantizan que un archivo se puede leer (PLAN001, PLAN002) no se pueden apagar, porque el Plan de Mejora exige entregar «cada uno de los 4 reportes trimestrales en el formato correspondiente (Anexo 3 y 4)» y un archivo ilegible no se puede revisar.',
    defaultSeverity: 'warning',
    hint: { es: 'Corrija el número de la regla o quite el ajuste; la tabla de reglas está en el README.', en: 'Fix the rule number or remove the setting; the rules table is in the README.' },
    messages: {
      unknown: { es: 'La regla {rule} no existe; este ajuste de severidad no tiene efecto.', en: 'Rule {rule} does not exist; this severity setting has no effect.' },
      fixed: { es: 'La regla {rule} no se puede cambiar: un archivo ilegible o mal formado nunca se acepta.', en: 'Rule {rule} cannot be changed: an unreadable or malformed file is never accepted.' },
    },
    examples: {
      file: 'plan.yaml',
      invalid: 'reglas:\n  PLAN210: off   # no existe; ¿PLAN021?\n',
      valid: 'reglas:\n  PLAN021: off\n',
    },
  },
});

/** A severity in plan.yaml for a rule that does not exist (`rules` has no such id), or that cannot change. */
export function checkSeveritySettings(plan: SourceDoc<PlanConfig>, rules: ReadonlyMap<string, { meta: Pick<RuleMeta, 'fixedSeverity'> }>, lang: Lang): Finding[] {
  const findings: Finding[] = [];
  for (const id of Object.keys(plan.data.reglas ?? {})) {
    const rule = rules.get(id);
    if (rule && !rule.meta.fixedSeverity) continue;
    findings.push(findingOf(PLAN007.meta, { messageId: rule ? 'fixed' : 'unknown', file: plan.file, path: ['reglas', id], atKey: true, data: { rule: quote(id) } }, lang));
  }
  return findings;
}
