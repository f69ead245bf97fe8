import { dayMonthYear, quote } from '../i18n/text.js';
import { QUARTERS } from '../model/types.js';
import { defineRule } from './rule.js';

export const PLAN022 = defineRule({
  meta: {
    id: 'PLAN022',
    title: { es: 'Falta un reporte trimestral cuya ventana de entrega ya cerró', en: 'A quarterly report whose delivery window has closed is missing' },
    criterio: 'seguimiento_retroalimentacion',
    rationale:
      'El criterio Seguimiento y retroalimentación del Plan de Mejora pide «Entregar en tiempo y forma (en los 5 días hábiles antes de terminar el mes) cada uno de los 4 reportes trimestrales en el formato correspondiente (Anexo 3 y 4)». Un trimestre del ejercicio cuya ventana de entrega cerró antes de la fecha de corte debe tener su reporte en «dependencias/<CLAVE>/reportes/<AAAA>-T<n>.yaml».',
    defaultSeverity: 'warning',
    scope: 'department',
    hint: {
      es: 'Agregue el reporte trimestral de la dependencia con el nombre de archivo indicado.',
      en: 'Add the department\'s quarterly report under the file name given.',
    },
    messages: {
      faltaReporte: {
        es: 'Falta el reporte {trimestre} de la dependencia {clave}: se esperaba el archivo «{archivo}», cuya ventana de entrega cerró el {cierre}.',
        en: 'Report {trimestre} of department {clave} is missing: expected file "{archivo}", whose delivery window closed on {cierre}.',
      },
    },
    examples: {
      file: 'dependencias/OP/dependencia.yaml',
      invalid: '# con fecha de corte 2019-07-15 no existe dependencias/OP/reportes/2019-T2.yaml\nclave: OP\n',
      valid: '# existen dependencias/OP/reportes/2019-T1.yaml y 2019-T2.yaml\nclave: OP\n',
    },
  },
  check(model, report) {
    const year = model.config.ejercicio;
    const due = QUARTERS.filter((quarter) => model.isDue(year, quarter));
    for (const clave of model.departmentClaves()) {
      const { file } = model.departmentsByClave.get(clave)!;
      for (const quarter of due) {
        const trimestre = `${year}-${quarter}`;
        const archivo = `dependencias/${clave}/reportes/${trimestre}.yaml`;
        // A report file that exists but could not be read is PLAN001's or PLAN002's finding.
        if (model.reportFor(clave, trimestre) || model.isUnreadable(archivo)) continue;
        report({
          messageId: 'faltaReporte',
          file,
          path: ['clave'],
          about: { dependencia: clave, trimestre },
          data: { trimestre: quote(trimestre), clave: quote(clave), archivo, cierre: dayMonthYear(model.calendar.deliveryWindow(year, quarter).end) },
        });
      }
    }
  },
});

