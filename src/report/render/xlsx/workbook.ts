// Excel renderer: one workbook from a ReportView: the *Resumen ejecutivo* sheet when the view
// has an executive page, the *Resumen* sheet (the report's facts and key figures), then one sheet per
// section, written with exceljs's streaming writer so a large report is never held whole.
// exceljs is imported only under render/xlsx/ (and by the guard tool in src/tools/); the
// registry entry (index.ts) loads this module with import(), so `plan validate` never pays
// for it. The parts: book.ts (workbook and sheet set-up), sheets.ts (writing cells),
// layout.ts (widths, heights, paper), styles.ts, exceljs-hooks.ts, zip-dates.ts, executive.ts
// (the executive sheet), conditional.ts (data bars, icon sets, colour scales), chart.ts (native charts).
import { Writable } from 'node:stream';
import type { ReportView } from '../../view/types.js';
import type { CutCell } from '../cell-guard.js';
import { commitBook, openBook } from './book.js';
import { EXECUTIVE_SHEET, writeExecutive } from './executive.js';
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
  const taken = new Set<string>();
  if (view.executive !== undefined) {
    await writeExecutive(book, view, view.executive);
    taken.add(EXECUTIVE_SHEET.toLowerCase());
  }
  await writeResumen(book, view);
  await writeSections(book, view, taken);
  await commitBook(book);
  return pinZipDates(Buffer.concat(chunks), corte);
}
