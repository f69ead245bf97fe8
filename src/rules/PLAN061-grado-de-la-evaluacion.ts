import { quote } from '../i18n/text.js';
import { gradeFor } from '../model/rubric.js';
import { defineRule } from './rule.js';

export const PLAN061 = defineRule({
  meta: {
    id: 'PLAN061',
    title: { es: 'Grado de una evaluación que no corresponde a su puntaje', en: 'Evaluation grade that does not follow from its score' },
    rationale:
      'El grado de desarrollo institucional de una evaluación es el rango de la rúbrica en que cae su puntaje, y de él sale el tipo del Plan de Mejora siguiente: «emitimos el siguiente Plan de Mejoras de tipo Consolidación ya que su grado de desarrollo institucional se encuentra en estado Aceptable». Un grado que no corresponde al puntaje según los rangos de plan.yaml (rubrica.grados) llevaría a un plan del tipo equivocado.',
    defaultSeverity: 'error',
    scope: 'department',
    hint: {
      es: 'Escriba en «grado» el grado cuyo rango de la rúbrica de plan.yaml contiene el puntaje, o corrija el puntaje si es éste el que está mal.',
      en: 'Write in "grado" the grade whose band in plan.yaml\'s rubric holds the score, or fix the score if that is what is wrong.',
    },
    messages: {
      gradoEquivocado: {
        es: 'La evaluación {anio} tiene puntaje {puntaje} y grado {grado}, pero según la rúbrica de plan.yaml ese puntaje corresponde al grado {esperado} (desde {minimo} puntos).',
        en: 'The {anio} evaluation has score {puntaje} and grade {grado}, but by plan.yaml\'s rubric that score is grade {esperado} (from {minimo} points).',
      },
    },
    examples: {
      file: 'dependencias/OP/dependencia.yaml',
      invalid: 'evaluaciones:\n  2018:\n    puntaje: 47\n    grado: Aceptable   # 47 puntos es Insuficiente (Aceptable empieza en 70)\n',
      valid: 'evaluaciones:\n  2018:\n    puntaje: 47\n    grado: Insuficiente\n',
    },
  },
  check(model, report) {
    const grados = model.config.grados;
    for (const { file, data } of model.dependencias) {
      for (const [anio, evaluacion] of Object.entries(data.evaluaciones)) {
        const band = gradeFor(evaluacion.puntaje, grados);
        if (evaluacion.grado === band.grado) continue;
        report({
          messageId: 'gradoEquivocado',
          file,
          path: ['evaluaciones', anio, 'grado'],
          data: { anio, puntaje: evaluacion.puntaje, grado: quote(evaluacion.grado), esperado: quote(band.grado), minimo: band.minimo },
        });
      }
    }
  },
});
