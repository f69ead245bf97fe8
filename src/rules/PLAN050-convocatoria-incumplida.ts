import { dayMonthYear, quote } from '../i18n/text.js';
import type { Convocatoria } from '../model/types.js';
import { byBusinessDays, defineRule } from './rule.js';

export const PLAN050 = defineRule({
  meta: {
    id: 'PLAN050',
    title: { es: 'Dependencia convocada que no asistió o no entregó a tiempo', en: 'Convened department that did not attend or deliver on time' },
    criterio: 'integracion_organizacion',
    rationale:
      'El criterio Integración y organización del Plan de Mejora pide «Participar en tiempo y forma en las convocatorias que sean necesarias para la presentación de estrategias y/o entrega de información esencial para el buen desarrollo de actividades». Una dependencia convocada que no asistió, que no entregó la información solicitada o que la entregó después de la fecha límite no cumplió en tiempo y forma.',
    defaultSeverity: 'warning',
    scope: 'department',
    hint: {
      es: 'Si la dependencia sí asistió o entregó, corrija «asistentes» o «entregas» en el archivo de convocatorias; si no, atienda la convocatoria y registre la entrega con su fecha.',
      en: 'If the department did attend or deliver, fix "asistentes" or "entregas" in the calls file; otherwise attend to the call and record the delivery with its date.',
    },
    messages: {
      noAsistio: {
        es: 'La dependencia {clave} fue convocada a {convocatoria} ({fecha}) pero no aparece en «asistentes».',
        en: 'Department {clave} was convened to {convocatoria} ({fecha}) but is not listed in "asistentes".',
      },
      noEntrego: {
        es: 'La dependencia {clave} no entregó la información solicitada en {convocatoria}; la fecha límite era el {limite}.',
        en: 'Department {clave} did not deliver the information requested in {convocatoria}; the deadline was {limite}.',
      },
      entregaTarde: {
        es: 'La dependencia {clave} entregó la información de {convocatoria} el {fecha}, {dias} días hábiles después de la fecha límite ({limite}).',
        en: 'Department {clave} delivered the information for {convocatoria} on {fecha}, {dias} business days after the deadline ({limite}).',
      },
      entregaTardeUnDia: {
        es: 'La dependencia {clave} entregó la información de {convocatoria} el {fecha}, 1 día hábil después de la fecha límite ({limite}).',
        en: 'Department {clave} delivered the information for {convocatoria} on {fecha}, 1 business day after the deadline ({limite}).',
      },
      entregaTardeInhabil: {
        es: 'La dependencia {clave} entregó la información de {convocatoria} el {fecha}, día inhábil posterior a la fecha límite ({limite}).',
        en: 'Department {clave} delivered the information for {convocatoria} on {fecha}, a non-working day after the deadline ({limite}).',
      },
    },
    examples: {
      file: 'planeacion/convocatorias/2019.yaml',
      invalid:
        'convocatorias:\n  - id: CONV-2019-01\n    fecha: 2019-02-12\n    asunto: Presentación de carátulas\n    convocadas: [OP, DIF]\n    asistentes: [OP]          # DIF no asistió\n    fecha_limite_entrega: 2019-02-28\n    entregas:\n      - dependencia: OP\n        fecha: 2019-03-04     # 2 días hábiles tarde\n',
      valid:
        'convocatorias:\n  - id: CONV-2019-01\n    fecha: 2019-02-12\n    asunto: Presentación de carátulas\n    convocadas: [OP, DIF]\n    asistentes: [OP, DIF]\n    fecha_limite_entrega: 2019-02-28\n    entregas:\n      - dependencia: OP\n        fecha: 2019-02-27\n      - dependencia: DIF\n        fecha: 2019-02-28\n',
    },
  },
  check(model, report) {
    for (const { file, data } of model.convocatorias) {
      data.convocatorias.forEach((convocatoria, i) => {
        const limite = convocatoria.fecha_limite_entrega;
        convocatoria.convocadas.forEach((clave, j) => {
          // An unknown department is PLAN004's finding; it cannot be judged on attendance.
          if (!model.departmentExists(clave)) return;
          const base = { clave: quote(clave), convocatoria: quote(convocatoria.id) };
          const convocadaAt = ['convocatorias', i, 'convocadas', j];
          // A meeting on or after the cut-off may not have had its attendance recorded yet.
          if (convocatoria.fecha < model.fechaCorte && !convocatoria.asistentes.includes(clave)) {
            report({ messageId: 'noAsistio', file, path: convocadaAt, about: { dependencia: clave }, data: { ...base, fecha: dayMonthYear(convocatoria.fecha) } });
          }
          if (limite === undefined) return;
          const entrega = firstDelivery(convocatoria, clave);
          if (!entrega) {
            if (limite < model.fechaCorte) report({ messageId: 'noEntrego', file, path: convocadaAt, about: { dependencia: clave }, data: { ...base, limite: dayMonthYear(limite) } });
            return;
          }
          if (entrega.fecha <= limite) return;
          const dias = model.calendar.businessDaysAfter(limite, entrega.fecha);
          const messageId = byBusinessDays(dias, { none: 'entregaTardeInhabil', one: 'entregaTardeUnDia', many: 'entregaTarde' });
          report({ messageId, file, path: ['convocatorias', i, 'entregas', entrega.index, 'fecha'], about: { dependencia: clave }, data: { ...base, fecha: dayMonthYear(entrega.fecha), limite: dayMonthYear(limite), dias } });
        });
      });
    }
  },
});

/** The department's earliest delivery: a later resubmission does not make a punctual one late. */
function firstDelivery(convocatoria: Convocatoria, clave: string): { fecha: string; index: number } | undefined {
  let first: { fecha: string; index: number } | undefined;
  (convocatoria.entregas ?? []).forEach((entrega, index) => {
    if (entrega.dependencia === clave && (!first || entrega.fecha < first.fecha)) first = { fecha: entrega.fecha, index };
  });
  return first;
}
