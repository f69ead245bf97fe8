import { Command } from 'commander';
import { UsageError, type CliIo } from './io.js';
import type { GlobalOptions } from './validate.js';

const T = {
  unknown: { es: 'La regla «{value}» no existe.{suggestion} La lista completa se ve con «plan rules».', en: 'Rule "{value}" does not exist.{suggestion} See the full list with "plan rules".' },
  didYouMean: { es: ' ¿Quiso decir {ids}?', en: ' Did you mean {ids}?' },
  or: { es: ' o ', en: ' or ' },
} as const;

export function explainCommand(io: CliIo, globals: () => GlobalOptions, _setExit: (code: number) => void): Command {
  return new Command('explain')
    .summary('explica una regla: por qué existe, un ejemplo que falla, uno correcto y cómo corregirla')
    .description(
      'Explica una regla de validación a partir de su descripción en plan: título, severidad (la de este repositorio, si se ejecuta dentro de uno), el criterio del Plan de Mejora que la origina y su cita, un ejemplo de YAML que falla, uno correcto y cómo corregir el hallazgo.\n\nLa clave se puede escribir en minúsculas o sólo con su número: plan explain plan020, plan explain 20.',
    )
    .argument('<regla>', 'clave de la regla, por ejemplo PLAN020 (la lista completa: plan rules)')
    .action(async (value: string) => {
      const { lang, directory } = globals();
      const [{ RULES_BY_ID }, { explainRule, joinOr, normalizeRuleId, similarRuleIds }, { readSeverityConfig }] = await Promise.all([
        import('../rules/index.js'),
        import('./explain-rule.js'),
        import('./rule-table.js'),
      ]);
      const id = normalizeRuleId(value);
      const rule = RULES_BY_ID.get(id);
      if (!rule) {
        const similar = similarRuleIds(id);
        const suggestion = similar.length === 0 ? '' : T.didYouMean[lang].replace('{ids}', joinOr(similar, T.or[lang]));
        throw new UsageError(T.unknown, { value: value.trim(), suggestion });
      }
      io.stdout(explainRule(rule, lang, readSeverityConfig(io, directory)));
    });
}
