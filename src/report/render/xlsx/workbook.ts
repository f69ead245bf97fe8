// Excel renderer: one workbook from a ReportView, a *Resumen* sheet and then one sheet per
// section. It only formats what the view gives it: real numbers and dates with number
// formats, never text that looks like a number, and never a formula.
//
// This module (with markdown.ts) is the only place exceljs is imported; the CLI loads it
// with a dynamic import() so `plan validate` never pays for it.
import { createRequire } from 'node:module';
import { Writable } from 'node:stream';

import ExcelJS from 'exceljs';
import type { Alignment, Borders, Cell as XlsxCell, Fill, Font, Style, Worksheet } from 'exceljs';

import type { Semaforo } from '../../../model/semaforo.js';
import { cellText, SEMAFORO_LABEL } from '../../view/cell-text.js';
import type { Cell, Column, ReportView, Table } from '../../view/types.js';

const RESUMEN_SHEET = 'Resumen';

/** Column widths, in digits of the default font (7 pixels), measured from the text in Arial.
 * A text column grows to its longest line up to TEXT_MAX_WIDTH and wraps beyond it; a number,
 * percent, date or semáforo column is sized from its data and the longest word of its header
 * (the header wraps), up to VALUE_MAX_WIDTH. The Resumen's two columns go up to MAX_WIDTH. */
const MIN_WIDTH = 8;
const TEXT_MAX_WIDTH = 40;
const VALUE_MAX_WIDTH = 16;
const MAX_WIDTH = 60;
/** Excel's limit for the text of one cell. */
const MAX_CELL_TEXT = 32_767;
/** Every cell is set in Arial 10: Excel has it everywhere and LibreOffice reads it as the
 * metric-compatible Liberation Sans, so a line wraps at the same place in both and the row
 * heights below fit. (Calibri, Excel's default, has no such twin on a plain LibreOffice.) */
const FONT_NAME = 'Arial';
const FONT_SIZE = 10;
/**
 * Advance widths of Arial (the same as Liberation Sans and Helvetica), in thousandths of an em,
 * of the characters from ' ' to '~'; what wraps a line is the width of its text, and counting
 * characters would misjudge a line of capitals or of `i`s by half.
 */
const ARIAL_ASCII = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556,
  556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
/** Other characters the reports use; an accented letter is as wide as its base letter. */
const ARIAL_OTHER: Record<string, number> = {
  '«': 556, '»': 556, '¿': 611, '¡': 333, '°': 400, '÷': 549, '×': 584, '≥': 549, '≤': 549, 'Σ': 618,
  '—': 1000, '–': 556, '…': 1000, '“': 333, '”': 333, '‘': 222, '’': 222, '•': 350,
};
/** Bold Arial is about this much wider than regular. */
const BOLD_FACTOR = 1.12;
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
const LINE_HEIGHT = 12.75;
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

const SEMAFORO_FILL: Record<Semaforo, string> = {
  verde: 'FF63BE7B',
  amarillo: 'FFFFEB84',
  rojo: 'FFF8696B',
  sin_meta: 'FFEDEDED',
};
const HEADER_FILL = 'FFD9D9D9';
const MUTED_COLOR = 'FF808080';

const NUM_FMT = {
  /** Text format: Excel and LibreOffice keep what is typed into such a cell as text, so editing
   * a cell that holds `=HYPERLINK(…)` does not turn it into a formula (exceljs cannot write
   * `quotePrefix`; the value itself is always a shared string, never a formula). */
  text: '@',
  int: '#,##0',
  percent: '0.0%',
  date: 'dd/mm/yyyy',
} as const;

function decimalFormat(decimals: number): string {
  return decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : NUM_FMT.int;
}

/** `2019-06-28` → that day at 00:00 UTC; exceljs turns a Date into a serial from its UTC time. */
function utcDay(iso: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`renderXlsx: fecha inválida en la vista: ${iso}`);
  const [, y, m, d] = match;
  const day = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (day.getUTCDate() !== Number(d)) throw new Error(`renderXlsx: fecha inválida en la vista: ${iso}`);
  return day;
}

