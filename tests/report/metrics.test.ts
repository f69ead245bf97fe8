import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/load.js';
import { deliveryStatus } from '../../src/report/metrics/delivery.js';
import { deliveryLabel } from '../../src/report/view/labels.js';
import { metaProgress } from '../../src/model/meta-progress.js';
import { coverage } from '../../src/report/metrics/people.js';
import { coveragePeople } from '../../src/model/beneficiaries.js';
import { cumplimiento, semaforo } from '../../src/model/semaforo.js';
import { baseRepo, writeRepo, type Files } from '../helpers/fixture.js';

const BANDS = { verde_min: 90, verde_max: 110, amarillo_min: 80, amarillo_max: 120 };

describe('cumplimiento and semáforo', () => {
  it('divides achieved by programmed for ascending indicators', () => {
    expect(cumplimiento(40, 38, 'ascendente')).toEqual({ kind: 'medido', porcentaje: 95 });
  });

  it('divides programmed by achieved for descending indicators', () => {
    // 12 robberies programmed, 15 happened: 80 % — yellow; 10 happened: 120 % — yellow.
    expect(cumplimiento(12, 15, 'descendente')).toEqual({ kind: 'medido', porcentaje: 80 });
    expect(semaforo(cumplimiento(12, 15, 'descendente'), BANDS)).toBe('amarillo');
    expect(semaforo(cumplimiento(12, 8, 'descendente'), BANDS)).toBe('rojo');
    expect(semaforo(cumplimiento(12, 12.5, 'descendente'), BANDS)).toBe('verde');
  });

  it('is two-sided: overshooting the programmed value leaves green', () => {
    expect(semaforo(cumplimiento(100, 110, 'ascendente'), BANDS)).toBe('verde');
    expect(semaforo(cumplimiento(100, 115, 'ascendente'), BANDS)).toBe('amarillo');
    expect(semaforo(cumplimiento(100, 121, 'ascendente'), BANDS)).toBe('rojo');
    expect(semaforo(cumplimiento(100, 79, 'ascendente'), BANDS)).toBe('rojo');
  });

  it('gives "sin meta" without programming, never a division by zero', () => {
    expect(semaforo(cumplimiento(undefined, 5, 'ascendente'), BANDS)).toBe('sin_meta');
    expect(semaforo(cumplimiento(0, 5, 'ascendente'), BANDS)).toBe('sin_meta');
    expect(cumplimiento(3, 0, 'descendente')).toEqual({ kind: 'alcanzado_cero' });
    expect(cumplimiento(0, 0, 'descendente')).toEqual({ kind: 'medido', porcentaje: 100 });
  });

  it('is red when something was programmed and nothing reported', () => {
    expect(semaforo(cumplimiento(10, undefined, 'ascendente'), BANDS)).toBe('rojo');
  });
});

/** The base repo with OP-01's meta changed and OP reports for T1 and T2 with the given values. */
function opRepo(meta: Record<string, unknown>, t1: number, t2: number, cutoff = '2019-07-15') {
  const files: Files & Record<string, any> = baseRepo();
  Object.assign(files['dependencias/OP/ppcs/OP-01.yaml'].metas[0], meta);
  files['dependencias/OP/reportes/2019-T1.yaml'].ppcs[0].avances[0].valor = t1;
  files['dependencias/OP/reportes/2019-T2.yaml'] = {
    ...files['dependencias/OP/reportes/2019-T1.yaml'],
    trimestre: '2019-T2',
    fecha_entrega: '2019-06-26',
    ppcs: [{ ...files['dependencias/OP/reportes/2019-T1.yaml'].ppcs[0], avances: [{ meta: 'M1', valor: t2, unidad_medida: 'km' }] }],
  };
  const { model } = loadPlan(writeRepo(files), { lang: 'es', fechaCorte: cutoff });
  const doc = model.ppcsById.get('OP-01')!;
  return { model, doc, meta: doc.data.metas![0]! };
}

