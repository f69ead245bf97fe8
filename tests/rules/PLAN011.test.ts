import { describe, expect, it } from 'vitest';
import { PLAN011 } from '../../src/rules/PLAN011-programacion-meta-anual.js';
import { baseRepo, checkRule, lineOf, where, type Files } from '../helpers/fixture.js';

const OP01 = 'dependencias/OP/ppcs/OP-01.yaml';
const DIF01 = 'dependencias/DIF/ppcs/DIF-01.yaml';
const at = (files: Files, file: string) => `PLAN011 ${file}:${lineOf(files, file, 'meta_anual:')}`;

/** OP-01's only meta with another accumulation, programming and annual target. */
function opMeta(acumulacion: string, programacion: object, meta_anual: number) {
  const files = baseRepo();
  const meta = files[OP01].metas[0];
  meta.indicador.acumulacion = acumulacion;
  meta.programacion = programacion;
  meta.meta_anual = meta_anual;
  return files;
}

describe('PLAN011 quarterly programming inconsistent with the annual target', () => {
  it('accepts metas whose annual target follows from their programming', () => {
    expect(checkRule(PLAN011, baseRepo())).toEqual([]);
  });

  it('reports a summed meta whose quarters do not add up to meta_anual, as a warning on meta_anual', () => {
    const files = baseRepo();
    files[OP01].metas[0].meta_anual = 12;
    const diagnostics = checkRule(PLAN011, files);
    expect(where(diagnostics)).toEqual([at(files, OP01)]);
    expect(diagnostics[0]!.severity).toBe('warning');
    expect(diagnostics[0]!.message).toBe(
      'La meta anual 12 de la meta «M1» del PPCS «OP-01» no corresponde a su programación: con acumulación «suma», los trimestres programados suman 10.',
    );
    expect(diagnostics[0]!.hint).toBe(
      'Ajuste «meta_anual» a 10 o corrija la programación trimestral; se tolera una diferencia de hasta 5 % (umbrales.tolerancia_programacion en plan.yaml).',
    );
  });

  it('tolerates a gap of up to 5 % of meta_anual by default', () => {
    expect(checkRule(PLAN011, opMeta('suma', { T1: 2, T2: 3, T3: 3, T4: 2 }, 10.5))).toEqual([]);
  });

  it('reports a gap just above the 5 % tolerance', () => {
    const files = opMeta('suma', { T1: 2, T2: 3, T3: 3, T4: 2 }, 10.6);
    expect(where(checkRule(PLAN011, files))).toEqual([at(files, OP01)]);
  });

  it('uses the tolerance set in plan.yaml', () => {
    const files = opMeta('suma', { T1: 2, T2: 3, T3: 3, T4: 2 }, 10.4);
    files['plan.yaml'].umbrales = { tolerancia_programacion: 0 };
    const diagnostics = checkRule(PLAN011, files);
    expect(where(diagnostics)).toEqual([at(files, OP01)]);
    expect(diagnostics[0]!.hint).toContain('hasta 0 %');
  });

  it('does not let floating-point rounding break a zero tolerance', () => {
    const files = opMeta('suma', { T1: 0.1, T2: 0.2 }, 0.3);
    files['plan.yaml'].umbrales = { tolerancia_programacion: 0 };
    expect(checkRule(PLAN011, files)).toEqual([]);
  });

  it('compares an ultimo_valor meta with its last programmed quarter, naming that quarter', () => {
    const files = baseRepo();
    files[DIF01].metas[0].programacion = { T1: 600, T2: 650, T3: 700 };
    const diagnostics = checkRule(PLAN011, files);
    expect(where(diagnostics)).toEqual([at(files, DIF01)]);
    expect(diagnostics[0]!.message).toContain('con acumulación «ultimo_valor», el último trimestre programado (T3) vale 700.');
  });

  it('accepts an ultimo_valor meta whose earlier quarters differ from the annual target', () => {
    const files = baseRepo();
    files[DIF01].metas[0].programacion = { T1: 200, T2: 400, T4: 600 };
    expect(checkRule(PLAN011, files)).toEqual([]);
  });

  it('accepts a promedio meta equal to the average of its programmed quarters', () => {
    expect(checkRule(PLAN011, opMeta('promedio', { T1: 80, T2: 90, T3: 100 }, 90))).toEqual([]);
  });

  it('reports a promedio meta away from the average, with the average rounded to two decimals', () => {
    const files = opMeta('promedio', { T1: 1, T2: 2, T3: 2 }, 2);
    const diagnostics = checkRule(PLAN011, files);
    expect(where(diagnostics)).toEqual([at(files, OP01)]);
    expect(diagnostics[0]!.message).toContain('con acumulación «promedio», el promedio de los trimestres programados es 1.67.');
  });

  it('reports a meta_anual of zero when something is programmed', () => {
    const files = opMeta('suma', { T1: 1 }, 0);
    expect(where(checkRule(PLAN011, files))).toEqual([at(files, OP01)]);
  });

  it('accepts a meta_anual of zero when every programmed quarter is zero', () => {
    expect(checkRule(PLAN011, opMeta('suma', { T1: 0, T2: 0 }, 0))).toEqual([]);
  });

  it('skips metas without programming, annual target or indicator', () => {
    const files = baseRepo();
    delete files[OP01].metas[0].programacion;
    delete files[DIF01].metas[0].indicador;
    files[OP01].metas.push({ id: 'M2', descripcion: 'Calles balizadas', programacion: { T1: 1 } });
    expect(checkRule(PLAN011, files)).toEqual([]);
  });

  it('writes numbers with thousands separators, as the office writes them', () => {
    const files = opMeta('suma', { T1: 2000, T2: 3000, T3: 3000, T4: 2000 }, 12000);
    expect(checkRule(PLAN011, files)[0]!.message).toBe(
      'La meta anual 12,000 de la meta «M1» del PPCS «OP-01» no corresponde a su programación: con acumulación «suma», los trimestres programados suman 10,000.',
    );
  });

  it('shows a huge annual target in scientific notation, never as Infinity', () => {
    const files = opMeta('suma', { T1: 2, T2: 3, T3: 3, T4: 2 }, 1.7e308);
    const diagnostics = checkRule(PLAN011, files);
    expect(diagnostics[0]!.message).toContain('La meta anual 1.7E308 de la meta «M1»');
    expect(diagnostics[0]!.hint).not.toContain('Infinity');
  });

  describe('with an approved meta_ajustada', () => {
    const APPROVED = { aprobo: 'Mtra. Laura Campos Ríos, Directora de Planeación', fecha: '2019-07-15' };

    it('accepts scaled quarters: the original programming still reaches meta_anual', () => {
      const files = baseRepo();
      Object.assign(files[OP01].metas[0], { meta_ajustada: 3, ajuste: APPROVED });
      expect(checkRule(PLAN011, files)).toEqual([]);
    });

    it('accepts an adjusted programming that reaches meta_ajustada', () => {
      const files = baseRepo();
      Object.assign(files[OP01].metas[0], { meta_ajustada: 6, ajuste: { ...APPROVED, programacion: { T1: 2, T2: 3, T3: 1 } } });
      expect(checkRule(PLAN011, files)).toEqual([]);
    });

    it('reports an adjusted programming that does not reach meta_ajustada, on «ajuste.programacion»', () => {
      const files = baseRepo();
      Object.assign(files[OP01].metas[0], { meta_ajustada: 6, ajuste: { ...APPROVED, programacion: { T1: 2, T2: 3, T3: 3 } } });
      const diagnostics = checkRule(PLAN011, files);
      expect(where(diagnostics)).toEqual([`PLAN011 ${OP01}:${lineOf(files, OP01, 'programacion:', 'ajuste:')}`]);
      expect(diagnostics[0]!.message).toBe(
        'La meta ajustada 6 de la meta «M1» del PPCS «OP-01» no corresponde a su programación ajustada («ajuste.programacion»): con acumulación «suma», los trimestres ajustados llegan a 8.',
      );
      expect(diagnostics[0]!.hint).toBe(
        'Corrija «ajuste.programacion» para que llegue a la meta ajustada 6; se tolera una diferencia de hasta 5 % (umbrales.tolerancia_programacion en plan.yaml).',
      );
    });

    it('does not check an adjusted programming that Planeación has not approved (PLAN015 says so)', () => {
      const files = baseRepo();
      Object.assign(files[OP01].metas[0], { meta_ajustada: 6, ajuste: { ...APPROVED, aprobo: ' ', programacion: { T1: 2, T2: 3, T3: 3 } } });
      expect(checkRule(PLAN011, files)).toEqual([]);
    });
  });
});
