// The executive sheet, first in the workbook: the period in a sentence, the departments ranked,
// what needs action, the worst metas, and each chart of the executive page as its table with a
// native Excel chart beside it (bars and stacked bars; chart.ts). The cells carry their own
// visual cues as conditional formatting (conditional.ts): data bars on the ranking's figures,
// arrows on its change, colour scales on the trends. Every figure is still a cell with its
// text, so nothing depends on colour.
import type { Font, Worksheet } from 'exceljs';
import type { Cell, Chart, ExecutiveSummary, ReportView, Table } from '../../view/types.js';
import { addSheetDrawing, appendPart, setConditionalFormattingXml } from './exceljs-hooks.js';
import { openSheet, type Book } from './book.js';
import { CONTENT_TYPE_CHART, CONTENT_TYPE_DRAWING, EMU_PER_POINT, chartXml, drawingRelsXml, drawingXml, type Anchor, type NativeChart } from './chart.js';
import { columnLetter as letter, conditionalFormattingXml, semaforoScale, type ConditionalFormat } from './conditional.js';
import { LINE_HEIGHT, MIN_WIDTH, overflows, shownText, tableLayout } from './layout.js';
import { commitRow, paragraph, titleCell, writeTable } from './sheets.js';
import { decimalFormat, MUTED_COLOR, NUM_FMT, SEMAFORO_FILL } from './styles.js';

export const EXECUTIVE_SHEET = 'Resumen ejecutivo';

export const EXECUTIVE_TEXT = {
  ranking: 'Clasificación de las dependencias',
  actions: 'Qué requiere atención',
  nothing: 'Nada requiere atención inmediata.',
  worst: 'Metas con menor cumplimiento',
  noWorst: 'Ninguna meta tiene cumplimiento medido en el periodo.',
} as const;

/** The colour of a bar that is not a semáforo, and of the ranking's data bars. */
const NEUTRAL_COLOR = 'FF5B9BD5';
/** The width and height of a native chart, in points; its height grows with its bars. */
const CHART_WIDTH_PT = 430;
const CHART_MIN_HEIGHT_PT = 200;
const CHART_PT_PER_CATEGORY = 16;
const CHART_FRAME_PT = 90;

const UNIT_LABEL: Readonly<Record<string, string>> = {
  puntos: 'Puntos (0 a 100)',
  '%': 'Porcentaje',
  metas: 'Metas',
  reportes: 'Reportes',
};

/** A change column of the ranking: its icons follow the arrows of the view (↑ above +0.05, ↓ below −0.05). */
const CHANGE_HEADER = /^cambio/i;
const CHANGE_STEP = 0.05;

type Block =
  /** `pageBreak`: printing starts a new page at the heading, so a chart is never cut in two. */
  | { kind: 'heading'; row: number; text: string; pageBreak?: true }
  | { kind: 'paragraph'; row: number; text: string; muted: boolean }
  | { kind: 'table'; headerRow: number; table: Table };

const isNumeric = (kind: Cell['t']): boolean => kind === 'int' || kind === 'number' || kind === 'percent';

function range(col: number, first: number, last: number, lastCol = col): string {
  return `${letter(col)}${first}:${letter(lastCol)}${last}`;
}

const absolute = (col: number, first: number, last: number): string =>
  `'${EXECUTIVE_SHEET}'!$${letter(col)}$${first}${last === first ? '' : `:$${letter(col)}$${last}`}`;

function numberOf(cell: Cell | undefined): number | null {
  return cell !== undefined && (cell.t === 'int' || cell.t === 'number' || cell.t === 'percent') ? cell.v : null;
}

