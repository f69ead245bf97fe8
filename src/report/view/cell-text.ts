import { dayMonthYear } from '../../i18n/text.js';
import type { Semaforo } from '../../model/semaforo.js';
import type { Cell } from './types.js';

export const SEMAFORO_LABEL: Record<Semaforo, string> = {
  verde: 'Verde',
  amarillo: 'Amarillo',
  rojo: 'Rojo',
  sin_meta: 'Sin meta',
  no_reportado: 'No reportado',
  pendiente: 'Pendiente',
};

const integer = new Intl.NumberFormat('es-MX', { maximumFractionDigits: 0 });
const decimalsFormat = new Map<number, Intl.NumberFormat>();
const percent = new Intl.NumberFormat('es-MX', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

function decimal(decimals: number): Intl.NumberFormat {
  let format = decimalsFormat.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('es-MX', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
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
      return integer.format(cell.v);
    case 'number':
      return decimal(cell.decimals).format(cell.v);
    case 'percent':
      return `${percent.format(cell.v * 100)} %`;
    case 'date':
      return dayMonthYear(cell.v);
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
