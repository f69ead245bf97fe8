// One module per function: the package index loads hundreds of modules (~0.4 s).
import { addDays } from 'date-fns/addDays';
import { lightFormat } from 'date-fns/lightFormat';
import { isWeekend } from 'date-fns/isWeekend';
import { lastDayOfMonth } from 'date-fns/lastDayOfMonth';
import { parseISO } from 'date-fns/parseISO';
import type { DeliveryTiming, DeliveryWindow, IsoDate, Quarter, WorkCalendar } from '../model/time.js';
import { federalHolidays } from './holidays.js';

export type { DeliveryTiming, DeliveryWindow } from '../model/time.js';

// Dates are calendar days: parsed and formatted in local time on both ends, so the
// machine's time zone never shifts a day.
const toDate = (day: IsoDate): Date => parseISO(day);
const toIso = (date: Date): IsoDate => lightFormat(date, 'yyyy-MM-dd');

export interface CalendarOptions {
  federal: boolean;
  extraNonWorkingDays: readonly IsoDate[];
  /** Business days at the end of the quarter's last month in which reports are due. */
  windowLength: number;
}

export class BusinessCalendar implements WorkCalendar {
  private readonly nonWorking = new Set<IsoDate>();
  private readonly federalYears = new Set<number>();
  /** Windows by year and quarter: reports ask for them once per meta and quarter. */
  private readonly windows = new Map<string, DeliveryWindow>();

  constructor(private readonly options: CalendarOptions) {
    for (const day of options.extraNonWorkingDays) this.nonWorking.add(day);
  }

  isBusinessDay(day: IsoDate): boolean {
    const date = toDate(day);
    if (isWeekend(date)) return false;
    if (this.options.federal) this.loadFederal(date.getFullYear());
    return !this.nonWorking.has(day);
  }

  /** The last `windowLength` business days of March, June, September or December. */
  deliveryWindow(year: number, quarter: Quarter): DeliveryWindow {
    const key = `${year}-${quarter}`;
    const known = this.windows.get(key);
    if (known) return known;
    const window = this.computeWindow(year, quarter);
    this.windows.set(key, window);
    return window;
  }

  private computeWindow(year: number, quarter: Quarter): DeliveryWindow {
    const lastMonth = Number(quarter.slice(1)) * 3 - 1;
    const days: IsoDate[] = [];
    for (let date = lastDayOfMonth(new Date(year, lastMonth, 1)); days.length < this.options.windowLength; date = addDays(date, -1)) {
      const day = toIso(date);
      if (this.isBusinessDay(day)) days.unshift(day);
    }
    // Shared by every caller from the cache: frozen, so none can change it for the others.
    return Object.freeze({ quarter, year, days: Object.freeze(days) as IsoDate[], start: days[0]!, end: days[days.length - 1]! });
  }

  timing(delivered: IsoDate, window: DeliveryWindow): DeliveryTiming {
    if (delivered > window.end) return { kind: 'tarde', businessDays: this.businessDaysAfter(window.end, delivered) };
    if (delivered < window.start) return { kind: 'anticipado', businessDays: this.businessDaysAfter(delivered, window.start) - 1 + (this.isBusinessDay(delivered) ? 1 : 0) };
    return { kind: 'a_tiempo' };
  }

  /** Business days in (from, to], e.g. how many working days a delivery came after the deadline. */
  businessDaysAfter(from: IsoDate, to: IsoDate): number {
    let count = 0;
    // Compared as dates, not strings: «10000-01-01» sorts before «9999-12-31».
    const last = toDate(to).getTime();
    for (let date = addDays(toDate(from), 1); date.getTime() <= last; date = addDays(date, 1)) {
      if (this.isBusinessDay(toIso(date))) count++;
    }
    return count;
  }

  private loadFederal(year: number): void {
    if (this.federalYears.has(year)) return;
    this.federalYears.add(year);
    for (const holiday of federalHolidays(year)) this.nonWorking.add(holiday.fecha);
  }
}
