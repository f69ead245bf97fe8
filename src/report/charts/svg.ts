// A chart of the view as inline SVG, for the HTML site and its PDF. No script, no external
// font or image, nothing fetched: the drawing is self-contained and the same bytes for the
// same chart. Text from the plan's YAML (department names, series names) is XML-escaped.
// The semáforo never depends on colour alone: every tone also has its own fill pattern and
// a legend with its name, each segment carries its count, and every mark has a <title>.
// Bars are horizontal, one row per category, so a long list of departments grows the
// drawing downwards instead of squeezing bars, and the labels stay legible on a phone.
import type { Semaforo } from '../../model/semaforo.js';
import type { Chart } from '../view/types.js';
import { chartValue, isFiniteNumber, positive, UNIT_LABEL, valueAxis, wholeUnit, type ValueAxis } from './format.js';

const WIDTH = 640;
const FONT_SIZE = 12;
/** A rough average advance of a 12 px sans-serif character, to lay labels out without measuring. */
const CHAR_WIDTH = 6.6;
const TEXT = '#1a1a1a';
const MUTED = '#555555';
const GRID = '#d0d0d0';
/** Category labels longer than this are cut with «…»; the whole name stays in the mark's <title>. */
const LABEL_CHARS = 24;
const LEGEND_CHARS = 32;
/** Up to this many categories the <desc> reads every value out; beyond, it points to the table. */
const DESC_VALUES = 20;

type Tone = Semaforo | 'neutral';
type PatternKind = 'diagonal' | 'dots' | 'cross' | 'horizontal';

/** The fills of the Excel workbook's semáforo cells (xlsx/styles.ts), so every format agrees. */
const TONES: Readonly<Record<Tone, { fill: string; pattern?: PatternKind }>> = {
  verde: { fill: '#63BE7B' },
  amarillo: { fill: '#FFEB84', pattern: 'dots' },
  rojo: { fill: '#F8696B', pattern: 'diagonal' },
  sin_meta: { fill: '#EDEDED', pattern: 'horizontal' },
  no_reportado: { fill: '#A6A6A6', pattern: 'cross' },
  pendiente: { fill: '#FFFFFF' },
  neutral: { fill: '#4E79A7' },
};

/** Okabe–Ito colours (distinguishable with the common colour-vision deficiencies) for lines. */
const LINE_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#7F6000'];
const LINE_DASHES = ['', '6 3', '2 3', '8 3 2 3'];
type Marker = 'circle' | 'square' | 'triangle' | 'diamond' | 'cross';
const MARKERS: Marker[] = ['circle', 'square', 'triangle', 'diamond', 'cross'];

/** The chart as one `<svg>` element, sized by its viewBox so it shrinks to a phone's width. */
export function chartSvg(chart: Chart): string {
  const base = idBase(chart.id);
  const drawing = chart.kind === 'lines' ? lineChart(chart, base) : barChart(chart, base);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="grafica grafica-${chart.kind}" id="${base}" role="img" aria-labelledby="${base}-titulo" aria-describedby="${base}-desc" viewBox="0 0 ${WIDTH} ${n(drawing.height)}" width="${WIDTH}" height="${n(drawing.height)}" style="max-width:100%;height:auto" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif" font-size="${FONT_SIZE}">`,
    `<title id="${base}-titulo">${esc(chart.title)}</title>`,
    `<desc id="${base}-desc">${esc(describe(chart))}</desc>`,
    ...drawing.body,
    '</svg>',
  ].join('\n');
}

interface Drawing {
  height: number;
  body: string[];
}

// ---------------------------------------------------------------------------------------
// Bars and stacked bars: one horizontal row per category.

const BAR_HEIGHT = 14;
const ROW_GAP = 8;
const VALUE_WIDTH = 70;