/** The data bars and arrows of the ranking, by the kind and header of each column. */
function rankingFormats(table: Table, headerRow: number): ConditionalFormat[] {
  const first = headerRow + 1;
  const last = headerRow + table.rows.length;
  if (table.rows.length === 0) return [];
  const formats: ConditionalFormat[] = [];
  table.columns.forEach((column, c) => {
    if (column.kind !== 'number' && column.kind !== 'percent') return;
    const ref = range(c + 1, first, last);
    if (CHANGE_HEADER.test(column.header)) {
      // A percentage's change is a fraction: 0.05 points of percentage are 0.0005.
      const step = column.kind === 'percent' ? CHANGE_STEP / 100 : CHANGE_STEP;
      formats.push({
        ref,
        rule: {
          type: 'iconSet',
          iconSet: '3Arrows',
          thresholds: [
            { type: 'percent', value: 0 },
            { type: 'num', value: -step },
            { type: 'num', value: step, gte: false },
          ],
        },
      });
      return;
    }
    const values = table.rows.map((row) => numberOf(row[c])).filter((v): v is number => v !== null);
    const top = column.kind === 'percent' ? 1 : 100;
    formats.push({
      ref,
      rule: {
        type: 'dataBar',
        min: { type: 'num', value: 0 },
        max: values.every((v) => v <= top) ? { type: 'num', value: top } : { type: 'max' },
        color: NEUTRAL_COLOR,
      },
    });
  });
  return formats;
}

function seriesColor(tone: Chart['series'][number]['tone']): string {
  if (tone === undefined || tone === 'neutral' || tone === 'pendiente' || tone === 'sin_meta') return NEUTRAL_COLOR;
  return SEMAFORO_FILL[tone];
}

/** The column of `table` that holds a series: the one headed by its name, or the only numeric one. */
function seriesColumn(table: Table, name: string, onlySeries: boolean): number | undefined {
  const byName = table.columns.findIndex((column, c) => c > 0 && column.header === name && isNumeric(column.kind));
  if (byName > 0) return byName;
  if (!onlySeries) return undefined;
  const numeric = table.columns.flatMap((column, c) => (c > 0 && isNumeric(column.kind) ? [c] : []));
  return numeric.length === 1 ? numeric[0] : undefined;
}

/** The value axis' top for a column: a fraction's is 1, a score's the chart's maximum. */
function axisTop(chart: Chart, percent: boolean): number | undefined {
  return percent ? 1 : chart.max;
}

/** The cues of a chart's table: bars in each series' colour, or a colour scale for a trend. */
function chartFormats(chart: Chart, headerRow: number): ConditionalFormat[] {
  const { table } = chart;
  if (table.rows.length === 0) return [];
  const first = headerRow + 1;
  const last = headerRow + table.rows.length;
  const numeric = table.columns.flatMap((column, c) => (c > 0 && isNumeric(column.kind) ? [c] : []));
  if (numeric.length === 0) return [];
  if (chart.kind === 'lines') {
    if (chart.unit !== '%' && chart.unit !== 'puntos') return [];
    const percent = table.columns[numeric[0]!]?.kind === 'percent';
    const top = percent ? 1 : 100;
    return [{ ref: range(numeric[0]! + 1, first, last, numeric[numeric.length - 1]! + 1), rule: semaforoScale(top) }];
  }
  // One scale for every series, so that bars of different columns compare.
  const values = numeric.flatMap((c) => table.rows.map((row) => numberOf(row[c]))).filter((v): v is number => v !== null);
  const percent = numeric.every((c) => table.columns[c]?.kind === 'percent');
  const top = axisTop(chart, percent);
  const max = top !== undefined && values.every((v) => v <= top) ? { type: 'num' as const, value: top } : { type: 'num' as const, value: Math.max(1, ...values) };
  const formats: ConditionalFormat[] = [];
  for (const c of numeric) {
    const series = chart.series.find((s) => s.name === table.columns[c]?.header) ?? (chart.series.length === 1 ? chart.series[0] : undefined);
    formats.push({
      ref: range(c + 1, first, last),
      rule: { type: 'dataBar', min: { type: 'num', value: 0 }, max, color: seriesColor(series?.tone) },
    });
  }
  return formats;
}

/**
 * The native chart of a bars or stacked chart, reading the cells of its table written at
 * `headerRow`; undefined when the table does not hold the chart's figures one category a row
 * (the table is then shown alone, with its data bars).
 */
