// A meta measured against the programming of the year being reported: a carátula's
// `ejercicios.2020` entry drives 2020's figures, and 2019 keeps the top-level programming.
import { describe, expect, it } from 'vitest';
import { baseRepo } from '../helpers/fixture.js';
import { CUTOFF_2020, with2020 } from '../helpers/year-2020.js';
import { annual, cell, empty, light, num, pct, quarterly, section, transparency, valueOf, type ReportView } from './api.js';

const OP_01 = 'dependencias/OP/ppcs/OP-01.yaml';
const APPROVED_2020 = { aprobo: 'Mtra. Laura Campos Ríos, Directora de Planeación', fecha: '2020-02-14', motivo: 'Ampliación presupuestal de febrero' };

type Repo = ReturnType<typeof baseRepo>;

/**
 * OP-01 M1: 2019 programs 2, 3, 3, 2 (10 km, the top level); 2020 has its own entry of
 * 4, 4, 4, 4 (16 km). OP reports 2 km in 2019-T1 and again in 2020-T1.
 */
function withEntry2020(entry: Record<string, unknown> = { programacion: { T1: 4, T2: 4, T3: 4, T4: 4 }, meta_anual: 16 }): Repo {
  const files = with2020(baseRepo());
  files[OP_01].metas[0].ejercicios = { 2020: entry };
  return files;
}

function quarterly2020(files: Repo): ReportView {
  files['plan.yaml'].ejercicio = 2020;
  return quarterly(files, 'T1', { fechaCorte: CUTOFF_2020 });
}

const metaCell = (view: ReportView, header: string) => cell(view, 'metas', ['OP', 'OP-01'], header);
const transparencyRow = (view: ReportView) => section(view, 'indicadores').table.rows.find((r) => r[3]!.t === 'text' && r[3]!.v.startsWith('OP-01 '))!;

describe('a meta with its own 2020 programming', () => {
  it('is measured in 2020-T1 against 2020’s T1: 2 km of 4 programmed is 50 %, red, and 2 of 16 toward the year', () => {
    const view = quarterly2020(withEntry2020());
    expect(metaCell(view, 'Programado trimestre')).toEqual(num(4, 0));
    expect(metaCell(view, 'Alcanzado trimestre')).toEqual(num(2, 0));
    expect(metaCell(view, 'Cumplimiento trimestre')).toEqual(pct(0.5));
    expect(metaCell(view, 'Semáforo trimestre')).toEqual(light('rojo'));
    expect(metaCell(view, 'Programado acumulado')).toEqual(num(4, 0));
    expect(metaCell(view, 'Avance sobre meta anual')).toEqual(pct(2 / 16));
  });

  it('keeps the top-level programming in 2019-T1: 2 km of 2 programmed is 100 %, green, and 2 of 10 toward the year', () => {
    const view = quarterly(withEntry2020(), 'T1', { fechaCorte: CUTOFF_2020 });
    expect(section(view, 'metas').title).toBe('Avance de metas 2019-T1');
    expect(metaCell(view, 'Programado trimestre')).toEqual(num(2, 0));
    expect(metaCell(view, 'Cumplimiento trimestre')).toEqual(pct(1));
    expect(metaCell(view, 'Semáforo trimestre')).toEqual(light('verde'));
    expect(metaCell(view, 'Avance sobre meta anual')).toEqual(pct(0.2));
  });

  it('falls back to the top-level programming in 2020 when the meta has no 2020 entry: 2 of 2, green', () => {
    const files = with2020(baseRepo());
    expect(metaCell(quarterly2020(files), 'Programado trimestre')).toEqual(num(2, 0));
  });

  it('publishes 2020’s meta anual (16) in the 2020-T1 transparency row, and 2019’s (10) in 2019-T1’s', () => {
    const files = withEntry2020();
    expect(transparencyRow(transparency(files, '2020-T1', { fechaCorte: CUTOFF_2020 })).slice(12, 15)).toEqual([num(16, 0), empty('Sin ajuste'), num(2, 0)]);
    expect(transparencyRow(transparency(files, '2019-T1', { fechaCorte: CUTOFF_2020 })).slice(12, 15)).toEqual([num(10, 0), empty('Sin ajuste'), num(2, 0)]);
  });
});