function checkSheetName(name: string, taken: Set<string>): void {
  // Excel refuses longer names, and the name goes unescaped inside the Print_Titles and
  // _FilterDatabase defined names (openSheet()), where an inner `'` would corrupt the workbook.
  if (name.length === 0 || name.length > 31 || /[[\]:*?/\\']/.test(name)) {
    throw new Error(`renderXlsx: nombre de hoja inválido en la vista: "${name}"`);
  }
  const key = name.toLowerCase();
  if (taken.has(key)) throw new Error(`renderXlsx: nombre de hoja repetido en la vista: "${name}"`);
  taken.add(key);
}

/** What a cell shows, as a plain string: the basis of column widths. */
function shownText(cell: Cell): string {
  return cell.t === 'empty' ? (cell.note ?? '') : cellText(cell);
}

const VALUE_KINDS: ReadonlySet<Column['kind']> = new Set(['int', 'number', 'percent', 'date', 'semaforo']);

/** Width of the widest line of `text` in Arial 10, in pixels at 96 dpi. */
function linePixels(text: string, bold = false): number {
  const scale = bold ? BOLD_FACTOR : 1;
  return Math.max(0, ...text.split('\n').map((line) => textWidth(line) * scale * PX_PER_EM));
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
  const needed = Math.max(header, unitsFor(Math.max(0, ...data.map((text) => linePixels(text)))));
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

/** The width of a Resumen column: its longest line, up to MAX_WIDTH. */
function columnWidth(texts: string[], bold: boolean): number {
  const needed = unitsFor(Math.max(0, ...texts.map((text) => linePixels(text, bold))));
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, needed));
}

/** Whether some text of a column is too wide for one line of it. */
function overflows(texts: string[], width: number): boolean {
  return texts.some((text) => unitsFor(linePixels(text)) > width);
}

/** Width of `text` in Arial, in ems. */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const base = code >= 32 && code <= 126 ? code : (ch.normalize('NFD').codePointAt(0) ?? 0);
    width += base >= 32 && base <= 126 ? (ARIAL_ASCII[base - 32] ?? 1000) : (ARIAL_OTHER[ch] ?? 1000);
  }
  return width / 1000;
}

/**
 * How many lines `text` takes when word-wrapped into a column `width` units wide: greedy, as
 * Excel and LibreOffice wrap, breaking a word only when it is wider than a whole line.
 */
function wrappedLines(text: string, width: number, bold = false, safety = WRAP_SAFETY): number {
  const room = (Math.max(1, width * PX_PER_UNIT - CELL_MARGIN_PX) / PX_PER_EM) * safety;
  const scale = bold ? BOLD_FACTOR : 1;
  const space = textWidth(' ') * scale;
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    lines++;
    for (const word of paragraph.split(' ')) {
      const wide = textWidth(word) * scale;
      if ((used === 0 ? wide : used + space + wide) <= room) {
        used = used === 0 ? wide : used + space + wide;
        continue;
      }
      if (used > 0) lines++; // the word starts a new line
      const whole = Math.max(1, Math.ceil(wide / room)); // and takes this many
      lines += whole - 1;
      used = wide - (whole - 1) * room;
    }
  }
  return lines;
}

/** A row height for `lines` lines of text, or undefined for the default height of one line. */
function rowHeight(lines: number): number | undefined {
  return lines > 1 ? lines * LINE_HEIGHT + ROW_PADDING : undefined;
}

function setHeight(sheet: Worksheet, row: number, lines: number): void {
  const height = rowHeight(lines);
  if (height !== undefined) sheet.getRow(row).height = height;
}

function clampText(text: string): string {
  return text.length > MAX_CELL_TEXT ? `${text.slice(0, MAX_CELL_TEXT - 1)}…` : text;
}

