// An annual view with an executive page, built by hand in the shape the view model gives
// (/work/notes/issue13-V.md): a ranking with totals, change and arrows, actions, the worst metas
// with their quarters, and the three charts of the annual executive page. Hostile text in a
// department's name and an action sentence.
import { empty, int, num, pct, semaforoCell, text } from '../../../src/report/view/cell-text.js';
import type { Chart, ExecutiveSummary, ReportView } from '../../../src/report/view/types.js';
import { HOSTILE, sampleView } from '../sample-view.js';

export const CLAVES = ['SP', 'OP', 'DS'] as const;
export const TOTALS = [88.4, 71.25, 52] as const;

export const TOTALS_CHART: Chart = {
  id: 'totales',
  title: 'Total por dependencia',
  kind: 'bars',
  unit: 'puntos',
  categories: [...CLAVES],
  series: [{ name: 'Total', values: [...TOTALS], tone: 'neutral' }],
  bands: [
    { from: 0, label: 'Insuficiente' },
    { from: 60, label: 'Suficiente' },
    { from: 80, label: 'Sobresaliente' },
  ],
  max: 100,
  table: {
    columns: [
      { header: 'Clave', kind: 'text' },
      { header: 'Total', kind: 'number' },
      { header: 'Grado', kind: 'text' },
    ],
    rows: CLAVES.map((clave, i) => [text(clave), num(TOTALS[i]!, 2), text(i === 0 ? 'Sobresaliente' : i === 1 ? 'Suficiente' : 'Insuficiente')]),
  },
};

export const SEMAFORO_CHART: Chart = {
  id: 'semaforo-dependencias',
  title: 'Metas por semáforo y dependencia',
  kind: 'stacked',
  unit: 'metas',
  categories: ['DS', 'OP', 'SP'],
  series: [
    { name: 'Verde', values: [1, 3, 4], tone: 'verde' },
    { name: 'Amarillo', values: [2, 1, 0], tone: 'amarillo' },
    { name: 'Rojo', values: [3, 0, 1], tone: 'rojo' },
    { name: 'No reportado', values: [1, 0, 0], tone: 'no_reportado' },
  ],
  table: {
    columns: [
      { header: 'Clave', kind: 'text' },
      { header: 'Verde', kind: 'int' },
      { header: 'Amarillo', kind: 'int' },
      { header: 'Rojo', kind: 'int' },
      { header: 'No reportado', kind: 'int' },
    ],
    rows: [
      [text('DS'), int(1), int(2), int(3), int(1)],
      [text('OP'), int(3), int(1), int(0), int(0)],
      [text('SP'), int(4), int(0), int(1), int(0)],
    ],
  },
};

export const TREND_CHART: Chart = {
  id: 'tendencia',
  title: 'Cumplimiento trimestral por dependencia',
  kind: 'lines',
  unit: '%',
  categories: ['T1', 'T2', 'T3', 'T4'],
  series: [
    { name: 'SP', values: [50, 75, 80, 100] },
    { name: 'OP', values: [100, null, 60, 70] },
  ],
  max: 100,
  table: {
    columns: [
      { header: 'Clave', kind: 'text' },
      { header: 'T1', kind: 'percent' },
      { header: 'T2', kind: 'percent' },
      { header: 'T3', kind: 'percent' },
      { header: 'T4', kind: 'percent' },
    ],
    rows: [
      [text('SP'), pct(0.5), pct(0.75), pct(0.8), pct(1)],
      [text('OP'), pct(1), empty('sin metas'), pct(0.6), pct(0.7)],
    ],
  },
};

export function executiveSummary(): ExecutiveSummary {
  return {
    headline: 'En 2019 la calificación promedio fue 70.55 puntos; 1 dependencia bajó respecto de 2018.',
    ranking: {
      columns: [
        { header: 'Lugar', kind: 'int' },
        { header: 'Clave', kind: 'text' },
        { header: 'Dependencia', kind: 'text' },
        { header: 'Total', kind: 'number' },
        { header: 'Grado', kind: 'text' },
        { header: 'Evaluación 2018', kind: 'number' },
        { header: 'Cambio', kind: 'number' },
        { header: 'Tendencia', kind: 'text' },
      ],
      rows: [
        [int(1), text('SP'), text('Servicios Públicos'), num(88.4, 2), text('Sobresaliente'), num(80, 2), num(8.4, 2), text('↑')],
        [int(2), text('OP'), text(HOSTILE.formula), num(71.25, 2), text('Suficiente'), num(71.25, 2), num(0, 2), text('→')],
        [int(3), text('DS'), text('Desarrollo Social'), num(52, 2), text('Insuficiente'), empty('sin evaluación'), empty(), text('—')],
      ],
      rowIds: ['SP', 'OP', 'DS'],
    },
    actions: [
      { id: 'metas-en-rojo', count: 4, sentence: '4 metas en rojo: 3 de DS y 1 de SP.', departments: ['DS', 'SP'] },
      { id: 'reportes-faltantes', count: 1, sentence: HOSTILE.plus, departments: ['DS'] },
    ],
    worstMetas: {
      columns: [
        { header: 'Meta', kind: 'text' },
        { header: 'Descripción', kind: 'text' },
        { header: 'T1', kind: 'semaforo' },
        { header: 'T2', kind: 'semaforo' },
        { header: 'T3', kind: 'semaforo' },
        { header: 'T4', kind: 'semaforo' },
        { header: 'Acumulado', kind: 'percent' },
      ],
      rows: [
        [text('SP-03-M1'), text('Toneladas recicladas'), semaforoCell('rojo'), semaforoCell('rojo'), semaforoCell('rojo'), semaforoCell('rojo'), pct(0.31)],
        [text('DS-01-M2'), text('Becas entregadas'), semaforoCell('amarillo'), semaforoCell('no_reportado'), semaforoCell('rojo'), semaforoCell('rojo'), pct(0.45)],
      ],
      rowIds: ['SP-03-M1', 'DS-01-M2'],
    },
    charts: [TOTALS_CHART, SEMAFORO_CHART, TREND_CHART],
  };
}

export function executiveView(): ReportView {
  return { ...sampleView(), kind: 'anual', title: 'Evaluación anual 2019', periodo: '2019', executive: executiveSummary() };
}
