import { describe, expect, it } from 'vitest';
import { annual, empty, light, pct, quarterly, section, text } from '../../views/api.js';
import { AFTER_T4, yearOfReports } from './year.js';

describe('historial-metas: each meta quarter by quarter', () => {
  it('shows a meta red in every quarter as Rojo in T1, T2, T3, T4 and in the cumulative (4 of 10 km: 40 %)', () => {
    const view = annual(yearOfReports([1, 1, 1, 1], [600, 600, 600, 600]), { fechaCorte: AFTER_T4 });
    const table = section(view, 'historial-metas').table;
    expect(table.columns.map((c) => c.header)).toEqual(['Dependencia', 'PPCS', 'Meta', 'Indicador', 'T1', 'T2', 'T3', 'T4', 'Semáforo acumulado', 'Cumplimiento acumulado']);
    expect(table.rows[table.rowIds!.indexOf('OP-01-M1-historial')]).toEqual([
      text('OP'),
      text('OP-01'),
      text('M1'),
      text('Kilómetros pavimentados'),
      light('rojo'),
      light('rojo'),
      light('rojo'),
      light('rojo'),
      light('rojo'),
      pct(0.4),
    ]);
  });

  it('shows the quarter of a missing report as «No reportado» and keeps the cumulative of the last value', () => {
    const view = annual(yearOfReports([2, 3, 3, 2], [600, 600, undefined, 600]), { fechaCorte: AFTER_T4 });
    const table = section(view, 'historial-metas').table;
    expect(table.rowIds).toEqual(['DIF-01-M1-historial', 'OP-01-M1-historial']);
    expect(table.rows[0]).toEqual([text('DIF'), text('DIF-01'), text('M1'), text('Personas atendidas'), light('verde'), light('verde'), light('no_reportado'), light('verde'), light('verde'), pct(1)]);
  });

  it('has a column per quarter only up to the quarter of a quarterly summary', () => {
    const view = quarterly(yearOfReports([2, 3, 3, 2], [600, 600, 600, 600]), 'T2', { fechaCorte: AFTER_T4 });
    expect(section(view, 'historial-metas').table.columns.map((c) => c.header)).toEqual(['Dependencia', 'PPCS', 'Meta', 'Indicador', 'T1', 'T2', 'Semáforo acumulado', 'Cumplimiento acumulado']);
  });
});

describe('tendencia: the share of metas in green per quarter', () => {
  it('gives each department its metas in green ÷ metas judged in each quarter, a missing report counting as not green', () => {
    const view = annual(yearOfReports([1, 3, 3, 2], [600, 600, undefined, 600]), { fechaCorte: AFTER_T4 });
    const table = section(view, 'tendencia').table;
    expect(table.rows).toEqual([
      [text('DIF'), text('Sistema Municipal DIF'), pct(1), pct(1), pct(0), pct(1)],
      [text('OP'), text('Dirección de Obras Públicas'), pct(0), pct(1), pct(1), pct(1)],
    ]);
    expect(table.rowIds).toEqual(['DIF-tendencia', 'OP-tendencia']);
  });

  it('leaves a quarter with nothing to judge empty, not at zero', () => {
    const files = yearOfReports([2, 3, 3, 2], [600, 600, 600, 600]);
    files['dependencias/DIF/ppcs/DIF-01.yaml'].metas[0].programacion = { T2: 600, T3: 600, T4: 600 };
    const view = annual(files, { fechaCorte: AFTER_T4 });
    expect(section(view, 'tendencia').table.rows[0]).toEqual([text('DIF'), text('Sistema Municipal DIF'), empty('Sin metas medidas'), pct(1), pct(1), pct(1)]);
  });

  it('draws the municipality and each department as lines of percentages 0–100', () => {
    const view = annual(yearOfReports([1, 3, 3, 2], [600, 600, undefined, 600]), { fechaCorte: AFTER_T4 });
    const chart = view.executive!.charts.find((c) => c.id === 'tendencia')!;
    expect({ kind: chart.kind, unit: chart.unit, max: chart.max, categories: chart.categories }).toEqual({ kind: 'lines', unit: '%', max: 100, categories: ['T1', 'T2', 'T3', 'T4'] });
    expect(chart.series).toEqual([
      { name: 'Municipio', values: [50, 100, 50, 100] },
      { name: 'DIF', values: [100, 100, 0, 100] },
      { name: 'OP', values: [0, 100, 100, 100] },
    ]);
  });
});

describe('metas: row anchors', () => {
  it('anchors each meta row by its PPCS and meta: OP-01-M1', () => {
    expect(section(quarterly(yearOfReports([2], [600]), 'T1'), 'metas').table.rowIds).toEqual(['DIF-01-M1', 'OP-01-M1']);
  });
});
