// Issue 11, items 5 and 6: text that a spreadsheet would run as a formula is marked as text in
// every cell of the workbook (quotePrefix) and of the CSV (a leading apostrophe), numbers stay
// numbers; a text cut to Excel's cell limit is reported, with its sheet, cell, column and row.
import { describe, expect, it } from 'vitest';

import { cutWarning, startsLikeFormula, type CutCell } from '../../src/report/render/cell-guard.js';
import { renderCsv } from '../../src/report/render/csv/csv.js';
import { renderXlsx } from '../../src/report/render/xlsx/workbook.js';
import { int, num, text } from '../../src/report/view/cell-text.js';
import type { Cell, ReportView } from '../../src/report/view/types.js';
import { sampleView } from './sample-view.js';
import { zipPart } from './zip-part.js';

/** The `<xf>` of every cell of a sheet, by address, and the shared strings. */
function cellFormats(zip: Buffer, sheetNumber: number): Map<string, string> {
  const styles = zipPart(zip, 'xl/styles.xml');
  const cellXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1]!;
  const xfs = [...cellXfs.matchAll(/<xf [^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]);
  const sheet = zipPart(zip, `xl/worksheets/sheet${sheetNumber}.xml`);
  return new Map([...sheet.matchAll(/<c r="([A-Z]+\d+)" s="(\d+)"/g)].map(([, address, s]) => [address!, xfs[Number(s)]!]));
}

/** A view with one section of one column holding `cells`, one per row. */
function oneColumn(cells: Cell[], header = 'Nombre'): ReportView {
  const view = sampleView();
  view.resumen = [];
  view.sections = [{ id: 'indicadores', sheet: 'Datos', title: 'Datos', table: { columns: [{ header, kind: 'text' }], rows: cells.map((c) => [c]) } }];
  return view;
}

describe('formula neutralisation in the workbook', () => {
  const starts = ['=HYPERLINK("http://x","y")', '+52 777 123 4567', '-2', '@SUM(A1)', '\t=1', '\r=1', '＝1+1'];

  it('gives quotePrefix to every text cell that starts like a formula', async () => {
    const formats = cellFormats(await renderXlsx(oneColumn(starts.map((s) => text(s)))), 2);
    // Row 1 is the title, row 2 the header, the data from row 3.
    expect(starts.map((_, i) => /quotePrefix="1"/.test(formats.get(`A${i + 3}`)!))).toEqual(starts.map(() => true));
  });

  it('leaves ordinary text without quotePrefix', async () => {
    const formats = cellFormats(await renderXlsx(oneColumn([text('a=b'), text('OP-01'), text(' =1')])), 2);
    for (const address of ['A3', 'A4', 'A5']) expect(formats.get(address)).not.toMatch(/quotePrefix/);
  });

  it('keeps negative numbers typed as numbers, without quotePrefix', async () => {
    const view = oneColumn([]);
    view.sections[0]!.table = { columns: [{ header: 'Valor', kind: 'int' }, { header: 'Decimal', kind: 'number' }], rows: [[int(-3), num(-2.5, 1)]] };
    const zip = await renderXlsx(view);
    const sheet = zipPart(zip, 'xl/worksheets/sheet2.xml');
    expect(sheet).toMatch(/<c r="A3" s="\d+"><v>-3<\/v><\/c>/);
    expect(sheet).toMatch(/<c r="B3" s="\d+"><v>-2.5<\/v><\/c>/);
    const formats = cellFormats(zip, 2);
    expect(formats.get('A3')).not.toMatch(/quotePrefix/);
    expect(formats.get('B3')).not.toMatch(/quotePrefix/);
  });

  it('guards headers, titles, notes and the Resumen too, not only table cells', async () => {
    const view = oneColumn([text('x')], '=cabecera()');
    view.title = '=titulo()';
    view.municipio = '@municipio';
    view.sections[0]!.title = '+seccion';
    view.sections[0]!.notes = ['-nota'];
    const zip = await renderXlsx(view);
    const resumen = cellFormats(zip, 1);
    const datos = cellFormats(zip, 2);
    expect([resumen.get('A1'), resumen.get('B2'), datos.get('A1'), datos.get('A2'), datos.get('A5')].map((xf) => /quotePrefix="1"/.test(xf ?? ''))).toEqual([true, true, true, true, true]);
  });

  it('writes the value itself unchanged, as a shared string and never a formula', async () => {
    const zip = await renderXlsx(oneColumn([text('=HYPERLINK("http://x","y")')]));
    expect(zipPart(zip, 'xl/sharedStrings.xml')).toContain('<t>=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)</t>');
    expect(zipPart(zip, 'xl/worksheets/sheet2.xml')).not.toMatch(/<f[ >]/);
  });
});

