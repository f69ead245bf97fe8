import { describe, expect, it } from 'vitest';
import { PLAN061 } from '../../src/rules/PLAN061-grado-de-la-evaluacion.js';
import { baseRepo, checkRule, lineOf, where } from '../helpers/fixture.js';

const OP = 'dependencias/OP/dependencia.yaml';

describe('PLAN061 evaluation grade that does not follow from its score', () => {
  it('accepts 74 points graded Aceptable', () => {
    expect(checkRule(PLAN061, baseRepo())).toEqual([]);
  });

  it('reports 47 points graded Aceptable on its grado, naming Insuficiente', () => {
    const files = baseRepo();
    files[OP].evaluaciones[2018] = { puntaje: 47, grado: 'Aceptable' };
    const diagnostics = checkRule(PLAN061, files);
    expect(where(diagnostics)).toEqual([`PLAN061 ${OP}:${lineOf(files, OP, 'grado:')}`]);
    expect(diagnostics[0]!.severity).toBe('error');
    expect(diagnostics[0]!.message).toBe(
      'La evaluación 2018 tiene puntaje 47 y grado «Aceptable», pero según la rúbrica de plan.yaml ese puntaje corresponde al grado «Insuficiente» (desde 0 puntos).',
    );
  });

  it('accepts a score exactly at a band’s minimum: 70 is Aceptable', () => {
    const files = baseRepo();
    files[OP].evaluaciones[2018] = { puntaje: 70, grado: 'Aceptable' };
    expect(checkRule(PLAN061, files)).toEqual([]);
  });

  it('reports a score just under it: 69.9 is En desarrollo', () => {
    const files = baseRepo();
    files[OP].evaluaciones[2018] = { puntaje: 69.9, grado: 'Aceptable' };
    expect(checkRule(PLAN061, files).map((d) => d.message)).toEqual([
      'La evaluación 2018 tiene puntaje 69.9 y grado «Aceptable», pero según la rúbrica de plan.yaml ese puntaje corresponde al grado «En desarrollo» (desde 50 puntos).',
    ]);
  });

  it('checks every recorded year', () => {
    const files = baseRepo();
    files[OP].evaluaciones[2019] = { puntaje: 88, grado: 'Aceptable' };
    expect(where(checkRule(PLAN061, files))).toEqual([`PLAN061 ${OP}:${lineOf(files, OP, 'grado:', '"2019":')}`]);
  });
});
