// Excel renderer: one workbook from a ReportView, a *Resumen* sheet and then one sheet per
// section. It only formats what the view gives it: real numbers and dates with number
// formats, never text that looks like a number, and never a formula.
//
// This module (with markdown.ts) is the only place exceljs is imported; the CLI loads it
// with a dynamic import() so `plan validate` never pays for it.
import ExcelJS from 'exceljs';
import type { Alignment, Borders, Cell as XlsxCell, Fill, Font, Style, Worksheet } from 'exceljs';

import { cellText, SEMAFORO_LABEL } from './view/cell-text.js';
import type { Cell, ReportView, Semaforo, Table } from './view/types.js';

const RESUMEN_SHEET = 'Resumen';

/** Column widths, in characters: narrow enough to print, wide enough for a date or a header. */
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;
/** Room for the header's bold face and the autofilter button. */
const WIDTH_PADDING = 2;
/** Excel's limit for the text of one cell. */
const MAX_CELL_TEXT = 32_767;
/** Default row height in points (Calibri 11), used to size the wrapped intro and notes rows. */
const LINE_HEIGHT = 15;

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
  // exceljs truncates long names with only a console warning, and writes the name unescaped
  // inside the Print_Titles defined name, where an inner `'` would corrupt the workbook.
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

function longestLine(text: string): number {
  return Math.max(0, ...text.split('\n').map((line) => line.length));
}

function columnWidth(texts: string[]): number {
  const longest = Math.max(0, ...texts.map(longestLine));
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + WIDTH_PADDING));
}

function clampText(text: string): string {
  return text.length > MAX_CELL_TEXT ? `${text.slice(0, MAX_CELL_TEXT - 1)}…` : text;
}

const thin = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
const boxBorder = (): Partial<Borders> => ({ top: thin, left: thin, bottom: thin, right: thin });
const solid = (argb: string): Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

/** Value and style of one view cell. Every call builds fresh style objects: exceljs keeps
 * the objects it is given, so sharing one between cells would share later edits too. */
function xlsxCell(cell: Cell, wrap: boolean): { value: ExcelJS.CellValue; style: Partial<Style> } {
  const alignment: Partial<Alignment> = { vertical: 'top' };
  const style: Partial<Style> = { border: boxBorder(), alignment };
  switch (cell.t) {
    case 'text':
      style.numFmt = NUM_FMT.text;
      if (wrap || cell.v.includes('\n')) alignment.wrapText = true;
      return { value: clampText(cell.v), style };
    case 'int':
      style.numFmt = NUM_FMT.int;
      return { value: finite(cell.v), style };
    case 'number':
      style.numFmt = decimalFormat(cell.decimals);
      return { value: finite(cell.v), style };
    case 'percent':
      style.numFmt = NUM_FMT.percent;
      return { value: finite(cell.v), style };
    case 'date':
      style.numFmt = NUM_FMT.date;
      return { value: utcDay(cell.v), style };
    case 'semaforo':
      style.fill = solid(SEMAFORO_FILL[cell.v]);
      alignment.horizontal = 'center';
      return { value: SEMAFORO_LABEL[cell.v], style };
    case 'empty': {
      const font: Partial<Font> = { italic: true, color: { argb: MUTED_COLOR } };
      style.font = font;
      if (cell.note === undefined) return { value: null, style };
      style.numFmt = NUM_FMT.text;
      if (wrap || cell.note.includes('\n')) alignment.wrapText = true;
      return { value: clampText(cell.note), style };
    }
  }
}

function finite(value: number): number {
  // exceljs would write `NaN` into the XML, which Excel treats as a corrupt file.
  if (!Number.isFinite(value)) throw new Error(`renderXlsx: número no finito en la vista: ${value}`);
  return value;
}

function put(target: XlsxCell, cell: Cell, wrap: boolean): void {
  const { value, style } = xlsxCell(cell, wrap);
  target.value = value;
  target.style = style;
}

function headerStyle(): Partial<Style> {
  return {
    font: { bold: true },
    fill: solid(HEADER_FILL),
    border: boxBorder(),
    alignment: { vertical: 'top', wrapText: true },
  };
}

/** A wrapped paragraph across the table's width (intro, notes), with a row tall enough for it:
 * Excel does not grow merged rows to fit their text. */
