// A missing report and an adjusted goal, judged the way the README states: a due quarter
// without report is «No reportado» and adds nothing achieved (no cut-back to the last
// reported quarter); an approved meta_ajustada replaces meta_anual in every figure.
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/load.js';
import { metaProgress } from '../../src/model/meta-progress.js';
import { goalOf, programmingOf } from '../../src/model/progress.js';
import { baseRepo, writeRepo, type Files } from '../helpers/fixture.js';

/** After 2019-T4's window: every quarter of 2019 is due. */
const AFTER_T4 = '2020-01-20';
const OP_01 = 'dependencias/OP/ppcs/OP-01.yaml';
const APPROVED = { aprobo: 'Mtra. Laura Campos Ríos, Directora de Planeación', fecha: '2019-07-15' };

/** OP with OP-01's meta changed and reports for the quarters given (a quarter left out was not delivered). */
function opYear(meta: Record<string, unknown>, values: Partial<Record<'T1' | 'T2' | 'T3' | 'T4', number>>, cutoff = AFTER_T4) {
  const files: Files & Record<string, any> = baseRepo();
  Object.assign(files[OP_01].metas[0], meta);
  const t1 = files['dependencias/OP/reportes/2019-T1.yaml'];
  delete files['dependencias/OP/reportes/2019-T1.yaml'];
  const delivered = { T1: '2019-03-27', T2: '2019-06-26', T3: '2019-09-25', T4: '2019-12-23' };
  for (const [quarter, valor] of Object.entries(values)) {
    files[`dependencias/OP/reportes/2019-${quarter}.yaml`] = {
      ...t1,
      trimestre: `2019-${quarter}`,
      fecha_entrega: delivered[quarter as keyof typeof delivered],
      ppcs: [{ ...t1.ppcs[0], avances: [{ meta: 'M1', valor, unidad_medida: 'km' }] }],
    };
  }
  const { model } = loadPlan(writeRepo(files), { lang: 'es', fechaCorte: cutoff });
  const doc = model.ppcsById.get('OP-01')!;
  return { model, doc, meta: doc.data.metas![0]! };
}

/** The base fixture's OP-01 M1 indicator, to override a field of it. */
const meta0 = () => (baseRepo() as Record<string, any>)[OP_01].metas[0].indicador as Record<string, unknown>;

const ULTIMO_VALOR = { nombre: 'Cobertura de alumbrado', unidad_medida: 'km', sentido: 'ascendente', acumulacion: 'ultimo_valor' };
const PROMEDIO = { nombre: 'Tiempo promedio de atención', unidad_medida: 'km', sentido: 'ascendente', acumulacion: 'promedio' };

describe('a department missing 2019-T4', () => {
  it('never lets the gap improve a descending suma meta: its cumulative through T4 and its share of the goal are «No reportado», not 7 against 10 as 142.9 %', () => {
    const descending = { nombre: 'Robos a casa habitación', unidad_medida: 'km', sentido: 'descendente', acumulacion: 'suma' };
    const { model, doc, meta } = opYear({ indicador: { ...meta0(), ...descending } }, { T1: 2, T2: 3, T3: 2 });
    const progress = metaProgress(model, doc, meta, '2019-T4');
    expect(progress.cumplimientoAcumulado).toEqual({ kind: 'no_reportado' });
    expect(progress.semaforoAcumulado).toBe('no_reportado');
    expect(progress.avanceAnual).toBeUndefined();
    expect(metaProgress(model, doc, meta, '2019-T3').cumplimientoAcumulado).toEqual({ kind: 'medido', porcentaje: (8 / 7) * 100 });
  });

  it('shows T4 of a suma meta as «No reportado» in its own row', () => {
    const { model, doc, meta } = opYear({}, { T1: 2, T2: 3, T3: 2 });
    const p = metaProgress(model, doc, meta, '2019-T4');
    expect(p.semaforo).toBe('no_reportado');
    expect(p.cumplimiento).toEqual({ kind: 'no_reportado' });
    expect(p.programado).toBe(2);
    expect(p.alcanzado).toBeUndefined();
  });

  it('adds nothing for T4 to a suma meta: 7 achieved of 10 programmed is 70 %, red', () => {
    const { model, doc, meta } = opYear({}, { T1: 2, T2: 3, T3: 2 });
    const p = metaProgress(model, doc, meta, '2019-T4');
    expect(p).toMatchObject({ programadoAcumulado: 10, alcanzadoAcumulado: 7, noReportados: ['T4'], semaforoAcumulado: 'rojo' });
    expect(p.cumplimientoAcumulado).toEqual({ kind: 'medido', porcentaje: 70 });
    expect(p.avanceAnual).toBeCloseTo(0.7, 10);
  });

  it('does not cut a suma meta back to T3, where 7 of 8 would have been 87.5 %, yellow', () => {
    const { model, doc, meta } = opYear({}, { T1: 2, T2: 3, T3: 2 });
    expect(metaProgress(model, doc, meta, '2019-T4').programadoAcumulado).not.toBe(8);
    // T3 itself, with its report delivered, is still judged through T3.
    expect(metaProgress(model, doc, meta, '2019-T3')).toMatchObject({ programadoAcumulado: 8, alcanzadoAcumulado: 7, semaforoAcumulado: 'amarillo', noReportados: [] });
  });

  it('takes the last reported value of an ultimo_valor meta against T4’s programming: 75 of 100 is 75 %, red', () => {
    const { model, doc, meta } = opYear({ indicador: ULTIMO_VALOR, programacion: { T1: 25, T2: 50, T3: 75, T4: 100 }, meta_anual: 100 }, { T1: 25, T2: 50, T3: 75 });
    const p = metaProgress(model, doc, meta, '2019-T4');
    expect(p).toMatchObject({ programadoAcumulado: 100, alcanzadoAcumulado: 75, semaforo: 'no_reportado', semaforoAcumulado: 'rojo' });
    expect(p.cumplimientoAcumulado).toEqual({ kind: 'medido', porcentaje: 75 });
    expect(p.avanceAnual).toBeCloseTo(0.75, 10);
  });

  it('averages only the reported quarters of a promedio meta: (9 + 10 + 11) ÷ 3 = 10 of 10 programmed, green', () => {
    const { model, doc, meta } = opYear({ indicador: PROMEDIO, programacion: { T1: 10, T2: 10, T3: 10, T4: 10 }, meta_anual: 10 }, { T1: 9, T2: 10, T3: 11 });
    const p = metaProgress(model, doc, meta, '2019-T4');
    expect(p).toMatchObject({ programadoAcumulado: 10, alcanzadoAcumulado: 10, semaforo: 'no_reportado', semaforoAcumulado: 'verde' });
  });

  it('adds nothing for a missing T2 either: T1 2 + T3 3 + T4 2 of 10 is 70 %', () => {
    const { model, doc, meta } = opYear({}, { T1: 2, T3: 3, T4: 2 });
    const p = metaProgress(model, doc, meta, '2019-T4');
    expect(p).toMatchObject({ programadoAcumulado: 10, alcanzadoAcumulado: 7, noReportados: ['T2'], semaforo: 'verde', semaforoAcumulado: 'rojo' });
  });

  it('is «No reportado» cumulatively too when the department reported nothing in the year', () => {
    const { model, doc, meta } = opYear({}, {});
    const p = metaProgress(model, doc, meta, '2019-T4');
    expect(p).toMatchObject({ programadoAcumulado: 10, noReportados: ['T1', 'T2', 'T3', 'T4'], semaforo: 'no_reportado', semaforoAcumulado: 'no_reportado' });
    expect(p.alcanzadoAcumulado).toBeUndefined();
    expect(p.avanceAnual).toBeUndefined();
  });

  it('does not call a quarter whose window has not closed at the cut-off «No reportado»', () => {
    // Cut-off 2019-12-01: T4's window (late December) is still open.
    const { model, doc, meta } = opYear({}, { T1: 2, T2: 3, T3: 2 }, '2019-12-01');
    const p = metaProgress(model, doc, meta, '2019-T4');
    expect(p.noReportados).toEqual([]);
    expect(p.semaforo).not.toBe('no_reportado');
  });
});

