import { describe, expect, it } from 'vitest';
import type { SourceDoc } from '../../src/model/model.js';
import { accumulate, achievedByQuarter, achievedIn, achievedThrough, programmedThrough } from '../../src/model/progress.js';
import type { Acumulacion, Meta, Reporte } from '../../src/model/types.js';

function meta(acumulacion: Acumulacion, programacion: Meta['programacion']): Meta {
  return {
    id: 'M1',
    descripcion: 'Meta de prueba',
    indicador: { nombre: 'Indicador', unidad_medida: 'km', sentido: 'ascendente', acumulacion },
    ...(programacion ? { programacion } : {}),
  };
}

function report(trimestre: string, valor: number | undefined, extra: Reporte['ppcs'] = []): Reporte {
  return {
    dependencia: 'OP',
    trimestre,
    fecha_entrega: '2019-03-27',
    elaboro: 'Ing. Juan Pérez',
    ppcs: [...extra, { id: 'OP-01', estatus: 'activo', avances: valor === undefined ? [] : [{ meta: 'M1', valor, unidad_medida: 'km' }] }],
  };
}

describe('accumulate', () => {
  it('adds the quarters up to and including the one asked for when the meta accumulates by sum', () => {
    expect(accumulate({ T1: 2, T2: 3, T3: 4, T4: 5 }, 'suma', 'T3')).toBe(9);
  });

  it('takes the latest quarter that has a value when the meta accumulates by last value', () => {
    expect(accumulate({ T1: 10, T2: 20, T4: 40 }, 'ultimo_valor', 'T3')).toBe(20);
  });

  it('averages only the quarters that have a value when the meta accumulates by mean', () => {
    expect(accumulate({ T1: 10, T3: 30, T4: 90 }, 'promedio', 'T3')).toBe(20);
  });

  it('gives undefined when no quarter up to the one asked for has a value', () => {
    expect(accumulate({ T3: 5 }, 'suma', 'T2')).toBeUndefined();
  });
});

describe('programmedThrough', () => {
  it('accumulates the carátula programming according to the indicator', () => {
    const programacion = { T1: 2, T2: 3, T3: 3, T4: 2 };
    expect(programmedThrough(meta('suma', programacion), 2019, 'T2')).toBe(5);
    expect(programmedThrough(meta('ultimo_valor', programacion), 2019, 'T2')).toBe(3);
    expect(programmedThrough(meta('promedio', programacion), 2019, 'T4')).toBe(2.5);
  });

  it('gives undefined for a meta without programming', () => {
    expect(programmedThrough(meta('suma', undefined), 2019, 'T4')).toBeUndefined();
  });

  it('adds up a meta that has no indicator', () => {
    expect(programmedThrough({ id: 'M1', descripcion: 'Sin indicador', programacion: { T1: 1, T2: 1 } }, 2019, 'T2')).toBe(2);
  });
});

describe('achievedIn', () => {
  it('reads the value of one meta of one PPCS from a report', () => {
    expect(achievedIn(report('2019-T1', 7), 'OP-01', 'M1')).toBe(7);
  });

  it('accepts a report document as the model holds it', () => {
    const doc = { file: 'dependencias/OP/reportes/2019-T1.yaml', placement: { kind: 'reporte' }, data: report('2019-T1', 7) } as SourceDoc<Reporte>;
    expect(achievedIn(doc, 'OP-01', 'M1')).toBe(7);
  });

  it('gives undefined when the meta is not reported', () => {
    expect(achievedIn(report('2019-T1', undefined), 'OP-01', 'M1')).toBeUndefined();
    expect(achievedIn(report('2019-T1', 7), 'OP-02', 'M1')).toBeUndefined();
  });

  it('skips an earlier entry of the same PPCS that lacks the meta', () => {
    expect(achievedIn(report('2019-T1', 4, [{ id: 'OP-01', avances: [] }]), 'OP-01', 'M1')).toBe(4);
  });
});

describe('achievedThrough', () => {
  const reports = [report('2019-T3', 4), report('2019-T1', 2), report('2018-T2', 100), report('2019-T2', 3), report('2019-T4', 9)];

  it('adds the reported quarters of the same year through the one asked for, in any order', () => {
    expect(achievedThrough(reports, 'OP-01', meta('suma', undefined), '2019-T3')).toBe(9);
  });

  it('takes the latest reported value for a last-value indicator', () => {
    expect(achievedThrough(reports, 'OP-01', meta('ultimo_valor', undefined), '2019-T2')).toBe(3);
  });

  it('averages the reported quarters for a mean indicator, skipping quarters without report', () => {
    const sparse = [report('2019-T1', 10), report('2019-T3', 20)];
    expect(achievedThrough(sparse, 'OP-01', meta('promedio', undefined), '2019-T4')).toBe(15);
  });

  it('keeps the first report of a quarter when two declare it', () => {
    expect(achievedByQuarter([report('2019-T1', 2), report('2019-T1', 50)], 'OP-01', 'M1', 2019)).toEqual({ T1: 2 });
  });

  it('gives undefined when nothing was reported through the quarter', () => {
    expect(achievedThrough(reports, 'OP-01', meta('suma', undefined), '2020-T4')).toBeUndefined();
  });
});
