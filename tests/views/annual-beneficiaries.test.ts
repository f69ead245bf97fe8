// The annual beneficiaries table counts people once: the quarterly totals of a service that
// serves the same people every quarter are attentions, and the table says so beside the
// year's distinct people (the figure coverage is scored on).
import { describe, expect, it } from 'vitest';
import { wholeYear } from '../helpers/whole-year.js';
import { annual, cell, int } from './api.js';

describe('annual beneficiaries table', () => {
  it('shows 1,300 distinct people beside 5,200 attentions for the same 1,300 people served each quarter', () => {
    const same = { total: 1300, mujeres: 650, hombres: 650 };
    const view = annual(wholeYear([same, same, same, same]), { fechaCorte: '2020-01-15' });
    expect(cell(view, 'beneficiarios', ['OP'], 'Personas distintas en el año')).toEqual(int(1300));
    expect(cell(view, 'beneficiarios', ['OP'], 'Atenciones (suma de los trimestres)')).toEqual(int(5200));
  });

  it('adds quarters declared as new people: 4 × 700 = 2,800 distinct people', () => {
    const nuevas = { total: 700, mujeres: 350, hombres: 350, conteo: 'nuevas' };
    const view = annual(wholeYear([nuevas, nuevas, nuevas, nuevas]), { fechaCorte: '2020-01-15' });
    expect(cell(view, 'beneficiarios', ['OP'], 'Personas distintas en el año')).toEqual(int(2800));
  });
});
