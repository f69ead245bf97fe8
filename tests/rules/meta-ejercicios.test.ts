// A carátula's `ejercicios` entries (a later year's own programming) are checked like the
// top-level programming, each finding placed at the entry's own keys and naming its year.
import { describe, expect, it } from 'vitest';
import { PLAN010 } from '../../src/rules/PLAN010-caratula-incompleta.js';
import { PLAN011 } from '../../src/rules/PLAN011-programacion-meta-anual.js';
import { PLAN015 } from '../../src/rules/PLAN015-meta-ajustada-sin-aprobar.js';
import { baseRepo, checkRule, lineOf, render, validateFiles, where } from '../helpers/fixture.js';

const OP01 = 'dependencias/OP/ppcs/OP-01.yaml';
const APPROVED = { aprobo: 'Mtra. Laura Campos Ríos, Directora de Planeación', fecha: '2020-02-14' };

type Repo = ReturnType<typeof baseRepo>;

/**
 * OP-01 M1 with `ejercicios` entries, written the way a department types them: the year as
 * a plain number key (`2020:`), not the quoted string the fixture serialiser would write.
 */
function withEntries(entries: Record<string, unknown>): Repo {
  const files = baseRepo();
  files[OP01].metas[0].ejercicios = entries;
  files[OP01] = (render(files[OP01]) as string).replace(/"(20\d\d)":/g, '$1:');
  return files;
}

const line = (files: Repo, needle: string, after?: string) => lineOf(files, OP01, needle, after);

describe('PLAN011 on an ejercicios entry', () => {
  it('accepts an entry whose quarters add up to its own meta anual (3 × 4 = 12), though 12 differs from the top level’s 10', () => {
    expect(checkRule(PLAN011, withEntries({ 2020: { programacion: { T1: 3, T2: 3, T3: 3, T4: 3 }, meta_anual: 12 } }))).toEqual([]);
  });

  it('reports an entry whose quarters add up to 12 against a meta anual of 16, on the entry’s meta_anual line, naming the year', () => {
    const files = withEntries({ 2020: { programacion: { T1: 3, T2: 3, T3: 3, T4: 3 }, meta_anual: 16 } });
    const diagnostics = checkRule(PLAN011, files);
    expect(where(diagnostics)).toEqual([`PLAN011 ${OP01}:${line(files, 'meta_anual: 16')}`]);
    expect(diagnostics[0]!.message).toBe(
      'La meta anual 16 de la meta «M1» del PPCS «OP-01» en el ejercicio 2020 no corresponde a su programación: con acumulación «suma», los trimestres programados suman 12.',
    );
    expect(diagnostics[0]!.hint).toBe(
      'Ajuste «ejercicios.2020.meta_anual» a 12 o corrija «ejercicios.2020.programacion»; se tolera una diferencia de hasta 5 % (umbrales.tolerancia_programacion en plan.yaml).',
    );
  });

  it('says the year in English too', () => {
    const files = withEntries({ 2020: { programacion: { T1: 3, T2: 3, T3: 3, T4: 3 }, meta_anual: 16 } });
    expect(checkRule(PLAN011, files, { lang: 'en' })[0]!.message).toBe(
      'Annual target 16 of meta «M1» of PPCS «OP-01» in 2020 does not match its programming: with accumulation "suma", the programmed quarters add up to 12.',
    );
  });

  it('reports the top level and each inconsistent year separately, each at its own line', () => {
    const files = baseRepo();
    files[OP01].metas[0].meta_anual = 11;
    files[OP01].metas[0].ejercicios = { 2020: { programacion: { T1: 3 }, meta_anual: 12 }, 2021: { programacion: { T1: 1 }, meta_anual: 1 }, 2022: { programacion: { T1: 5 }, meta_anual: 4 } };
    expect(where(checkRule(PLAN011, files))).toEqual([
      `PLAN011 ${OP01}:${line(files, 'meta_anual: 11')}`,
      `PLAN011 ${OP01}:${line(files, 'meta_anual: 12')}`,
      `PLAN011 ${OP01}:${line(files, 'meta_anual: 4')}`,
    ]);
  });

  it('reports an approved adjusted programming of the year that misses the year’s meta ajustada, on that entry’s «ajuste.programacion»', () => {
    const files = withEntries({ 2020: { programacion: { T1: 3, T2: 3, T3: 3, T4: 3 }, meta_anual: 12, meta_ajustada: 6, ajuste: { ...APPROVED, programacion: { T1: 3, T2: 2 } } } });
    const diagnostics = checkRule(PLAN011, files);
    expect(where(diagnostics)).toEqual([`PLAN011 ${OP01}:${line(files, 'programacion:', 'ajuste:')}`]);
    expect(diagnostics[0]!.message).toBe(
      'La meta ajustada 6 de la meta «M1» del PPCS «OP-01» en el ejercicio 2020 no corresponde a su programación ajustada («ejercicios.2020.ajuste.programacion»): con acumulación «suma», los trimestres ajustados llegan a 5.',
    );
  });
});

