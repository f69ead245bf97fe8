// Small hand-built charts for the chart and Markdown tests: one of each kind, with a missing
// value, grade bands and the semáforo tones, so no test depends on the model or the metrics.
import { int, num, pct, text } from '../../../src/report/view/cell-text.js';
import type { Chart } from '../../../src/report/view/types.js';

export const HOSTILE_NAME = '</svg><script>alert(1)</script> | `x` "y"';

export function barsChart(overrides: Partial<Chart> = {}): Chart {
  return {
    id: 'totales',
    title: 'Total por dependencia',
    kind: 'bars',
    unit: 'puntos',
    max: 100,
    categories: ['OP', 'SP', 'DIF'],
    series: [{ name: 'Total', values: [85.25, 42, null] }],
    bands: [
      { from: 0, label: 'Bajo' },
      { from: 60, label: 'Medio' },
      { from: 80, label: 'Alto' },
    ],
    table: {
      columns: [
        { header: 'Clave', kind: 'text' },
        { header: 'Total', kind: 'number' },
      ],
      rows: [
        [text('OP'), num(85.25, 1)],
        [text('SP'), num(42, 1)],
        [text('DIF'), { t: 'empty', note: 'sin dato' }],
      ],
    },
    ...overrides,
  };
}

export function stackedChart(overrides: Partial<Chart> = {}): Chart {
  return {
    id: 'semaforo-dependencias',
    title: 'Metas por semáforo',
    kind: 'stacked',
    unit: 'metas',
    categories: ['OP', 'SP'],
    series: [
      { name: 'Verde', tone: 'verde', values: [3, 1] },
      { name: 'Amarillo', tone: 'amarillo', values: [1, 0] },
      { name: 'Rojo', tone: 'rojo', values: [2, 4] },
    ],
    table: {
      columns: [
        { header: 'Clave', kind: 'text' },
        { header: 'Verde', kind: 'int' },
        { header: 'Amarillo', kind: 'int' },
        { header: 'Rojo', kind: 'int' },
      ],
      rows: [
        [text('OP'), int(3), int(1), int(2)],
        [text('SP'), int(1), int(0), int(4)],
      ],
    },
    ...overrides,
  };
}

export function linesChart(overrides: Partial<Chart> = {}): Chart {
  return {
    id: 'tendencia',
    title: 'Metas en verde por trimestre',
    kind: 'lines',
    unit: '%',
    max: 100,
    categories: ['T1', 'T2', 'T3', 'T4'],
    series: [
      { name: 'OP', values: [80, 85, null, 90] },
      { name: 'SP', values: [40, 50, 45, 60] },
    ],
    table: {
      columns: [
        { header: 'Clave', kind: 'text' },
        { header: 'T1', kind: 'percent' },
        { header: 'T2', kind: 'percent' },
        { header: 'T3', kind: 'percent' },
        { header: 'T4', kind: 'percent' },
      ],
      rows: [
        [text('OP'), pct(0.8), pct(0.85), { t: 'empty' }, pct(0.9)],
        [text('SP'), pct(0.4), pct(0.5), pct(0.45), pct(0.6)],
      ],
    },
    ...overrides,
  };
}
