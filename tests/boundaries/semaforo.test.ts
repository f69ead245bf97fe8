// Every edge of the semáforo bands (plan.yaml defaults: green 90–110 %, yellow 80–120 %),
// through the quarterly view a department reads. Each edge is inclusive: a meta at exactly
// 120 % is yellow, a hair above is red.
import { describe, expect, it } from 'vitest';
import { baseRepo } from '../helpers/fixture.js';
import { cell, light, pct, quarterly } from '../views/api.js';

const DIF_01 = 'dependencias/DIF/ppcs/DIF-01.yaml';
const DIF_T1 = 'dependencias/DIF/reportes/2019-T1.yaml';

/** DIF-01 M1 programmed at 100 people each quarter, 2019-T1 reported as `alcanzado`. */
function achieved(alcanzado: number, sentido: 'ascendente' | 'descendente' = 'ascendente', bands?: object) {
  const files = baseRepo();
  const meta = files[DIF_01].metas[0];
  meta.programacion = { T1: 100, T2: 100, T3: 100, T4: 100 };
  meta.meta_anual = 100;
  meta.indicador.sentido = sentido;
  if (bands) files['plan.yaml'].semaforo = bands;
  files[DIF_T1].ppcs[0].avances[0].valor = alcanzado;
  const view = quarterly(files, 'T1');
  return {
    light: cell(view, 'metas', ['DIF', 'DIF-01'], 'Semáforo trimestre'),
    cumulative: cell(view, 'metas', ['DIF', 'DIF-01'], 'Semáforo acumulado'),
    cumplimiento: cell(view, 'metas', ['DIF', 'DIF-01'], 'Cumplimiento trimestre'),
  };
}

describe('semáforo band edges (ascending indicator, 100 programmed)', () => {
  it.each([
    [79.9, 'rojo'],
    [80, 'amarillo'],
    [89.9, 'amarillo'],
    [90, 'verde'],
    [100, 'verde'],
    [110, 'verde'],
    [110.1, 'amarillo'],
    [120, 'amarillo'],
    [120.1, 'rojo'],
  ] as const)('%s of 100 is %s', (alcanzado, expected) => {
    const result = achieved(alcanzado);
    expect(result.light).toEqual(light(expected));
    expect(result.cumulative).toEqual(light(expected));
  });

  it('shows the cumplimiento as the exact share: 120 of 100 is 1.2', () => {
    expect(achieved(120).cumplimiento).toEqual(pct(1.2));
  });

  it('keeps 110 % green although 110 / 100 × 100 is 110.00000000000001 in floating point', () => {
    const files = baseRepo();
    files['dependencias/OP/reportes/2019-T1.yaml'].ppcs[0].avances[0].valor = 2.2;
    expect(cell(quarterly(files, 'T1'), 'metas', ['OP', 'OP-01'], 'Semáforo trimestre')).toEqual(light('verde'));
  });
});

describe('semáforo band edges (descending indicator: programado ÷ alcanzado)', () => {
  it.each([
    // 100 / 83.4 = 119.9 %; 100 / 83.3 = 120.048 %, published «120.0 %» (yellow, the light follows
    // the published figure); 100 / 83.2 = 120.19 %, published «120.2 %»
    [83.4, 'amarillo'],
    [83.3, 'amarillo'],
    [83.2, 'rojo'],
    // 100 / 125 = 80 %
    [125, 'amarillo'],
    [125.1, 'rojo'],
  ] as const)('%s achieved against 100 programmed is %s', (alcanzado, expected) => {
    expect(achieved(alcanzado, 'descendente').light).toEqual(light(expected));
  });
});

describe('semáforo bands set in plan.yaml', () => {
  const bands = { verde_min: 95, verde_max: 105, amarillo_min: 85, amarillo_max: 115 };
  it.each([
    [84.9, 'rojo'],
    [85, 'amarillo'],
    [95, 'verde'],
    [105, 'verde'],
    [105.1, 'amarillo'],
    [115, 'amarillo'],
    [115.1, 'rojo'],
  ] as const)('with green 95–105 and yellow 85–115, %s is %s', (alcanzado, expected) => {
    expect(achieved(alcanzado, 'ascendente', bands).light).toEqual(light(expected));
  });
});
