import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent, formatShare } from '../../src/i18n/numbers.js';

describe('formatNumber', () => {
  it('groups thousands the es-MX way and keeps at most two decimals', () => {
    expect(formatNumber(1234.5)).toBe('1,234.5');
    expect(formatNumber(5000)).toBe('5,000');
    expect(formatNumber(123456789.129)).toBe('123,456,789.13');
  });

  it('hides floating-point noise', () => {
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
  });

  it('takes the number of decimals from its second argument', () => {
    expect(formatNumber(1 / 3, 0)).toBe('0');
    expect(formatNumber(2 / 3, 1)).toBe('0.7');
  });

  it('never prints -0', () => {
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(-0.001)).toBe('0');
  });

  it('prints the largest numbers in scientific notation, never as Infinity', () => {
    expect(formatNumber(1.7e308)).toBe('1.7E308');
    expect(formatNumber(-1.7e308, 0)).toBe('-1.7E308');
  });
});

describe('formatPercent', () => {
  it('rounds down to one decimal, so 49.99 never reads as 50', () => {
    expect(formatPercent(49.99)).toBe('49.9');
    expect(formatPercent(100 / 3)).toBe('33.3');
    expect(formatPercent(50)).toBe('50');
  });

  it('does not overflow on the largest numbers', () => {
    expect(formatPercent(1.7e308)).toBe('1.7E308');
  });
});

describe('formatShare', () => {
  it('gives a part as a whole percentage of a whole', () => {
    expect(formatShare(16, 10)).toBe('160');
    expect(formatShare(1, 3, 1)).toBe('33.3');
  });

  it('does not overflow when the percentage is beyond the largest number', () => {
    expect(formatShare(1.7e308, 10)).toBe('1.7E309');
    expect(formatShare(1.7e308, 5e-324)).toBe('3.44E633');
  });
});