function paragraph(sheet: Worksheet, row: number, text: string, widths: number[], style: Partial<Style>): void {
  const cell = sheet.getCell(row, 1);
  cell.value = clampText(text);
  cell.style = { ...style, numFmt: NUM_FMT.text, alignment: { vertical: 'top', wrapText: true } };
  if (widths.length > 1) sheet.mergeCells(row, 1, row, widths.length);
  const perLine = widths.reduce((sum, w) => sum + w, 0);
  const lines = text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / perLine)), 0);
  if (lines > 1) sheet.getRow(row).height = lines * LINE_HEIGHT;
}

/** Frozen header, autofilter and print set-up shared by every sheet. */
function tableSheetSetup(sheet: Worksheet, headerRow: number, lastRow: number, columns: number, filter: boolean): void {
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: 'A1' }];
  if (filter) {
    sheet.autoFilter = `A${headerRow}:${sheet.getColumn(columns).letter}${lastRow}`;
  }
  sheet.pageSetup = {
    orientation: 'landscape',
    paperSize: 1 as ExcelJS.PaperSize, // letter, what Mexican offices print on
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0, // as many pages tall as needed
    printTitlesRow: `${headerRow}:${headerRow}`,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}

function titleCell(sheet: Worksheet, text: string, size: number): void {
  const cell = sheet.getCell(1, 1);
  cell.value = clampText(text);
  cell.style = { font: { bold: true, size }, numFmt: NUM_FMT.text };
}

function writeResumen(workbook: ExcelJS.Workbook, view: ReportView): void {
  const sheet = workbook.addWorksheet(RESUMEN_SHEET);
  titleCell(sheet, view.title, 14);

  const facts: Array<[string, Cell]> = [
    ['Municipio', { t: 'text', v: view.municipio }],
    ['Periodo', { t: 'text', v: view.periodo }],
    ['Fecha de corte', { t: 'date', v: view.fechaCorte }],
  ];
  if (view.dependencia !== undefined) facts.push(['Dependencia', { t: 'text', v: view.dependencia }]);

  let row = 2;
  for (const [label, value] of facts) {
    const labelCell = sheet.getCell(row, 1);
    labelCell.value = label;
    labelCell.style = { font: { bold: true }, numFmt: NUM_FMT.text };
    const { value: v, style } = xlsxCell(value, false);
    delete style.border;
    const valueCell = sheet.getCell(row, 2);
    valueCell.value = v;
    valueCell.style = { ...style, alignment: { horizontal: 'left' } };
    row++;
  }

  const headerRow = row + 1; // one blank row between the facts and the table
  const headers = ['Concepto', 'Valor'];
  headers.forEach((header, i) => {
    const cell = sheet.getCell(headerRow, i + 1);
    cell.value = header;
    cell.style = headerStyle();
  });
  const labelTexts = [...headers.slice(0, 1), ...facts.map(([label]) => label), ...view.resumen.map((item) => item.label)];
  const valueTexts = [...headers.slice(1), ...facts.map(([, value]) => shownText(value)), ...view.resumen.map((item) => shownText(item.value))];
  const widths = [columnWidth(labelTexts), columnWidth(valueTexts)];
  const wrapLabels = Math.max(...labelTexts.map(longestLine)) + WIDTH_PADDING > MAX_WIDTH;
  const wrapValues = Math.max(...valueTexts.map(longestLine)) + WIDTH_PADDING > MAX_WIDTH;

  view.resumen.forEach((item, i) => {
    const r = headerRow + 1 + i;
    put(sheet.getCell(r, 1), { t: 'text', v: item.label }, wrapLabels);
    put(sheet.getCell(r, 2), item.value, wrapValues);
  });
  widths.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  tableSheetSetup(sheet, headerRow, headerRow + view.resumen.length, 2, false);
}

