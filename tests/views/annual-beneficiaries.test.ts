// The annual beneficiaries table counts people once: the quarterly totals of a service that
// serves the same people every quarter are attentions, and the table says so beside the
// year's distinct people (the figure coverage is scored on).
import { describe, expect, it } from 'vitest';
import { baseRepo, type Files } from '../helpers/fixture.js';
import { annual, cell, int } from './api.js';

const DATES = ['2019-03-27', '2019-06-25', '2019-09-24', '2019-12-24'];

/** OP reports OP-01 every quarter of 2019 with the given beneficiaries. */
function year(beneficiarios: object[]): Files & Record<string, any> {
  const files: Files & Record<string, any> = baseRepo();
  for (const clave of ['OP', 'DIF']) {
    const t1 = files[`dependencias/${clave}/reportes/2019-T1.yaml`];
    DATES.forEach((fecha_entrega, i) => {
      const trimestre = `2019-T${i + 1}`;
      const ppcs = clave === 'OP' ? [{ ...t1.ppcs[0], beneficiarios: beneficiarios[i] }] : t1.ppcs;
      files[`dependencias/${clave}/reportes/${trimestre}.yaml`] = { ...t1, trimestre, fecha_entrega, ppcs };
    });
  }
  return files;
}

describe('annual beneficiaries table', () => {
  it('shows 1,300 distinct people beside 5,200 attentions for the same 1,300 people served each quarter', () => {
    const same = { total: 1300, mujeres: 650, hombres: 650 };
    const view = annual(year([same, same, same, same]), { fechaCorte: '2020-01-15' });
    expect(cell(view, 'beneficiarios', ['OP'], 'Personas distintas en el año')).toEqual(int(1300));
    expect(cell(view, 'beneficiarios', ['OP'], 'Atenciones (suma de los trimestres)')).toEqual(int(5200));
  });

  it('adds quarters declared as new people: 4 × 700 = 2,800 distinct people', () => {
    const nuevas = { total: 700, mujeres: 350, hombres: 350, conteo: 'nuevas' };
    const view = annual(year([nuevas, nuevas, nuevas, nuevas]), { fechaCorte: '2020-01-15' });
    expect(cell(view, 'beneficiarios', ['OP'], 'Personas distintas en el año')).toEqual(int(2800));
  });
});
