// A chart of the view as Mermaid `xychart-beta`, which GitHub and GitLab draw from a
// ```mermaid block. xychart has bars and lines but no stacking, no gaps and no legend, so:
// stacked series are drawn as overlapping bars of their running totals, tallest first
// (which reads as one stacked bar), a missing value is drawn as 0 (the table beside the chart
// says «sin dato»), and the Markdown writes the legend in words. Every text is quoted, and
// quotes, backticks and angle brackets are replaced, so a name from the YAML can neither end
// a string, close the code fence nor reach Mermaid's HTML labels.
import type { Semaforo } from '../../model/semaforo.js';
import type { Chart } from '../view/types.js';
import { isFiniteNumber, positive, UNIT_LABEL, valueAxis } from './format.js';

/** Semáforo fills as in the Excel workbook and the SVG; lines take the SVG's Okabe–Ito colours. */
const TONE_COLOUR: Readonly<Record<Semaforo | 'neutral', string>> = {
  verde: '#63BE7B',
  amarillo: '#FFEB84',
  rojo: '#F8696B',
  sin_meta: '#EDEDED',
  no_reportado: '#A6A6A6',
  pendiente: '#FFFFFF',
  neutral: '#4E79A7',
};
const LINE_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#7F6000'];
/** The same colours in words, for the legend Mermaid cannot draw. */
const LINE_COLOUR_NAMES = ['azul', 'bermellón', 'verde', 'rosa', 'naranja', 'celeste', 'negro', 'ocre'];
/** More lines than colours cannot be told apart: the Markdown then shows only the table. */
export const MERMAID_MAX_LINES = LINE_COLOURS.length;
/** Beyond this many categories bars are drawn horizontally, so their labels do not collide. */
const HORIZONTAL_FROM = 8;
const TEXT_CHARS = 60;

/** The lines inside a ```mermaid block (without the fences), ending without a newline. */
export function chartMermaid(drawnChart: Chart): string {
  const chart = withoutTrailingGaps(drawnChart);
  const axis = valueAxis(chart);
  const horizontal = chart.kind !== 'lines' && chart.categories.length > HORIZONTAL_FROM;
  const plots = chart.kind === 'stacked' ? stackedPlots(chart) : chart.series.map((s) => ({ values: s.values.map(drawn), colour: '' }));
  const colours =
    chart.kind === 'lines'
      ? chart.series.map((_, i) => LINE_COLOURS[i % LINE_COLOURS.length] as string)
      : chart.kind === 'stacked'
        ? plots.map((p) => p.colour)
        : chart.series.map((s) => TONE_COLOUR[s.tone ?? 'neutral']);
  const config = { themeVariables: { xyChart: { plotColorPalette: colours.join(', ') } } };
  const mark = chart.kind === 'lines' ? 'line' : 'bar';
  return [
    `%%{init: ${JSON.stringify(config)}}%%`,
    `xychart-beta${horizontal ? ' horizontal' : ''}`,
    `  title ${quoted(chart.title)}`,
    `  x-axis [${chart.categories.map(quoted).join(', ')}]`,
    `  y-axis ${quoted(UNIT_LABEL[chart.unit])} 0 --> ${number(axis.max)}`,
    ...plots.map((plot) => `  ${mark} [${plot.values.map(number).join(', ')}]`),
  ].join('\n');
}

/**
 * A line chart without its last categories where no series has a value (quarters not yet
 * due): Mermaid would draw them as a fall to 0, and there is nothing to say about them.
 */
function withoutTrailingGaps(chart: Chart): Chart {
  if (chart.kind !== 'lines') return chart;
  let count = chart.categories.length;
  while (count > 1 && chart.series.every((s) => !isFiniteNumber(s.values[count - 1]))) count--;
  if (count === chart.categories.length) return chart;
  return { ...chart, categories: chart.categories.slice(0, count), series: chart.series.map((s) => ({ ...s, values: s.values.slice(0, count) })) };
}

/** False for a line chart with more series than colours, whose drawing would be a tangle. */
export function mermaidReadable(chart: Chart): boolean {
  return chart.kind !== 'lines' || chart.series.length <= MERMAID_MAX_LINES;
}

/**
 * What each colour is, in words (xychart draws no legend): the lines' colours by name, the
 * stacked series from the axis outwards; empty for a single series, whose meaning is the title.
 */
export function mermaidLegend(chart: Chart): { name: string; colour: string; tone?: Semaforo | 'neutral' }[] {
  if (chart.series.length < 2) return [];
  if (chart.kind === 'lines') return chart.series.map((s, i) => ({ name: s.name, colour: LINE_COLOUR_NAMES[i % LINE_COLOUR_NAMES.length] as string }));
  return chart.series.map((s) => ({ name: s.name, colour: TONE_COLOUR[s.tone ?? 'neutral'], ...(s.tone ? { tone: s.tone } : {}) }));
}

/** True when the chart has a missing value, which Mermaid can only draw as 0. */
export function mermaidDrawsMissingAsZero(chart: Chart): boolean {
  return withoutTrailingGaps(chart).series.some((s) => s.values.some((v) => !isFiniteNumber(v)));
}

/**
 * Running totals, the full stack first: bar k is the sum of series 0…(n−1−k), drawn over the
 * previous one, so each visible band of a bar is one series, in the series' order from the axis.
 */
function stackedPlots(chart: Chart): { values: number[]; colour: string }[] {
  const plots: { values: number[]; colour: string }[] = [];
  for (let last = chart.series.length - 1; last >= 0; last--) {
    const series = chart.series[last];
    if (series === undefined) continue;
    const values = chart.categories.map((_, i) => chart.series.slice(0, last + 1).reduce((sum, s) => sum + positive(s.values[i]), 0));
    plots.push({ values, colour: TONE_COLOUR[series.tone ?? 'neutral'] });
  }
  return plots;
}

function drawn(value: number | null): number {
  return isFiniteNumber(value) ? value : 0;
}

/** A plain decimal with at most one decimal place, the only number form xychart reads. */
function number(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** A Mermaid string: one line, no `"` (xychart strings have no escape), no backtick, no `<>`. */
function quoted(value: string): string {
  const flat = value
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/["`]/g, "'")
    .replace(/</g, '‹')
    .replace(/>/g, '›')
    // Mermaid decodes `#35;`-style entity codes in labels; a fullwidth ＃ keeps them literal.
    .replace(/#(?=\w+;)/g, '＃');
  return `"${flat.length > TEXT_CHARS ? `${flat.slice(0, TEXT_CHARS - 1)}…` : flat}"`;
}