function barChart(chart: Chart, base: string): Drawing {
  const axis = valueAxis(chart);
  const stacked = chart.kind === 'stacked';
  const bands = !stacked ? (chart.bands ?? []) : [];
  const labelWidth = clamp(Math.max(0, ...chart.categories.map((c) => shorten(c, LABEL_CHARS).length)) * CHAR_WIDTH + 8, 40, 170);
  const plotX = labelWidth + 8;
  const plotWidth = WIDTH - plotX - VALUE_WIDTH;
  const top = bands.length > 0 ? 22 : 6;
  const bars = stacked ? 1 : Math.max(1, chart.series.length);
  const rowHeight = bars * BAR_HEIGHT + ROW_GAP;
  const plotHeight = Math.max(1, chart.categories.length) * rowHeight;
  const x = (value: number) => plotX + (clamp(value, 0, axis.max) / axis.max) * plotWidth;
  const body: string[] = [];

  if (bands.length > 0) body.push(...bandRects(bands, axis, x, top, plotHeight));
  body.push(...verticalGrid(axis, x, top, plotHeight, chart.unit));

  const patterns = new Set<Tone>();
  body.push('<g class="filas">');
  chart.categories.forEach((category, row) => {
    const y = top + row * rowHeight + ROW_GAP / 2;
    body.push(
      `<text class="categoria" x="${n(labelWidth)}" y="${n(y + (bars * BAR_HEIGHT) / 2 + 4)}" text-anchor="end" fill="${TEXT}">${esc(shorten(category, LABEL_CHARS))}</text>`,
    );
    if (stacked) body.push(...stackedRow(chart, category, row, y, x, base, patterns));
    else body.push(...barRow(chart, category, row, y, x, plotX, base, patterns));
  });
  body.push('</g>');

  let height = top + plotHeight + 22;
  const legend = stacked || chart.series.length > 1 ? legendItems(chart, base, patterns) : [];
  if (legend.length > 0) {
    const drawn = legendRows(legend, height + 4);
    body.push(...drawn.body);
    height = drawn.bottom;
  }
  const defs = patternDefs([...patterns], base);
  return { height: height + 4, body: defs.length > 0 ? ['<defs>', ...defs, '</defs>', ...body] : body };
}

function bandRects(bands: NonNullable<Chart['bands']>, axis: ValueAxis, x: (v: number) => number, top: number, plotHeight: number): string[] {
  const sorted = [...bands].sort((a, b) => a.from - b.from);
  const out = ['<g class="bandas">'];
  sorted.forEach((band, i) => {
    const from = x(band.from);
    const to = x(sorted[i + 1]?.from ?? axis.max);
    if (to <= from) return;
    // Alternating greys: the bands read as bands in black and white too, and each is named.
    out.push(
      `<rect class="banda" x="${n(from)}" y="${n(top)}" width="${n(to - from)}" height="${n(plotHeight)}" fill="${i % 2 === 0 ? '#F2F2F2' : '#E2E2E2'}"><title>${esc(`${band.label}: desde ${chartValue(band.from, 'puntos')}`)}</title></rect>`,
      `<text class="banda-nombre" x="${n((from + to) / 2)}" y="${n(top - 7)}" text-anchor="middle" fill="${MUTED}" font-size="11">${esc(shorten(band.label, Math.max(3, Math.floor((to - from) / 6))))}</text>`,
    );
  });
  out.push('</g>');
  return out;
}

function verticalGrid(axis: ValueAxis, x: (v: number) => number, top: number, plotHeight: number, unit: Chart['unit']): string[] {
  const bottom = top + plotHeight;
  const out = ['<g class="eje">'];
  for (const tick of axis.ticks) {
    out.push(
      `<line x1="${n(x(tick))}" y1="${n(top)}" x2="${n(x(tick))}" y2="${n(bottom)}" stroke="${GRID}" stroke-width="1"/>`,
      `<text x="${n(x(tick))}" y="${n(bottom + 15)}" text-anchor="middle" fill="${MUTED}" font-size="11">${esc(tickLabel(tick, unit))}</text>`,
    );
  }
  out.push(`<text x="${n(WIDTH - 4)}" y="${n(bottom + 15)}" text-anchor="end" fill="${MUTED}" font-size="11">${esc(UNIT_LABEL[unit])}</text>`);
  out.push('</g>');
  return out;
}

function barRow(
  chart: Chart,
  category: string,
  row: number,
  y: number,
  x: (v: number) => number,
  plotX: number,
  base: string,
  patterns: Set<Tone>,
): string[] {
  const out: string[] = [];
  chart.series.forEach((series, s) => {
    const value = series.values[row];
    const top = y + s * BAR_HEIGHT;
    const who = chart.series.length > 1 ? `${category}, ${series.name}` : category;
    if (!isFiniteNumber(value)) {
      out.push(`<text class="sin-dato" x="${n(plotX + 4)}" y="${n(top + BAR_HEIGHT - 3)}" fill="${MUTED}" font-style="italic">sin dato</text>`);
      return;
    }
    const tone = series.tone ?? 'neutral';
    const width = Math.max(0, x(value) - plotX);
    out.push(
      `<rect class="barra" x="${n(plotX)}" y="${n(top + 1)}" width="${n(width)}" height="${n(BAR_HEIGHT - 2)}" fill="${fillOf(tone, base, patterns)}" stroke="${MUTED}" stroke-width="0.5"><title>${esc(`${who}: ${chartValue(value, chart.unit)}`)}</title></rect>`,
      `<text class="valor" x="${n(plotX + width + 4)}" y="${n(top + BAR_HEIGHT - 3)}" fill="${TEXT}">${esc(chartValue(value, chart.unit))}</text>`,
    );
  });
  return out;
}

