import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import { text } from '../../../src/report/view/cell-text.js';
import type { ReportView } from '../../../src/report/view/types.js';
import { renderXlsx } from '../../../src/report/render/xlsx/workbook.js';
import { HOSTILE, sampleView } from '../sample-view.js';
import { zipPart } from '../zip-part.js';
import { executiveSummary, executiveView, SEMAFORO_CHART, TOTALS_CHART, TREND_CHART } from './executive-view.js';

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

async function executiveSheet(view: ReportView = executiveView()): Promise<ExcelJS.Worksheet> {
  const sheet = (await load(await renderXlsx(view))).getWorksheet('Resumen ejecutivo');
  if (!sheet) throw new Error('no executive sheet');
  return sheet;
}

/** The values of a row from column 1, as exceljs reads them (null for an empty cell). */
function rowValues(sheet: ExcelJS.Worksheet, row: number, count: number): unknown[] {
  return Array.from({ length: count }, (_, c) => sheet.getCell(row, c + 1).value ?? null);
}

/** Where a text sits on the sheet: the row of the first cell of column A that holds it. */
function rowOf(sheet: ExcelJS.Worksheet, value: string): number {
  for (let r = 1; r <= sheet.rowCount; r++) if (sheet.getCell(r, 1).value === value) return r;
  throw new Error(`no row with ${value}`);
}

/** The sheet's conditional formats as plain data: range, type and what each rule is set to. */
function formats(sheet: ExcelJS.Worksheet): unknown[] {
  const all = (sheet as unknown as { conditionalFormattings: Array<{ ref: string; rules: Array<Record<string, unknown>> }> }).conditionalFormattings;
  return all.map(({ ref, rules }) => {
    const { type, cfvo, color, iconSet } = rules[0] ?? {};
    return { ref, type, cfvo, ...(color !== undefined ? { color } : {}), ...(iconSet !== undefined ? { iconSet } : {}) };
  });
}

describe('the executive sheet', () => {
  it('comes first, before the Resumen and the sections', async () => {
    const workbook = await load(await renderXlsx(executiveView()));
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['Resumen ejecutivo', 'Resumen', 'Entregas', 'Metas', 'Sin datos']);
  });

  it('is left out for a view without an executive page', async () => {
    const workbook = await load(await renderXlsx(sampleView()));
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['Resumen', 'Entregas', 'Metas', 'Sin datos']);
  });

  it('opens with the title and the headline', async () => {
    const sheet = await executiveSheet();
    expect(sheet.getCell('A1').value).toBe('Evaluación anual 2019');
    expect(sheet.getCell('A2').value).toBe(executiveSummary().headline);
  });

  it('writes the ranking cell by cell: numbers as numbers, empty cells with their note', async () => {
    const sheet = await executiveSheet();
    expect(sheet.getCell('A4').value).toBe('Clasificación de las dependencias');
    expect(rowValues(sheet, 5, 8)).toEqual(['Lugar', 'Clave', 'Dependencia', 'Total', 'Grado', 'Evaluación 2018', 'Cambio', 'Tendencia']);
    expect(rowValues(sheet, 6, 8)).toEqual([1, 'SP', 'Servicios Públicos', 88.4, 'Sobresaliente', 80, 8.4, '↑']);
    expect(rowValues(sheet, 7, 8)).toEqual([2, 'OP', HOSTILE.formula, 71.25, 'Suficiente', 71.25, 0, '→']);
    expect(rowValues(sheet, 8, 8)).toEqual([3, 'DS', 'Desarrollo Social', 52, 'Insuficiente', 'sin evaluación', null, '—']);
    expect(sheet.getCell('D6').numFmt).toBe('#,##0.00');
  });

  it('says each action in its own row, under its heading', async () => {
    const sheet = await executiveSheet();
    const heading = rowOf(sheet, 'Qué requiere atención');
    expect([sheet.getCell(heading + 1, 1).value, sheet.getCell(heading + 2, 1).value]).toEqual(['4 metas en rojo: 3 de DS y 1 de SP.', HOSTILE.plus]);
  });

  it('says that nothing needs action when there are no actions', async () => {
    const view = executiveView();
    view.executive = { ...executiveSummary(), actions: [] };
    const sheet = await executiveSheet(view);
    expect(sheet.getCell(rowOf(sheet, 'Qué requiere atención') + 1, 1).value).toBe('Nada requiere atención inmediata.');
  });

  it('shows the worst metas with their quarters as semáforo text and fills', async () => {
    const sheet = await executiveSheet();
    const header = rowOf(sheet, 'Metas con menor cumplimiento') + 1;
    expect(rowValues(sheet, header, 7)).toEqual(['Meta', 'Descripción', 'T1', 'T2', 'T3', 'T4', 'Acumulado']);
    expect(rowValues(sheet, header + 2, 7)).toEqual(['DS-01-M2', 'Becas entregadas', 'Amarillo', 'No reportado', 'Rojo', 'Rojo', 0.45]);
    const fill = sheet.getCell(header + 1, 3).fill;
    expect(fill?.type === 'pattern' ? fill.fgColor?.argb : undefined).toBe('FFF8696B');
  });

  it('says so when no meta has a measured compliance', async () => {
    const view = executiveView();
    const summary = executiveSummary();
    view.executive = { ...summary, worstMetas: { ...summary.worstMetas, rows: [], rowIds: [] } };
    const sheet = await executiveSheet(view);
    expect(sheet.getCell(rowOf(sheet, 'Metas con menor cumplimiento') + 1, 1).value).toBe('Ninguna meta tiene cumplimiento medido en el periodo.');
  });

  it('writes each chart as its title and its table', async () => {
    const sheet = await executiveSheet();
    const totals = rowOf(sheet, 'Total por dependencia');
    expect(rowValues(sheet, totals + 1, 3)).toEqual(['Clave', 'Total', 'Grado']);
    expect(rowValues(sheet, totals + 2, 3)).toEqual(['SP', 88.4, 'Sobresaliente']);
    const semaforo = rowOf(sheet, 'Metas por semáforo y dependencia');
    expect(rowValues(sheet, semaforo + 2, 5)).toEqual(['DS', 1, 2, 3, 1]);
    const trend = rowOf(sheet, 'Cumplimiento trimestral por dependencia');
    expect(rowValues(sheet, trend + 3, 5)).toEqual(['OP', 1, 'sin metas', 0.6, 0.7]);
  });

  it('keeps formula-looking text as text, marked with the quote prefix', async () => {
    const buffer = await renderXlsx(executiveView());
    const sheetXml = zipPart(buffer, 'xl/worksheets/sheet1.xml');
    const styles = zipPart(buffer, 'xl/styles.xml');
    const xfs = [...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf [^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map(([xf]) => xf);
    for (const address of ['C7', 'A12']) {
      const cell = new RegExp(`<c r="${address}"([^>]*)>`).exec(sheetXml)?.[1] ?? '';
      expect(cell).toContain('t="s"');
      const style = Number(/ s="(\d+)"/.exec(cell)?.[1]);
      expect(xfs[style]).toContain('quotePrefix="1"');
    }
    const sheet = await executiveSheet();
    expect([sheet.getCell('C7').type, sheet.getCell('A12').type]).toEqual([ExcelJS.ValueType.String, ExcelJS.ValueType.String]);
  });
});