const thin = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
const boxBorder = (): Partial<Borders> => ({ top: thin, left: thin, bottom: thin, right: thin });
const solid = (argb: string): Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

/** A fresh font object (exceljs keeps what it is given, so no two cells may share one). */
function font(extra: Partial<Font> = {}): Partial<Font> {
  return { name: FONT_NAME, size: FONT_SIZE, ...extra };
}

/**
 * Value and style of one view cell. The parts of a style (font, border, alignment, fill)
 * are shared between cells with the same look: a workbook of 300,000 cells with fresh
 * parts each took half a gigabyte. The parts are frozen, so a shared part can never become
 * a shared edit; each cell still gets its own top-level object, which exceljs edits.
 */
function xlsxCell(cell: Cell, wrap: boolean): { value: ExcelJS.CellValue; style: Partial<Style> } {
  switch (cell.t) {
    case 'text':
      return { value: clampText(cell.v), style: cellStyle('text', wrap || cell.v.includes('\n')) };
    case 'int':
      return { value: finite(cell.v), style: cellStyle('int', false) };
    case 'number':
      return { value: finite(cell.v), style: cellStyle(`number:${cell.decimals}`, false) };
    case 'percent':
      return { value: finite(cell.v), style: cellStyle('percent', false) };
    case 'date':
      return { value: utcDay(cell.v), style: cellStyle('date', false) };
    case 'semaforo':
      return { value: SEMAFORO_LABEL[cell.v], style: cellStyle(`semaforo:${cell.v}`, false) };
    case 'empty':
      if (cell.note === undefined) return { value: null, style: cellStyle('empty', false) };
      return { value: clampText(cell.note), style: cellStyle('note', wrap || cell.note.includes('\n')) };
  }
}

const styles = new Map<string, Partial<Style>>();

function cellStyle(kind: string, wrap: boolean): Partial<Style> {
  const key = `${kind}|${wrap}`;
  let style = styles.get(key);
  if (!style) {
    style = buildStyle(kind, wrap);
    for (const part of Object.values(style)) deepFreeze(part);
    styles.set(key, style);
  }
  return { ...style };
}

