// Column widths, row heights and print fitting of a sheet, computed from the text it will
// hold (layout/text-metrics.ts) before any row is written: the streaming writer puts the
// column widths and the print set-up at the top of the sheet.
import type ExcelJS from 'exceljs';
import { cellText } from '../../view/cell-text.js';
import type { Cell, Column, Table } from '../../view/types.js';
import { textWidth, weightScale, wrappedLineCount } from '../layout/text-metrics.js';
import { memoize } from '../../view/memo.js';
import { checkRowWidths } from '../table-shape.js';

/** Every cell is set in Arial 10: Excel has it everywhere and LibreOffice reads it as the
 * metric-compatible Liberation Sans, so a line wraps at the same place in both and the row
 * heights below fit. (Calibri, Excel's default, has no such twin on a plain LibreOffice.) */
export const FONT_SIZE = 10;

/** Column widths, in digits of the default font (7 pixels), measured from the text in Arial.
 * A text column grows to its longest line up to TEXT_MAX_WIDTH and wraps beyond it; a number,
 * percent, date or semáforo column is sized from its data and the longest word of its header
 * (the header wraps), up to VALUE_MAX_WIDTH. The Resumen's two columns go up to MAX_WIDTH. */
export const MIN_WIDTH = 8;
const TEXT_MAX_WIDTH = 40;
const VALUE_MAX_WIDTH = 16;
const MAX_WIDTH = 60;
/** Pixels (at 96 dpi) of one unit of column width, that is of a digit of the default font, and
 * of a cell's inner margins; pixels per em of Arial 10. */
const PX_PER_UNIT = 7;
const CELL_MARGIN_PX = 5;
const PX_PER_EM = (FONT_SIZE * 96) / 72;
/** Share of a column's room the estimate lets a line fill: screens and printers round glyph
 * widths differently, and a row a little roomy beats a last line cut off. */
const WRAP_SAFETY = 0.9;
/** Height of one line of Arial 10, in points (Excel's default row height for it), and the room
 * a wrapped cell needs above and below its lines. */
export const LINE_HEIGHT = 12.75;
const ROW_PADDING = 1.5;
/** Sheets wider than this (in width units) print on legal paper: on letter, fitted to the
 * page's width, their text would come out below about 7.5 points. */
const LEGAL_MIN_WIDTH = 180;
/** A table wider than this prints on legal below about 7 points, so its widest text columns
 * are narrowed (and wrap into more lines), though never below NARROWED_TEXT_WIDTH. */
const PRINT_BUDGET = 230;
const NARROWED_TEXT_WIDTH = 20;
const PAPER_LETTER = 1 as ExcelJS.PaperSize;
const PAPER_LEGAL = 5 as ExcelJS.PaperSize;

const VALUE_KINDS: ReadonlySet<Column['kind']> = new Set(['int', 'number', 'percent', 'date', 'semaforo']);

/** What a cell shows, as a plain string: the basis of column widths. */
export function shownText(cell: Cell): string {
  return cell.t === 'empty' ? (cell.note ?? '') : cellText(cell);
}

/** Width of the widest line of `text` in Arial 10, in pixels at 96 dpi. */
function widestLinePixels(text: string, bold: boolean): number {
  const scale = weightScale(bold);
  let widest = 0;
  for (const line of text.split('\n')) widest = Math.max(widest, textWidth(line) * scale * PX_PER_EM);
  return widest;
}

// A table's texts are measured for its column's width and again for whether they wrap, and
// many repeat (units, percentages, claves).
const regularPixels = memoize((text: string) => widestLinePixels(text, false));
const boldPixels = memoize((text: string) => widestLinePixels(text, true));

function linePixels(text: string, bold = false): number {
  return bold ? boldPixels(text) : regularPixels(text);
}

/** Width of the widest word of `text` (a header, which wraps), in pixels. */
function wordPixels(text: string, bold = false): number {
  return Math.max(0, ...text.split(/\s+/).map((word) => linePixels(word, bold)));
}

/** The column width that holds a line `px` wide, with the margin of safety wrappedLines() uses
 * by default. A header's words get none: one that does not quite fit only breaks on screen,
 * where a data line that does not fit would be cut off. */
function unitsFor(px: number, safety = WRAP_SAFETY): number {
  return Math.ceil((px / safety + CELL_MARGIN_PX) / PX_PER_UNIT);
}

