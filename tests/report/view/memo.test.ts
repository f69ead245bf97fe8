import { describe, expect, it } from 'vitest';
import { memoize } from '../../../src/report/view/memo.js';

describe('memoize', () => {
  it('computes a value once per distinct key', () => {
    const seen: string[] = [];
    const upper = memoize((text: string) => {
      seen.push(text);
      return text.toUpperCase();
    });
    expect(['a', 'b', 'a', 'a', 'b'].map(upper)).toEqual(['A', 'B', 'A', 'A', 'B']);
    expect(seen).toEqual(['a', 'b']);
  });

  it('starts over when it holds its limit, and still answers right', () => {
    let calls = 0;
    const double = memoize((n: number) => {
      calls++;
      return n * 2;
    }, 2);
    expect([1, 2, 3, 1].map(double)).toEqual([2, 4, 6, 2]);
    expect(calls).toBe(4);
  });
});
