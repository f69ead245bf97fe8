import { describe, expect, it } from 'vitest';
import { PLAN020 } from '../../src/rules/PLAN020-unidad-de-medida-del-reporte.js';
import { defineRule, findingOf, type Report } from '../../src/rules/rule.js';

// The compiler is the test here: `npm run typecheck` fails when a `@ts-expect-error` below no
// longer has an error to expect, i.e. when a mistyped message id would build again.
describe('typed message ids', () => {
  it('lets a rule report only the ids of its own messages', () => {
    const rule = defineRule({
      meta: {
        id: 'PLAN999',
        title: { es: 'Prueba', en: 'Test' },
        rationale: 'Sólo para la prueba de tipos.',
        defaultSeverity: 'warning',
        hint: { es: 'Pista.', en: 'Hint.' },
        messages: { uno: { es: 'Uno {n}.', en: 'One {n}.' } },
      },
      check(_model, report) {
        report({ messageId: 'uno', file: 'plan.yaml', data: { n: 1 } });
        // @ts-expect-error: «dos» is not one of this rule's messages.
        report({ messageId: 'dos', file: 'plan.yaml' });
      },
    });
    expect(findingOf(rule.meta, { messageId: 'uno', file: 'plan.yaml', data: { n: 1 } }, 'en').message).toBe('One 1.');
  });

  it('types a registered rule’s report function by its messages', () => {
    const report: Report<keyof typeof PLAN020.meta.messages> = () => undefined;
    report({ messageId: 'unidadDistinta', file: 'plan.yaml' });
    // @ts-expect-error: a typo of «unidadDistinta».
    report({ messageId: 'unidadDistinto', file: 'plan.yaml' });
    expect(Object.keys(PLAN020.meta.messages)).toContain('unidadDistinta');
  });
});