describe('formula neutralisation in the CSV', () => {
  it('puts an apostrophe before a text starting with a carriage return or a full-width equals sign', () => {
    const csv = renderCsv(oneColumn([text('\r=1'), text('＝1')]), 'indicadores').toString('utf8');
    expect(csv.split('\r\n').slice(1, 3)).toEqual(["\"'\r=1\"", "'＝1"]);
  });

  it('decides like the workbook: the same texts start like a formula', () => {
    expect(['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'].every((c) => startsLikeFormula(`${c}1`))).toBe(true);
    expect(['a', ' ', '1', "'", '"', '\n'].some((c) => startsLikeFormula(`${c}=1`))).toBe(false);
  });
});

describe('texts cut to the cell limit', () => {
  const long = 'palabra '.repeat(5000).trim(); // 39,999 characters

  it('cuts a text over 32,767 characters to the limit, ending in «…»', async () => {
    const zip = await renderXlsx(oneColumn([text(long)]));
    const strings = [...zipPart(zip, 'xl/sharedStrings.xml').matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) => m[1]!);
    const cut = strings.find((s) => s.startsWith('palabra'))!;
    expect(cut).toHaveLength(32_767);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('tells of each cut cell: sheet, cell, column header, the row\'s first cell and the length', async () => {
    const view = oneColumn([]);
    view.sections[0]!.table = {
      columns: [{ header: 'Archivo', kind: 'text' }, { header: 'Justificación', kind: 'text' }],
      rows: [[text('dependencias/OP/ppcs/OP-03.yaml'), text(long)]],
    };
    const cuts: CutCell[] = [];
    await renderXlsx(view, (cut) => cuts.push(cut));
    expect(cuts).toEqual([{ sheet: 'Datos', cell: 'B3', column: 'Justificación', row: 'dependencias/OP/ppcs/OP-03.yaml', length: 39_999, limit: 32_767 }]);
  });

  it('tells of a cut note under a table, which has no column', async () => {
    const view = oneColumn([text('x')]);
    view.sections[0]!.notes = [long];
    const cuts: CutCell[] = [];
    await renderXlsx(view, (cut) => cuts.push(cut));
    expect(cuts).toEqual([{ sheet: 'Datos', cell: 'A5', length: 39_999, limit: 32_767 }]);
  });

  it('never cuts between the two halves of a character outside the BMP', async () => {
    // After the «a», each pair starts at an odd index: a plain cut would split the last one.
    const emoji = `a${'😀'.repeat(20_000)}`;
    const zip = await renderXlsx(oneColumn([text(emoji)]));
    const strings = [...zipPart(zip, 'xl/sharedStrings.xml').matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) => m[1]!);
    const cut = strings.find((s) => s.startsWith('a😀'))!;
    expect(cut.endsWith('😀…')).toBe(true);
    // No lone surrogate left at the cut.
    expect(/[\ud800-\udbff](?![\udc00-\udfff])/.test(cut)).toBe(false);
  });

  it('words the warning in Spanish with the file, sheet, cell, column and row', () => {
    const cut: CutCell = { sheet: 'Hallazgos', cell: 'G5', column: 'Justificación', row: 'dependencias/OP/ppcs/OP-03.yaml', length: 40_025, limit: 32_767 };
    expect(cutWarning('reportes/trimestral-2019-T2.xlsx', cut, 'es')).toBe(
      'Aviso: en reportes/trimestral-2019-T2.xlsx, hoja «Hallazgos», celda G5, columna «Justificación» (fila de «dependencias/OP/ppcs/OP-03.yaml»): el texto tiene 40,025 caracteres y una celda de Excel admite 32,767; se cortó y termina en «…». El texto completo sigue en los archivos del plan.\n',
    );
    expect(cutWarning('r.xlsx', { sheet: 'S', cell: 'A5', length: 40_000, limit: 32_767 }, 'en')).toBe(
      'Warning: in r.xlsx, sheet "S", cell A5: the text is 40,000 characters long and an Excel cell holds 32,767; it was cut and ends in "…". The full text is still in the plan files.\n',
    );
  });
});