/** The width of a table column: from its data and the longest word of its header, which wraps. */
function tableColumnWidth(column: Column, data: string[]): number {
  const header = unitsFor(wordPixels(column.header, true), 1);
  const needed = Math.max(header, unitsFor(widestLine(data, false)));
  const max = VALUE_KINDS.has(column.kind) ? VALUE_MAX_WIDTH : TEXT_MAX_WIDTH;
  return Math.min(max, Math.max(MIN_WIDTH, needed));
}

/**
 * Narrows the widest text columns of a table too wide to print legibly to a common width,
 * the widest that brings the table within PRINT_BUDGET, but no narrower than
 * NARROWED_TEXT_WIDTH. Number and date columns keep their width: they do not wrap.
 */
function fitToBudget(columns: Column[], widths: number[]): number[] {
  const narrowed = (cap: number) =>
    widths.map((width, c) => (VALUE_KINDS.has(columns[c]?.kind ?? 'text') ? width : Math.min(width, cap)));
  let cap = TEXT_MAX_WIDTH;
  while (cap > NARROWED_TEXT_WIDTH && sheetWidth(narrowed(cap)) > PRINT_BUDGET) cap--;
  return narrowed(cap);
}

/** The longest line's pixels; a loop, not Math.max(...): a column of 160,000 metas overflows the call stack. */
function widestLine(texts: readonly string[], bold: boolean): number {
  let widest = 0;
  for (const text of texts) widest = Math.max(widest, linePixels(text, bold));
  return widest;
}

/** The width of a Resumen column: its longest line, up to MAX_WIDTH. */
export function columnWidth(texts: string[], bold: boolean): number {
  const needed = unitsFor(widestLine(texts, bold));
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, needed));
}

/** Whether some text of a column is too wide for one line of it. */
export function overflows(texts: string[], width: number): boolean {
  return texts.some((text) => unitsFor(linePixels(text)) > width);
}

/** How many lines `text` takes when word-wrapped into a column `width` units wide. */
export function wrappedLines(text: string, width: number, bold = false, safety = WRAP_SAFETY): number {
  const room = (Math.max(1, width * PX_PER_UNIT - CELL_MARGIN_PX) / PX_PER_EM) * safety;
  return linesIn(room, bold)(text);
}

// Line counts per line width: a description is wrapped once per sheet that shows it, and a
// column's texts repeat. Bounded: a report has a few dozen widths, and a memo per width.
const MAX_ROOMS = 200;
const TEXTS_PER_ROOM = 20_000;
const wrappedIn = { regular: new Map<number, (text: string) => number>(), bold: new Map<number, (text: string) => number>() };

function linesIn(room: number, bold: boolean): (text: string) => number {
  const byRoom = bold ? wrappedIn.bold : wrappedIn.regular;
  let count = byRoom.get(room);
  if (!count) {
    if (byRoom.size >= MAX_ROOMS) byRoom.clear();
    count = memoize((text: string) => wrappedLineCount(text, room, bold), TEXTS_PER_ROOM);
    byRoom.set(room, count);
  }
  return count;
}

/** A row height for `lines` lines of text, or undefined for the default height of one line. */
export function rowHeight(lines: number): number | undefined {
  return lines > 1 ? lines * LINE_HEIGHT + ROW_PADDING : undefined;
}

export function sheetWidth(widths: number[]): number {
  return widths.reduce((sum, w) => sum + w, 0);
}

/** Letter, what Mexican offices print on; legal (oficio's nearest Excel size) for wide tables. */
export function paperSize(widths: number[]): ExcelJS.PaperSize {
  return sheetWidth(widths) > LEGAL_MIN_WIDTH ? PAPER_LEGAL : PAPER_LETTER;
}

/** The column widths of a table, and whether each column wraps. */
export function tableLayout(table: Table): { widths: number[]; wrap: boolean[] } {
  checkRowWidths(table);
  const data = table.columns.map((_, c) => table.rows.map((cells) => shownText(cells[c] ?? { t: 'empty' })));
  const widths = fitToBudget(
    table.columns,
    table.columns.map((column, c) => tableColumnWidth(column, data[c] ?? [])),
  );
  const wrap = data.map((texts, c) => overflows(texts, widths[c] ?? MIN_WIDTH));
  return { widths, wrap };
}
