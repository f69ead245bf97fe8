// One section of a view as CSV (RFC 4180): the format transparency platforms and
// spreadsheets import. A UTF-8 byte-order mark makes Excel read the accents right; numbers
// are written plain (`1234.5`), so they import as numbers whatever the locale's grouping.
import { cellText } from '../../view/cell-text.js';
import type { Cell, ReportView } from '../../view/types.js';
import { startsLikeFormula } from '../cell-guard.js';
import { checkRowWidths } from '../table-shape.js';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const CRLF = '\r\n';

/**
 * The header row and the rows of section `sectionId`. Text is written as the view shows it
 * (cellText); an empty cell carries its note, if any. Percent cells are written in
 * percentage points (0.953 → 95.3), the way their `%` column headers read, since a CSV
 * cannot carry a percent format.
 */
export function renderCsv(view: ReportView, sectionId: string): Buffer {
  const section = view.sections.find((s) => s.id === sectionId);
  if (!section) throw new Error(`renderCsv: the view has no section ${JSON.stringify(sectionId)}`);
  checkRowWidths(section.table);
  const lines = [section.table.columns.map((column) => field(textValue(column.header))), ...section.table.rows.map((row) => row.map((cell) => field(cellValue(cell))))];
  return Buffer.concat([BOM, Buffer.from(lines.map((line) => line.join(',') + CRLF).join(''), 'utf8')]);
}

function cellValue(cell: Cell): string {
  switch (cell.t) {
    case 'int':
      return plainNumber(cell.v, 0);
    case 'number':
      return plainNumber(cell.v, cell.decimals);
    case 'percent':
      // Two decimals of a percentage point keep what the view shows (one) without float noise.
      return plainNumber(Math.round(cell.v * 10000) / 100, undefined);
    case 'empty':
      return textValue(cell.note ?? '');
    default:
      return textValue(cellText(cell));
  }
}

const plainFormats = new Map<number, Intl.NumberFormat>();
function plainFormat(decimals: number): Intl.NumberFormat {
  let format = plainFormats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: false });
    plainFormats.set(decimals, format);
  }
  return format;
}

/** `1234.5`: a dot for decimals, no grouping; a value that is not finite is left blank. */
function plainNumber(value: number, decimals: number | undefined): string {
  if (!Number.isFinite(value)) return '';
  // Intl, not toFixed: the same rounding as the Markdown and the workbook of the same table
  // (8.725 is 8.73 in all three; toFixed rounds the binary value down to 8.72).
  const written = decimals === undefined ? String(value) : plainFormat(decimals).format(value);
  return written === '-0' || /^-0\.0*$/.test(written) ? written.slice(1) : written;
}

/**
 * A spreadsheet runs a text field that starts like a formula (cell-guard.ts) as one: a
 * leading apostrophe keeps it text (OWASP, CSV injection). Numbers are written by
 * plainNumber() and never get one, so `-3` stays a number.
 */
function textValue(value: string): string {
  return startsLikeFormula(value) ? `'${value}` : value;
}

/** RFC 4180: a field with a comma, a double quote or a line break goes in double quotes, its quotes doubled. */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
