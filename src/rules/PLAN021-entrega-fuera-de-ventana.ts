import { dayMonthYear, quote } from '../i18n/text.js';
import { parseTrimestre, yearOf } from '../model/time.js';
import type { IsoDate } from '../model/types.js';
import { byBusinessDays, defineRule } from './rule.js';

export const PLAN021 = defineRule({
  meta: {
    id: 'PLAN021',
    title: { es: 'Reporte trimestral entregado fuera de la ventana de entrega', en: 'Quarterly report delivered outside the delivery window' },
    criterio: 'seguimiento_retroalimentacion',
    rationale:
      'El criterio Seguimiento y retroalimentación del Plan de Mejora pide «Entregar en tiempo y forma (en los 5 días hábiles antes de terminar el mes) cada uno de los 4 reportes trimestrales». El mismo plan dice también que «Los meses de entrega del reporte trimestral son Primeros 5 días hábiles al final de los meses de marzo, junio, septiembre y diciembre»; Planeación lee ambas frases como los últimos días hábiles de esos meses. El número de días de la ventana se toma de plan.yaml (entrega_reportes.dias_habiles) y no cuentan sábados, domingos ni los días inhábiles (los de descanso obligatorio de la Ley Federal del Trabajo y los adicionales de plan.yaml). Un reporte entregado antes de que abra la ventana tampoco está en tiempo: aún no puede informar el trimestre completo.',
    defaultSeverity: 'warning',
    scope: 'department',
    hint: {
      es: 'Entregue cada reporte dentro de su ventana; si la fecha está mal capturada, corrija «fecha_entrega».',
      en: 'Deliver each report within its window; if the date was mistyped, correct "fecha_entrega".',
    },
    messages: {
      tarde: {
        es: 'El reporte {trimestre} fue entregado el {fecha}, {dias} días hábiles después del cierre de la ventana de entrega (del {inicio} al {fin}).',
        en: 'Report {trimestre} was delivered on {fecha}, {dias} business days after the delivery window closed ({inicio} to {fin}).',
      },
      tarde1: {
        es: 'El reporte {trimestre} fue entregado el {fecha}, 1 día hábil después del cierre de la ventana de entrega (del {inicio} al {fin}).',
        en: 'Report {trimestre} was delivered on {fecha}, 1 business day after the delivery window closed ({inicio} to {fin}).',
      },
      tardeInhabil: {
        es: 'El reporte {trimestre} fue entregado el {fecha}, un día inhábil posterior al cierre de la ventana de entrega (del {inicio} al {fin}).',
        en: 'Report {trimestre} was delivered on {fecha}, a non-working day after the delivery window closed ({inicio} to {fin}).',
      },
      anticipado: {
        es: 'El reporte {trimestre} fue entregado el {fecha}, {dias} días hábiles antes de que abra la ventana de entrega (del {inicio} al {fin}).',
        en: 'Report {trimestre} was delivered on {fecha}, {dias} business days before the delivery window opens ({inicio} to {fin}).',
      },
      anticipado1: {
        es: 'El reporte {trimestre} fue entregado el {fecha}, 1 día hábil antes de que abra la ventana de entrega (del {inicio} al {fin}).',
        en: 'Report {trimestre} was delivered on {fecha}, 1 business day before the delivery window opens ({inicio} to {fin}).',
      },
      anticipadoInhabil: {
        es: 'El reporte {trimestre} fue entregado el {fecha}, un día inhábil anterior a la apertura de la ventana de entrega (del {inicio} al {fin}).',
        en: 'Report {trimestre} was delivered on {fecha}, a non-working day before the delivery window opens ({inicio} to {fin}).',
      },
      fechaLejana: {
        es: 'El reporte {trimestre} tiene fecha de entrega {fecha}, a más de un año de su ventana de entrega (del {inicio} al {fin}); revise la fecha.',
        en: 'Report {trimestre} has delivery date {fecha}, more than a year away from its delivery window ({inicio} to {fin}); check the date.',
      },
    },
    examples: {
      file: 'dependencias/OP/reportes/2019-T1.yaml',
      invalid: 'trimestre: 2019-T1\nfecha_entrega: 2019-04-03   # la ventana fue del 25 al 29 de marzo\n',
      valid: 'trimestre: 2019-T1\nfecha_entrega: 2019-03-27\n',
    },
  },
  check(model, report) {
    for (const { file, placement, data } of model.reportes) {
      // A report declaring another quarter than its file name is PLAN005's: its window is unknown.
      if (data.trimestre !== placement.stem) continue;
      const { year, quarter } = parseTrimestre(data.trimestre);
      const window = model.calendar.deliveryWindow(year, quarter);
      const delivered = data.fecha_entrega;
      const params = { trimestre: quote(data.trimestre), fecha: dayMonthYear(delivered), inicio: dayMonth(window.start), fin: dayMonthYear(window.end) };
      const at = { file, path: ['fecha_entrega'], about: { trimestre: data.trimestre } };
      // Counting business days over years would only measure a typo in the year.
      if (Math.abs(yearOf(delivered) - yearOf(window.end)) > 1) {
        report({ ...at, messageId: 'fechaLejana', data: params });
        continue;
      }
      const timing = model.calendar.timing(delivered, window);
      if (timing.kind === 'a_tiempo') continue;
      const dias = timing.businessDays;
      const messageId =
        timing.kind === 'tarde'
          ? byBusinessDays(dias, { none: 'tardeInhabil', one: 'tarde1', many: 'tarde' })
          : byBusinessDays(dias, { none: 'anticipadoInhabil', one: 'anticipado1', many: 'anticipado' });
      report({ ...at, messageId, data: { ...params, dias } });
    }
  },
});



function dayMonth(day: IsoDate): string {
  return dayMonthYear(day).slice(0, 5);
}
