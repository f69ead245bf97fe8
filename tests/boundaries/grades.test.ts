// Grade bands at their exact minimum, and the rounding that decides which band a total is
// in. OP in baseRepo scores 100 in Consistencia, Seguimiento and Integralidad and 50 in
// Calidad (Integración and Género do not apply), so the rubric weights set its total:
// total = (100·(c + s + i) + 50·q) ÷ (c + s + i + q).
import { describe, expect, it } from 'vitest';
import { baseRepo } from '../helpers/fixture.js';
import { annual, cell, num, text } from '../views/api.js';

const GRADOS = [
  { grado: 'Sobresaliente', minimo: 85, tipo_plan: 'Innovación' },
  { grado: 'Aceptable', minimo: 70, tipo_plan: 'Consolidación' },
  { grado: 'En desarrollo', minimo: 50, tipo_plan: 'Fortalecimiento' },
  { grado: 'Insuficiente', minimo: 0, tipo_plan: 'Reestructuración' },
];

/** OP's total and grade with the weights of Consistencia, Seguimiento, Integralidad and Calidad (the other two share the rest). */
function opWith(c: number, s: number, i: number, q: number) {
  const rest = (100 - c - s - i - q) / 2;
  const files = baseRepo();
  files['plan.yaml'].rubrica = {
    pesos: { consistencia_programatica: c, seguimiento_retroalimentacion: s, integracion_organizacion: rest, integralidad: i, calidad_cobertura: q, perspectiva_genero: rest },
    grados: GRADOS,
  };
  const view = annual(files);
  return { total: cell(view, 'criterios', ['OP'], 'Total'), grado: cell(view, 'criterios', ['OP'], 'Grado'), plan: cell(view, 'criterios', ['OP'], 'Tipo de Plan de Mejora') };
}

describe('grade at exactly its minimum', () => {
  it('85.0 is Sobresaliente (Innovación)', () => {
    expect(opWith(15, 10, 10, 15)).toEqual({ total: num(85, 1), grado: text('Sobresaliente'), plan: text('Innovación') });
  });

  it('84.9 is Aceptable', () => {
    expect(opWith(15, 9.9, 10, 15.1)).toEqual({ total: num(84.9, 1), grado: text('Aceptable'), plan: text('Consolidación') });
  });

  it('84.96, published as 85.0, is graded as the 85.0 it shows: Sobresaliente', () => {
    // (100 × 43.7 + 50 × 18.8) ÷ 62.5 = 84.96
    expect(opWith(20, 13.7, 10, 18.8)).toEqual({ total: num(85, 1), grado: text('Sobresaliente'), plan: text('Innovación') });
  });

  it('70.0 is Aceptable (Consolidación)', () => {
    expect(opWith(10, 5, 5, 30)).toEqual({ total: num(70, 1), grado: text('Aceptable'), plan: text('Consolidación') });
  });

  it('69.9 is En desarrollo', () => {
    expect(opWith(10, 4.9, 5, 30.1)).toEqual({ total: num(69.9, 1), grado: text('En desarrollo'), plan: text('Fortalecimiento') });
  });

  it('50.0 is En desarrollo (Fortalecimiento), not Insuficiente', () => {
    expect(opWith(0, 0, 0, 40)).toEqual({ total: num(50, 1), grado: text('En desarrollo'), plan: text('Fortalecimiento') });
  });
});
