// A small but complete ReportView shared by the renderer tests: every Cell kind, all four
// semáforo values, hostile text (formula-looking strings, table pipes, HTML, newlines) and a
// long text that drives a column width. Built by hand so a renderer test never depends on
// the model or the metrics.
import { date, empty, int, num, pct, semaforoCell, text } from '../../src/report/view/cell-text.js';
import type { ReportView } from '../../src/report/view/types.js';

/** Longer than the 60-character column cap, so the column must clamp and wrap. */
export const LONG_TEXT =
  'Rehabilitación integral del alumbrado público en las colonias Centro, San Miguel, La Loma y El Mirador, con sustitución de luminarias por tecnología LED';

export const HOSTILE = {
  formula: '=HYPERLINK("http://x","y")',
  plus: '+1',
  minus: '-2',
  at: '@SUM(A1)',
  pipe: 'a | b',
  script: '<script>alert(1)</script>',
  newline: 'línea uno\nlínea dos',
  backtick: 'usa `rm -rf`',
} as const;

export function sampleView(): ReportView {
  return {
    kind: 'trimestral',
    title: 'Resumen trimestral 2019-T2',
    municipio: 'San Pedro Tlaquepaque',
    ejercicio: 2019,
    periodo: '2019-T2',
    fechaCorte: '2019-06-28',
    resumen: [
      { label: 'Entregas registradas', value: int(1234) },
      { label: 'Avance promedio', value: pct(0.953) },
      { label: 'Presupuesto ejercido (millones)', value: num(12.5, 2) },
      { label: 'Fecha de la última entrega', value: date('2019-06-28') },
      { label: 'Semáforo general', value: semaforoCell('amarillo') },
      { label: 'Dependencia con más retrasos', value: text('Obras Públicas') },
      { label: 'Metas sin dato', value: empty('sin reporte') },
    ],
    sections: [
      {
        id: 'entregas',
        sheet: 'Entregas',
        title: 'Entregas del trimestre',
        intro: 'Una fila por entrega registrada en el periodo, en el orden de su fecha de entrega.',
        table: {
          columns: [
            { header: 'Clave', kind: 'text' },
            { header: 'Descripción', kind: 'text' },
            { header: 'Fecha de entrega', kind: 'date' },
            { header: 'Beneficiarios', kind: 'int' },
            { header: 'Avance', kind: 'percent' },
            { header: 'Monto (millones)', kind: 'number' },
            { header: 'Semáforo', kind: 'semaforo' },
          ],
          rows: [
            [text('E-001'), text(LONG_TEXT), date('2019-04-01'), int(15230), pct(0.953), num(1234.5, 2), semaforoCell('verde')],
            [text('E-002'), text(HOSTILE.formula), date('2019-05-15'), int(0), pct(0.5), num(0.125, 3), semaforoCell('amarillo')],
            [text('E-003'), text(HOSTILE.plus), date('2019-06-28'), int(-3), pct(0), num(-2.5, 1), semaforoCell('rojo')],
            [text(HOSTILE.minus), text(HOSTILE.at), date('2019-12-31'), int(1000000), pct(1.2), num(7, 0), semaforoCell('sin_meta')],
            [text(HOSTILE.pipe), text(HOSTILE.script), empty(), empty('no aplica'), empty('sin dato'), empty(), empty('sin meta')],
            [text('E-006'), text(HOSTILE.newline), date('2019-01-01'), int(42), pct(0.0005), num(3.14159, 4), text(HOSTILE.backtick)],
          ],
        },
        notes: [
          'El avance es la fracción de la meta cumplida a la fecha de corte.',
          'Semáforo: verde ≥ 90 %, amarillo ≥ 70 %, rojo < 70 %.',
        ],
      },
      {
        id: 'metas',
        sheet: 'Metas',
        title: 'Metas por dependencia',
        // No intro and no notes: the renderers must cope with both absent.
        table: {
          columns: [
            { header: 'Dependencia', kind: 'text' },
            { header: 'Metas', kind: 'int' },
            { header: 'Cumplimiento', kind: 'percent' },
            { header: 'Semáforo', kind: 'semaforo' },
          ],
          rows: [
            [text('Obras Públicas'), int(12), pct(0.75), semaforoCell('amarillo')],
            [text('Servicios Municipales'), int(8), pct(0.925), semaforoCell('verde')],
            [text('Desarrollo Social'), int(5), pct(0.4), semaforoCell('rojo')],
          ],
        },
      },
      {
        id: 'vacia',
        sheet: 'Sin datos',
        title: 'Criterios sin evaluar',
        intro: 'Sección sin filas: la tabla queda solo con su encabezado.',
        table: {
          columns: [
            { header: 'Criterio', kind: 'text' },
            { header: 'Puntaje', kind: 'number' },
          ],
          rows: [],
        },
        notes: ['Ningún criterio tiene evidencia en el periodo.'],
      },
    ],
  };
}
