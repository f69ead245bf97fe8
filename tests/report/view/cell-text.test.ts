import { describe, expect, it } from 'vitest';
import { cellText, date, int, num, pct } from '../../../src/report/view/cell-text.js';

describe('cellText', () => {
  it('writes a value the same way every time it repeats', () => {
    expect([pct(0.953), pct(0.953), int(1234), int(1234), num(8.725), date('2019-06-28'), date('2019-06-28')].map(cellText)).toEqual([
      '95.3 %',
      '95.3 %',
      '1,234',
      '1,234',
      '8.73',
      '28/06/2019',
      '28/06/2019',
    ]);
  });

  it('tells -0 from 0, as Intl writes them, in either order', () => {
    expect([int(0), int(-0), num(-0, 1), num(0, 1), pct(-0), pct(0)].map(cellText)).toEqual(['0', '-0', '-0.0', '0.0', '-0.0 %', '0.0 %']);
  });
});
