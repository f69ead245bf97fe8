import { describe, expect, it } from 'vitest';
import type { DepartmentEvaluation } from '../../../src/report/metrics/evaluation.js';
import { arrow, rankAnnual } from '../../../src/report/view/executive.js';
import { baseRepo } from '../../helpers/fixture.js';
import { annual, empty, int, light, num, pct, quarterly, text } from '../../views/api.js';
import { AFTER_T4, yearOfReports } from './year.js';

const OP_T1 = 'dependencias/OP/reportes/2019-T1.yaml';
const DIF_T1 = 'dependencias/DIF/reportes/2019-T1.yaml';

/** baseRepo with a second meta in OP-01 (10 programmed per quarter), reported at `m2` in T1, and OP-01 M1 at `m1`. */
function twoMetas(m1: number, m2: number) {
  const files = baseRepo();
  const m1Meta = files['dependencias/OP/ppcs/OP-01.yaml'].metas[0];
  files['dependencias/OP/ppcs/OP-01.yaml'].metas.push({ ...m1Meta, id: 'M2', programacion: { T1: 10, T2: 10, T3: 10, T4: 10 }, meta_anual: 40 });
  files[OP_T1].ppcs[0].avances = [
    { meta: 'M1', valor: m1, unidad_medida: 'km' },
    { meta: 'M2', valor: m2, unidad_medida: 'km' },
  ];
  return files;
}

/** A department with its card (OP's, renamed) and nothing else: its report is missing once a quarter is due. */
function silentDepartment(files: Record<string, any>, clave: string) {
  files[`dependencias/${clave}/dependencia.yaml`] = { ...files['dependencias/OP/dependencia.yaml'], clave, nombre: `Dependencia ${clave}` };
}

describe('executive page of the annual evaluation', () => {
  it('ranks the departments by total, with grade, the previous evaluation, the change and an arrow', () => {
    const ranking = annual(baseRepo()).executive!.ranking;
    expect(ranking.columns.map((c) => c.header)).toEqual(['Lugar', 'Clave', 'Dependencia', 'Total', 'Grado', 'Evaluación 2018', 'Cambio', 'Tendencia']);
    expect(ranking.rows).toEqual([
      [int(1), text('DIF'), text('Sistema Municipal DIF'), num(100, 1), text('Sobresaliente'), num(74, 1), num(26, 1), text('↑')],
      [int(2), text('OP'), text('Dirección de Obras Públicas'), num(87.5, 1), text('Sobresaliente'), num(74, 1), num(13.5, 1), text('↑')],
    ]);
    expect(ranking.rowIds).toEqual(['DIF', 'OP']);
  });

  it('says the mean, the best and the lowest, and who fell against the year before', () => {
    const files = baseRepo();
    files['dependencias/OP/dependencia.yaml'].evaluaciones[2018] = { puntaje: 90, grado: 'Sobresaliente' };
    expect(annual(files).executive!.headline).toBe(
      'Evaluación 2019 de 2 dependencias: puntaje promedio 93.8; la mejor evaluada es DIF (100.0, Sobresaliente) y la más baja, OP (87.5, Sobresaliente). 1 dependencia bajó respecto de 2018: OP (-2.5).',
    );
  });

  it('says so when no department fell', () => {
    expect(annual(baseRepo()).executive!.headline).toMatch(/ Ninguna dependencia bajó respecto de 2018\.$/);
  });

  it('says the red metas and the missing reports of the year in sentences naming the departments', () => {
    const view = annual(yearOfReports([1, 1, 1, 1], [600, 600, undefined, 600]), { fechaCorte: AFTER_T4 });
    expect(view.executive!.actions).toEqual([
      { id: 'metas-en-rojo', count: 1, sentence: '1 meta en rojo en el acumulado a 2019-T4: 1 de OP.', departments: ['OP'] },
      { id: 'reportes-faltantes', count: 1, sentence: '1 reporte trimestral de 2019 no entregado: DIF (T3).', departments: ['DIF'] },
    ]);
  });

  it('names the quarters of each department’s late reports, the one with most first', () => {
    const files = yearOfReports([2, 3, 3, 2], [600, 600, 600, 600]);
    files['dependencias/OP/reportes/2019-T2.yaml'].fecha_entrega = '2019-07-03';
    files['dependencias/DIF/reportes/2019-T1.yaml'].fecha_entrega = '2019-04-03';
    files['dependencias/DIF/reportes/2019-T3.yaml'].fecha_entrega = '2019-10-03';
    const late = annual(files, { fechaCorte: AFTER_T4 }).executive!.actions.find((a) => a.id === 'reportes-tarde');
    expect(late).toEqual({ id: 'reportes-tarde', count: 3, sentence: '3 reportes trimestrales de 2019 entregados tarde: DIF (T1 y T3) y OP (T2).', departments: ['DIF', 'OP'] });
  });

  it('lists the worst metas with their quarterly history and the cumulative', () => {
    const view = annual(yearOfReports([1, 1, 1, 1], [600, 600, undefined, 600]), { fechaCorte: AFTER_T4 });
    const worst = view.executive!.worstMetas;
    expect(worst.rows).toEqual([[text('OP'), text('OP-01'), text('M1'), text('Kilómetros pavimentados'), light('rojo'), light('rojo'), light('rojo'), light('rojo'), light('rojo'), pct(0.4)]]);
    expect(worst.rowIds).toEqual(['OP-01-M1']);
  });

  it('draws the totals in ranking order over the grade bands of the rubric, lowest band first', () => {
    const chart = annual(baseRepo()).executive!.charts.find((c) => c.id === 'totales')!;
    expect(chart).toMatchObject({
      kind: 'bars',
      unit: 'puntos',
      max: 100,
      categories: ['DIF', 'OP'],
      series: [{ name: 'Total', values: [100, 87.5], tone: 'neutral' }],
      bands: [
        { from: 0, label: 'Insuficiente' },
        { from: 50, label: 'En desarrollo' },
        { from: 70, label: 'Aceptable' },
        { from: 85, label: 'Sobresaliente' },
      ],
    });
  });

  it('stacks each department’s metas by their cumulative light', () => {
    const view = annual(yearOfReports([1, 1, 1, 1], [600, 600, undefined, 600]), { fechaCorte: AFTER_T4 });
    const chart = view.executive!.charts.find((c) => c.id === 'semaforo-dependencias')!;
    expect(chart.categories).toEqual(['DIF', 'OP']);
    expect(chart.series).toEqual([
      { name: 'Verde', values: [1, 0], tone: 'verde' },
      { name: 'Amarillo', values: [0, 0], tone: 'amarillo' },
      { name: 'Rojo', values: [0, 1], tone: 'rojo' },
      { name: 'No reportado', values: [0, 0], tone: 'no_reportado' },
    ]);
    expect(chart.table.rows).toEqual([
      [text('DIF'), int(1), int(0), int(0), int(0)],
      [text('OP'), int(0), int(0), int(1), int(0)],
    ]);
  });
});