function nativeChart(chart: Chart, headerRow: number): NativeChart | undefined {
  if (chart.kind === 'lines') return undefined;
  const { table } = chart;
  if (table.rows.length === 0 || table.rows.length !== chart.categories.length) return undefined;
  if (!table.rows.every((row, r) => row[0] !== undefined && shownText(row[0]) === chart.categories[r])) return undefined;
  const first = headerRow + 1;
  const last = headerRow + table.rows.length;
  const series: NativeChart['series'] = [];
  for (const s of chart.series) {
    const c = seriesColumn(table, s.name, chart.series.length === 1);
    if (c === undefined) return undefined;
    series.push({
      name: table.columns[c]!.header,
      nameRef: absolute(c + 1, headerRow, headerRow),
      ref: absolute(c + 1, first, last),
      values: table.rows.map((row) => numberOf(row[c])),
      color: seriesColor(s.tone),
    });
  }
  const firstColumn = table.columns.findIndex((_, c) => c === seriesColumn(table, chart.series[0]!.name, chart.series.length === 1));
  const sample = table.rows.map((row) => row[firstColumn]).find((cell) => numberOf(cell) !== null);
  const percent = sample?.t === 'percent';
  const format = sample?.t === 'percent' ? '0.0%' : sample?.t === 'number' ? decimalFormat(sample.decimals) : NUM_FMT.int;
  // A stacked bar labels each of its parts; a part of zero has no width and its label is left out.
  const labelFormat = chart.kind === 'stacked' ? `${format};-${format};;` : format;
  const top = axisTop(chart, percent);
  return {
    title: chart.title,
    description: `${chart.title}. Las mismas cifras están en la tabla a la izquierda del gráfico.`,
    kind: chart.kind,
    unit: UNIT_LABEL[chart.unit] ?? chart.unit,
    categories: { ref: absolute(1, first, last), values: [...chart.categories] },
    series,
    ...(top !== undefined ? { max: top } : {}),
    percent,
    labelFormat,
  };
}

/** The widths of the sheet's columns: each the widest that any of its tables asks for. */
function sheetWidths(tables: Table[]): number[] {
  const widths: number[] = [];
  for (const table of tables) {
    tableLayout(table).widths.forEach((width, c) => {
      widths[c] = Math.max(widths[c] ?? MIN_WIDTH, width);
    });
  }
  return widths.length > 0 ? widths : [MIN_WIDTH];
}

function wrapFor(table: Table, widths: number[]): boolean[] {
  return table.columns.map((_, c) => overflows(table.rows.map((row) => shownText(row[c] ?? { t: 'empty' })), widths[c] ?? MIN_WIDTH));
}

interface Plan {
  blocks: Block[];
  formats: ConditionalFormat[];
  charts: Array<{ anchor: Anchor; chart: NativeChart }>;
}

/** Where everything goes, row by row, before the first row is written. */
function plan(executive: ExecutiveSummary): Plan {
  const blocks: Block[] = [];
  const formats: ConditionalFormat[] = [];
  const charts: Plan['charts'] = [];
  let row = 2;
  blocks.push({ kind: 'paragraph', row: row++, text: executive.headline, muted: false });
  row++;

  blocks.push({ kind: 'heading', row: row++, text: EXECUTIVE_TEXT.ranking });
  blocks.push({ kind: 'table', headerRow: row, table: executive.ranking });
  formats.push(...rankingFormats(executive.ranking, row));
  row += executive.ranking.rows.length + 2;

  blocks.push({ kind: 'heading', row: row++, text: EXECUTIVE_TEXT.actions });
  if (executive.actions.length === 0) blocks.push({ kind: 'paragraph', row: row++, text: EXECUTIVE_TEXT.nothing, muted: false });
  for (const action of executive.actions) blocks.push({ kind: 'paragraph', row: row++, text: action.sentence, muted: false });
  row++;

  blocks.push({ kind: 'heading', row: row++, text: EXECUTIVE_TEXT.worst });
  if (executive.worstMetas.rows.length === 0) {
    blocks.push({ kind: 'paragraph', row: row++, text: EXECUTIVE_TEXT.noWorst, muted: true });
  } else {
    blocks.push({ kind: 'table', headerRow: row, table: executive.worstMetas });
    row += executive.worstMetas.rows.length + 1;
  }
  row++;

  for (const chart of executive.charts) {
    const titleRow = row++;
    blocks.push({ kind: 'heading', row: titleRow, text: chart.title, pageBreak: true });
    blocks.push({ kind: 'table', headerRow: row, table: chart.table });
    formats.push(...chartFormats(chart, row));
    let rows = chart.table.rows.length + 1;
    const native = nativeChart(chart, row);
    if (native !== undefined) {
      const cy = Math.max(CHART_MIN_HEIGHT_PT, CHART_FRAME_PT + CHART_PT_PER_CATEGORY * chart.categories.length);
      // Beside the table, one empty column between; the rows below the table are kept free for it.
      charts.push({ anchor: { col: chart.table.columns.length + 1, row: titleRow - 1, cx: CHART_WIDTH_PT * EMU_PER_POINT, cy: cy * EMU_PER_POINT }, chart: native });
      rows = Math.max(rows, Math.ceil(cy / LINE_HEIGHT) - 1);
    }
    row += rows + 1;
  }
  return { blocks, formats, charts };
}

