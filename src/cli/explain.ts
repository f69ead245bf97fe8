import { Command } from 'commander';
import type { Lang } from '../i18n/text.js';
import { UsageError, type CliIo } from './io.js';
import type { GlobalOptions } from './validate.js';

const TEXT = {
  unknown: { es: 'La regla «{value}» no existe.{suggestion} La lista completa se ve con «plan rules».', en: 'Rule "{value}" does not exist.{suggestion} See the full list with "plan rules".' },
  didYouMean: { es: ' ¿Quiso decir {ids}?', en: ' Did you mean {ids}?' },
  or: { es: ' o ', en: ' or ' },
} as const;

const H = {
  summary: {
    es: 'explica una regla: por qué existe, un ejemplo que falla, uno correcto y cómo corregirla',
    en: 'explain a rule: why it exists, a failing example, a correct one and how to fix it',
  },
  description: {
    es: 'Explica una regla de validación a partir de su descripción en plan: título, severidad (la de este repositorio, si se ejecuta dentro de uno), el criterio del Plan de Mejora que la origina y su cita, un ejemplo de YAML que falla, uno correcto y cómo corregir el hallazgo.\n\nLa clave se puede escribir en minúsculas o sólo con su número: plan explain plan020, plan explain 20.',
    en: 'Explains a validation rule from its description in plan: title, severity (this repository\'s, when run inside one), the Plan de Mejora criterion it comes from and its quotation, a failing YAML example, a correct one and how to fix the finding.\n\nThe id may be written in lower case or as its number alone: plan explain plan020, plan explain 20.',
  },
  argument: { es: '<regla>', en: '<rule>' },
  argumentDescription: { es: 'clave de la regla, por ejemplo PLAN020 (la lista completa: plan rules)', en: 'rule id, for example PLAN020 (the full list: plan rules)' },
} as const;

export function explainCommand(io: CliIo, globals: () => GlobalOptions, _setExit: (code: number) => void, lang: Lang = 'es'): Command {
  return new Command('explain')
    .summary(H.summary[lang])
    .description(H.description[lang])
    .argument(H.argument[lang], H.argumentDescription[lang])
    .action(async (value: string) => {
      const { directory } = globals();
      const [{ RULES_BY_ID }, { explainRule, joinOr, normalizeRuleId, similarRuleIds }, { readSeverityConfig }] = await Promise.all([
        import('../rules/index.js'),
        import('./explain-rule.js'),
        import('./rule-table.js'),
      ]);
      const id = normalizeRuleId(value);
      const rule = RULES_BY_ID.get(id);
      if (!rule) {
        const similar = similarRuleIds(id);
        const suggestion = similar.length === 0 ? '' : TEXT.didYouMean[lang].replace('{ids}', joinOr(similar, TEXT.or[lang]));
        throw new UsageError(TEXT.unknown, { value: value.trim(), suggestion });
      }
      io.stdout(explainRule(rule, lang, readSeverityConfig(io, directory)));
    });
}
