import { describe, expect, it } from 'vitest';
import { parseTrimestre, Trimestre, yearOf } from '../../src/model/time.js';

describe('Trimestre', () => {
  it('parses «2019-T2» into its year and quarter and writes it back the same', () => {
    const t = Trimestre.parse('2019-T2');
    expect([t.year, t.quarter, t.index, String(t)]).toEqual([2019, 'T2', 2, '2019-T2']);
  });

  it('steps to the next quarter, across the end of the year', () => {
    expect(String(Trimestre.parse('2019-T2').next())).toBe('2019-T3');
    expect(String(Trimestre.parse('2019-T4').next())).toBe('2020-T1');
  });

  it('steps to the previous quarter, across the start of the year', () => {
    expect(String(Trimestre.parse('2019-T3').previous())).toBe('2019-T2');
    expect(String(Trimestre.parse('2020-T1').previous())).toBe('2019-T4');
  });

  it('builds a quarter from its year and quarter', () => {
    expect(String(Trimestre.of(2021, 'T1'))).toBe('2021-T1');
  });

  it('gives the first and last calendar day of each quarter', () => {
    expect((['T1', 'T2', 'T3', 'T4'] as const).map((q) => [Trimestre.of(2019, q).firstDay, Trimestre.of(2019, q).lastDay])).toEqual([
      ['2019-01-01', '2019-03-31'],
      ['2019-04-01', '2019-06-30'],
      ['2019-07-01', '2019-09-30'],
      ['2019-10-01', '2019-12-31'],
    ]);
  });

  it('keeps parseTrimestre as the plain { year, quarter } of a quarter', () => {
    expect(parseTrimestre('2019-T4')).toEqual({ year: 2019, quarter: 'T4' });
  });
});

describe('yearOf', () => {
  it('reads the year of a date and of a quarter', () => {
    expect(yearOf('2019-12-31')).toBe(2019);
    expect(yearOf('2020-T1')).toBe(2020);
  });
});