function buildStyle(kind: string, wrap: boolean): Partial<Style> {
  const alignment: Partial<Alignment> = { vertical: 'top', ...(wrap ? { wrapText: true } : {}) };
  const style: Partial<Style> = { font: font(), border: boxBorder(), alignment };
  const [base, detail] = kind.split(':');
  switch (base) {
    case 'text':
      style.numFmt = NUM_FMT.text;
      break;
    case 'int':
      style.numFmt = NUM_FMT.int;
      break;
    case 'number':
      style.numFmt = decimalFormat(Number(detail));
      break;
    case 'percent':
      style.numFmt = NUM_FMT.percent;
      break;
    case 'date':
      style.numFmt = NUM_FMT.date;
      break;
    case 'semaforo':
      style.fill = solid(SEMAFORO_FILL[detail as Semaforo]);
      alignment.horizontal = 'center';
      break;
    case 'empty':
      style.font = font({ italic: true, color: { argb: MUTED_COLOR } });
      break;
    case 'note':
      style.font = font({ italic: true, color: { argb: MUTED_COLOR } });
      style.numFmt = NUM_FMT.text;
      break;
  }
  return style;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

function finite(value: number): number {
  // exceljs would write `NaN` into the XML, which Excel treats as a corrupt file.
  if (!Number.isFinite(value)) throw new Error(`renderXlsx: número no finito en la vista: ${value}`);
  return value;
}

/** Writes a view cell into a column `width` wide; returns how many lines it takes there. */
function put(target: XlsxCell, cell: Cell, width: number, wrap: boolean): number {
  const { value, style } = xlsxCell(cell, wrap);
  target.value = value;
  target.style = style;
  return style.alignment?.wrapText === true ? wrappedLines(shownText(cell), width) : 1;
}

function headerStyle(): Partial<Style> {
  return {
    font: font({ bold: true }),
    fill: solid(HEADER_FILL),
    border: boxBorder(),
    alignment: { vertical: 'top', wrapText: true },
  };
}

/** A header row that wraps each header into its column, as tall as the tallest of them. */
function headerRowCells(sheet: Worksheet, row: number, headers: string[], widths: number[]): void {
  let lines = 1;
  headers.forEach((header, c) => {
    const cell = sheet.getCell(row, c + 1);
    cell.value = clampText(header);
    cell.style = headerStyle();
    // No margin of safety, as when the column was sized: its longest word fits on one line.
    lines = Math.max(lines, wrappedLines(header, widths[c] ?? MIN_WIDTH, true, 1));
  });
  setHeight(sheet, row, lines);
}

/** A wrapped paragraph across the table's width (intro, notes), with a row tall enough for it:
 * Excel does not grow merged rows to fit their text. */
function paragraph(sheet: Worksheet, row: number, text: string, widths: number[], extraFont: Partial<Font>): void {
  const cell = sheet.getCell(row, 1);
  cell.value = clampText(text);
  cell.style = { font: font(extraFont), numFmt: NUM_FMT.text, alignment: { vertical: 'top', wrapText: true } };
  if (widths.length > 1) sheet.mergeCells(row, 1, row, widths.length);
  setHeight(sheet, row, wrappedLines(text, sheetWidth(widths)));
}

function sheetWidth(widths: number[]): number {
  return widths.reduce((sum, w) => sum + w, 0);
}

/** Where a sheet's table sits, known before its first row is written: the streaming writer
 * puts the views, the print set-up and the column widths at the top of the sheet. */
interface Layout {
  headerRow: number;
  lastRow: number;
  widths: number[];
  filter: boolean;
}

interface DefinedName {
  name: string;
  ranges: string[];
  localSheetId: number;
}

/** The parts of exceljs's streaming WorkbookWriter (lib/stream/xlsx/workbook-writer.js) that
 * its typings leave out and the hooks in openBook() use. */
interface WriterInternals {
  styles?: { model?: { fonts?: unknown[] }; _addFont?: (font: Partial<Font>) => number };
  _definedNames?: unknown;
  zip?: { append: (data: string, options: { name: string }) => unknown };
  addApp?: () => Promise<void>;
}

/** exceljs's renderer of docProps/app.xml, which its streaming writer calls without the company. */
type AppXformClass = new () => { toXml: (model: { worksheets: Array<{ name: string }>; company: string; manager: string }) => string };
const requireCjs = createRequire(import.meta.url);

/** The workbook being written, and what it needs at the end: the sheets in order and the
 * defined names, which the streaming writer only writes when the workbook is committed. */
interface Book {
  writer: ExcelJS.stream.xlsx.WorkbookWriter;
  sheets: Worksheet[];
  printTitles: DefinedName[];
  filters: DefinedName[];
}

/**
 * A streaming workbook writer that writes the zip into `sink`, with what exceljs has no public
 * API for:
 *
 * - The workbook's default font (font 0, the *Normal* style) is Arial 10 instead of exceljs's
 *   fixed Calibri 11. Both programs measure column widths in digits of that font, so with
 *   Calibri a LibreOffice without it (or its twin Carlito) measures them in a wider stand-in
 *   and prints every sheet smaller. The font is registered before any cell style claims index 0.
 * - The defined names are set when the workbook is committed (see commitBook()).
 * - docProps/app.xml gets the company, which the streaming writer leaves out.
 */
function openBook(sink: Writable, view: ReportView, corte: Date): Book {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useStyles: true,
    // Every string a shared string, as the in-memory writer wrote them.
    useSharedStrings: true,
    // The archiver compresses at level 1 unless told; 6 is what JSZip used, a file a quarter smaller.
    zip: { zlib: { level: 6 } },
  });
  writer.creator = 'plan';
  writer.lastModifiedBy = 'plan';
  writer.title = view.title;
  writer.subject = view.municipio;
  writer.company = view.municipio;
  writer.keywords = [view.municipio, view.periodo, view.kind].join(', ');
  writer.description = '';
  writer.category = '';
  // exceljs stamps `new Date()` when these are unset; the view's date keeps output reproducible.
  writer.created = corte;
  writer.modified = corte;
  writer.lastPrinted = corte;

  const internals = writer as unknown as WriterInternals;
  const styles = internals.styles;
  if (styles?.model?.fonts?.length !== 0 || typeof styles._addFont !== 'function') {
    throw new Error('renderXlsx: esta versión de exceljs no deja fijar la fuente por omisión');
  }
  styles._addFont(font({ family: 2 }));

  const zip = internals.zip;
  if (typeof internals.addApp !== 'function' || typeof zip?.append !== 'function' || !('_definedNames' in internals)) {
    throw new Error('renderXlsx: esta versión de exceljs no tiene el escritor de libros esperado');
  }
  const book: Book = { writer, sheets: [], printTitles: [], filters: [] };
  const AppXform = requireCjs('exceljs/lib/xlsx/xform/core/app-xform.js') as AppXformClass;
  internals.addApp = async () => {
    const xml = new AppXform().toXml({ worksheets: book.sheets, company: view.municipio, manager: '' });
    zip.append(xml, { name: 'docProps/app.xml' });
  };
  return book;
}

