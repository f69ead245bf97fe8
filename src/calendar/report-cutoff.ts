// The date a report is judged at when the user gives none. It follows from the period and
// plan.yaml's calendar only, never from the day the report is run: the 2019-T2 summary built
// in 2021 must say what it said in July 2019.
import { addDays } from 'date-fns/addDays';
import { lightFormat } from 'date-fns/lightFormat';
import { parseISO } from 'date-fns/parseISO';
import type { IsoDate, Quarter } from '../model/time.js';
import type { BusinessCalendar, DeliveryWindow } from './business-days.js';

export interface ReportCutoff {
  fecha: IsoDate;
  /** The delivery window the date follows from; absent when the user gave the date (--fecha-corte). */
  window?: DeliveryWindow;
}

/**
 * The day after the delivery window of `quarter` closes; for the annual evaluation, the
 * fourth quarter's. A quarter's reports are due once its window closed before the cut-off
 * (PlanModel.isDue), so this is the first day on which the period's reports are all due and
 * the next quarter's are not yet: a missing report counts as «No entregado», a later quarter
 * never does. The window comes from plan.yaml (`entrega_reportes.dias_habiles`,
 * `dias_inhabiles`), so a municipality with other holidays gets its own date.
 */
export function reportCutoff(calendar: BusinessCalendar, year: number, quarter: Quarter): ReportCutoff {
  const window = calendar.deliveryWindow(year, quarter);
  return { fecha: lightFormat(addDays(parseISO(window.end), 1), 'yyyy-MM-dd'), window };
}
