import { describe, expect, it } from 'vitest';
import { baseRepo, validateFiles } from '../helpers/fixture.js';

const PPCS = 'dependencias/OP/ppcs/OP-01.yaml';

function schemaMessages(mutate: (indicador: Record<string, unknown>) => void): string[] {
  const files = baseRepo();
  mutate(files[PPCS].metas[0].indicador);
  return validateFiles(files)
    .filter((d) => d.rule === 'PLAN002')
    .map((d) => `${d.message}${d.hint ? ` | ${d.hint}` : ''}`);
}

describe('the indicator’s MIR fields in the carátula schema', () => {
  it('accepts nivel, dimension, tipo and a baseline with its year', () => {
    expect(
      schemaMessages((indicador) => Object.assign(indicador, { nivel: 'componente', dimension: 'calidad', tipo: 'gestion', linea_base: { valor: 35, anio: 2018 } })),
    ).toEqual([]);
  });

  it('names the allowed dimensions', () => {
    expect(schemaMessages((indicador) => void (indicador.dimension = 'eficiente'))).toEqual([
      'El campo «dimension» tiene el valor «eficiente», que no está permitido. | Valores permitidos: «eficacia», «eficiencia», «calidad» y «economia».',
    ]);
  });

  it('asks for the year of a baseline given as an object', () => {
    expect(schemaMessages((indicador) => void (indicador.linea_base = { valor: 35 }))).toEqual([
      'Falta el campo obligatorio «anio» (Año de la línea base). | Agregue «anio:» en esta sección.',
    ]);
  });

  it('says a baseline is a number or an object, not text', () => {
    expect(schemaMessages((indicador) => void (indicador.linea_base = 'treinta'))).toEqual([
      'El campo «linea_base» debe ser un número o una sección con campos (clave: valor); se encontró «treinta».',
    ]);
  });
});
