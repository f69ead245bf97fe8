import { describe, expect, it } from 'vitest';
import { goalOf, isAdjusted, metaForYear, programmedThrough, programmingOf } from '../../src/model/progress.js';
import type { Meta } from '../../src/model/types.js';

const APPROVED = { aprobo: 'Mtra. Laura Campos Ríos, Directora de Planeación', fecha: '2019-07-15' };

/** 2019 (top level): 2, 3, 3, 2 = 10, adjusted and approved to 5. 2020: 3 × 4 = 12, no adjustment. */
const META: Meta = {
  id: 'M1',
  descripcion: 'Kilómetros pavimentados',
  indicador: { nombre: 'Kilómetros pavimentados', unidad_medida: 'km', sentido: 'ascendente', acumulacion: 'suma' },
  programacion: { T1: 2, T2: 3, T3: 3, T4: 2 },
  meta_anual: 10,
  meta_ajustada: 5,
  ajuste: APPROVED,
  ejercicios: { 2020: { programacion: { T1: 3, T2: 3, T3: 3, T4: 3 }, meta_anual: 12 } },
};

describe('metaForYear', () => {
  it('takes the whole 2020 entry in 2020: its programming and goal, and none of the top-level adjustment', () => {
    const view = metaForYear(META, 2020);
    expect(view).toMatchObject({ programacion: { T1: 3, T2: 3, T3: 3, T4: 3 }, meta_anual: 12 });
    expect(view.meta_ajustada).toBeUndefined();
    expect(view.ajuste).toBeUndefined();
    expect(isAdjusted(META, 2020)).toBe(false);
    expect(goalOf(META, 2020)).toBe(12);
    expect(programmedThrough(META, 2020, 'T2')).toBe(6);
  });

  it('keeps the top-level values, adjustment included, in a year without an entry: 2019 and 2021 measure against 5', () => {
    for (const year of [2019, 2021]) {
      expect(goalOf(META, year)).toBe(5);
      expect(programmingOf(META, year)).toEqual({ T1: 1, T2: 1.5, T3: 1.5, T4: 1 });
    }
  });

  it('gives a view without ejercicios, so asking it again for the same year changes nothing', () => {
    const view = metaForYear(META, 2020);
    expect(view.ejercicios).toBeUndefined();
    expect(metaForYear(view, 2020)).toEqual(view);
    expect(view).toMatchObject({ id: 'M1', descripcion: 'Kilómetros pavimentados', indicador: META.indicador });
  });
});
