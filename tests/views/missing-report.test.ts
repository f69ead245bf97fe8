// A department that did not deliver a due report: every table says «No reportado» (or
// «No entregó» for people), never a green light, a zero or an earlier quarter's figure.
import { describe, expect, it } from 'vitest';
import { createStyles } from '../../src/report/render/xlsx/styles.js';
import { baseRepo, type Files } from '../helpers/fixture.js';
import { cell, empty, int, light, pct, quarterly, row, section, summary, text } from './api.js';

const AFTER_T4 = { fechaCorte: '2020-01-20' };
const OP_01 = 'dependencias/OP/ppcs/OP-01.yaml';
const DELIVERED = { T1: '2019-03-27', T2: '2019-06-26', T3: '2019-09-25', T4: '2019-12-23' };

/** OP reports the given quarters of OP-01's M1 (programmed 2, 3, 3, 2); DIF delivers all four. */
function year(values: Partial<Record<'T1' | 'T2' | 'T3' | 'T4', number>>): Files & Record<string, any> {
  const files: Files & Record<string, any> = baseRepo();
  const op = files['dependencias/OP/reportes/2019-T1.yaml'];
  const dif = files['dependencias/DIF/reportes/2019-T1.yaml'];
  delete files['dependencias/OP/reportes/2019-T1.yaml'];
  for (const [quarter, fecha] of Object.entries(DELIVERED)) {
    const trimestre = `2019-${quarter}`;
    files[`dependencias/DIF/reportes/${trimestre}.yaml`] = { ...dif, trimestre, fecha_entrega: fecha };
    const valor = values[quarter as keyof typeof values];
    if (valor === undefined) continue;
    files[`dependencias/OP/reportes/${trimestre}.yaml`] = { ...op, trimestre, fecha_entrega: fecha, ppcs: [{ ...op.ppcs[0], avances: [{ meta: 'M1', valor, unidad_medida: 'km' }] }] };
  }
  return files;
}

describe('quarterly summary of a quarter a department did not report', () => {
  const view = () => quarterly(year({ T1: 2, T2: 3, T3: 2 }), 'T4', AFTER_T4);

  it('gives the meta’s quarterly row «No reportado»: programmed 2, nothing achieved, no light but «No reportado»', () => {
    const v = view();
    expect(cell(v, 'metas', ['OP', 'OP-01'], 'Programado trimestre')).toEqual({ t: 'number', v: 2, decimals: 0 });
    expect(cell(v, 'metas', ['OP', 'OP-01'], 'Alcanzado trimestre')).toEqual(empty('No reportado'));
    expect(cell(v, 'metas', ['OP', 'OP-01'], 'Cumplimiento trimestre')).toEqual(empty('No reportado'));
    expect(cell(v, 'metas', ['OP', 'OP-01'], 'Semáforo trimestre')).toEqual(light('no_reportado'));
  });

  it('compares 10 programmed through T4 with 7 achieved: 70 %, red, 70 % of the annual goal', () => {
    const v = view();
    expect(cell(v, 'metas', ['OP', 'OP-01'], 'Programado acumulado')).toEqual({ t: 'number', v: 10, decimals: 0 });
    expect(cell(v, 'metas', ['OP', 'OP-01'], 'Alcanzado acumulado')).toEqual({ t: 'number', v: 7, decimals: 0 });
    expect(cell(v, 'metas', ['OP', 'OP-01'], 'Cumplimiento acumulado')).toEqual(pct(0.7));
    expect(cell(v, 'metas', ['OP', 'OP-01'], 'Semáforo acumulado')).toEqual(light('rojo'));
    expect(cell(v, 'metas', ['OP', 'OP-01'], 'Avance sobre meta anual')).toEqual(pct(0.7));
  });

  it('says «No reportado» in the deliveries table', () => {
    expect(cell(view(), 'entregas', ['OP'], '2019-T4')).toEqual(text('No reportado'));
  });

  it('counts the meta as not reported in the summary, not among green, yellow or red', () => {
    const v = view();
    expect(summary(v, 'Metas no reportadas en 2019-T4 (reporte no entregado)')).toEqual(int(1));
    expect(summary(v, 'Metas en rojo en 2019-T4')).toEqual(int(0));
  });

  it('says «No entregó» for the people of a department that did not deliver, not 0', () => {
    const cells = row(view(), 'beneficiarios', 'OP').slice(2);
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) expect(c).toEqual(empty('No entregó'));
  });

  it('names in a note the department whose yearly figures lack a quarter', () => {
    const files = year({ T1: 2, T2: 3, T3: 2 });
    const notes = section(quarterly(files, 'T4', AFTER_T4), 'beneficiarios').notes ?? [];
    expect(notes).toContain('«No entregó»: la dependencia no entregó ningún reporte vencido del periodo; no es un cero. «Pendiente»: la ventana de entrega aún no cierra y el reporte no ha llegado.');
  });

  it('says «No reportado» for the cumulative figures of a department that reported nothing in the year', () => {
    const v = quarterly(year({}), 'T4', AFTER_T4);
    expect(cell(v, 'metas', ['OP', 'OP-01'], 'Alcanzado acumulado')).toEqual(empty('No reportado'));
    expect(cell(v, 'metas', ['OP', 'OP-01'], 'Semáforo acumulado')).toEqual(light('no_reportado'));
    expect(cell(v, 'metas', ['OP', 'OP-01'], 'Avance sobre meta anual')).toEqual(empty('No reportado'));
  });
});