/** Writes the drawing and chart parts of the sheet's native charts and ties them to it. */
function addCharts(book: Book, sheet: Worksheet, charts: Plan['charts']): void {
  if (charts.length === 0) return;
  const drawing = book.extraParts.filter((p) => p.contentType === CONTENT_TYPE_DRAWING).length + 1;
  const firstChart = book.extraParts.filter((p) => p.contentType === CONTENT_TYPE_CHART).length + 1;
  const numbers = charts.map((_, i) => firstChart + i);
  addSheetDrawing(sheet, drawing);
  appendPart(book.writer, `xl/drawings/drawing${drawing}.xml`, drawingXml(charts));
  appendPart(book.writer, `xl/drawings/_rels/drawing${drawing}.xml.rels`, drawingRelsXml(numbers));
  book.extraParts.push({ partName: `/xl/drawings/drawing${drawing}.xml`, contentType: CONTENT_TYPE_DRAWING });
  charts.forEach(({ chart }, i) => {
    appendPart(book.writer, `xl/charts/chart${numbers[i]}.xml`, chartXml(chart));
    book.extraParts.push({ partName: `/xl/charts/chart${numbers[i]}.xml`, contentType: CONTENT_TYPE_CHART });
  });
}

/** The «Resumen ejecutivo» sheet of a view that has an executive page. */
export async function writeExecutive(book: Book, view: ReportView, executive: ExecutiveSummary): Promise<void> {
  const tables = [executive.ranking, ...(executive.worstMetas.rows.length > 0 ? [executive.worstMetas] : []), ...executive.charts.map((c) => c.table)];
  const widths = sheetWidths(tables);
  const { blocks, formats, charts } = plan(executive);
  const lastRow = Math.max(1, ...blocks.map((b) => (b.kind === 'table' ? b.headerRow + b.table.rows.length : b.row)));
  const sheet = openSheet(book, EXECUTIVE_SHEET, { headerRow: 0, lastRow, widths, filter: false });

  titleCell(book, sheet, view.title, 14);
  commitRow(sheet, 1);
  const muted: Partial<Font> = { italic: true, color: { argb: MUTED_COLOR } };
  for (const block of blocks) {
    switch (block.kind) {
      case 'heading':
        // Up to the last column, 16384 (exceljs's own default, 16838, is past it).
        if (block.pageBreak) sheet.getRow(block.row - 1).addPageBreak(0, 16384);
        titleCell(book, sheet, block.text, 12, block.row);
        commitRow(sheet, block.row);
        break;
      case 'paragraph':
        paragraph(book, sheet, block.row, block.text, widths, block.muted ? muted : {});
        commitRow(sheet, block.row);
        break;
      case 'table':
        await writeTable(book, sheet, block.headerRow, block.table, widths, wrapFor(block.table, widths));
        break;
    }
  }
  setConditionalFormattingXml(sheet, () => conditionalFormattingXml(formats));
  addCharts(book, sheet, charts);
  sheet.commit();
}
