// Writing the sheets: the Resumen first, then one sheet per section of the view, each row
// written out as soon as it is complete. Only formats what the view gives: real numbers
// and dates with number formats, never text that looks like a number, and never a formula.
import type ExcelJS from 'exceljs';
import type { Cell as XlsxCell, Font, Style, Worksheet } from 'exceljs';
import { SEMAFORO_LABEL } from '../../view/cell-text.js';
import type { Cell, ReportView, Table } from '../../view/types.js';
import { startsLikeFormula } from '../cell-guard.js';
import { columnLetter as letter, conditionalFormattingXml, semaforoScale, type ConditionalFormat } from './conditional.js';
import { commitRow as commitSheetRow, setConditionalFormattingXml, type QuotedStyle } from './exceljs-hooks.js';
import { columnWidth, MIN_WIDTH, overflows, rowHeight, sheetWidth, shownText, tableLayout, wrappedLines } from './layout.js';
import { font, headerStyle, MUTED_COLOR, NUM_FMT, type Styles } from './styles.js';
import { openSheet, type Book } from './book.js';

export const RESUMEN_SHEET = 'Resumen';
/** Excel's limit for the text of one cell. */
const MAX_CELL_TEXT = 32_767;
/** Every so many rows, lets the zip take in what has been written, so a sheet is not held whole. */
const ROWS_PER_DRAIN = 500;
const drain = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** `2019-06-28` → that day at 00:00 UTC; exceljs turns a Date into a serial from its UTC time. */
export function utcDay(iso: string): Date {
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

/** Where a text is written, for the warning when it must be cut. */
export interface Place {
  book: Book;
  target: XlsxCell;
  column?: string;
  /** The row's first cell, which tells the row apart; read only when a text is cut. */
  row?: Cell;
}

/**
 * `text` cut to Excel's limit for a cell, and the book told (the CLI warns): a 40,000-character
 * justification must not lose its end silently. Cut at a character, never inside a surrogate pair.
 */
function fitText(text: string, place: Place): string {
  if (text.length <= MAX_CELL_TEXT) return text;
  const { book, target, column } = place;
  const row = place.row === undefined ? '' : shownText(place.row);
  book.onCut({
    sheet: target.worksheet.name,
    cell: target.address,
    ...(column !== undefined ? { column } : {}),
    ...(row !== '' ? { row: row.length > 60 ? `${row.slice(0, 59)}…` : row } : {}),
    length: [...text].length,
    limit: MAX_CELL_TEXT,
  });
  let end = MAX_CELL_TEXT - 1;
  if (/[\ud800-\udbff]/.test(text[end - 1]!)) end--;
  return `${text.slice(0, end)}…`;
}

/**
 * A text cell's style with Excel's quote prefix when the text would run as a formula once
 * the cell is edited or the sheet saved as CSV (`=HYPERLINK(…)`, `+1`, `-2`, `@SUM`). The
 * value itself is always a shared string, never a formula; numbers never get here.
 */
function guarded(style: Partial<Style>, text: string): Partial<Style> {
  if (!startsLikeFormula(text)) return style;
  const quoted: QuotedStyle = { ...style, quotePrefix: true };
  return quoted;
}

/** Writes a value into a cell with its style; a text is fitted to a cell and guarded against formulas. */
export function setValue(place: Place, value: ExcelJS.CellValue, style: Partial<Style>): void {
  if (typeof value === 'string') {
    const fitted = fitText(value, place);
    place.target.value = fitted;
    place.target.style = guarded(style, fitted);
    return;
  }
  place.target.value = value;
  place.target.style = style;
}

function finite(value: number): number {
  // exceljs would write `NaN` into the XML, which Excel treats as a corrupt file.
  if (!Number.isFinite(value)) throw new Error(`renderXlsx: número no finito en la vista: ${value}`);
  return value;
}

/** Value and style of one view cell; a text's is fitted and guarded by setValue(). */
function xlsxCell(styles: Styles, cell: Cell, wrap: boolean): { value: ExcelJS.CellValue; style: Partial<Style> } {
  switch (cell.t) {
    case 'text':
      return { value: cell.v, style: styles.cell('text', wrap || cell.v.includes('\n')) };
    case 'int':
      return { value: finite(cell.v), style: styles.cell('int', false) };
    case 'number':
      return { value: finite(cell.v), style: styles.cell(`number:${cell.decimals}`, false) };
    case 'percent':
      return { value: finite(cell.v), style: styles.cell('percent', false) };
    case 'date':
      return { value: utcDay(cell.v), style: styles.cell('date', false) };
    case 'semaforo':
      return { value: SEMAFORO_LABEL[cell.v], style: styles.cell(`semaforo:${cell.v}`, false) };
    case 'empty':
      if (cell.note === undefined) return { value: null, style: styles.cell('empty', false) };
      return { value: cell.note, style: styles.cell('note', wrap || cell.note.includes('\n')) };
  }
}

/** Writes a view cell into a column `width` wide; returns how many lines it takes there. */
function writeCell(place: Place, cell: Cell, width: number, wrap: boolean): number {
  const { value, style } = xlsxCell(place.book.styles, cell, wrap);
  setValue(place, value, style);
  return style.alignment?.wrapText === true ? wrappedLines(shownText(cell), width) : 1;
}

function setHeight(sheet: Worksheet, row: number, lines: number): void {
  const height = rowHeight(lines);
  if (height !== undefined) sheet.getRow(row).height = height;
}

export function commitRow(sheet: Worksheet, row: number): void {
  commitSheetRow(sheet.getRow(row));
}

/** A header row that wraps each header into its column, as tall as the tallest of them. */
function headerRowCells(book: Book, sheet: Worksheet, row: number, headers: string[], widths: number[]): void {
  let lines = 1;
  headers.forEach((header, c) => {
    setValue({ book, target: sheet.getCell(row, c + 1) }, header, headerStyle());
    // No margin of safety, as when the column was sized: its longest word fits on one line.
    lines = Math.max(lines, wrappedLines(header, widths[c] ?? MIN_WIDTH, true, 1));
  });
  setHeight(sheet, row, lines);
}

/** A wrapped paragraph across the table's width (intro, notes), with a row tall enough for it:
 * Excel does not grow merged rows to fit their text. */
export function paragraph(book: Book, sheet: Worksheet, row: number, text: string, widths: number[], extraFont: Partial<Font>): void {
  setValue({ book, target: sheet.getCell(row, 1) }, text, { font: font(extraFont), numFmt: NUM_FMT.text, alignment: { vertical: 'top', wrapText: true } });
  if (widths.length > 1) sheet.mergeCells(row, 1, row, widths.length);
  setHeight(sheet, row, wrappedLines(text, sheetWidth(widths)));
}

export function titleCell(book: Book, sheet: Worksheet, text: string, size: number, row = 1): void {
  setValue({ book, target: sheet.getCell(row, 1) }, text, { font: font({ bold: true, size }), numFmt: NUM_FMT.text });
}

/** The Resumen sheet: title, the report's facts, then its key figures as a two-column table. */
export async function writeResumen(book: Book, view: ReportView): Promise<void> {
  const { styles } = book;
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
  titleCell(book, sheet, view.title, 14);
  commitRow(sheet, 1);

  let row = 2;
  for (const [label, value] of facts) {
    setValue({ book, target: sheet.getCell(row, 1) }, label, { font: font({ bold: true }), numFmt: NUM_FMT.text });
    const { value: v, style } = xlsxCell(styles, value, false);
    delete style.border;
    setValue({ book, target: sheet.getCell(row, 2), row: { t: 'text', v: label } }, v, { ...style, alignment: { horizontal: 'left' } });
    commitRow(sheet, row);
    row++;
  }

  headerRowCells(book, sheet, headerRow, headers, widths);
  commitRow(sheet, headerRow);
  for (const [i, item] of view.resumen.entries()) {
    const r = headerRow + 1 + i;
    const label: Cell = { t: 'text', v: item.label };
    const lines = Math.max(
      writeCell({ book, target: sheet.getCell(r, 1), column: 'Concepto' }, label, labelWidth, wrapLabels),
      writeCell({ book, target: sheet.getCell(r, 2), column: 'Valor', row: label }, item.value, valueWidth, wrapValues),
    );
    setHeight(sheet, r, lines);
    commitRow(sheet, r);
    if ((i + 1) % ROWS_PER_DRAIN === 0) await drain();
  }
  sheet.commit();
}

/** The header and rows of a table, each row written out as soon as it is complete. */
export async function writeTable(book: Book, sheet: Worksheet, headerRow: number, table: Table, widths: number[], wrap: boolean[]): Promise<void> {
  headerRowCells(
    book,
    sheet,
    headerRow,
    table.columns.map((column) => column.header),
    widths,
  );
  commitRow(sheet, headerRow);
  for (const [r, cells] of table.rows.entries()) {
    const row = headerRow + 1 + r;
    // The row's own getCell(column): the sheet's getCell(row, column) parses an address it first writes.
    const target = sheet.getRow(row);
    let lines = 1;
    for (const [c, cell] of cells.entries()) {
      const place: Place = { book, target: target.getCell(c + 1), column: table.columns[c]?.header, row: c > 0 ? cells[0] : undefined };
      lines = Math.max(lines, writeCell(place, cell, widths[c] ?? MIN_WIDTH, wrap[c] ?? false));
    }
    setHeight(sheet, row, lines);
    commitRow(sheet, row);
    if ((r + 1) % ROWS_PER_DRAIN === 0) await drain();
  }
}

/** Sections whose percentages are a trend across quarters: a red–yellow–green scale over them shows its shape. */
const TREND_SECTIONS: ReadonlySet<string> = new Set(['tendencia']);

/** The colour scale over a table's percentage columns (those after the first of them are taken to follow it). */
function trendScale(table: Table, headerRow: number): ConditionalFormat[] {
  const percent = table.columns.flatMap((column, c) => (column.kind === 'percent' ? [c + 1] : []));
  if (percent.length === 0 || table.rows.length === 0) return [];
  const ref = `${letter(percent[0]!)}${headerRow + 1}:${letter(percent[percent.length - 1]!)}${headerRow + table.rows.length}`;
  return [{ ref, rule: semaforoScale(1) }];
}

/** One sheet per section: title, intro, the table with a filter, then the notes. */
export async function writeSections(book: Book, view: ReportView, taken = new Set<string>()): Promise<void> {
  taken.add(RESUMEN_SHEET.toLowerCase());
  for (const section of view.sections) {
    checkSheetName(section.sheet, taken);
    const headerRow = section.intro === undefined ? 2 : 3;
    const lastRow = headerRow + section.table.rows.length;
    const { widths, wrap } = tableLayout(section.table);
    const sheet = openSheet(book, section.sheet, { headerRow, lastRow, widths, filter: true });

    titleCell(book, sheet, section.title, 12);
    commitRow(sheet, 1);
    if (section.intro !== undefined) {
      paragraph(book, sheet, 2, section.intro, widths, {});
      commitRow(sheet, 2);
    }
    await writeTable(book, sheet, headerRow, section.table, widths, wrap);
    if (TREND_SECTIONS.has(section.id)) setConditionalFormattingXml(sheet, () => conditionalFormattingXml(trendScale(section.table, headerRow)));
    for (const [i, note] of (section.notes ?? []).entries()) {
      paragraph(book, sheet, lastRow + 2 + i, note, widths, { italic: true, color: { argb: MUTED_COLOR } });
      commitRow(sheet, lastRow + 2 + i);
    }
    sheet.commit();
  }
}
