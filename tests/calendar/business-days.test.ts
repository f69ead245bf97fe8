import { describe, expect, it } from 'vitest';
import { BusinessCalendar } from '../../src/calendar/business-days.js';
import { federalHolidays } from '../../src/calendar/holidays.js';

const federal = (extra: string[] = []) => new BusinessCalendar({ federal: true, extraNonWorkingDays: extra, windowLength: 5 });

describe('federalHolidays (LFT art. 74)', () => {
  it('lists the seven mandatory rest days of 2019', () => {
    expect(federalHolidays(2019).map((h) => h.fecha)).toEqual([
      '2019-01-01',
      '2019-02-04',
      '2019-03-18',
      '2019-05-01',
      '2019-09-16',
      '2019-11-18',
      '2019-12-25',
    ]);
  });

  it('adds 1 December for the 2018 transfer of the federal executive', () => {
    expect(federalHolidays(2018).map((h) => h.fecha)).toContain('2018-12-01');
  });

  it('adds 1 October, not 1 December, for the 2024 transfer of the federal executive', () => {
    const days = federalHolidays(2024).map((h) => h.fecha);
    expect(days).toContain('2024-10-01');
    expect(days).not.toContain('2024-12-01');
  });

  it('adds no transfer day in a year without one', () => {
    expect(federalHolidays(2019)).toHaveLength(7);
  });
});

describe('BusinessCalendar.deliveryWindow', () => {
  it('gives 25–29 March as the 2019 Q1 window', () => {
    expect(federal().deliveryWindow(2019, 'T1').days).toEqual(['2019-03-25', '2019-03-26', '2019-03-27', '2019-03-28', '2019-03-29']);
  });

  it('gives 24–28 June as the 2019 Q2 window', () => {
    const window = federal().deliveryWindow(2019, 'T2');
    expect([window.start, window.end]).toEqual(['2019-06-24', '2019-06-28']);
  });

  it('gives 24–30 September as the 2019 Q3 window, skipping the weekend', () => {
    expect(federal().deliveryWindow(2019, 'T3').days).toEqual(['2019-09-24', '2019-09-25', '2019-09-26', '2019-09-27', '2019-09-30']);
  });

  it('skips Christmas in the 2019 Q4 window', () => {
    expect(federal().deliveryWindow(2019, 'T4').days).toEqual(['2019-12-24', '2019-12-26', '2019-12-27', '2019-12-30', '2019-12-31']);
  });

  it('keeps Christmas as a business day when federal holidays are turned off', () => {
    const calendar = new BusinessCalendar({ federal: false, extraNonWorkingDays: [], windowLength: 5 });
    expect(calendar.deliveryWindow(2019, 'T4').start).toBe('2019-12-25');
  });

  it('moves the window back when an extra non-working day falls in it', () => {
    expect(federal(['2019-03-29']).deliveryWindow(2019, 'T1').days).toEqual(['2019-03-22', '2019-03-25', '2019-03-26', '2019-03-27', '2019-03-28']);
  });

  it('takes the window length from the calendar options', () => {
    const calendar = new BusinessCalendar({ federal: true, extraNonWorkingDays: [], windowLength: 3 });
    expect(calendar.deliveryWindow(2019, 'T1').days).toEqual(['2019-03-27', '2019-03-28', '2019-03-29']);
  });

  it('skips Christmas in the 2018 Q4 window', () => {
    expect(federal().deliveryWindow(2018, 'T4').days).toEqual(['2018-12-24', '2018-12-26', '2018-12-27', '2018-12-28', '2018-12-31']);
  });

  it('counts 1 October 2024 as non-working', () => {
    expect(federal().isBusinessDay('2024-10-01')).toBe(false);
    expect(federal().isBusinessDay('2024-10-02')).toBe(true);
  });
});

describe('BusinessCalendar.timing', () => {
  const calendar = federal();
  const q1 = calendar.deliveryWindow(2019, 'T1');

  it('accepts a delivery on the first and on the last day of the window', () => {
    expect(calendar.timing('2019-03-25', q1)).toEqual({ kind: 'a_tiempo' });
    expect(calendar.timing('2019-03-29', q1)).toEqual({ kind: 'a_tiempo' });
  });

  it('counts a delivery on Wednesday 3 April as 3 business days late across the weekend', () => {
    expect(calendar.timing('2019-04-03', q1)).toEqual({ kind: 'tarde', businessDays: 3 });
  });

  it('counts a delivery on Thursday 21 March as 2 business days early', () => {
    expect(calendar.timing('2019-03-21', q1)).toEqual({ kind: 'anticipado', businessDays: 2 });
  });

  it('does not count the Benito Juárez holiday when a delivery is early', () => {
    expect(calendar.timing('2019-03-15', q1)).toEqual({ kind: 'anticipado', businessDays: 5 });
  });

  it('counts a Q4 delivery in January across New Year’s Day', () => {
    expect(calendar.timing('2020-01-03', calendar.deliveryWindow(2019, 'T4'))).toEqual({ kind: 'tarde', businessDays: 2 });
  });
});

describe('BusinessCalendar.businessDaysAfter', () => {
  it('counts business days after the first date up to and including the second', () => {
    expect(federal().businessDaysAfter('2019-03-29', '2019-04-01')).toBe(1);
    expect(federal().businessDaysAfter('2019-03-29', '2019-03-29')).toBe(0);
  });
});
