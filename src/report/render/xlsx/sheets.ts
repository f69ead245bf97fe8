// Writing the sheets: the Resumen first, then one sheet per section of the view, each row
// written out as soon as it is complete. Only formats what the view gives: real numbers
// and dates with number formats, never text that looks like a number, and never a formula.
import type ExcelJS from 'exceljs';
import type { Cell as XlsxCell, Font, Style, Worksheet } from 'exceljs';
import { SEMAFORO_LABEL } from '../../view/cell-text.js';
import type { Cell, ReportView, Table } from '../../view/types.js';
import { commitRow as commitSheetRow } from './exceljs-hooks.js';
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

function clampText(text: string): string {
  return text.length > MAX_CELL_TEXT ? `${text.slice(0, MAX_CELL_TEXT - 1)}…` : text;
}

function finite(value: number): number {
  // exceljs would write `NaN` into the XML, which Excel treats as a corrupt file.
  if (!Number.isFinite(value)) throw new Error(`renderXlsx: número no finito en la vista: ${value}`);
  return value;
}

/** Value and style of one view cell. */
function xlsxCell(styles: Styles, cell: Cell, wrap: boolean): { value: ExcelJS.CellValue; style: Partial<Style> } {
  switch (cell.t) {
    case 'text':
      return { value: clampText(cell.v), style: styles.cell('text', wrap || cell.v.includes('\n')) };
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
      return { value: clampText(cell.note), style: styles.cell('note', wrap || cell.note.includes('\n')) };
  }
}

/** Writes a view cell into a column `width` wide; returns how many lines it takes there. */
function writeCell(styles: Styles, target: XlsxCell, cell: Cell, width: number, wrap: boolean): number {
  const { value, style } = xlsxCell(styles, cell, wrap);
  target.value = value;
  target.style = style;
  return style.alignment?.wrapText === true ? wrappedLines(shownText(cell), width) : 1;
}

function setHeight(sheet: Worksheet, row: number, lines: number): void {
  const height = rowHeight(lines);
  if (height !== undefined) sheet.getRow(row).height = height;
}

function commitRow(sheet: Worksheet, row: number): void {
  commitSheetRow(sheet.getRow(row));
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

function titleCell(sheet: Worksheet, text: string, size: number): void {
  const cell = sheet.getCell(1, 1);
  cell.value = clampText(text);
  cell.style = { font: font({ bold: true, size }), numFmt: NUM_FMT.text };
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
  titleCell(sheet, view.title, 14);
  commitRow(sheet, 1);

  let row = 2;
  for (const [label, value] of facts) {
    const labelCell = sheet.getCell(row, 1);
    labelCell.value = label;
    labelCell.style = { font: font({ bold: true }), numFmt: NUM_FMT.text };
    const { value: v, style } = xlsxCell(styles, value, false);
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
      writeCell(styles, sheet.getCell(r, 1), { t: 'text', v: item.label }, labelWidth, wrapLabels),
      writeCell(styles, sheet.getCell(r, 2), item.value, valueWidth, wrapValues),
    );
    setHeight(sheet, r, lines);
    commitRow(sheet, r);
    if ((i + 1) % ROWS_PER_DRAIN === 0) await drain();
  }
  sheet.commit();
}

/** The header and rows of a table, each row written out as soon as it is complete. */
async function writeTable(styles: Styles, sheet: Worksheet, headerRow: number, table: Table, widths: number[], wrap: boolean[]): Promise<void> {
  headerRowCells(
    sheet,
    headerRow,
    table.columns.map((column) => column.header),
    widths,
  );
  commitRow(sheet, headerRow);
  for (const [r, cells] of table.rows.entries()) {
    const row = headerRow + 1 + r;
    const lines = cells.map((cell, c) => writeCell(styles, sheet.getCell(row, c + 1), cell, widths[c] ?? MIN_WIDTH, wrap[c] ?? false));
    setHeight(sheet, row, Math.max(1, ...lines));
    commitRow(sheet, row);
    if ((r + 1) % ROWS_PER_DRAIN === 0) await drain();
  }
}

/** One sheet per section: title, intro, the table with a filter, then the notes. */
export async function writeSections(book: Book, view: ReportView): Promise<void> {
  const taken = new Set<string>([RESUMEN_SHEET.toLowerCase()]);
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
    await writeTable(book.styles, sheet, headerRow, section.table, widths, wrap);
    for (const [i, note] of (section.notes ?? []).entries()) {
      paragraph(sheet, lastRow + 2 + i, note, widths, { italic: true, color: { argb: MUTED_COLOR } });
      commitRow(sheet, lastRow + 2 + i);
    }
    sheet.commit();
  }
}
