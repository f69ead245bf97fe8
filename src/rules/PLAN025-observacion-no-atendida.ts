import { quote } from '../i18n/text.js';
import { observationFollowUps } from '../model/feedback.js';
import { defineRule } from './rule.js';

export const PLAN025 = defineRule({
  meta: {
    id: 'PLAN025',
    title: { es: 'Observación de retroalimentación no atendida en el reporte siguiente', en: 'Feedback observation not attended in the next report' },
    criterio: 'seguimiento_retroalimentacion',
    rationale:
      'El criterio Seguimiento y retroalimentación del Plan de Mejora pide «Atender a las observaciones o recomendaciones emitidas mediante el formato de retroalimentación». Planeación emite la retroalimentación después de revisar los reportes de un trimestre, y la dependencia la atiende en su reporte del trimestre siguiente, citando la clave de cada observación en «observaciones_atendidas». Se revisa cuando ya cerró la ventana de entrega de ese reporte; una observación atendida en un reporte posterior cuenta como no atendida a tiempo. Las observaciones al cuarto trimestre se atienden en el reporte del primer trimestre del ejercicio siguiente, y se revisan cuando cierra la ventana de entrega de ese reporte.',
    defaultSeverity: 'warning',
    scope: 'department',
    hint: {
      es: 'En el reporte indicado, agregue la clave de la observación en «observaciones_atendidas» del PPCS que la atiende.',
      en: 'In the report named, add the observation\'s key to "observaciones_atendidas" of the PPCS that attends it.',
    },
    messages: {
      noAtendida: {
        es: 'La observación {id} dirigida a {dependencia} no fue atendida en su reporte {esperado}: ningún PPCS la cita en «observaciones_atendidas».',
        en: 'Observation {id} addressed to {dependencia} was not attended in its report {esperado}: no PPCS lists it in "observaciones_atendidas".',
      },
      atendidaTarde: {
        es: 'La observación {id} dirigida a {dependencia} debía atenderse en el reporte {esperado}, pero fue atendida tarde en {tarde}.',
        en: 'Observation {id} addressed to {dependencia} was due in report {esperado}, but was attended late in {tarde}.',
      },
      faltaReporte: {
        es: 'La observación {id} dirigida a {dependencia} no fue atendida: falta el reporte {esperado} («{archivo}») en el que debía atenderse.',
        en: 'Observation {id} addressed to {dependencia} was not attended: report {esperado} ("{archivo}"), where it was due, is missing.',
      },
    },
    examples: {
      file: 'planeacion/retroalimentacion/2019-T1.yaml',
      invalid:
        'trimestre: 2019-T1\nobservaciones:\n  - id: RET-2019-T1-01   # ningún PPCS del reporte 2019-T2 de OP la cita\n    dependencia: OP\n    tipo: observacion\n    texto: Justificar la variación de la meta M1.\n',
      valid: '# dependencias/OP/reportes/2019-T2.yaml\nppcs:\n  - id: OP-01\n    observaciones_atendidas: [RET-2019-T1-01]\n',
    },
  },
  check(model, report) {
    for (const followUp of observationFollowUps(model)) {
      const { round, index, observacion, esperado, report: expected } = followUp;
      if (!followUp.due || followUp.attendedInTime) continue;
      const clave = observacion.dependencia;
      // An unknown department is PLAN004's to report.
      if (!model.departmentExists(clave)) continue;
      const archivo = `dependencias/${clave}/reportes/${esperado}.yaml`;
      // A report file that could not be read may well attend it: PLAN001/PLAN002 come first.
      if (!expected && model.isUnreadable(archivo)) continue;
      const at = { file: round.file, path: ['observaciones', index, 'id'], about: { dependencia: clave, trimestre: round.data.trimestre } };
      const names = { id: quote(observacion.id), dependencia: quote(clave), esperado: quote(esperado) };
      if (followUp.attendedLateIn) report({ ...at, messageId: 'atendidaTarde', data: { ...names, tarde: quote(followUp.attendedLateIn.data.trimestre) } });
      else if (expected) report({ ...at, messageId: 'noAtendida', data: names });
      else report({ ...at, messageId: 'faltaReporte', data: { ...names, archivo } });
    }
  },
});
