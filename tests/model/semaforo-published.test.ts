// The semáforo follows the percentage as the reports publish it, to one decimal.
import { describe, expect, it } from 'vitest';
import { cumplimiento, publishedPercent, semaforo } from '../../src/model/semaforo.js';

const BANDS = { verde_min: 90, verde_max: 110, amarillo_min: 80, amarillo_max: 120 };

describe('semáforo on the published percentage', () => {
  it('gives green to 899.6 of 1,000 (89.96 %, published as «90.0 %»)', () => {
    expect(semaforo(cumplimiento(1000, 899.6, 'ascendente'), BANDS)).toBe('verde');
  });

  it('gives yellow to 899.4 of 1,000 (89.94 %, published as «89.9 %»)', () => {
    expect(semaforo(cumplimiento(1000, 899.4, 'ascendente'), BANDS)).toBe('amarillo');
  });

  it('gives yellow to 2,201 of 2,000 (110.05 %, published «110.1 %» as the view prints it)', () => {
    expect(publishedPercent((2201 / 2000) * 100)).toBe(110.1);
    expect(semaforo(cumplimiento(2000, 2201, 'ascendente'), BANDS)).toBe('amarillo');
    expect(semaforo(cumplimiento(100, 110.05, 'ascendente'), BANDS)).toBe('amarillo');
  });

  it('gives green to 110.04 % (published «110.0 %») and yellow to 110.06 % (published «110.1 %»)', () => {
    expect(semaforo(cumplimiento(10000, 11004, 'ascendente'), BANDS)).toBe('verde');
    expect(semaforo(cumplimiento(10000, 11006, 'ascendente'), BANDS)).toBe('amarillo');
  });
});
