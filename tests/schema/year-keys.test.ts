// dependencia.yaml keeps evaluations and plans keyed by year: a key that is not a year, or a
// field of the 0.2 format with the year in its name, gets a message that says what to write.
import { describe, expect, it } from 'vitest';
import { baseRepo, lineOf, validateFiles } from '../helpers/fixture.js';

const CARD = 'dependencias/OP/dependencia.yaml';

function schemaDiagnostics(mutate: (files: ReturnType<typeof baseRepo>) => void) {
  const files = baseRepo();
  mutate(files);
  return { files, diagnostics: validateFiles(files).filter((d) => d.rule === 'PLAN002' && d.file === CARD) };
}

describe('year-keyed sections of dependencia.yaml', () => {
  it('says a key under evaluaciones must be a four-digit year, on that key', () => {
    const { files, diagnostics } = schemaDiagnostics((f) => {
      f[CARD].evaluaciones = { 'dos mil dieciocho': { puntaje: 74, grado: 'Aceptable' } };
    });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ line: lineOf(files, CARD, 'dos mil dieciocho:'), column: 3 });
    expect(diagnostics[0]!.message).toBe('Aquí cada clave es un año de cuatro cifras (por ejemplo «2019:»); se encontró «dos mil dieciocho».');
    expect(diagnostics[0]!.hint).toBe('Escriba el año del ejercicio como clave, por ejemplo «2019:».');
  });

  it('accepts a year written as a number key', () => {
    const { diagnostics } = schemaDiagnostics((f) => {
      f[CARD].evaluaciones = { 2018: { puntaje: 74, grado: 'Aceptable' }, 2019: { puntaje: 80, grado: 'Aceptable', criterios: { integralidad: 60 } } };
    });
    expect(diagnostics).toEqual([]);
  });

  it('tells a 0.2 file with autoevaluacion_2018 and plan_de_mejora where each block goes now', () => {
    const { files, diagnostics } = schemaDiagnostics((f) => {
      const card = f[CARD];
      card.autoevaluacion_2018 = card.evaluaciones['2018'];
      card.plan_de_mejora = card.planes_de_mejora['2019'];
      delete card.evaluaciones;
      delete card.planes_de_mejora;
    });
    const byField = (field: string) => diagnostics.find((d) => d.line === lineOf(files, CARD, `${field}:`))!;
    expect(byField('autoevaluacion_2018').hint).toBe('Desde la versión 0.3 el año no va en el nombre del campo: mueva este bloque a «evaluaciones:» con el año como clave (el README, «Migrar un dependencia.yaml anterior», lo muestra).');
    expect(byField('plan_de_mejora').hint).toContain('mueva este bloque a «planes_de_mejora:»');
  });
});
