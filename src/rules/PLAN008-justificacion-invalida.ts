import type { Finding } from '../model/finding.js';
import type { JustificationProblem } from '../model/finding.js';
import { formatNumber } from '../i18n/numbers.js';
import { quote, type Lang, type Text } from '../i18n/text.js';
import { defineRule, findingOf, type RuleReport } from './rule.js';

// Not a `check`: justifications are matched against the placed findings of every other rule
// (src/diagnostics/justifications.ts); this module turns what is wrong with them into findings.
export const PLAN008 = defineRule({
  meta: {
    id: 'PLAN008',
    title: { es: 'Justificación sin motivo o sin hallazgo', en: 'Justification without a reason or without a finding' },
    rationale:
      'Planeación puede aceptar un hallazgo con un motivo escrito (por ejemplo, un reporte tardío por una declaratoria de emergencia), con un comentario «# plan-justifica PLAN021: motivo» o en planeacion/excepciones.yaml. El Plan de Mejora establece que la «aplicación y cumplimiento serán monitoreadas trimestralmente e incluidas como parte de la próxima evaluación anual»: una excepción sin motivo no explica nada a quien evalúa, y una que ya no corresponde a ningún hallazgo podría ocultar uno futuro, así que ambas se señalan.',
    defaultSeverity: 'warning',
    hint: { es: 'Escriba el motivo después de la regla, o retire la justificación si ya no hace falta.', en: 'Write the reason after the rule, or remove the justification if it is no longer needed.' },
    messages: {
      sinMotivo: {
        es: 'La justificación de {rule} no dice el motivo; un hallazgo sólo se acepta con una razón escrita.',
        en: 'The justification for {rule} gives no reason; a finding is only accepted with a written reason.',
      },
      malFormada: {
        es: 'Comentario «plan-justifica» mal formado: se esperaba «# plan-justifica PLAN0xx: motivo».',
        en: 'Malformed "plan-justifica" comment: expected "# plan-justifica PLAN0xx: reason".',
      },
      demasiadoLarga: {
        es: 'La justificación de {rule} tiene {largo} caracteres; el máximo es {limite}. No justifica el hallazgo hasta que el motivo sea más breve.',
        en: 'The justification for {rule} is {largo} characters long; the limit is {limite}. It justifies nothing until the reason is shorter.',
      },
      noJustificable: {
        es: 'La regla {rule} no admite justificaciones: un archivo ilegible o mal formado nunca se acepta.',
        en: 'Rule {rule} cannot be justified: an unreadable or malformed file is never accepted.',
      },
      sinUso: {
        es: 'La justificación de {rule} no corresponde a ningún hallazgo; retírela para que no oculte uno futuro.',
        en: 'The justification for {rule} matches no finding; remove it so it cannot hide a future one.',
      },
      sinUsoEnArchivo: {
        es: 'La justificación de {rule} no corresponde a ningún hallazgo en {archivo}; retírela para que no oculte uno futuro.',
        en: 'The justification for {rule} matches no finding in {archivo}; remove it so it cannot hide a future one.',
      },
      sinUsoEnLinea: {
        es: 'La justificación de {rule} no corresponde a ningún hallazgo en {archivo}, línea {linea}; retírela para que no oculte uno futuro.',
        en: 'The justification for {rule} matches no finding in {archivo}, line {linea}; remove it so it cannot hide a future one.',
      },
    },
    examples: {
      file: 'dependencias/SSP/reportes/2019-T2.yaml',
      invalid: 'fecha_entrega: 2019-07-03  # plan-justifica PLAN021:\n',
      valid: 'fecha_entrega: 2019-07-03  # plan-justifica PLAN021: declaratoria de emergencia por inundaciones del 30/06/2019\n',
    },
  },
});

const HINT_TOO_LONG: Text = {
  es: 'Escriba el motivo en una o dos frases (por ejemplo «declaratoria de emergencia del 30/06/2019») y guarde el detalle como evidencia, o pida a Planeación una entrada en planeacion/excepciones.yaml.',
  en: 'Give the reason in a sentence or two (for example "emergency declaration of 30/06/2019") and keep the details as evidence, or ask Planeación for an entry in planeacion/excepciones.yaml.',
};

/** PLAN008's findings: justifications without a reason, for a rule that admits none, or matching nothing. */
export function justificationFindings(problems: readonly JustificationProblem[], lang: Lang): Finding[] {
  return problems.map((problem) => {
    const place = 'at' in problem ? { file: problem.file, at: problem.at } : { file: problem.file, path: problem.path };
    return findingOf(PLAN008.meta, { ...place, ...reportOf(problem) }, lang);
  });
}

type Plan008Report = Pick<RuleReport<'malFormada' | 'sinMotivo' | 'demasiadoLarga' | 'noJustificable' | 'sinUso' | 'sinUsoEnArchivo' | 'sinUsoEnLinea'>, 'messageId' | 'data' | 'severity' | 'hint'>;

function reportOf(problem: JustificationProblem): Plan008Report {
  switch (problem.kind) {
    case 'malformed':
      return { messageId: 'malFormada', severity: 'error' };
    case 'noReason':
      return { messageId: 'sinMotivo', data: { rule: quote(problem.rule) }, severity: 'error' };
    case 'notJustifiable':
      return { messageId: 'noJustificable', data: { rule: quote(problem.rule) }, severity: 'error' };
    case 'tooLong':
      return {
        messageId: 'demasiadoLarga',
        data: { rule: quote(problem.rule), largo: formatNumber(problem.length, 0), limite: formatNumber(problem.limit, 0) },
        hint: HINT_TOO_LONG,
        severity: 'error',
      };
    case 'unused': {
      const rule = quote(problem.rule);
      if (!problem.target) return { messageId: 'sinUso', data: { rule } };
      const archivo = quote(problem.target.file);
      if (problem.target.line === undefined) return { messageId: 'sinUsoEnArchivo', data: { rule, archivo } };
      return { messageId: 'sinUsoEnLinea', data: { rule, archivo, linea: problem.target.line } };
    }
  }
}