function stackedRow(chart: Chart, category: string, row: number, y: number, x: (v: number) => number, base: string, patterns: Set<Tone>): string[] {
  const out: string[] = [];
  let sum = 0;
  let any = false;
  for (const series of chart.series) {
    const raw = series.values[row];
    if (isFiniteNumber(raw)) any = true;
    const value = positive(raw);
    if (value === 0) continue;
    const from = x(sum);
    const to = x(sum + value);
    sum += value;
    const tone = series.tone ?? 'neutral';
    const label = chartValue(value, chart.unit);
    out.push(
      `<rect class="segmento" x="${n(from)}" y="${n(y + 1)}" width="${n(to - from)}" height="${n(BAR_HEIGHT - 2)}" fill="${fillOf(tone, base, patterns)}" stroke="${MUTED}" stroke-width="0.5"><title>${esc(`${category}, ${series.name}: ${label}`)}</title></rect>`,
    );
    // The count inside its segment when it fits, haloed in white so the pattern never hides it.
    if (to - from >= label.length * CHAR_WIDTH + 4) {
      out.push(
        `<text class="cuenta" x="${n((from + to) / 2)}" y="${n(y + BAR_HEIGHT - 3)}" text-anchor="middle" fill="${TEXT}" font-size="11" stroke="#FFFFFF" stroke-width="3" paint-order="stroke">${esc(label)}</text>`,
      );
    }
  }
  const total = any ? chartValue(sum, chart.unit) : 'sin dato';
  out.push(`<text class="valor" x="${n(x(sum) + 4)}" y="${n(y + BAR_HEIGHT - 3)}" fill="${any ? TEXT : MUTED}">${esc(total)}</text>`);
  return out;
}

// ---------------------------------------------------------------------------------------
// Lines: categories (quarters, years) along x, one line per series, a gap where a value is null.

const LINES_TOP = 24;
const LINES_HEIGHT = 220;
const LINES_LEFT = 56;
const LINES_RIGHT = 16;

function lineChart(chart: Chart, base: string): Drawing {
  const axis = valueAxis(chart);
  const plotWidth = WIDTH - LINES_LEFT - LINES_RIGHT;
  const count = Math.max(1, chart.categories.length);
  const x = (i: number) => LINES_LEFT + ((i + 0.5) * plotWidth) / count;
  const y = (v: number) => LINES_TOP + LINES_HEIGHT - (clamp(v, 0, axis.max) / axis.max) * LINES_HEIGHT;
  const bottom = LINES_TOP + LINES_HEIGHT;
  const body: string[] = ['<g class="eje">', `<text x="4" y="12" fill="${MUTED}" font-size="11">${esc(UNIT_LABEL[chart.unit])}</text>`];
  for (const tick of axis.ticks) {
    body.push(
      `<line x1="${n(LINES_LEFT)}" y1="${n(y(tick))}" x2="${n(WIDTH - LINES_RIGHT)}" y2="${n(y(tick))}" stroke="${GRID}" stroke-width="1"/>`,
      `<text x="${n(LINES_LEFT - 6)}" y="${n(y(tick) + 4)}" text-anchor="end" fill="${MUTED}" font-size="11">${esc(tickLabel(tick, chart.unit))}</text>`,
    );
  }
  chart.categories.forEach((category, i) => {
    body.push(`<text class="categoria" x="${n(x(i))}" y="${n(bottom + 16)}" text-anchor="middle" fill="${TEXT}">${esc(shorten(category, 12))}</text>`);
  });
  body.push('</g>');

  chart.series.forEach((series, s) => {
    const colour = LINE_COLOURS[s % LINE_COLOURS.length] as string;
    const dash = LINE_DASHES[s % LINE_DASHES.length] as string;
    const marker = MARKERS[s % MARKERS.length] as Marker;
    body.push(`<g class="serie" stroke="${colour}" fill="${colour}">`);
    body.push(`<title>${esc(series.name)}</title>`);
    const path = linePath(series.values, x, y);
    if (path !== '') body.push(`<path d="${path}" fill="none" stroke-width="2"${dash === '' ? '' : ` stroke-dasharray="${dash}"`}/>`);
    series.values.forEach((value, i) => {
      if (!isFiniteNumber(value)) return;
      const label = `${series.name}, ${chart.categories[i] ?? ''}: ${chartValue(value, chart.unit)}`;
      body.push(markerShape(marker, x(i), y(value), label));
    });
    body.push('</g>');
  });

  const drawn = legendRows(legendItems(chart, base, new Set()), bottom + 28);
  body.push(...drawn.body);
  return { height: drawn.bottom + 4, body };
}