describe('meta progress by accumulation kind', () => {
  it('adds quarters for suma: T1 2 + T2 3 programmed, 2 + 2.5 achieved', () => {
    const { model, doc, meta } = opRepo({ programacion: { T1: 2, T2: 3, T3: 3, T4: 2 }, meta_anual: 10 }, 2, 2.5);
    const p = metaProgress(model, doc, meta, '2019-T2');
    expect(p).toMatchObject({ programado: 3, alcanzado: 2.5, programadoAcumulado: 5, alcanzadoAcumulado: 4.5, semaforo: 'amarillo', semaforoAcumulado: 'verde' });
    expect(p.cumplimiento).toEqual({ kind: 'medido', porcentaje: (2.5 / 3) * 100 });
    expect(p.avanceAnual).toBeCloseTo(0.45, 10);
  });

  it('takes the latest quarter for ultimo_valor', () => {
    const { model, doc, meta } = opRepo(
      { indicador: { ...baseRepo()['dependencias/OP/ppcs/OP-01.yaml'].metas[0].indicador, acumulacion: 'ultimo_valor' }, programacion: { T1: 40, T2: 60, T3: 80, T4: 100 }, meta_anual: 100 },
      38,
      57,
    );
    const p = metaProgress(model, doc, meta, '2019-T2');
    expect(p).toMatchObject({ programadoAcumulado: 60, alcanzadoAcumulado: 57, avanceAnual: 0.57, semaforoAcumulado: 'verde' });
  });

  it('averages the quarters for promedio', () => {
    const { model, doc, meta } = opRepo(
      { indicador: { ...baseRepo()['dependencias/OP/ppcs/OP-01.yaml'].metas[0].indicador, acumulacion: 'promedio' }, programacion: { T1: 20, T2: 30, T3: 30, T4: 20 }, meta_anual: 25 },
      16,
      30,
    );
    const p = metaProgress(model, doc, meta, '2019-T2');
    expect(p).toMatchObject({ programadoAcumulado: 25, alcanzadoAcumulado: 23, semaforo: 'verde' });
    expect(p.cumplimientoAcumulado).toEqual({ kind: 'medido', porcentaje: 92 });
  });

  it('respects a meta that overrides the semáforo bands', () => {
    const { model, doc, meta } = opRepo({ semaforo: { verde_min: 70 } }, 2, 2.2);
    expect(metaProgress(model, doc, meta, '2019-T2').semaforo).toBe('verde');
  });
});

describe('delivery status', () => {
  it('counts business days late around the Independence Day holiday', () => {
    const files: Record<string, any> = baseRepo();
    // Q3 2019 window: 24–30 September; 16 September is a holiday but lies before it.
    // Delivered Thursday 3 October: 1, 2 and 3 October are business days.
    for (const q of ['T2', 'T3']) {
      files[`dependencias/OP/reportes/2019-${q}.yaml`] = { ...files['dependencias/OP/reportes/2019-T1.yaml'], trimestre: `2019-${q}`, fecha_entrega: q === 'T2' ? '2019-06-27' : '2019-10-03' };
    }
    const { model } = loadPlan(writeRepo(files), { lang: 'es', fechaCorte: '2019-10-15' });
    const status = deliveryStatus(model, 'OP', 2019, 'T3');
    expect(status).toEqual({ kind: 'tarde', fecha: '2019-10-03', diasHabiles: 3 });
    expect(deliveryLabel(status)).toBe('Tarde (3 días hábiles)');
    expect(deliveryStatus(model, 'DIF', 2019, 'T3')).toEqual({ kind: 'no_entregado' });
    expect(deliveryStatus(model, 'DIF', 2019, 'T4')).toEqual({ kind: 'pendiente' });
  });

  it('counts business days late across a weekend, with a one-day window set in plan.yaml', () => {
    const files: Record<string, any> = baseRepo();
    // Window: Friday 29 March only. Delivered Wednesday 3 April: 1, 2 and 3 April count.
    files['plan.yaml'].entrega_reportes.dias_habiles = 1;
    files['dependencias/OP/reportes/2019-T1.yaml'].fecha_entrega = '2019-04-03';
    const { model } = loadPlan(writeRepo(files), { lang: 'es', fechaCorte: '2019-04-15' });
    expect(deliveryStatus(model, 'OP', 2019, 'T1')).toEqual({ kind: 'tarde', fecha: '2019-04-03', diasHabiles: 3 });
  });
});

