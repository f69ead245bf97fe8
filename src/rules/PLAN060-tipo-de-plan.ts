import { quote } from '../i18n/text.js';
import { bandNamed, gradeFor } from '../model/rubric.js';
import { defineRule } from './rule.js';

export const PLAN060 = defineRule({
  meta: {
    id: 'PLAN060',
    title: { es: 'Tipo de Plan de Mejora que no corresponde al grado de la evaluación anterior', en: 'Plan de Mejora type that does not follow from the previous evaluation\'s grade' },
    rationale:
      'El tipo de Plan de Mejora se deriva del grado de desarrollo institucional de la evaluación del año anterior: «emitimos el siguiente Plan de Mejoras de tipo Consolidación ya que su grado de desarrollo institucional se encuentra en estado Aceptable». Los grados y el tipo de plan al que lleva cada uno están en la rúbrica de plan.yaml (rubrica.grados); un plan de otro tipo pediría a la dependencia acciones que no corresponden a su situación.',
    defaultSeverity: 'error',
    scope: 'department',
    hint: {
      es: 'Escriba en «tipo» el tipo de plan que la rúbrica de plan.yaml asigna a ese grado, o corrija el grado de la evaluación del año anterior si es éste el que está mal.',
      en: 'Write in "tipo" the plan type plan.yaml\'s rubric gives that grade, or fix the grade of the previous year\'s evaluation if that is what is wrong.',
    },
    messages: {
      tipoEquivocado: {
        es: 'El Plan de Mejora {anio} es de tipo {tipo}, pero la evaluación {anterior} tiene grado {grado}, que en la rúbrica de plan.yaml lleva a un plan de tipo {esperado}.',
        en: 'The {anio} Plan de Mejora is of type {tipo}, but the {anterior} evaluation has grade {grado}, which plan.yaml\'s rubric leads to a plan of type {esperado}.',
      },
    },
    examples: {
      file: 'dependencias/OP/dependencia.yaml',
      invalid: 'evaluaciones:\n  2018:\n    puntaje: 47\n    grado: Insuficiente\nplanes_de_mejora:\n  2019:\n    tipo: Consolidación   # Insuficiente lleva a Reestructuración\n',
      valid: 'evaluaciones:\n  2018:\n    puntaje: 47\n    grado: Insuficiente\nplanes_de_mejora:\n  2019:\n    tipo: Reestructuración\n',
    },
  },
  check(model, report) {
    const grados = model.config.grados;
    for (const { file, data } of model.dependencias) {
      for (const [anio, plan] of Object.entries(data.planes_de_mejora ?? {})) {
        const anterior = String(Number(anio) - 1);
        const base = data.evaluaciones[anterior];
        // Without the previous year's result there is nothing the type should follow from.
        if (!base) continue;
        // A grade the rubric does not name is PLAN061's; the type then follows the score's band.
        const band = bandNamed(base.grado, grados) ?? gradeFor(base.puntaje, grados);
        if (plan.tipo === band.tipo_plan) continue;
        report({
          messageId: 'tipoEquivocado',
          file,
          path: ['planes_de_mejora', anio, 'tipo'],
          data: { anio, anterior, tipo: quote(plan.tipo), grado: quote(base.grado), esperado: quote(band.tipo_plan) },
        });
      }
    }
  },
});
