// Excel renderer: one workbook from a ReportView, a *Resumen* sheet and then one sheet per
// section, written with exceljs's streaming writer so a large report is never held whole.
// exceljs is imported only under render/xlsx/ (and by the guard tool in src/tools/); the
// registry entry (index.ts) loads this module with import(), so `plan validate` never pays
// for it. The parts: book.ts (workbook and sheet set-up), sheets.ts (writing cells),
// layout.ts (widths, heights, paper), styles.ts, exceljs-hooks.ts, zip-dates.ts.
import { Writable } from 'node:stream';
import type { ReportView } from '../../view/types.js';
import type { CutCell } from '../cell-guard.js';
import { commitBook, openBook } from './book.js';
import { utcDay, writeResumen, writeSections } from './sheets.js';
import { pinZipDates } from './zip-dates.js';

/**
 * The workbook for a report view. Pure: the same view gives the same bytes. `onCut` hears of
 * each text cut to Excel's limit for a cell.
 */
export async function renderXlsx(view: ReportView, onCut: (cut: CutCell) => void = () => {}): Promise<Buffer> {
  const corte = utcDay(view.fechaCorte);
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  const book = openBook(sink, view, corte, onCut);
  await writeResumen(book, view);
  await writeSections(book, view);
  await commitBook(book);
  return pinZipDates(Buffer.concat(chunks), corte);
}
