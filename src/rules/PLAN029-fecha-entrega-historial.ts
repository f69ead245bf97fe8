import { dayMonthYear, quote } from '../i18n/text.js';
import { yearOf } from '../model/time.js';
import { byBusinessDays, defineRule } from './rule.js';

export const PLAN029 = defineRule({
  meta: {
    id: 'PLAN029',
    title: {
      es: 'Fecha de entrega anterior a la llegada del reporte al repositorio',
      en: 'Delivery date earlier than the report’s arrival in the repository',
    },
    criterio: 'seguimiento_retroalimentacion',
    rationale:
      'El criterio Seguimiento y retroalimentación del Plan de Mejora pide «Entregar en tiempo y forma (en los 5 días hábiles antes de terminar el mes) cada uno de los 4 reportes trimestrales». La fecha de entrega la escribe la propia dependencia en el reporte; el historial de git registra cuándo llegó el archivo al repositorio. Un reporte que declara una fecha anterior a su llegada haría pasar por puntual una entrega tardía. Cuenta el primer commit que agregó el archivo (la fecha del committer, en la zona horaria del propio commit); si el archivo se renombró o se movió después, cuenta la llegada de su contenido original. La diferencia se mide en días hábiles del calendario de plan.yaml. Sin historial completo (la carpeta no está en un repositorio git, o es un clon superficial) la regla no se aplica, y tampoco a los archivos que aún no tienen commit.',
    defaultSeverity: 'warning',
    scope: 'facts',
    hint: {
      es: 'Anote en «fecha_entrega» el día en que el reporte se entregó de verdad. Si se entregó a tiempo por otro medio (en papel o por correo) y se subió después, justifíquelo con «# plan-justifica PLAN029: motivo».',
      en: 'Put in "fecha_entrega" the day the report was actually delivered. If it was delivered on time by other means (on paper, by e-mail) and uploaded later, justify it with "# plan-justifica PLAN029: reason".',
    },
    messages: {
      posterior: {
        es: 'El reporte {trimestre} declara como fecha de entrega el {fecha}, pero su archivo entró al repositorio el {llegada}, {dias} días hábiles después.',
        en: 'Report {trimestre} declares delivery on {fecha}, but its file entered the repository on {llegada}, {dias} business days later.',
      },
      posterior1: {
        es: 'El reporte {trimestre} declara como fecha de entrega el {fecha}, pero su archivo entró al repositorio el {llegada}, 1 día hábil después.',
        en: 'Report {trimestre} declares delivery on {fecha}, but its file entered the repository on {llegada}, 1 business day later.',
      },
      posteriorInhabil: {
        es: 'El reporte {trimestre} declara como fecha de entrega el {fecha}, pero su archivo entró al repositorio el {llegada}, un día inhábil posterior.',
        en: 'Report {trimestre} declares delivery on {fecha}, but its file entered the repository on {llegada}, a later non-working day.',
      },
      lejana: {
        es: 'El reporte {trimestre} declara como fecha de entrega el {fecha}, pero su archivo entró al repositorio el {llegada}, más de un año después; revise la fecha.',
        en: 'Report {trimestre} declares delivery on {fecha}, but its file entered the repository on {llegada}, more than a year later; check the date.',
      },
    },
    examples: {
      file: 'dependencias/OP/reportes/2019-T1.yaml',
      invalid: 'trimestre: 2019-T1\nfecha_entrega: 2019-03-27   # pero el archivo llegó al repositorio el 03/04/2019\n',
      valid: 'trimestre: 2019-T1\nfecha_entrega: 2019-03-27   # el archivo llegó al repositorio ese mismo día\n',
    },
  },
  check(model, report) {
    // Without a full history there is nothing to compare; the CLI says once why.
    if (!model.history?.available) return;
    const { firstSeen } = model.history;
    for (const { file, data } of model.reportes) {
      const arrived = firstSeen.get(file);
      // Not committed yet: it has not arrived, and cannot have arrived late.
      if (arrived === undefined || data.fecha_entrega >= arrived) continue;
      const at = { file, path: ['fecha_entrega'], about: { trimestre: data.trimestre } };
      const params = { trimestre: quote(data.trimestre), fecha: dayMonthYear(data.fecha_entrega), llegada: dayMonthYear(arrived) };
      // Counting business days over years would only measure a typo in the year.
      if (yearOf(arrived) - yearOf(data.fecha_entrega) > 1) {
        report({ ...at, messageId: 'lejana', data: params });
        continue;
      }
      const dias = model.calendar.businessDaysAfter(data.fecha_entrega, arrived);
      const messageId = byBusinessDays(dias, { none: 'posteriorInhabil', one: 'posterior1', many: 'posterior' });
      report({ ...at, messageId, data: { ...params, dias } });
    }
  },
});
