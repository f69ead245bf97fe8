// Mexico's mandatory rest days, Ley Federal del Trabajo art. 74, computed for any year.
// Election days (fr. IX) depend on each electoral calendar and go in `dias_inhabiles`.
import { addDays } from 'date-fns/addDays';
import { lightFormat } from 'date-fns/lightFormat';
import { getDay } from 'date-fns/getDay';
import type { IsoDate } from '../model/time.js';

export interface Holiday {
  fecha: IsoDate;
  motivo: string;
}

const MONDAY = 1;

/** The n-th Monday of a month (month 0-based). */
function nthMonday(year: number, month: number, n: number): Date {
  const first = new Date(year, month, 1);
  const offset = (MONDAY - getDay(first) + 7) % 7;
  return addDays(first, offset + 7 * (n - 1));
}

const iso = (d: Date): IsoDate => lightFormat(d, 'yyyy-MM-dd');
const fixed = (year: number, month: number, day: number): IsoDate => iso(new Date(year, month - 1, day));

export function federalHolidays(year: number): Holiday[] {
  const days: Holiday[] = [
    { fecha: fixed(year, 1, 1), motivo: '1 de enero (LFT art. 74 fr. I)' },
    { fecha: iso(nthMonday(year, 1, 1)), motivo: 'Día de la Constitución, primer lunes de febrero (LFT art. 74 fr. II)' },
    { fecha: iso(nthMonday(year, 2, 3)), motivo: 'Natalicio de Benito Juárez, tercer lunes de marzo (LFT art. 74 fr. III)' },
    { fecha: fixed(year, 5, 1), motivo: 'Día del Trabajo (LFT art. 74 fr. IV)' },
    { fecha: fixed(year, 9, 16), motivo: 'Día de la Independencia (LFT art. 74 fr. V)' },
    { fecha: iso(nthMonday(year, 10, 3)), motivo: 'Día de la Revolución, tercer lunes de noviembre (LFT art. 74 fr. VI)' },
    { fecha: fixed(year, 12, 25), motivo: 'Navidad (LFT art. 74 fr. VIII)' },
  ];
  // Fr. VII: the transfer of the federal executive, every six years. The 2024 reform
  // moved it from 1 December to 1 October starting with the 2024 transfer.
  if (year >= 1934 && (year - 2018) % 6 === 0) {
    days.push(
      year <= 2018
        ? { fecha: fixed(year, 12, 1), motivo: 'Transmisión del Poder Ejecutivo Federal (LFT art. 74 fr. VII)' }
        : { fecha: fixed(year, 10, 1), motivo: 'Transmisión del Poder Ejecutivo Federal (LFT art. 74 fr. VII)' },
    );
  }
  return days.sort((a, b) => (a.fecha < b.fecha ? -1 : 1));
}
