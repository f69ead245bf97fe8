// The look of every kind of cell: fonts, borders, fills and number formats. A workbook gets
// its own catalogue (createStyles), which hands out shared, frozen style parts.
import type { Alignment, Borders, Fill, Font, Style } from 'exceljs';
import type { Semaforo } from '../../../model/semaforo.js';
import { METRICS_FONT } from '../layout/text-metrics.js';
import { FONT_SIZE } from './layout.js';

export const SEMAFORO_FILL: Readonly<Record<Semaforo, string>> = {
  verde: 'FF63BE7B',
  amarillo: 'FFFFEB84',
  rojo: 'FFF8696B',
  sin_meta: 'FFEDEDED',
  // Darker than «Sin meta» and in bold: a missing report must not read as a neutral blank.
  no_reportado: 'FFA6A6A6',
  pendiente: 'FFFFFFFF',
};
const HEADER_FILL = 'FFD9D9D9';
export const MUTED_COLOR = 'FF808080';

export const NUM_FMT = {
  /** Text format: Excel and LibreOffice keep what is typed into such a cell as text, so editing
   * a cell that holds `=HYPERLINK(…)` does not turn it into a formula; such a cell also gets
   * `quotePrefix` (sheets.ts). The value itself is always a shared string, never a formula. */
  text: '@',
  int: '#,##0',
  percent: '0.0%',
  date: 'dd/mm/yyyy',
} as const;

export function decimalFormat(decimals: number): string {
  return decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : NUM_FMT.int;
}

const thin = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
const boxBorder = (): Partial<Borders> => ({ top: thin, left: thin, bottom: thin, right: thin });
const solid = (argb: string): Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

/** A fresh font object in the workbook's font (exceljs keeps what it is given, so no two cells may share one). */
export function font(extra: Partial<Font> = {}): Partial<Font> {
  return { name: METRICS_FONT, size: FONT_SIZE, ...extra };
}

export function headerStyle(): Partial<Style> {
  return {
    font: font({ bold: true }),
    fill: solid(HEADER_FILL),
    border: boxBorder(),
    alignment: { vertical: 'top', wrapText: true },
  };
}

/** The look of a data cell: its cell kind, with a detail for some (`number:2`, `semaforo:rojo`). */
export type StyleKind = 'text' | 'int' | `number:${number}` | 'percent' | 'date' | `semaforo:${Semaforo}` | 'empty' | 'note';

export interface Styles {
  /** The style of a data cell; a new top-level object each time, which exceljs may edit. */
  cell(kind: StyleKind, wrap: boolean): Partial<Style>;
}

/**
 * A style catalogue for one workbook. The parts of a style (font, border, alignment, fill)
 * are shared between cells with the same look: a workbook of 300,000 cells with fresh parts
 * each took half a gigabyte. The parts are frozen, so a shared part can never become a
 * shared edit; each cell still gets its own top-level object, which exceljs edits.
 */
export function createStyles(): Styles {
  // By wrap, then kind: a kind is most often a constant string, whose hash is already known.
  const built = { wrap: new Map<StyleKind, Partial<Style>>(), nowrap: new Map<StyleKind, Partial<Style>>() };
  return {
    cell(kind, wrap) {
      const byKind = wrap ? built.wrap : built.nowrap;
      let style = byKind.get(kind);
      if (!style) {
        style = buildStyle(kind, wrap);
        for (const part of Object.values(style)) deepFreeze(part);
        byKind.set(kind, style);
      }
      return { ...style };
    },
  };
}

function buildStyle(kind: StyleKind, wrap: boolean): Partial<Style> {
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
      if (detail === 'no_reportado') style.font = font({ bold: true });
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