describe('a quarter whose delivery window has not closed at the cut-off', () => {
  // OP delivered T1–T3; the cut-off falls inside T4's window (23–27 December 2019 plus holidays).
  const view = () => quarterly(year({ T1: 2, T2: 3, T3: 2 }), 'T4', { fechaCorte: '2019-12-20' });

  it('gives the meta’s quarterly and cumulative figures «Pendiente», not red «Sin valor en el reporte»', () => {
    const v = view();
    expect(cell(v, 'metas', ['OP', 'OP-01'], 'Cumplimiento trimestre')).toEqual(empty('Pendiente'));
    expect(cell(v, 'metas', ['OP', 'OP-01'], 'Semáforo trimestre')).toEqual(light('pendiente'));
    expect(cell(v, 'metas', ['OP', 'OP-01'], 'Semáforo acumulado')).toEqual(light('pendiente'));
  });

  it('gives its beneficiaries «Pendiente», not zeros', () => {
    expect(cell(view(), 'beneficiarios', ['OP'], 'Total')).toEqual(empty('Pendiente'));
  });

  it('counts it among the metas awaiting their report in the summary', () => {
    expect(summary(view(), 'Metas pendientes en 2019-T4 (ventana de entrega abierta)')).toEqual(int(1));
  });
});

describe('an approved adjusted goal in the metas table', () => {
  function adjusted(ajuste?: object) {
    const files = year({ T1: 0.6, T2: 0.9, T3: 0.9, T4: 0.6 });
    Object.assign(files[OP_01].metas[0], { meta_ajustada: 3, ...(ajuste ? { ajuste } : {}) });
    return quarterly(files, 'T4', AFTER_T4);
  }

  it('measures semáforo and avance against the same adjusted goal: 3 of 3, green and 100 %', () => {
    const v = adjusted({ aprobo: 'Mtra. Laura Campos Ríos, Directora de Planeación', fecha: '2019-07-15' });
    expect(cell(v, 'metas', ['OP', 'OP-01'], 'Programado acumulado')).toEqual({ t: 'number', v: 3, decimals: 0 });
    expect(cell(v, 'metas', ['OP', 'OP-01'], 'Cumplimiento acumulado')).toEqual(pct(1));
    expect(cell(v, 'metas', ['OP', 'OP-01'], 'Semáforo acumulado')).toEqual(light('verde'));
    expect(cell(v, 'metas', ['OP', 'OP-01'], 'Avance sobre meta anual')).toEqual(pct(1));
  });

  it('keeps both on meta_anual while the adjustment is not approved: 30 % red and 30 %', () => {
    const v = adjusted();
    expect(cell(v, 'metas', ['OP', 'OP-01'], 'Programado acumulado')).toEqual({ t: 'number', v: 10, decimals: 0 });
    expect(cell(v, 'metas', ['OP', 'OP-01'], 'Semáforo acumulado')).toEqual(light('rojo'));
    expect(cell(v, 'metas', ['OP', 'OP-01'], 'Avance sobre meta anual')).toEqual(pct(0.3));
  });
});

describe('the «No reportado» light in a workbook', () => {
  it('is a darker grey than «Sin meta» and in bold, so it reads without colour', () => {
    const styles = createStyles();
    const missing = styles.cell('semaforo:no_reportado', false);
    expect(missing.fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFA6A6A6' } });
    expect(missing.font?.bold).toBe(true);
    expect(styles.cell('semaforo:sin_meta', false).font?.bold).toBeUndefined();
  });
});
