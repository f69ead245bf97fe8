// What every spreadsheet output does with the text of a cell: text that a spreadsheet would
// run as a formula is marked as text (OWASP ASVS 1.2.10, «CSV injection»), and text longer
// than a cell holds is cut and said out loud.
import { formatNumber } from '../../i18n/numbers.js';
import { fill, type Lang } from '../../i18n/text.js';

/**
 * Whether a spreadsheet would run `text` as a formula when it is typed, edited or imported
 * from CSV: it starts with = + - or @, or with a tab or carriage return (which some
 * importers drop before reading the rest). The full-width forms are there for the IMEs
 * that turn them into the ASCII ones.
 */
export function startsLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/.test(text);
}

/** A cell whose text was longer than the format allows, cut to fit. */
export interface CutCell {
  /** The sheet and the cell (`F12`). */
  sheet: string;
  cell: string;
  /** The column's header, when the cell is in a table. */
  column?: string;
  /** The text of the row's first cell (an id, a name), which tells the row apart. */
  row?: string;
  /** Characters of the text, and how many the cell holds. */
  length: number;
  limit: number;
}

const CUT = {
  es: 'Aviso: en {archivo}, hoja «{hoja}», celda {celda}{columna}{fila}: el texto tiene {largo} caracteres y una celda de Excel admite {limite}; se cortó y termina en «…». El texto completo sigue en los archivos del plan.\n',
  en: 'Warning: in {archivo}, sheet "{hoja}", cell {celda}{columna}{fila}: the text is {largo} characters long and an Excel cell holds {limite}; it was cut and ends in "…". The full text is still in the plan files.\n',
} as const;
const COLUMN = { es: ', columna «{columna}»', en: ', column "{columna}"' } as const;
const ROW = { es: ' (fila de «{fila}»)', en: ' (row of "{fila}")' } as const;

/** The warning for a cut cell of `file` (as the CLI shows the path), one line. */
export function cutWarning(file: string, cut: CutCell, lang: Lang): string {
  const flat = (text: string) => text.replace(/\s+/g, ' ');
  return fill(CUT[lang], {
    archivo: file,
    hoja: cut.sheet,
    celda: cut.cell,
    columna: cut.column === undefined ? '' : fill(COLUMN[lang], { columna: flat(cut.column) }),
    fila: cut.row === undefined ? '' : fill(ROW[lang], { fila: flat(cut.row) }),
    largo: formatNumber(cut.length, 0),
    limite: formatNumber(cut.limit, 0),
  });
}
