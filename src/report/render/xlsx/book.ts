// The workbook being written and the set-up of each sheet, done before its first row: the
// streaming writer puts the views, the print set-up and the column widths at the top of
// the sheet.
import { createRequire } from 'node:module';
import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import type { ReportView } from '../../view/types.js';
import type { CutCell } from '../cell-guard.js';
import { addContentTypes, enableQuotePrefix, rememberCellFormats, setDefaultFont, setDefinedNames, writeCompanyInApp, type DefinedName } from './exceljs-hooks.js';
import { LINE_HEIGHT, paperSize } from './layout.js';
import { createStyles, font, type Styles } from './styles.js';

/** exceljs's streaming writer alone: loading the whole of exceljs (its readers, its CSV, the
 * in-memory workbook) costs a `plan report` twice the time, about a third of a second. */
const WorkbookWriter = createRequire(import.meta.url)('exceljs/lib/stream/xlsx/workbook-writer.js') as typeof ExcelJS.stream.xlsx.WorkbookWriter;

/** Where a sheet's table sits, known before its first row is written. */
export interface Layout {
  /** The row of the table's headers, frozen and printed atop each page; 0 for a sheet of
   * several tables (the executive page), which freezes and repeats nothing. */
  headerRow: number;
  lastRow: number;
  widths: number[];
  filter: boolean;
}

/** The workbook being written, its styles, and what it needs at the end: the sheets in order
 * and the defined names, which the streaming writer only writes when the workbook is committed. */
export interface Book {
  writer: ExcelJS.stream.xlsx.WorkbookWriter;
  styles: Styles;
  sheets: Worksheet[];
  printTitles: DefinedName[];
  filters: DefinedName[];
  /** Hears of each text cut to MAX_CELL_TEXT. */
  onCut: (cut: CutCell) => void;
  /** Parts exceljs knows nothing of (drawings, charts), for `[Content_Types].xml`. */
  extraParts: Array<{ partName: string; contentType: string }>;
}

/** A streaming workbook writer that writes the zip into `sink`, in Arial 10, with the company. */
export function openBook(sink: Writable, view: ReportView, corte: Date, onCut: (cut: CutCell) => void): Book {
  const writer = new WorkbookWriter({
    stream: sink,
    useStyles: true,
    // Every string a shared string, as the in-memory writer wrote them.
    useSharedStrings: true,
    // Level 3: the rows are deflated on libuv's pool while the rest of the report renders, and
    // at level 6 (what JSZip used) a large report waited half a second at the end for that
    // backlog; level 3 deflates in about half the CPU, for a file a fifth larger (2.8 MB
    // instead of 2.4 MB for 100 departments). Level 1 saves little more and grows it a third.
    zip: { zlib: { level: 3 } },
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

  setDefaultFont(writer, font({ family: 2 }));
  rememberCellFormats(writer);
  enableQuotePrefix(writer);
  const book: Book = { writer, styles: createStyles(), sheets: [], printTitles: [], filters: [], onCut, extraParts: [] };
  writeCompanyInApp(writer, book.sheets, view.municipio);
  addContentTypes(writer, () => book.extraParts);
  return book;
}

/**
 * A new sheet, set up before its first row: frozen header, autofilter and print set-up. Its
 * print titles row and, for a filtered sheet, the sheet-local name `_xlnm._FilterDatabase` over
 * the filtered range, are kept for commitBook().
 */
export function openSheet(book: Book, name: string, layout: Layout): Worksheet {
  const { headerRow, lastRow, widths, filter } = layout;
  const pageSetup: Partial<ExcelJS.PageSetup> = {
    orientation: 'landscape',
    paperSize: paperSize(widths),
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
    views: [headerRow > 0 ? { state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: 'A1' } : { activeCell: 'A1' }],
    pageSetup, // read here for the sheet's fitToPage flag
  });
  // Only these settings, without the printer defaults (dpi, scale 100) the writer adds.
  sheet.pageSetup = pageSetup;
  widths.forEach((width, c) => {
    sheet.getColumn(c + 1).width = width;
  });
  const index = book.sheets.length;
  book.sheets.push(sheet);
  if (headerRow > 0) book.printTitles.push({ name: '_xlnm.Print_Titles', ranges: [`'${name}'!$${headerRow}:$${headerRow}`], localSheetId: index });
  if (filter) {
    const last = sheet.getColumn(widths.length).letter;
    sheet.autoFilter = `A${headerRow}:${last}${lastRow}`;
    book.filters.push({ name: '_xlnm._FilterDatabase', ranges: [`'${name}'!$A$${headerRow}:$${last}$${lastRow}`], localSheetId: index });
  }
  return sheet;
}

/** The defined names, in the order exceljs's in-memory writer gave them (print titles, then
 * the filters), and the rest of the workbook. */
export async function commitBook(book: Book): Promise<void> {
  setDefinedNames(book.writer, [...book.printTitles, ...book.filters]);
  await book.writer.commit();
}