describe('coverage', () => {
  const OP_T1 = 'dependencias/OP/reportes/2019-T1.yaml';

  /** OP-01 (target population 5,000) reports the given beneficiaries in 2019-T1, T2, … in order. */
  function opReports(...beneficiarios: object[]) {
    const files: Record<string, any> = baseRepo();
    beneficiarios.forEach((b, i) => {
      const trimestre = `2019-T${i + 1}`;
      files[`dependencias/OP/reportes/${trimestre}.yaml`] = { ...files[OP_T1], trimestre, ppcs: [{ ...files[OP_T1].ppcs[0], beneficiarios: b }] };
    });
    const { model } = loadPlan(writeRepo(files), { lang: 'es', fechaCorte: '2020-01-15' });
    return { model, op01: model.ppcsById.get('OP-01')! };
  }

  it('takes the largest quarter of people served at a time, not their sum: max(1,200, 1,500, 1,200) of 5,000', () => {
    const { model, op01 } = opReports({ total: 1200 }, { total: 1500, conteo: 'atendidas' }, { total: 1200 });
    expect(coveragePeople(model, op01, 2019)).toEqual({ personas: 1500, basis: 'atendidas', quarter: 'T2' });
    expect(coverage(model, op01, 2019)).toBeCloseTo(0.3, 10);
  });

  it('adds quarters of new people: 1,200 + 1,500 + 300 of 5,000', () => {
    const { model, op01 } = opReports({ total: 1200, conteo: 'nuevas' }, { total: 1500, conteo: 'nuevas' }, { total: 300, conteo: 'nuevas' });
    expect(coveragePeople(model, op01, 2019)).toEqual({ personas: 3000, basis: 'nuevas' });
    expect(coverage(model, op01, 2019)).toBeCloseTo(0.6, 10);
  });

  it('takes the larger of the new people added up and the largest quarter served at a time', () => {
    const { model, op01 } = opReports({ total: 1000, conteo: 'nuevas' }, { total: 2500 }, { total: 800, conteo: 'nuevas' });
    // 1,000 + 800 new people = 1,800 < 2,500 served in T2.
    expect(coveragePeople(model, op01, 2019)?.personas).toBe(2500);
  });

  it('lets the latest personas_unicas_anio of the year win over any sum', () => {
    const { model, op01 } = opReports({ total: 1200, conteo: 'nuevas', personas_unicas_anio: 1100 }, { total: 1500, conteo: 'nuevas' }, { total: 1200, conteo: 'nuevas', personas_unicas_anio: 2600 }, { total: 900, conteo: 'nuevas' });
    expect(coveragePeople(model, op01, 2019)).toEqual({ personas: 2600, basis: 'personas_unicas_anio', quarter: 'T3' });
    expect(coverage(model, op01, 2019)).toBeCloseTo(0.52, 10);
    // Through T2, the T1 count was the latest one.
    expect(coveragePeople(model, op01, 2019, 2)?.personas).toBe(1100);
  });

  it('caps coverage at 100 % and is undefined without any reported total', () => {
    const { model, op01 } = opReports({ total: 3000, conteo: 'nuevas' }, { total: 3000, conteo: 'nuevas' });
    expect(coverage(model, op01, 2019)).toBe(1);
    const empty = opReports();
    expect(coverage(empty.model, empty.op01, 2018)).toBeUndefined();
  });
});

describe('cumulative progress with a missing report and adjusted goals', () => {
  it('compares the programming through a due quarter without report with what the reported quarters achieved', () => {
    const { model, doc, meta } = opRepo({ programacion: { T1: 2, T2: 3, T3: 3, T4: 2 }, meta_anual: 10 }, 2, 3, '2019-10-15');
    // T3 is due but OP delivered no T3 report: T1 + T2 + T3 programmed (8) vs achieved (5), 62.5 %.
    const p = metaProgress(model, doc, meta, '2019-T3');
    expect(p).toMatchObject({ programadoAcumulado: 8, alcanzadoAcumulado: 5, noReportados: ['T3'], semaforoAcumulado: 'rojo', semaforo: 'no_reportado' });
    expect(p.cumplimiento).toEqual({ kind: 'no_reportado' });
    expect(p.cumplimientoAcumulado).toEqual({ kind: 'medido', porcentaje: 62.5 });
  });

  it('measures a descending total as the share of its ceiling already used', () => {
    const indicador = { ...baseRepo()['dependencias/OP/ppcs/OP-01.yaml'].metas[0].indicador, sentido: 'descendente' };
    const { model, doc, meta } = opRepo({ indicador, programacion: { T1: 50, T2: 48, T3: 46, T4: 44 }, meta_anual: 188 }, 52, 48);
    expect(metaProgress(model, doc, meta, '2019-T2').avanceAnual).toBeCloseTo(100 / 188, 10);
  });

  it('measures a descending level as goal over achieved', () => {
    const indicador = { ...baseRepo()['dependencias/OP/ppcs/OP-01.yaml'].metas[0].indicador, sentido: 'descendente', acumulacion: 'promedio' };
    const { model, doc, meta } = opRepo({ indicador, programacion: { T1: 14, T2: 13, T3: 12, T4: 11 }, meta_anual: 12.5 }, 14, 12);
    expect(metaProgress(model, doc, meta, '2019-T2').avanceAnual).toBeCloseTo(12.5 / 13, 10);
  });

  it('measures progress against meta_ajustada once Planeación approved the adjustment', () => {
    const { model, doc, meta } = opRepo({ meta_ajustada: 8, ajuste: { aprobo: 'Directora de Planeación', fecha: '2019-06-01' } }, 2, 3);
    expect(metaProgress(model, doc, meta, '2019-T2').avanceAnual).toBeCloseTo(5 / 8, 10);
  });

  it('keeps measuring progress against meta_anual while the adjustment is not approved', () => {
    const { model, doc, meta } = opRepo({ meta_ajustada: 8 }, 2, 3);
    expect(metaProgress(model, doc, meta, '2019-T2').avanceAnual).toBeCloseTo(5 / 10, 10);
  });
});
