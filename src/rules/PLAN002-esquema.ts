import type { Finding } from '../model/finding.js';
import type { Lang } from '../i18n/text.js';
import type { SchemaProblem } from '../schema/messages.js';
import { defineRule, findingOf } from './rule.js';

export const PLAN002 = defineRule({
  meta: {
    id: 'PLAN002',
    title: { es: 'Estructura conforme al esquema', en: 'Structure matches the schema' },
    rationale:
      'Cada archivo sigue el formato que Planeación definió para él (carátula Anexo 1 y 2, reporte trimestral Anexo 3 y 4, etc.). El Plan de Mejora pide entregar «cada uno de los 4 reportes trimestrales en el formato correspondiente (Anexo 3 y 4)»; un campo mal escrito, un valor fuera del catálogo o una fecha inválida impiden consolidar la información.',
    defaultSeverity: 'error',
    fixedSeverity: true,
    hint: { es: 'Corrija el campo señalado; su editor muestra la ayuda del esquema si tiene la extensión YAML instalada.', en: 'Fix the field shown; your editor shows the schema help with the YAML extension installed.' },
    // The schema's own sentence, already written in the run's language by src/schema/messages.ts.
    messages: { schema: { es: '{problema}', en: '{problema}' } },
    examples: {
      file: 'dependencias/OP/ppcs/OP-01.yaml',
      invalid: 'id: OP-01\ntipo: programa\nnombre: Pavimentación de calles\nestatus: en_proceso\n',
      valid: 'id: OP-01\ntipo: programa\nnombre: Pavimentación de calles\nestatus: activo\n',
    },
  },
});

/**
 * A field that does not match the file's JSON Schema. The schema's message and hint come
 * already written in the run's language; the hint's placeholders are left as written.
 */
export function schemaFinding(file: string, problem: SchemaProblem, lang: Lang): Finding {
  return findingOf(
    PLAN002.meta,
    { messageId: 'schema', file, path: problem.path, atKey: problem.atKey, data: { problema: problem.message }, hint: problem.hint ? { es: problem.hint, en: problem.hint } : null, hintData: {} },
    lang,
  );
}
