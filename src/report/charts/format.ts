// What the SVG and the Mermaid drawings of a chart share: how a value is written and the
// value axis it is drawn against. Both only draw the view's Chart; neither computes a figure.
import type { Chart } from '../view/types.js';

const oneDecimal = new Intl.NumberFormat('es-MX', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const integer = new Intl.NumberFormat('es-MX', { maximumFractionDigits: 0 });

/**
 * A value as the reports write it (es-MX, like cell-text.ts): counts of metas and reports as
 * whole numbers, points and percentages with one decimal (`85.2`, `95.3 %`). `%` values are
 * 0–100, not fractions.
 */
export function chartValue(value: number, unit: Chart['unit']): string {
  switch (unit) {
    case 'metas':
    case 'reportes':
      return integer.format(value);
    case '%':
      return `${oneDecimal.format(value)} %`;
    case 'puntos':
      return oneDecimal.format(value);
  }
}

/** The unit in words, for an axis title or a sentence. */
export const UNIT_LABEL: Readonly<Record<Chart['unit'], string>> = {
  puntos: 'puntos',
  '%': 'porcentaje',
  metas: 'metas',
  reportes: 'reportes',
};

export interface ValueAxis {
  max: number;
  ticks: number[];
}

/**
 * 0 to the chart's `max` (or a round number just above the largest value, stacked values
 * added up), with four or five evenly spaced ticks; whole ticks for counts of metas.
 */
export function valueAxis(chart: Chart): ValueAxis {
  const largest = Math.max(0, ...dataMaxima(chart));
  const wanted = chart.max !== undefined && chart.max > 0 ? chart.max : largest;
  const step = niceStep(wanted > 0 ? wanted / 4 : 1, wholeUnit(chart.unit));
  const max = chart.max !== undefined && chart.max > 0 ? chart.max : Math.max(step, Math.ceil(wanted / step - 1e-9) * step);
  const ticks: number[] = [];
  for (let i = 0; i * step <= max + 1e-9; i++) ticks.push(round(i * step));
  return { max, ticks };
}

/** Units counted in whole things (metas, reports), whose axis never shows a fraction. */
export function wholeUnit(unit: Chart['unit']): boolean {
  return unit === 'metas' || unit === 'reportes';
}

function dataMaxima(chart: Chart): number[] {
  if (chart.kind !== 'stacked') return chart.series.flatMap((s) => s.values.filter(isFiniteNumber));
  return chart.categories.map((_, i) => chart.series.reduce((sum, s) => sum + positive(s.values[i]), 0));
}

function niceStep(raw: number, whole: boolean): number {
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * magnitude).find((s) => s >= raw - 1e-9) ?? 10 * magnitude;
  return whole ? Math.max(1, Math.ceil(step)) : step;
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;

export function isFiniteNumber(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** A stacked segment's size: a missing or negative value draws nothing. */
export function positive(value: number | null | undefined): number {
  return isFiniteNumber(value) && value > 0 ? value : 0;
}