describe('executive page of the quarterly summary', () => {
  it('says who delivered and the share of metas in green', () => {
    expect(quarterly(baseRepo(), 'T1').executive!.headline).toBe('En 2019-T1 entregaron su reporte 2 de 2 dependencias. De 2 metas medidas, 2 están en verde (100.0 %).');
  });

  it('needs no action when every report came on time and every meta is green', () => {
    expect(quarterly(baseRepo(), 'T1').executive!.actions).toEqual([]);
  });

  it('ranks by the share of metas in green, ties by clave, with no change in the first quarter', () => {
    const ranking = quarterly(twoMetas(1, 10), 'T1').executive!.ranking;
    expect(ranking.rows).toEqual([
      [int(1), text('DIF'), text('Sistema Municipal DIF'), pct(1), int(1), int(1), text('A tiempo'), empty('Primer trimestre'), text('—')],
      [int(2), text('OP'), text('Dirección de Obras Públicas'), pct(0.5), int(1), int(2), text('A tiempo'), empty('Primer trimestre'), text('—')],
    ]);
    expect(quarterly(baseRepo(), 'T1').executive!.ranking.rowIds).toEqual(['DIF', 'OP']);
  });

  it('gives the change against the previous quarter in percentage points, with its arrow', () => {
    const ranking = quarterly(yearOfReports([2, 1, 3, 2], [600, 600, 600, 600]), 'T2', { fechaCorte: AFTER_T4 }).executive!.ranking;
    expect(ranking.columns[7]!.header).toBe('Cambio desde 2019-T1 (puntos porcentuales)');
    expect(ranking.rows.map((r) => [r[1], r[7], r[8]])).toEqual([
      [text('DIF'), num(0, 1), text('→')],
      [text('OP'), num(-100, 1), text('↓')],
    ]);
  });

  it('says the red metas of the quarter', () => {
    expect(quarterly(twoMetas(1, 10), 'T1').executive!.actions).toEqual([{ id: 'metas-en-rojo', count: 1, sentence: '1 meta en rojo en 2019-T1: 1 de OP.', departments: ['OP'] }]);
  });

  it('says a missing report, and not its metas as red', () => {
    const files = baseRepo();
    delete files[OP_T1];
    expect(quarterly(files, 'T1').executive!.actions).toEqual([{ id: 'reportes-faltantes', count: 1, sentence: '1 reporte 2019-T1 no entregado: OP.', departments: ['OP'] }]);
  });

  it('says a late report with its business days', () => {
    const files = baseRepo();
    files[OP_T1].fecha_entrega = '2019-04-03';
    expect(quarterly(files, 'T1').executive!.actions).toEqual([{ id: 'reportes-tarde', count: 1, sentence: '1 reporte 2019-T1 entregado tarde: OP (3 días hábiles).', departments: ['OP'] }]);
  });

  it('says the observations not attended on time', () => {
    const files = baseRepo();
    files['planeacion/retroalimentacion/2018-T4.yaml'] = {
      trimestre: '2018-T4',
      fecha_emision: '2019-01-10',
      observaciones: [
        { id: 'RET-2018-T4-01', dependencia: 'OP', tipo: 'observacion', texto: 'Anexar el acta de entrega.' },
        { id: 'RET-2018-T4-02', dependencia: 'OP', tipo: 'recomendacion', texto: 'Desagregar por sexo.' },
        { id: 'RET-2018-T4-03', dependencia: 'DIF', tipo: 'observacion', texto: 'Anexar el padrón.' },
      ],
    };
    expect(quarterly(files, 'T1').executive!.actions).toEqual([
      { id: 'observaciones-no-atendidas', count: 3, sentence: '3 observaciones de Planeación no atendidas a tiempo hasta 2019-T1: 2 de OP y 1 de DIF.', departments: ['OP', 'DIF'] },
    ]);
  });

  it('says the Plan de Mejora actions not started in the quarter', () => {
    const files = baseRepo();
    files[OP_T1].plan_de_mejora = [{ accion: 'PM-01', estatus: 'no_iniciada' }];
    expect(quarterly(files, 'T1').executive!.actions).toEqual([
      { id: 'acciones-sin-iniciar', count: 1, sentence: '1 acción del Plan de Mejora 2019 sin iniciar en 2019-T1: 1 de OP.', departments: ['OP'] },
    ]);
  });

  it('names five departments and counts the rest', () => {
    const files = baseRepo();
    for (const clave of ['AA', 'BB', 'CC', 'DD', 'EE', 'FF', 'GG']) silentDepartment(files, clave);
    const missing = quarterly(files, 'T1').executive!.actions.find((a) => a.id === 'reportes-faltantes')!;
    expect(missing.sentence).toBe('7 reportes 2019-T1 no entregados: AA, BB, CC, DD, EE y 2 dependencias más.');
    expect(missing.departments).toEqual(['AA', 'BB', 'CC', 'DD', 'EE', 'FF', 'GG']);
  });

  it('lists red metas first, farthest from 100 % first, then yellow ones', () => {
    const files = twoMetas(1, 13);
    files[DIF_T1].ppcs[0].avances[0].valor = 510;
    const worst = quarterly(files, 'T1').executive!.worstMetas;
    expect(worst.rowIds).toEqual(['OP-01-M1', 'OP-01-M2', 'DIF-01-M1']);
    expect(worst.rows.map((r) => [r[4], r[5], r[6]])).toEqual([
      [light('rojo'), light('rojo'), pct(0.5)],
      [light('rojo'), light('rojo'), pct(1.3)],
      [light('amarillo'), light('amarillo'), pct(0.85)],
    ]);
  });

  it('counts the reports by delivery status for the deliveries chart', () => {
    const files = baseRepo();
    files[OP_T1].fecha_entrega = '2019-04-03';
    const chart = quarterly(files, 'T1').executive!.charts.find((c) => c.id === 'entregas')!;
    expect(chart).toMatchObject({ kind: 'bars', unit: 'reportes', categories: ['A tiempo', 'Tarde', 'Anticipado', 'No entregado', 'Pendiente'], series: [{ name: 'Reportes', values: [1, 1, 0, 0, 0] }] });
  });
});

describe('ranking helpers', () => {
  it('breaks a tie in the total by clave', () => {
    const e = (clave: string, total: number) => ({ clave, total }) as DepartmentEvaluation;
    expect(rankAnnual([e('SP', 80), e('OP', 90), e('DIF', 80)]).map((x) => x.clave)).toEqual(['OP', 'DIF', 'SP']);
  });

  it('draws an arrow only past ±0.05', () => {
    expect([arrow(0.06), arrow(0.05), arrow(-0.05), arrow(-0.06), arrow(undefined)]).toEqual(['↑', '→', '→', '↓', '—']);
  });
});