/**
 * A new sheet, set up before its first row: frozen header, autofilter and print set-up. Its
 * print titles row and, for a filtered sheet, the sheet-local name `_xlnm._FilterDatabase` over
 * the filtered range, are kept for commitBook(): LibreOffice shows an autofilter only when the
 * workbook also defines that name, as Excel itself writes it
 * (https://github.com/exceljs/exceljs/issues/2778, https://bugs.documentfoundation.org/show_bug.cgi?id=118592).
 */
function openSheet(book: Book, name: string, layout: Layout): Worksheet {
  const { headerRow, lastRow, widths, filter } = layout;
  const pageSetup: Partial<ExcelJS.PageSetup> = {
    orientation: 'landscape',
    // Letter, what Mexican offices print on; legal (oficio's nearest Excel size) for wide tables.
    paperSize: sheetWidth(widths) > LEGAL_MIN_WIDTH ? PAPER_LEGAL : PAPER_LETTER,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0, // as many pages tall as needed
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  const sheet = book.writer.addWorksheet(name, {
    // One line of Arial 10 is the height of a row that holds no wrapped text. exceljs leaves out
    // of `<cols>` every column 9 wide, its own default, so that is made the sheet's default too
    // (Excel's own is 8.43).
    properties: { defaultRowHeight: LINE_HEIGHT, defaultColWidth: 9 } as ExcelJS.WorksheetProperties,
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: 'A1' }],
    pageSetup, // read here for the sheet's fitToPage flag
  });
  // Only these settings, without the printer defaults (dpi, scale 100) the writer adds.
  sheet.pageSetup = pageSetup;
  widths.forEach((width, c) => {
    sheet.getColumn(c + 1).width = width;
  });
  const index = book.sheets.length;
  book.sheets.push(sheet);
  book.printTitles.push({ name: '_xlnm.Print_Titles', ranges: [`'${name}'!$${headerRow}:$${headerRow}`], localSheetId: index });
  if (filter) {
    const last = sheet.getColumn(widths.length).letter;
    sheet.autoFilter = `A${headerRow}:${last}${lastRow}`;
    book.filters.push({ name: '_xlnm._FilterDatabase', ranges: [`'${name}'!$A$${headerRow}:$${last}$${lastRow}`], localSheetId: index });
  }
  return sheet;
}

/** Writes out a finished row (rows go out in order, and are gone from memory once written). */
function commitRow(sheet: Worksheet, row: number): void {
  const target = sheet.getRow(row);
  // The streaming writer skips a row without values; one of empty cells still has their borders.
  if (!target.hasValues && target.cellCount > 0) Object.defineProperty(target, 'hasValues', { value: true });
  target.commit();
}