describe('the executive sheet’s visual cues', () => {
  it('puts data bars from 0 to 100 on the ranking’s totals, and arrows on its change that turn at ±0.05', async () => {
    const sheet = await executiveSheet();
    expect(formats(sheet).slice(0, 3)).toEqual([
      { ref: 'D6:D8', type: 'dataBar', cfvo: [{ type: 'num', value: 0 }, { type: 'num', value: 100 }], color: { argb: 'FF5B9BD5' } },
      { ref: 'F6:F8', type: 'dataBar', cfvo: [{ type: 'num', value: 0 }, { type: 'num', value: 100 }], color: { argb: 'FF5B9BD5' } },
      {
        ref: 'G6:G8',
        type: 'iconSet',
        iconSet: '3Arrows',
        cfvo: [{ type: 'percent', value: 0 }, { type: 'num', value: -0.05 }, { type: 'num', value: 0.05 }],
      },
    ]);
  });

  it('counts ↑ only above +0.05: the icon’s last threshold is not inclusive', async () => {
    const xml = zipPart(await renderXlsx(executiveView()), 'xl/worksheets/sheet1.xml');
    expect(xml).toContain('<iconSet iconSet="3Arrows"><cfvo type="percent" val="0"/><cfvo type="num" val="-0.05"/><cfvo type="num" val="0.05" gte="0"/></iconSet>');
  });

  it('puts a data bar from 0 to 1 on a percentage of the ranking, and arrows at ±0.05 points on its change', async () => {
    const view = executiveView();
    const summary = executiveSummary();
    view.executive = {
      ...summary,
      ranking: {
        columns: [
          { header: 'Lugar', kind: 'int' },
          { header: 'Clave', kind: 'text' },
          { header: '% de metas en verde', kind: 'percent' },
          { header: 'Cambio (puntos porcentuales)', kind: 'percent' },
        ],
        rows: [[{ t: 'int', v: 1 }, text('SP'), { t: 'percent', v: 0.8 }, { t: 'percent', v: -0.1 }]],
      },
    };
    expect(formats(await executiveSheet(view)).slice(0, 2)).toEqual([
      { ref: 'C6:C6', type: 'dataBar', cfvo: [{ type: 'num', value: 0 }, { type: 'num', value: 1 }], color: { argb: 'FF5B9BD5' } },
      {
        ref: 'D6:D6',
        type: 'iconSet',
        iconSet: '3Arrows',
        cfvo: [{ type: 'percent', value: 0 }, { type: 'num', value: -0.0005 }, { type: 'num', value: 0.0005 }],
      },
    ]);
  });

  it('puts bars in each semáforo’s colour on the stacked chart’s table, all on one scale', async () => {
    const sheet = await executiveSheet();
    const first = rowOf(sheet, 'Metas por semáforo y dependencia') + 2;
    const bars = formats(sheet).filter((f) => (f as { ref: string }).ref.includes(`${first}:`));
    expect(bars).toEqual(
      ['FF63BE7B', 'FFFFEB84', 'FFF8696B', 'FFA6A6A6'].map((argb, i) => ({
        ref: `${String.fromCharCode(66 + i)}${first}:${String.fromCharCode(66 + i)}${first + 2}`,
        type: 'dataBar',
        cfvo: [{ type: 'num', value: 0 }, { type: 'num', value: 4 }],
        color: { argb },
      })),
    );
  });

  it('puts a red–yellow–green colour scale over the trend’s percentages', async () => {
    const sheet = await executiveSheet();
    const first = rowOf(sheet, 'Cumplimiento trimestral por dependencia') + 2;
    expect(formats(sheet).at(-1)).toEqual({
      ref: `B${first}:E${first + 1}`,
      type: 'colorScale',
      cfvo: [{ type: 'num', value: 0 }, { type: 'num', value: 0.5 }, { type: 'num', value: 1 }],
      color: [{ argb: 'FFF8696B' }, { argb: 'FFFFEB84' }, { argb: 'FF63BE7B' }],
    });
  });

  it('puts the same colour scale over the percentages of the Tendencia section', async () => {
    const view = executiveView();
    view.sections = [{ id: 'tendencia', sheet: 'Tendencia', title: 'Tendencia 2019', intro: 'Porcentaje de metas en verde.', table: TREND_CHART.table }];
    const sheet = (await load(await renderXlsx(view))).getWorksheet('Tendencia') as ExcelJS.Worksheet;
    expect(formats(sheet)).toEqual([
      { ref: 'B4:E5', type: 'colorScale', cfvo: [{ type: 'num', value: 0 }, { type: 'num', value: 0.5 }, { type: 'num', value: 1 }], color: [{ argb: 'FFF8696B' }, { argb: 'FFFFEB84' }, { argb: 'FF63BE7B' }] },
    ]);
  });

  it('leaves the other section sheets without conditional formats', async () => {
    const workbook = await load(await renderXlsx(executiveView()));
    expect(workbook.worksheets.slice(1).map((ws) => formats(ws).length)).toEqual([0, 0, 0, 0]);
  });
});