/** `M…L…` runs of consecutive values; a null ends the run, so a missing quarter is a gap, not a zero. */
function linePath(values: (number | null)[], x: (i: number) => number, y: (v: number) => number): string {
  const parts: string[] = [];
  let open = false;
  values.forEach((value, i) => {
    if (!isFiniteNumber(value)) {
      open = false;
      return;
    }
    parts.push(`${open ? 'L' : 'M'}${n(x(i))} ${n(y(value))}`);
    open = true;
  });
  return parts.join(' ');
}

function markerShape(marker: Marker, cx: number, cy: number, label: string, size = 4): string {
  const title = `<title>${esc(label)}</title>`;
  switch (marker) {
    case 'circle':
      return `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(size)}">${title}</circle>`;
    case 'square':
      return `<rect x="${n(cx - size)}" y="${n(cy - size)}" width="${n(2 * size)}" height="${n(2 * size)}">${title}</rect>`;
    case 'triangle':
      return `<path d="M${n(cx)} ${n(cy - size - 1)} L${n(cx + size + 1)} ${n(cy + size)} L${n(cx - size - 1)} ${n(cy + size)} Z">${title}</path>`;
    case 'diamond':
      return `<path d="M${n(cx)} ${n(cy - size - 1)} L${n(cx + size + 1)} ${n(cy)} L${n(cx)} ${n(cy + size + 1)} L${n(cx - size - 1)} ${n(cy)} Z">${title}</path>`;
    case 'cross':
      return `<path d="M${n(cx - size)} ${n(cy - size)} L${n(cx + size)} ${n(cy + size)} M${n(cx + size)} ${n(cy - size)} L${n(cx - size)} ${n(cy + size)}" fill="none" stroke-width="2">${title}</path>`;
  }
}

// ---------------------------------------------------------------------------------------
// Legend: one swatch and name per series, wrapped into rows across the width.

interface LegendItem {
  name: string;
  swatch: (x: number, y: number) => string;
}

function legendItems(chart: Chart, base: string, patterns: Set<Tone>): LegendItem[] {
  if (chart.kind === 'lines') {
    return chart.series.map((series, s) => {
      const colour = LINE_COLOURS[s % LINE_COLOURS.length] as string;
      const dash = LINE_DASHES[s % LINE_DASHES.length] as string;
      const marker = MARKERS[s % MARKERS.length] as Marker;
      return {
        name: series.name,
        swatch: (x, y) =>
          `<g stroke="${colour}" fill="${colour}"><line x1="${n(x)}" y1="${n(y)}" x2="${n(x + 18)}" y2="${n(y)}" stroke-width="2"${dash === '' ? '' : ` stroke-dasharray="${dash}"`}/>${markerShape(marker, x + 9, y, series.name, 3)}</g>`,
      };
    });
  }
  return chart.series.map((series) => ({
    name: series.name,
    swatch: (x, y) =>
      `<rect x="${n(x)}" y="${n(y - 6)}" width="18" height="12" fill="${fillOf(series.tone ?? 'neutral', base, patterns)}" stroke="${MUTED}" stroke-width="0.5"/>`,
  }));
}

function legendRows(items: LegendItem[], top: number): { body: string[]; bottom: number } {
  if (items.length === 0) return { body: [], bottom: top };
  const body = ['<g class="leyenda">'];
  let x = 8;
  let y = top + 8;
  for (const item of items) {
    const name = shorten(item.name, LEGEND_CHARS);
    const width = 18 + 6 + name.length * CHAR_WIDTH + 16;
    if (x > 8 && x + width > WIDTH) {
      x = 8;
      y += 20;
    }
    body.push(item.swatch(x, y), `<text x="${n(x + 24)}" y="${n(y + 4)}" fill="${TEXT}">${esc(name)}</text>`);
    x += width;
  }
  body.push('</g>');
  return { body, bottom: y + 12 };
}

