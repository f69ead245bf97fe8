import { describe, expect, it } from 'vitest';
import { textWidth, wrappedLineCount } from '../../../src/report/render/layout/text-metrics.js';

describe('Arial text metrics', () => {
  it('measures a line of capitals wider than a line of i of the same length', () => {
    expect(textWidth('MMMM')).toBeCloseTo(3.332);
    expect(textWidth('iiii')).toBeCloseTo(0.888);
  });

  it('measures an accented letter as its base letter', () => {
    expect(textWidth('Acción')).toBe(textWidth('Accion'));
  });

  it('wraps greedily at spaces and starts a line at each newline', () => {
    // «uno dos» is about 3.6 ems, each word about 1.7: a room of 2 ems holds one word a line.
    expect(wrappedLineCount('uno dos', 2)).toBe(2);
    expect(wrappedLineCount('uno dos', 4)).toBe(1);
    expect(wrappedLineCount('uno\ndos', 4)).toBe(2);
  });

  it('breaks a word wider than the whole line into as many lines as it needs', () => {
    expect(wrappedLineCount('M'.repeat(10), 3)).toBe(3);
  });

  it('measures a character outside the table, an emoji too, as one em', () => {
    expect(textWidth('😀')).toBe(1);
    expect(textWidth('a😀b')).toBeCloseTo(0.556 + 1 + 0.556);
  });

  it('counts each of two blanks in a row when wrapping', () => {
    // «a b» is 1.39 ems; with a second blank, 1.668.
    expect(wrappedLineCount('a b', 1.5)).toBe(1);
    expect(wrappedLineCount('a  b', 1.5)).toBe(2);
  });

  it('counts an empty text and an empty paragraph as a line each', () => {
    expect(wrappedLineCount('', 2)).toBe(1);
    expect(wrappedLineCount('uno\n\ndos', 4)).toBe(3);
  });
});