describe('the executive sheet’s native charts', () => {
  it('draws the totals as a bar chart that reads the totals column of its table', async () => {
    const buffer = await renderXlsx(executiveView());
    const sheet = (await load(buffer)).getWorksheet('Resumen ejecutivo') as ExcelJS.Worksheet;
    const header = rowOf(sheet, 'Total por dependencia') + 1;
    const chart = zipPart(buffer, 'xl/charts/chart1.xml');
    expect(chart).toContain('<c:barDir val="bar"/><c:grouping val="clustered"/>');
    expect(chart).toContain(`<c:f>'Resumen ejecutivo'!$A$${header + 1}:$A$${header + 3}</c:f>`);
    expect(chart).toContain(`<c:f>'Resumen ejecutivo'!$B$${header + 1}:$B$${header + 3}</c:f>`);
    expect(chart).toContain(`<c:f>'Resumen ejecutivo'!$B$${header}</c:f>`);
    const cached = [...chart.matchAll(/<c:numCache>.*?<\/c:numCache>/g)].map(([cache]) => [...cache.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map(([, v]) => Number(v)));
    expect(cached).toEqual([[...TOTALS_CHART.series[0]!.values]]);
    expect(chart).toContain('<c:max val="100"/><c:min val="0"/>');
    // The same figures as the cells the chart reads.
    expect([2, 3, 4].map((r) => sheet.getCell(header + r - 1, 2).value)).toEqual(TOTALS_CHART.series[0]!.values);
  });

  it('draws the semáforo counts as stacked bars, one series per semáforo in its colour', async () => {
    const chart = zipPart(await renderXlsx(executiveView()), 'xl/charts/chart2.xml');
    expect(chart).toContain('<c:grouping val="stacked"/>');
    expect([...chart.matchAll(/<c:ser>.*?<a:srgbClr val="([0-9A-F]{6})"\/>/g)].map(([, rgb]) => rgb)).toEqual(['63BE7B', 'FFEB84', 'F8696B', 'A6A6A6']);
    expect([...chart.matchAll(/<c:tx><c:strRef>.*?<c:v>([^<]*)<\/c:v>/g)].map(([, name]) => name)).toEqual(SEMAFORO_CHART.series.map((s) => s.name));
  });

  it('anchors the drawing on the executive sheet and declares its parts', async () => {
    const buffer = await renderXlsx(executiveView());
    expect(zipPart(buffer, 'xl/worksheets/sheet1.xml')).toMatch(/<drawing r:id="rId1"\/><\/worksheet>$/);
    expect(zipPart(buffer, 'xl/worksheets/_rels/sheet1.xml.rels')).toContain('Target="../drawings/drawing1.xml"');
    const rels = zipPart(buffer, 'xl/drawings/_rels/drawing1.xml.rels');
    expect([...rels.matchAll(/Target="([^"]+)"/g)].map(([, target]) => target)).toEqual(['../charts/chart1.xml', '../charts/chart2.xml']);
    const types = zipPart(buffer, '[Content_Types].xml');
    expect(types).toContain('<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>');
    expect(types).toContain('<Override PartName="/xl/charts/chart2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>');
    expect(types).not.toContain('chart3');
    const drawing = zipPart(buffer, 'xl/drawings/drawing1.xml');
    expect([...drawing.matchAll(/descr="([^"]*)"/g)].map(([, d]) => d)).toEqual([
      'Total por dependencia. Las mismas cifras están en la tabla a la izquierda del gráfico.',
      'Metas por semáforo y dependencia. Las mismas cifras están en la tabla a la izquierda del gráfico.',
    ]);
  });

  it('draws no native chart for a chart whose table does not hold one category a row', async () => {
    const view = executiveView();
    const summary = executiveSummary();
    view.executive = { ...summary, charts: [{ ...TOTALS_CHART, categories: ['OP', 'SP', 'DS'] }] };
    const buffer = await renderXlsx(view);
    expect(() => zipPart(buffer, 'xl/charts/chart1.xml')).toThrow();
    expect(zipPart(buffer, 'xl/worksheets/sheet1.xml')).not.toContain('<drawing');
  });

  it('escapes text from the data in the chart parts', async () => {
    const view = executiveView();
    const summary = executiveSummary();
    const hostile = '<b>&"x"</b>';
    const rows = TOTALS_CHART.table.rows.map((row, i) => (i === 0 ? [text(hostile), ...row.slice(1)] : row));
    view.executive = {
      ...summary,
      charts: [{ ...TOTALS_CHART, title: hostile, categories: [hostile, ...TOTALS_CHART.categories.slice(1)], table: { ...TOTALS_CHART.table, rows } }],
    };
    const buffer = await renderXlsx(view);
    const chart = zipPart(buffer, 'xl/charts/chart1.xml');
    expect(chart).toContain('<c:v>&lt;b&gt;&amp;&quot;x&quot;&lt;/b&gt;</c:v>');
    expect(chart).not.toContain('<b>');
    expect(zipPart(buffer, 'xl/drawings/drawing1.xml')).toContain('title="&lt;b&gt;&amp;&quot;x&quot;&lt;/b&gt;"');
  });

  it('gives the same bytes for the same view', async () => {
    const [a, b] = await Promise.all([renderXlsx(executiveView()), renderXlsx(executiveView())]);
    expect(a.equals(b)).toBe(true);
  });
});

describe('the executive sheet in print', () => {
  it('starts each chart on a new page, so that no chart is cut in two', async () => {
    const buffer = await renderXlsx(executiveView());
    const sheet = (await load(buffer)).getWorksheet('Resumen ejecutivo') as ExcelJS.Worksheet;
    const headings = ['Total por dependencia', 'Metas por semáforo y dependencia', 'Cumplimiento trimestral por dependencia'].map((t) => rowOf(sheet, t));
    // exceljs does not read row breaks back: the sheet's XML is what Excel and LibreOffice read.
    const breaks = /<rowBreaks[^>]*>(.*?)<\/rowBreaks>/.exec(zipPart(buffer, 'xl/worksheets/sheet1.xml'))?.[1] ?? '';
    expect(breaks).toBe(headings.map((row) => `<brk id="${row - 1}" max="16383" man="1"/>`).join(''));
  });
});