// ---------------------------------------------------------------------------------------
// Fills and patterns. Pattern ids start with the chart's own id, so several charts inline
// in one page never share (or clash on) an id.

function fillOf(tone: Tone, base: string, used: Set<Tone>): string {
  const { fill, pattern } = TONES[tone];
  if (pattern === undefined) return fill;
  used.add(tone);
  return `url(#${base}-${tone})`;
}

function patternDefs(tones: Tone[], base: string): string[] {
  return tones
    .sort()
    .map((tone) => {
      const { fill, pattern } = TONES[tone];
      const open = `<pattern id="${base}-${tone}" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="${fill}"/>`;
      const ink = 'stroke="#000000" stroke-opacity="0.45" stroke-width="1"';
      switch (pattern) {
        case 'diagonal':
          return `${open}<path d="M0 6 L6 0 M-1 1 L1 -1 M5 7 L7 5" ${ink}/></pattern>`;
        case 'dots':
          return `${open}<circle cx="3" cy="3" r="1" fill="#000000" fill-opacity="0.45"/></pattern>`;
        case 'cross':
          return `${open}<path d="M0 0 L6 6 M6 0 L0 6" ${ink}/></pattern>`;
        case 'horizontal':
          return `${open}<path d="M0 3 L6 3" ${ink}/></pattern>`;
        default:
          return '';
      }
    })
    .filter((def) => def !== '');
}

// ---------------------------------------------------------------------------------------
// The <desc>: the chart in words, and every value while there are few.

function describe(chart: Chart): string {
  const unit = UNIT_LABEL[chart.unit];
  const count = chart.categories.length;
  const sentences: string[] = [];
  if (chart.kind === 'bars') {
    sentences.push(`Barras horizontales, una por cada una de ${count} categorías, en ${unit}.`);
    if (chart.bands && chart.bands.length > 0) {
      const bands = [...chart.bands].sort((a, b) => a.from - b.from).map((b) => `${b.label} desde ${chartValue(b.from, 'puntos')}`);
      sentences.push(`Franjas de fondo: ${bands.join(', ')}.`);
    }
  } else if (chart.kind === 'stacked') {
    sentences.push(`Barras apiladas por categoría (${count}), en ${unit}: ${chart.series.map((s) => s.name).join(', ')}.`);
  } else {
    sentences.push(`Una línea por serie (${chart.series.length}) a lo largo de ${chart.categories.join(', ')}, en ${unit}.`);
  }
  const values = valuesInWords(chart);
  if (values !== undefined) sentences.push(values);
  sentences.push('Las mismas cifras están en la tabla que acompaña a la gráfica.');
  return sentences.join(' ');
}

function valuesInWords(chart: Chart): string | undefined {
  const said = (value: number | null | undefined) => (isFiniteNumber(value) ? chartValue(value, chart.unit) : 'sin dato');
  if (chart.kind === 'lines') {
    if (chart.series.length > DESC_VALUES) return undefined;
    return chart.series.map((s) => `${s.name}: ${chart.categories.map((c, i) => `${c} ${said(s.values[i])}`).join(', ')}`).join('; ') + '.';
  }
  if (chart.categories.length > DESC_VALUES) return undefined;
  return (
    chart.categories
      .map((category, i) => {
        if (chart.kind === 'stacked') {
          const parts = chart.series.filter((s) => positive(s.values[i]) > 0).map((s) => `${s.name} ${said(s.values[i])}`);
          return `${category}: ${parts.length > 0 ? parts.join(', ') : 'sin dato'}`;
        }
        if (chart.series.length === 1) return `${category}: ${said(chart.series[0]?.values[i])}`;
        return `${category}: ${chart.series.map((s) => `${s.name} ${said(s.values[i])}`).join(', ')}`;
      })
      .join('; ') + '.'
  );
}

// ---------------------------------------------------------------------------------------

/** Characters an XML text node or attribute may not hold as they are, and controls XML 1.0 forbids. */
function esc(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string);
}

/** The chart id as an XML id: `ranking-total` → `grafica-ranking-total`. */
function idBase(id: string): string {
  const slug = id
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'grafica' : `grafica-${slug}`;
}

function shorten(value: string, max: number): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function tickLabel(tick: number, unit: Chart['unit']): string {
  // Axis ticks without the unit sign: the unit is written once, at the axis's end.
  return wholeUnit(unit) || Number.isInteger(tick) ? chartValue(tick, 'metas') : chartValue(tick, 'puntos');
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/** Coordinates with one decimal: enough for a screen, and no float noise in the bytes. */
function n(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}