describe('an adjusted goal', () => {
  // OP-05-like: 10 programmed (2, 3, 3, 2), cut to 3 during the year; 3 achieved by T4.
  const ADJUSTED = { meta_anual: 10, meta_ajustada: 3 };
  const ACHIEVED = { T1: 0.6, T2: 0.9, T3: 0.9, T4: 0.6 };

  it('drives semáforo and avance alike once approved: 3 of 3 is 100 % and green, never «30 % red» beside «100 %»', () => {
    const { model, doc, meta } = opYear({ ...ADJUSTED, ajuste: APPROVED }, ACHIEVED);
    const p = metaProgress(model, doc, meta, '2019-T4');
    expect(p.programadoAcumulado).toBeCloseTo(3, 10);
    expect(p.alcanzadoAcumulado).toBeCloseTo(3, 10);
    expect(p.semaforoAcumulado).toBe('verde');
    expect(p.avanceAnual).toBeCloseTo(1, 10);
  });

  it('scales each quarter by meta_ajustada ÷ meta_anual when no adjusted programming is given: T2 3 × 0.3 = 0.9', () => {
    const { model, doc, meta } = opYear({ ...ADJUSTED, ajuste: APPROVED }, ACHIEVED);
    expect(programmingOf(meta, 2019)).toEqual({ T1: 0.6, T2: 0.9, T3: 0.9, T4: 0.6 });
    const p = metaProgress(model, doc, meta, '2019-T2');
    expect(p.programado).toBe(0.9);
    expect(p.semaforo).toBe('verde');
  });

  it('uses ajuste.programacion when given: 1 + 1 programmed through T2 against 0.6 + 0.9 achieved is 75 %', () => {
    const { model, doc, meta } = opYear({ ...ADJUSTED, ajuste: { ...APPROVED, programacion: { T1: 1, T2: 1, T3: 1 } } }, ACHIEVED);
    const p = metaProgress(model, doc, meta, '2019-T2');
    expect(p.programadoAcumulado).toBe(2);
    expect(p.cumplimientoAcumulado.kind === 'medido' && p.cumplimientoAcumulado.porcentaje).toBeCloseTo(75, 10);
    expect(p.semaforoAcumulado).toBe('rojo');
    expect(goalOf(meta, 2019)).toBe(3);
  });

  it('is not applied without approval: 3 of 10 is 30 % red and the avance is 30 % as well', () => {
    const { model, doc, meta } = opYear(ADJUSTED, ACHIEVED);
    const p = metaProgress(model, doc, meta, '2019-T4');
    expect(p.programadoAcumulado).toBe(10);
    expect(p.cumplimientoAcumulado.kind === 'medido' && p.cumplimientoAcumulado.porcentaje).toBeCloseTo(30, 10);
    expect(p.semaforoAcumulado).toBe('rojo');
    expect(p.avanceAnual).toBeCloseTo(0.3, 10);
    expect(goalOf(meta, 2019)).toBe(10);
  });
});