/** Every so many rows, lets the zip take in what has been written, so a sheet is not held whole. */
const ROWS_PER_DRAIN = 500;
const drain = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The defined names, in the order exceljs's in-memory writer gave them (print titles, then
 * the filters), and the rest of the workbook. */
async function commitBook(book: Book): Promise<void> {
  (book.writer as unknown as WriterInternals)._definedNames = { model: [...book.printTitles, ...book.filters] };
  await book.writer.commit();
}

function titleCell(sheet: Worksheet, text: string, size: number): void {
  const cell = sheet.getCell(1, 1);
  cell.value = clampText(text);
  cell.style = { font: font({ bold: true, size }), numFmt: NUM_FMT.text };
}

async function writeResumen(book: Book, view: ReportView): Promise<void> {
  const facts: Array<[string, Cell]> = [
    ['Municipio', { t: 'text', v: view.municipio }],
    ['Periodo', { t: 'text', v: view.periodo }],
    ['Fecha de corte', { t: 'date', v: view.fechaCorte }],
  ];
  if (view.dependencia !== undefined) facts.push(['Dependencia', { t: 'text', v: view.dependencia }]);

  const headerRow = facts.length + 3; // title, facts, one blank row, then the table
  const headers = ['Concepto', 'Valor'];
  const labelTexts = [...headers.slice(0, 1), ...facts.map(([label]) => label), ...view.resumen.map((item) => item.label)];
  const valueTexts = [...headers.slice(1), ...facts.map(([, value]) => shownText(value)), ...view.resumen.map((item) => shownText(item.value))];
  const widths = [columnWidth(labelTexts, true), columnWidth(valueTexts, false)];
  const [labelWidth = MIN_WIDTH, valueWidth = MIN_WIDTH] = widths;
  const wrapLabels = overflows(labelTexts, labelWidth);
  const wrapValues = overflows(valueTexts, valueWidth);

  const sheet = openSheet(book, RESUMEN_SHEET, { headerRow, lastRow: headerRow + view.resumen.length, widths, filter: false });
  titleCell(sheet, view.title, 14);
  commitRow(sheet, 1);

  let row = 2;
  for (const [label, value] of facts) {
    const labelCell = sheet.getCell(row, 1);
    labelCell.value = label;
    labelCell.style = { font: font({ bold: true }), numFmt: NUM_FMT.text };
    const { value: v, style } = xlsxCell(value, false);
    delete style.border;
    const valueCell = sheet.getCell(row, 2);
    valueCell.value = v;
    valueCell.style = { ...style, alignment: { horizontal: 'left' } };
    commitRow(sheet, row);
    row++;
  }

  headerRowCells(sheet, headerRow, headers, widths);
  commitRow(sheet, headerRow);
  for (const [i, item] of view.resumen.entries()) {
    const r = headerRow + 1 + i;
    const lines = Math.max(
      put(sheet.getCell(r, 1), { t: 'text', v: item.label }, labelWidth, wrapLabels),
      put(sheet.getCell(r, 2), item.value, valueWidth, wrapValues),
    );
    setHeight(sheet, r, lines);
    commitRow(sheet, r);
    if ((i + 1) % ROWS_PER_DRAIN === 0) await drain();
  }
  sheet.commit();
}

/** The column widths of a table, and whether each column wraps. */
function tableLayout(table: Table): { widths: number[]; wrap: boolean[] } {
  table.rows.forEach((cells, r) => {
    if (cells.length !== table.columns.length) {
      throw new Error(`renderXlsx: la fila ${r + 1} tiene ${cells.length} celdas y la tabla ${table.columns.length} columnas`);
    }
  });
  const data = table.columns.map((_, c) => table.rows.map((cells) => shownText(cells[c] ?? { t: 'empty' })));
  const widths = fitToBudget(
    table.columns,
    table.columns.map((column, c) => tableColumnWidth(column, data[c] ?? [])),
  );
  const wrap = data.map((texts, c) => overflows(texts, widths[c] ?? MIN_WIDTH));
  return { widths, wrap };
}