describe('PLAN015 on an ejercicios entry', () => {
  it('warns of a year’s meta ajustada without approval, on the entry’s meta_ajustada line', () => {
    const files = withEntries({ 2020: { programacion: { T1: 3, T2: 3, T3: 3, T4: 3 }, meta_anual: 12, meta_ajustada: 9 } });
    const diagnostics = checkRule(PLAN015, files);
    expect(where(diagnostics)).toEqual([`PLAN015 ${OP01}:${line(files, 'meta_ajustada: 9')}`]);
    expect(diagnostics[0]!.message).toBe(
      'La meta ajustada 9 de la meta «M1» del PPCS «OP-01» en el ejercicio 2020 no tiene la aprobación de Planeación («ajuste.aprobo»): no se aplica hasta que Planeación la apruebe; el semáforo y el avance siguen midiendo contra la meta anual 12.',
    );
  });

  it('accepts a year’s meta ajustada approved in the same entry', () => {
    expect(checkRule(PLAN015, withEntries({ 2020: { programacion: { T1: 3, T2: 3, T3: 3, T4: 3 }, meta_anual: 12, meta_ajustada: 9, ajuste: APPROVED } }))).toEqual([]);
  });
});

describe('PLAN010 on an ejercicios entry', () => {
  it('reports a year’s programming without any quarter, on that entry’s programacion line', () => {
    const files = withEntries({ 2020: { programacion: {}, meta_anual: 12 } });
    const diagnostics = checkRule(PLAN010, files);
    expect(where(diagnostics)).toEqual([`PLAN010 ${OP01}:${line(files, 'programacion: {}')}`]);
    expect(diagnostics[0]!.message).toBe(
      'La meta «M1» del PPCS «OP-01» no tiene programación trimestral para el ejercicio 2020: «ejercicios.2020.programacion» no tiene ningún trimestre (T1 a T4).',
    );
  });
});

describe('the ppcs schema', () => {
  it('accepts a meta with a 2020 entry: the base municipality still validates clean', () => {
    expect(validateFiles(withEntries({ 2020: { programacion: { T1: 3, T2: 3, T3: 3, T4: 3 }, meta_anual: 12, meta_ajustada: 9, ajuste: APPROVED } }))).toEqual([]);
  });

  it('requires the meta anual of a year’s entry (PLAN002 at the entry)', () => {
    const files = withEntries({ 2020: { programacion: { T1: 3 } } });
    const diagnostics = validateFiles(files).filter((d) => d.rule === 'PLAN002');
    expect(where(diagnostics)).toEqual([`PLAN002 ${OP01}:${line(files, 'programacion:', '2020:')}`]);
    expect(diagnostics[0]!.message).toContain('«meta_anual»');
  });

  it('refuses a key that is not a four-digit year', () => {
    const files = withEntries({ '2020-T1': { programacion: { T1: 3 }, meta_anual: 3 } });
    expect(where(validateFiles(files).filter((d) => d.rule === 'PLAN002'))).toEqual([`PLAN002 ${OP01}:${line(files, '2020-T1')}`]);
  });
});
