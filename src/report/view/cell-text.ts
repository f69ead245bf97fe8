import { dayMonthYear } from '../../i18n/text.js';
import type { Semaforo } from '../../model/semaforo.js';
import { memoize } from './memo.js';
import type { Cell } from './types.js';

export const SEMAFORO_LABEL: Record<Semaforo, string> = {
  verde: 'Verde',
  amarillo: 'Amarillo',
  rojo: 'Rojo',
  sin_meta: 'Sin meta',
  no_reportado: 'No reportado',
  pendiente: 'Pendiente',
};

/** Entries a formatter remembers before it starts over: bounded for a long-lived process. */
const REMEMBERED = 50_000;

/**
 * `format` remembered per value: a report repeats the same percentages, counts and dates in
 * many cells, and Intl formats each in about a microsecond. -0 (written `-0`) is not remembered,
 * as a Map does not tell it from 0.
 */
function remembered<K extends number | string>(format: (value: K) => string): (value: K) => string {
  const known = memoize(format, REMEMBERED);
  return (value) => (Object.is(value, -0) ? format(value) : known(value));
}

const integerFormat = new Intl.NumberFormat('es-MX', { maximumFractionDigits: 0 });
const integer = remembered((value: number) => integerFormat.format(value));
const day = remembered(dayMonthYear);
const decimalsFormat = new Map<number, (value: number) => string>();
const percentFormat = new Intl.NumberFormat('es-MX', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
/** A fraction as a percentage: 0.953 → `95.3 %`. */
const percent = remembered((value: number) => `${percentFormat.format(value * 100)} %`);

function decimal(decimals: number): (value: number) => string {
  let format = decimalsFormat.get(decimals);
  if (!format) {
    const intl = new Intl.NumberFormat('es-MX', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    format = remembered((value: number) => intl.format(value));
    decimalsFormat.set(decimals, format);
  }
  return format;
}

/** A cell as plain text, the way a Mexican office writes it: `1,234.5`, `95.3 %`, `28/06/2019`. */
export function cellText(cell: Cell): string {
  switch (cell.t) {
    case 'text':
      return cell.v;
    case 'int':
      return integer(cell.v);
    case 'number':
      return decimal(cell.decimals)(cell.v);
    case 'percent':
      return percent(cell.v);
    case 'date':
      return day(cell.v);
    case 'semaforo':
      return SEMAFORO_LABEL[cell.v];
    case 'empty':
      return cell.note ?? '—';
  }
}

/** Cell constructors, so view builders read as what they show. */
export const text = (v: string): Cell => ({ t: 'text', v });
export const int = (v: number): Cell => ({ t: 'int', v });
export const num = (v: number, decimals = 2): Cell => ({ t: 'number', v, decimals });
/** A measured value: whole numbers without decimals, others with two (an average of quarters, a rate). */
export const measured = (v: number): Cell => num(v, Number.isInteger(v) ? 0 : 2);
export const pct = (v: number): Cell => ({ t: 'percent', v });
export const date = (v: string): Cell => ({ t: 'date', v });
export const semaforoCell = (v: Semaforo): Cell => ({ t: 'semaforo', v });
export const empty = (note?: string): Cell => (note === undefined ? { t: 'empty' } : { t: 'empty', note });