/** The header and rows of a table, each row written out as soon as it is complete. */
async function writeTable(sheet: Worksheet, headerRow: number, table: Table, widths: number[], wrap: boolean[]): Promise<void> {
  headerRowCells(
    sheet,
    headerRow,
    table.columns.map((column) => column.header),
    widths,
  );
  commitRow(sheet, headerRow);
  for (const [r, cells] of table.rows.entries()) {
    const row = headerRow + 1 + r;
    const lines = cells.map((cell, c) => put(sheet.getCell(row, c + 1), cell, widths[c] ?? MIN_WIDTH, wrap[c] ?? false));
    setHeight(sheet, row, Math.max(1, ...lines));
    commitRow(sheet, row);
    if ((r + 1) % ROWS_PER_DRAIN === 0) await drain();
  }
}

async function writeSections(book: Book, view: ReportView, taken: Set<string>): Promise<void> {
  for (const section of view.sections) {
    checkSheetName(section.sheet, taken);
    const headerRow = section.intro === undefined ? 2 : 3;
    const lastRow = headerRow + section.table.rows.length;
    const { widths, wrap } = tableLayout(section.table);
    const sheet = openSheet(book, section.sheet, { headerRow, lastRow, widths, filter: true });

    titleCell(sheet, section.title, 12);
    commitRow(sheet, 1);
    if (section.intro !== undefined) {
      paragraph(sheet, 2, section.intro, widths, {});
      commitRow(sheet, 2);
    }
    await writeTable(sheet, headerRow, section.table, widths, wrap);
    for (const [i, note] of (section.notes ?? []).entries()) {
      paragraph(sheet, lastRow + 2 + i, note, widths, { italic: true, color: { argb: MUTED_COLOR } });
      commitRow(sheet, lastRow + 2 + i);
    }
    sheet.commit();
  }
}

/** The workbook for a report view. Pure: the same view gives the same bytes. */
export async function renderXlsx(view: ReportView): Promise<Buffer> {
  const corte = utcDay(view.fechaCorte);
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  const book = openBook(sink, view, corte);

  const taken = new Set<string>([RESUMEN_SHEET.toLowerCase()]);
  await writeResumen(book, view);
  await writeSections(book, view, taken);
  await commitBook(book);

  return pinZipDates(Buffer.concat(chunks), corte);
}

/**
 * Sets every zip entry's modification time to `day` at 00:00. exceljs's streaming writer adds
 * each part to its archiver without a date, so the archiver stamps the current time, and no
 * exceljs option reaches it;
 * the DOS date/time fields sit outside the CRC and the compressed data, so rewriting them in
 * place keeps the archive valid and makes the bytes depend only on the view.
 */
function pinZipDates(zip: Buffer, day: Date): Buffer {
  const EOCD = 0x06054b50;
  const CENTRAL = 0x02014b50;
  const LOCAL = 0x04034b50;
  const dosDate = ((day.getUTCFullYear() - 1980) << 9) | ((day.getUTCMonth() + 1) << 5) | day.getUTCDate();
  const dosTime = 0;

  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('renderXlsx: exceljs no produjo un zip reconocible');
  const entries = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n++) {
    if (zip.readUInt32LE(offset) !== CENTRAL) throw new Error('renderXlsx: directorio central del zip inesperado');
    zip.writeUInt16LE(dosTime, offset + 12);
    zip.writeUInt16LE(dosDate, offset + 14);
    const local = zip.readUInt32LE(offset + 42);
    if (zip.readUInt32LE(local) !== LOCAL) throw new Error('renderXlsx: cabecera local del zip inesperada');
    zip.writeUInt16LE(dosTime, local + 10);
    zip.writeUInt16LE(dosDate, local + 12);
    offset += 46 + zip.readUInt16LE(offset + 28) + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  return zip;
}
