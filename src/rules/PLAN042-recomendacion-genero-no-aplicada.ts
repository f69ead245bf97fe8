import { quote } from '../i18n/text.js';
import type { PlanModel } from '../model/model.js';
import { defineRule } from './rule.js';

export const PLAN042 = defineRule({
  meta: {
    id: 'PLAN042',
    title: { es: 'Recomendación de género no aplicada al cierre del año', en: 'Gender recommendation not applied by year end' },
    criterio: 'perspectiva_genero',
    rationale:
      'El criterio Implementación de la Perspectiva de Género pide «Participar y aplicar las recomendaciones que de éste criterio se hagan llegar a su área o Dirección». Una vez vencido el reporte del cuarto trimestre, cada dependencia destinataria de una recomendación de género debió informar en alguno de sus reportes del año que la aplicó (campo «recomendaciones_genero_aplicadas»).',
    defaultSeverity: 'warning',
    scope: 'department',
    hint: {
      es: 'Si la dependencia aplicó la recomendación, anote su clave en «recomendaciones_genero_aplicadas» del PPCS donde la aplicó, en el reporte del trimestre correspondiente.',
      en: 'If the department applied the recommendation, write its key in "recomendaciones_genero_aplicadas" of the PPCS where it was applied, in that quarter\'s report.',
    },
    messages: {
      noAplicada: {
        es: 'La dependencia {clave} no informó haber aplicado la recomendación de género {recomendacion} en ninguno de sus reportes de {anio} (campo «recomendaciones_genero_aplicadas»).',
        en: 'Department {clave} did not report applying gender recommendation {recomendacion} in any of its {anio} reports ("recomendaciones_genero_aplicadas" field).',
      },
    },
    examples: {
      file: 'planeacion/genero/2019.yaml',
      invalid:
        'recomendaciones:\n  - id: GEN-2019-01\n    dependencias: [DIF]   # ningún reporte 2019 del DIF cita GEN-2019-01\n',
      valid:
        'recomendaciones:\n  - id: GEN-2019-01\n    dependencias: [DIF]   # dependencias/DIF/reportes/2019-T3.yaml la cita en recomendaciones_genero_aplicadas\n',
    },
  },
  check(model, report) {
    for (const { file, data } of model.genero) {
      const year = data.ejercicio;
      // Departments have the whole year to apply a recommendation: judge only once T4 is due.
      if (!model.isDue(year, 'T4')) continue;
      const lastDelivery = model.calendar.deliveryWindow(year, 'T4').end;
      data.recomendaciones.forEach((recomendacion, i) => {
        // Issued after the last report of the year: no report of that year could cite it.
        if (recomendacion.fecha > lastDelivery) return;
        recomendacion.dependencias.forEach((clave, j) => {
          // An unknown department is PLAN004's finding, not a recommendation left unapplied.
          if (!model.departmentExists(clave)) return;
          // The report that cites it may be the one that failed to load: don't guess.
          if (model.hasUnreadableUnder(`dependencias/${clave}/reportes/${year}-`)) return;
          if (appliedIn(model, clave, year, recomendacion.id)) return;
          report({
            messageId: 'noAplicada',
            file,
            path: ['recomendaciones', i, 'dependencias', j],
            data: { clave: quote(clave), recomendacion: quote(recomendacion.id), anio: year },
            about: { dependencia: clave },
          });
        });
      });
    }
  },
});

function appliedIn(model: PlanModel, clave: string, year: number, id: string): boolean {
  return model
    .reportsOf(clave)
    .some((r) => r.data.trimestre.startsWith(`${year}-`) && r.data.ppcs.some((entry) => entry.recomendaciones_genero_aplicadas?.includes(id)));
}