function writeTable(sheet: Worksheet, headerRow: number, table: Table): number[] {
  const texts = table.columns.map((column, c) => [column.header, ...table.rows.map((cells) => shownText(cells[c] ?? { t: 'empty' }))]);
  const widths = texts.map(columnWidth);
  const wrap = texts.map((column) => Math.max(...column.map(longestLine)) + WIDTH_PADDING > MAX_WIDTH);

  table.columns.forEach((column, c) => {
    const cell = sheet.getCell(headerRow, c + 1);
    cell.value = clampText(column.header);
    cell.style = headerStyle();
    sheet.getColumn(c + 1).width = widths[c] ?? MIN_WIDTH;
  });
  table.rows.forEach((cells, r) => {
    if (cells.length !== table.columns.length) {
      throw new Error(`renderXlsx: la fila ${r + 1} tiene ${cells.length} celdas y la tabla ${table.columns.length} columnas`);
    }
    cells.forEach((cell, c) => put(sheet.getCell(headerRow + 1 + r, c + 1), cell, wrap[c] ?? false));
  });
  return widths;
}

interface DefinedName {
  name: string;
  ranges: string[];
  localSheetId?: number;
}

/**
 * LibreOffice shows an autofilter only when the workbook also defines the sheet-local name
 * `_xlnm._FilterDatabase` over the filtered range, as Excel itself writes it
 * (https://github.com/exceljs/exceljs/issues/2778, https://bugs.documentfoundation.org/show_bug.cgi?id=118592).
 * exceljs has no public API for sheet-local names, so the names are added to the model it
 * renders, right after it collects its own (print titles) in `prepareModel`.
 */
function addFilterDatabaseNames(workbook: ExcelJS.Workbook): void {
  const names: DefinedName[] = [];
  workbook.worksheets.forEach((sheet, index) => {
    const filter = sheet.autoFilter; // always the `A3:G9` form tableSheetSetup writes
    if (typeof filter !== 'string') return;
    const range = filter.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
    names.push({ name: '_xlnm._FilterDatabase', ranges: [`'${sheet.name}'!${range}`], localSheetId: index });
  });
  const xlsx = workbook.xlsx as unknown as { prepareModel?: (model: { definedNames: DefinedName[] }, options: unknown) => void };
  const prepareModel = xlsx.prepareModel;
  if (typeof prepareModel !== 'function') throw new Error('renderXlsx: esta versión de exceljs no tiene prepareModel');
  xlsx.prepareModel = (model, options) => {
    prepareModel.call(xlsx, model, options);
    model.definedNames = [...model.definedNames, ...names];
  };
}

function writeSections(workbook: ExcelJS.Workbook, view: ReportView, taken: Set<string>): void {
  for (const section of view.sections) {
    checkSheetName(section.sheet, taken);
    const sheet = workbook.addWorksheet(section.sheet);
    titleCell(sheet, section.title, 12);
    const headerRow = section.intro === undefined ? 2 : 3;
    const widths = writeTable(sheet, headerRow, section.table);
    if (section.intro !== undefined) paragraph(sheet, 2, section.intro, widths, {});

    const lastRow = headerRow + section.table.rows.length;
    (section.notes ?? []).forEach((note, i) => {
      paragraph(sheet, lastRow + 2 + i, note, widths, { font: { italic: true, color: { argb: MUTED_COLOR } } });
    });
    tableSheetSetup(sheet, headerRow, lastRow, section.table.columns.length, true);
  }
}

/** The workbook for a report view. Pure: the same view gives the same bytes. */
export async function renderXlsx(view: ReportView): Promise<Buffer> {
  const corte = utcDay(view.fechaCorte);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'plan';
  workbook.lastModifiedBy = 'plan';
  workbook.title = view.title;
  workbook.subject = view.municipio;
  workbook.company = view.municipio;
  workbook.keywords = [view.municipio, view.periodo, view.kind].join(', ');
  // exceljs stamps `new Date()` when these are unset; the view's date keeps output reproducible.
  workbook.created = corte;
  workbook.modified = corte;
  workbook.lastPrinted = corte;

  const taken = new Set<string>([RESUMEN_SHEET.toLowerCase()]);
  writeResumen(workbook, view);
  writeSections(workbook, view, taken);
  addFilterDatabaseNames(workbook);

  const written = await workbook.xlsx.writeBuffer();
  return pinZipDates(Buffer.from(written as ArrayBuffer), corte);
}

/**
 * Sets every zip entry's modification time to `day` at 00:00. exceljs adds each part to
 * JSZip without a date, so JSZip stamps the current time, and no exceljs option reaches it;
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