describe('an adjusted goal written in the 2020 entry', () => {
  // 2020 programs 4 each quarter (16), adjusted and approved to 8: each quarter scales by 8 ÷ 16.
  const adjusted = () => withEntry2020({ programacion: { T1: 4, T2: 4, T3: 4, T4: 4 }, meta_anual: 16, meta_ajustada: 8, ajuste: APPROVED_2020 });

  it('drives 2020: T1 programs 4 × 8 ÷ 16 = 2, so 2 km is 100 %, green, and 2 of 8 toward the year', () => {
    const view = quarterly2020(adjusted());
    expect(metaCell(view, 'Programado trimestre')).toEqual(num(2, 0));
    expect(metaCell(view, 'Semáforo trimestre')).toEqual(light('verde'));
    expect(metaCell(view, 'Avance sobre meta anual')).toEqual(pct(0.25));
  });

  it('does not touch 2019: T1 still programs 2 of a meta anual of 10', () => {
    const view = quarterly(adjusted(), 'T1', { fechaCorte: CUTOFF_2020 });
    expect(metaCell(view, 'Programado trimestre')).toEqual(num(2, 0));
    expect(metaCell(view, 'Avance sobre meta anual')).toEqual(pct(0.2));
  });

  it('is published as 2020’s meta ajustada with its approval in the note, and not in 2019', () => {
    const files = adjusted();
    const row2020 = transparencyRow(transparency(files, '2020-T1', { fechaCorte: CUTOFF_2020 }));
    expect(row2020.slice(12, 14)).toEqual([num(16, 0), num(8, 0)]);
    expect(row2020.at(-1)).toMatchObject({ t: 'text', v: expect.stringContaining('Meta ajustada de 16 a 8, aprobada por Mtra. Laura Campos Ríos, Directora de Planeación el 14/02/2020: Ampliación presupuestal de febrero.') });
    const row2019 = transparencyRow(transparency(files, '2019-T1', { fechaCorte: CUTOFF_2020 }));
    expect(row2019.slice(12, 14)).toEqual([num(10, 0), empty('Sin ajuste')]);
  });

  it('a top-level adjustment does not reach a year with its own entry: 2020 measures against the entry’s 16', () => {
    const files = withEntry2020();
    Object.assign(files[OP_01].metas[0], { meta_ajustada: 5, ajuste: { aprobo: 'Mtra. Laura Campos Ríos, Directora de Planeación', fecha: '2019-07-15' } });
    const view = quarterly2020(files);
    expect(metaCell(view, 'Programado trimestre')).toEqual(num(4, 0));
    expect(metaCell(view, 'Avance sobre meta anual')).toEqual(pct(2 / 16));
  });
});

describe('programming consistent with the meta anual (Consistencia Programática) of the evaluated year', () => {
  /** OP's «Programación congruente con la meta anual» [numerador, denominador] in the annual evaluation of `year`. */
  function congruent(files: Repo, year: number, fechaCorte: string): unknown[] {
    files['plan.yaml'].ejercicio = year;
    const row = section(annual(files, { fechaCorte }), 'subindicadores').table.rows.find((r) => valueOf(r[0]) === 'OP' && valueOf(r[4]) === 'Programación congruente con la meta anual')!;
    return row.slice(5, 7).map(valueOf);
  }

  // Top level: 2, 3, 3, 2 against 11 (PLAN011); the 2020 entry: 3 × 4 against 12, consistent.
  const topInconsistent = () => {
    const files = withEntry2020({ programacion: { T1: 3, T2: 3, T3: 3, T4: 3 }, meta_anual: 12 });
    files[OP_01].metas[0].meta_anual = 11;
    return files;
  };

  it('counts the top-level finding in 2019: 0 of 1', () => {
    expect(congruent(topInconsistent(), 2019, CUTOFF_2020)).toEqual([0, 1]);
  });

  it('judges 2020 by its own entry, which is consistent: 1 of 1', () => {
    expect(congruent(topInconsistent(), 2020, CUTOFF_2020)).toEqual([1, 1]);
  });

  it('counts an inconsistent 2020 entry in 2020 only: 0 of 1 in 2020, 1 of 1 in 2019', () => {
    const files = () => withEntry2020({ programacion: { T1: 3, T2: 3, T3: 3, T4: 3 }, meta_anual: 16 });
    expect(congruent(files(), 2020, CUTOFF_2020)).toEqual([0, 1]);
    expect(congruent(files(), 2019, CUTOFF_2020)).toEqual([1, 1]);
  });
});
