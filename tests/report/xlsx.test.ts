import { inflateRawSync } from 'node:zlib';

import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { date, int, num, pct, semaforoCell, text } from '../../src/report/view/cell-text.js';
import type { ReportView } from '../../src/report/view/types.js';
import { renderXlsx } from '../../src/report/render/xlsx/workbook.js';
import { HOSTILE, LONG_TEXT, sampleView } from './sample-view.js';

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

interface ZipEntry {
  data: Buffer;
  dosTime: number;
  dosDate: number;
}

/** The parts of an xlsx, read straight from the zip: what Excel sees, not what exceljs parses back. */
function unzip(zip: Buffer): Map<string, ZipEntry> {
  let eocd = zip.length - 22;
  while (zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const entries = new Map<string, ZipEntry>();
  let offset = zip.readUInt32LE(eocd + 16);
  for (let n = zip.readUInt16LE(eocd + 10); n > 0; n--) {
    const method = zip.readUInt16LE(offset + 10);
    const size = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    const local = zip.readUInt32LE(offset + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + size);
    entries.set(name, {
      data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw),
      dosTime: zip.readUInt16LE(local + 10),
      dosDate: zip.readUInt16LE(local + 12),
    });
    expect(zip.readUInt16LE(offset + 12)).toBe(zip.readUInt16LE(local + 10));
    expect(zip.readUInt16LE(offset + 14)).toBe(zip.readUInt16LE(local + 12));
    offset += 46 + nameLength + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  return entries;
}

function part(zip: Buffer, name: string): string {
  const entry = unzip(zip).get(name);
  if (!entry) throw new Error(`no part ${name}`);
  return entry.data.toString('utf8');
}

/** The width of columns 1..count of a sheet, from its `<cols>` and `<sheetFormatPr>`: what Excel
 * reads (exceljs's own reader drops the width of some columns inside a `min`–`max` range). */
function columnWidths(zip: Buffer, sheetNumber: number, count: number): number[] {
  const xml = part(zip, `xl/worksheets/sheet${sheetNumber}.xml`);
  const fallback = Number(/<sheetFormatPr [^>]*defaultColWidth="([\d.]+)"/.exec(xml)?.[1] ?? Number.NaN);
  const cols = [...xml.matchAll(/<col min="(\d+)" max="(\d+)" width="([\d.]+)"/g)].map(([, min, max, width]) => ({
    min: Number(min),
    max: Number(max),
    width: Number(width),
  }));
  return Array.from({ length: count }, (_, i) => cols.find((col) => col.min <= i + 1 && i + 1 <= col.max)?.width ?? fallback);
}

/** Everything a reader sees in a workbook, as plain data: values, types, formulas, styles, layout. */
function serialise(workbook: ExcelJS.Workbook): unknown {
  const props = {
    title: workbook.title,
    subject: workbook.subject,
    company: workbook.company,
    keywords: workbook.keywords,
    creator: workbook.creator,
    created: workbook.created.toISOString(),
    modified: workbook.modified.toISOString(),
    lastPrinted: workbook.lastPrinted?.toISOString(),
  };
  const sheets = workbook.worksheets.map((ws) => {
    const cells: unknown[] = [];
    ws.eachRow({ includeEmpty: true }, (row) => {
      row.eachCell({ includeEmpty: true }, (cell) => {
        const value = cell.value instanceof Date ? cell.value.toISOString() : cell.value;
        cells.push([cell.address, cell.type, value, cell.formula, JSON.stringify(cell.style)]);
      });
    });
    return {
      name: ws.name,
      views: ws.views,
      autoFilter: ws.autoFilter,
      pageSetup: ws.pageSetup,
      merges: ws.model.merges,
      widths: ws.columns.map((column) => column.width),
      heights: ws.getRows(1, ws.rowCount)?.map((row) => row.height),
      cells,
    };
  });
  return { props, sheets };
}

const DAY = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe('renderXlsx', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes a Resumen sheet and then one sheet per section, in order', async () => {
    const workbook = await load(await renderXlsx(sampleView()));
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['Resumen', 'Entregas', 'Metas', 'Sin datos']);
  });

  it('stamps the document properties from the view, with fechaCorte as every date', async () => {
    const buffer = await renderXlsx(sampleView());
    const workbook = await load(buffer);
    expect(workbook.title).toBe('Resumen trimestral 2019-T2');
    expect(workbook.subject).toBe('San Pedro Tlaquepaque');
    expect(workbook.company).toBe('San Pedro Tlaquepaque');
    expect(workbook.keywords).toBe('San Pedro Tlaquepaque, 2019-T2, trimestral');
    expect(workbook.creator).toBe('plan');
    expect(workbook.lastModifiedBy).toBe('plan');
    expect(workbook.created).toEqual(DAY(2019, 6, 28));
    expect(workbook.modified).toEqual(DAY(2019, 6, 28));
    expect(workbook.lastPrinted).toEqual(DAY(2019, 6, 28));

    const core = part(buffer, 'docProps/core.xml');
    expect(core.match(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/g)).toEqual([
      '2019-06-28T00:00:00Z',
      '2019-06-28T00:00:00Z',
      '2019-06-28T00:00:00Z',
    ]);
    expect(part(buffer, 'docProps/app.xml')).toContain('<Company>San Pedro Tlaquepaque</Company>');
  });

  it('lays out the Resumen: title, municipio, periodo, fecha de corte, then Concepto | Valor', async () => {
    const ws = sheet(await load(await renderXlsx(sampleView())), 'Resumen');
    expect(ws.getCell('A1').value).toBe('Resumen trimestral 2019-T2');
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 14 });
    expect([ws.getCell('A2').value, ws.getCell('B2').value]).toEqual(['Municipio', 'San Pedro Tlaquepaque']);
    expect([ws.getCell('A3').value, ws.getCell('B3').value]).toEqual(['Periodo', '2019-T2']);
    expect(ws.getCell('A4').value).toBe('Fecha de corte');
    expect(ws.getCell('B4').value).toEqual(DAY(2019, 6, 28));
    expect(ws.getCell('B4').numFmt).toBe('dd/mm/yyyy');
    expect(ws.getRow(5).cellCount).toBe(0);
    expect([ws.getCell('A6').value, ws.getCell('B6').value]).toEqual(['Concepto', 'Valor']);
    expect(ws.getCell('A6').font).toMatchObject({ bold: true });

    const rows = [7, 8, 9, 10, 11, 12, 13].map((r) => [
      ws.getCell(r, 1).value,
      ws.getCell(r, 2).value,
      ws.getCell(r, 2).numFmt,
    ]);
    expect(rows).toEqual([
      ['Entregas registradas', 1234, '#,##0'],
      ['Avance promedio', 0.953, '0.0%'],
      ['Presupuesto ejercido (millones)', 12.5, '#,##0.00'],
      ['Fecha de la última entrega', DAY(2019, 6, 28), 'dd/mm/yyyy'],
      ['Semáforo general', 'Amarillo', undefined],
      ['Dependencia con más retrasos', 'Obras Públicas', '@'],
      ['Metas sin dato', 'sin reporte', '@'],
    ]);
    expect(ws.getCell('B11').fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFEB84' } });
    expect(ws.getCell('B13').font).toMatchObject({ italic: true, color: { argb: 'FF808080' } });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 6 });
    expect(ws.pageSetup.printTitlesRow).toBe('6:6');
    // Widest label "Presupuesto ejercido (millones)" (in bold, like the fact labels) and widest
    // value "San Pedro Tlaquepaque", measured in Arial 10 with a margin of safety.
    expect(ws.columns.map((c) => c.width)).toEqual([34, 24]);
  });

  it('adds the department a restricted report is about to the Resumen facts', async () => {
    const view: ReportView = { ...sampleView(), dependencia: 'OBRAS' };
    const ws = sheet(await load(await renderXlsx(view)), 'Resumen');
    expect([ws.getCell('A5').value, ws.getCell('B5').value]).toEqual(['Dependencia', 'OBRAS']);
    expect(ws.getCell('A7').value).toBe('Concepto');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 7 });
  });

  it('writes a section as title, wrapped intro across the table, bold grey header, data rows and notes', async () => {
    const ws = sheet(await load(await renderXlsx(sampleView())), 'Entregas');
    expect(ws.getCell('A1').value).toBe('Entregas del trimestre');
    expect(ws.getCell('A1').font).toMatchObject({ bold: true });
    expect(ws.getCell('A2').value).toBe('Una fila por entrega registrada en el periodo, en el orden de su fecha de entrega.');
    expect(ws.getCell('A2').alignment).toMatchObject({ wrapText: true });
    expect(ws.model.merges).toEqual(['A2:G2', 'A11:G11', 'A12:G12']);

    const header = ws.getRow(3);
    expect(header.values).toEqual([
      undefined,
      'Clave',
      'Descripción',
      'Fecha de entrega',
      'Beneficiarios',
      'Avance',
      'Monto (millones)',
      'Semáforo',
    ]);
    for (let c = 1; c <= 7; c++) {
      const cell = header.getCell(c);
      expect(cell.font).toMatchObject({ bold: true });
      expect(cell.fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } });
      expect(cell.border.bottom).toMatchObject({ style: 'thin' });
    }

    expect(ws.getCell('A11').value).toBe('El avance es la fracción de la meta cumplida a la fecha de corte.');
    expect(ws.getCell('A12').value).toBe('Semáforo: verde ≥ 90 %, amarillo ≥ 70 %, rojo < 70 %.');
    expect(ws.getCell('A12').font).toMatchObject({ italic: true });
  });

  it('writes numbers, percents and dates as real values with number formats', async () => {
    const ws = sheet(await load(await renderXlsx(sampleView())), 'Entregas');
    const shown = (address: string) => [ws.getCell(address).type, ws.getCell(address).value, ws.getCell(address).numFmt];
    const N = ExcelJS.ValueType.Number;
    const D = ExcelJS.ValueType.Date;
    expect(shown('D4')).toEqual([N, 15230, '#,##0']);
    expect(shown('D6')).toEqual([N, -3, '#,##0']);
    expect(shown('D7')).toEqual([N, 1000000, '#,##0']);
    expect(shown('E4')).toEqual([N, 0.953, '0.0%']);
    expect(shown('E7')).toEqual([N, 1.2, '0.0%']);
    expect(shown('E9')).toEqual([N, 0.0005, '0.0%']);
    expect(shown('F4')).toEqual([N, 1234.5, '#,##0.00']);
    expect(shown('F5')).toEqual([N, 0.125, '#,##0.000']);
    expect(shown('F6')).toEqual([N, -2.5, '#,##0.0']);
    expect(shown('F7')).toEqual([N, 7, '#,##0']);
    expect(shown('F9')).toEqual([N, 3.14159, '#,##0.0000']);
    expect(shown('C4')).toEqual([D, DAY(2019, 4, 1), 'dd/mm/yyyy']);
    expect(shown('C7')).toEqual([D, DAY(2019, 12, 31), 'dd/mm/yyyy']);
    expect(shown('C9')).toEqual([D, DAY(2019, 1, 1), 'dd/mm/yyyy']);
  });

  it('writes empty cells blank or with their note, in grey italics', async () => {
    const ws = sheet(await load(await renderXlsx(sampleView())), 'Entregas');
    for (const address of ['C8', 'F8']) {
      expect(ws.getCell(address).type).toBe(ExcelJS.ValueType.Null);
      expect(ws.getCell(address).font).toMatchObject({ italic: true, color: { argb: 'FF808080' } });
    }
    expect(['D8', 'E8', 'G8'].map((a) => ws.getCell(a).value)).toEqual(['no aplica', 'sin dato', 'sin meta']);
    expect(ws.getCell('D8').font).toMatchObject({ italic: true, color: { argb: 'FF808080' } });
  });

  it('keeps the borders of a row whose cells are all empty', async () => {
    const view = sampleView();
    view.sections[1]?.table.rows.splice(1, 0, [{ t: 'empty' }, { t: 'empty' }, { t: 'empty' }, { t: 'empty' }]);
    const ws = sheet(await load(await renderXlsx(view)), 'Metas');
    for (const address of ['A4', 'B4', 'C4', 'D4']) {
      expect(ws.getCell(address).type).toBe(ExcelJS.ValueType.Null);
      expect(ws.getCell(address).border.bottom).toMatchObject({ style: 'thin' });
    }
    expect(ws.getCell('C5').value).not.toBeNull();
  });

  it('writes formula-looking and hostile text as plain text, never as a formula', async () => {
    const buffer = await renderXlsx(sampleView());
    const ws = sheet(await load(buffer), 'Entregas');
    const hostile: Array<[string, string]> = [
      ['B5', HOSTILE.formula],
      ['B6', HOSTILE.plus],
      ['A7', HOSTILE.minus],
      ['B7', HOSTILE.at],
      ['A8', HOSTILE.pipe],
      ['B8', HOSTILE.script],
      ['B9', HOSTILE.newline],
      ['G9', HOSTILE.backtick],
    ];
    for (const [address, value] of hostile) {
      const cell = ws.getCell(address);
      expect(cell.value).toBe(value);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      expect(cell.numFmt).toBe('@'); // typed-over text stays text when the cell is edited
    }

    // What Excel reads: shared strings only, not a single <f> element in any sheet.
    const parts = unzip(buffer);
    for (const name of [...parts.keys()].filter((n) => n.startsWith('xl/worksheets/'))) {
      expect(parts.get(name)?.data.toString('utf8')).not.toMatch(/<f[ >]/);
    }
    const entregas = part(buffer, 'xl/worksheets/sheet2.xml');
    for (const [address] of hostile) expect(entregas).toMatch(new RegExp(`<c r="${address}" s="\\d+" t="s">`));
    const strings = part(buffer, 'xl/sharedStrings.xml');
    expect(strings).toContain('<t>=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)</t>');
    expect(strings).toContain('<t>&lt;script&gt;alert(1)&lt;/script&gt;</t>');
    expect(strings).toContain('<t xml:space="preserve">línea uno\nlínea dos</t>');
  });

  it('fills semáforo cells with their colour and writes the label', async () => {
    const ws = sheet(await load(await renderXlsx(sampleView())), 'Entregas');
    const lights = ['G4', 'G5', 'G6', 'G7'].map((a) => [ws.getCell(a).value, (ws.getCell(a).fill as ExcelJS.FillPattern).fgColor?.argb]);
    expect(lights).toEqual([
      ['Verde', 'FF63BE7B'],
      ['Amarillo', 'FFFFEB84'],
      ['Rojo', 'FFF8696B'],
      ['Sin meta', 'FFEDEDED'],
    ]);
    expect(ws.getCell('G4').alignment).toMatchObject({ horizontal: 'center' });
  });

  it('freezes the header, filters the table and sets up printing on every section sheet', async () => {
    const buffer = await renderXlsx(sampleView());
    const workbook = await load(buffer);
    const setup = ['Entregas', 'Metas', 'Sin datos'].map((name) => {
      const ws = sheet(workbook, name);
      const view = ws.views[0] as ExcelJS.WorksheetViewFrozen;
      return {
        name,
        frozen: [view.state, view.xSplit ?? 0, view.ySplit, view.topLeftCell],
        autoFilter: ws.autoFilter,
        page: [ws.pageSetup.orientation, ws.pageSetup.fitToPage, ws.pageSetup.fitToWidth, ws.pageSetup.fitToHeight, ws.pageSetup.paperSize],
        titles: ws.pageSetup.printTitlesRow,
      };
    });
    expect(setup).toEqual([
      { name: 'Entregas', frozen: ['frozen', 0, 3, 'A4'], autoFilter: 'A3:G9', page: ['landscape', true, 1, 0, 1], titles: '3:3' },
      { name: 'Metas', frozen: ['frozen', 0, 2, 'A3'], autoFilter: 'A2:D5', page: ['landscape', true, 1, 0, 1], titles: '2:2' },
      { name: 'Sin datos', frozen: ['frozen', 0, 3, 'A4'], autoFilter: 'A3:B3', page: ['landscape', true, 1, 0, 1], titles: '3:3' },
    ]);
    expect(sheet(workbook, 'Resumen').autoFilter).toBeUndefined();

    // The hidden name LibreOffice needs to show the filter buttons, one per filtered sheet.
    const names = part(buffer, 'xl/workbook.xml').match(/<definedName [^>]*>[^<]*<\/definedName>/g);
    expect(names).toEqual([
      '<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;Resumen&apos;!$6:$6</definedName>',
      '<definedName name="_xlnm.Print_Titles" localSheetId="1">&apos;Entregas&apos;!$3:$3</definedName>',
      '<definedName name="_xlnm.Print_Titles" localSheetId="2">&apos;Metas&apos;!$2:$2</definedName>',
      '<definedName name="_xlnm.Print_Titles" localSheetId="3">&apos;Sin datos&apos;!$3:$3</definedName>',
      '<definedName name="_xlnm._FilterDatabase" localSheetId="1">&apos;Entregas&apos;!$A$3:$G$9</definedName>',
      '<definedName name="_xlnm._FilterDatabase" localSheetId="2">&apos;Metas&apos;!$A$2:$D$5</definedName>',
      '<definedName name="_xlnm._FilterDatabase" localSheetId="3">&apos;Sin datos&apos;!$A$3:$B$3</definedName>',
    ]);
  });

  it('puts the header right under the title when a section has no intro', async () => {
    const ws = sheet(await load(await renderXlsx(sampleView())), 'Metas');
    expect(ws.getCell('A1').value).toBe('Metas por dependencia');
    expect(ws.getRow(2).values).toEqual([undefined, 'Dependencia', 'Metas', 'Cumplimiento', 'Semáforo']);
    expect(ws.getCell('C3').value).toBe(0.75);
    expect(ws.rowCount).toBe(5);
    expect(ws.model.merges).toEqual([]);
  });

  it('sizes text columns to their longest line up to 40 and value columns from their data, wrapping longer text', async () => {
    const buffer = await renderXlsx(sampleView());
    const ws = sheet(await load(buffer), 'Entregas');
    // Widths are measured in Arial 10 (7 pixels a unit, a 10 % margin of safety). Clave: "E-001"
    // → the minimum 8; Descripción: LONG_TEXT → capped at 40. Value columns take their widest
    // value or their header's longest word (in bold; the header wraps): "01/04/2019" → 12, not
    // the 18 "Fecha de entrega" would take; "Beneficiarios" → 13; "sin dato" → 9; "(millones)"
    // → 10, not "Monto (millones)"; "usa `rm -rf`" → 12.
    expect(LONG_TEXT.length).toBeGreaterThan(40);
    expect(columnWidths(buffer, 2, 7)).toEqual([8, 40, 12, 13, 9, 10, 12]);
    // A column 9 wide is exceljs's default, left out of <cols>: the sheet's default says 9 too.
    expect(part(buffer, 'xl/worksheets/sheet2.xml')).toMatch(/<sheetFormatPr [^>]*defaultColWidth="9"/);
    expect(ws.getCell('B4').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(ws.getCell('B5').alignment).toMatchObject({ wrapText: true });
    expect(ws.getCell('A9').alignment?.wrapText).toBeUndefined();
  });

  it('makes each data row as tall as its tallest wrapped cell, so no text runs into the next row', async () => {
    const ws = sheet(await load(await renderXlsx(sampleView())), 'Entregas');
    // One line of Arial 10 is 12.75 pt, the sheet's default row height.
    expect(ws.properties.defaultRowHeight).toBe(12.75);
    // LONG_TEXT (152 characters) in a column 40 wide: 5 lines × 12.75 + 1.5 of margin.
    expect(ws.getRow(4).height).toBe(5 * 12.75 + 1.5);
    expect(ws.getRow(4).height).toBeGreaterThan(ws.properties.defaultRowHeight);
    // "línea uno\nlínea dos": its two lines.
    expect(ws.getRow(9).height).toBe(2 * 12.75 + 1.5);
    // Rows with nothing to wrap keep the default height.
    expect([5, 6, 7, 8].map((r) => ws.getRow(r).height)).toEqual([undefined, undefined, undefined, undefined]);

    // Twice the text, about twice the lines.
    const view = sampleView();
    const row = view.sections[0]?.table.rows[0];
    if (!row) throw new Error('fixture');
    row[1] = text(`${LONG_TEXT} ${LONG_TEXT}`);
    const longer = sheet(await load(await renderXlsx(view)), 'Entregas');
    expect(longer.getRow(4).height).toBe(9 * 12.75 + 1.5);
  });

  it('estimates wrapped lines from the width of the letters, not their count', async () => {
    // 89 characters each in a column 40 wide: narrow letters take 2 lines, capitals 4.
    const view = sampleView();
    const rows = view.sections[0]?.table.rows;
    if (!rows?.[0] || !rows[1]) throw new Error('fixture');
    rows[0][1] = text(Array.from({ length: 15 }, () => 'lilit').join(' '));
    rows[1][1] = text(Array.from({ length: 15 }, () => 'MWMWM').join(' '));
    const ws = sheet(await load(await renderXlsx(view)), 'Entregas');
    expect(ws.getColumn(2).width).toBe(40);
    expect([ws.getRow(4).height, ws.getRow(5).height]).toEqual([2 * 12.75 + 1.5, 4 * 12.75 + 1.5]);
  });

  it('gives a wrapped intro a row tall enough for its lines', async () => {
    const view = sampleView();
    const metas = view.sections[1];
    if (!metas) throw new Error('fixture');
    metas.intro = 'x'.repeat(200); // 200 × 0.5 em across a table 22 + 8 + 14 + 10 = 54 wide → 4 lines
    const buffer = await renderXlsx(view);
    const ws = sheet(await load(buffer), 'Metas');
    expect(columnWidths(buffer, 3, 4)).toEqual([22, 8, 14, 10]);
    expect(ws.getRow(2).height).toBe(4 * 12.75 + 1.5);
    expect(ws.getRow(3).getCell(1).value).toBe('Dependencia');
  });

  it('keeps number, percent and date columns narrow under a long header, which wraps instead', async () => {
    const view = sampleView();
    view.sections = [
      {
        id: 'criterios',
        sheet: 'Criterios',
        title: 'Puntaje por criterio',
        table: {
          columns: [
            { header: 'Dependencia', kind: 'text' },
            { header: 'Calidad de Resultados y Cobertura de la Intervención', kind: 'number' },
            { header: 'Retroalimentación', kind: 'percent' },
            { header: 'Autoevaluación 2018', kind: 'int' },
            { header: 'Fecha de entrega del reporte trimestral', kind: 'date' },
            { header: 'Semáforo acumulado al cierre', kind: 'semaforo' },
          ],
          rows: [
            [text('Obras Públicas'), num(91.7, 1), pct(0.953), int(71), date('2019-06-28'), semaforoCell('amarillo')],
            [text('DIF'), num(100, 1), pct(1), int(66), date('2019-12-30'), semaforoCell('verde')],
          ],
        },
      },
    ];
    const buffer = await renderXlsx(view);
    const ws = sheet(await load(buffer), 'Criterios');
    // The header's longest word in bold ("Intervención" 13, "Autoevaluación" 16, "trimestral"
    // 12, "acumulado" 12), never more than 16 ("Retroalimentación" would need 17); not the
    // 40 to 60 of the whole headers on one line.
    const widths = columnWidths(buffer, 2, 6);
    expect(widths).toEqual([16, 13, 16, 16, 12, 12]);
    for (const width of widths.slice(1)) expect(width).toBeLessThanOrEqual(16);
    for (let c = 1; c <= 6; c++) {
      expect(ws.getRow(2).getCell(c).alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    }
    // The tallest header, "Calidad de Resultados y Cobertura de la Intervención" in bold, 14 wide:
    // "Calidad de" / "Resultados y" / "Cobertura de" / "la" / "Intervención".
    expect(ws.getRow(2).height).toBe(5 * 12.75 + 1.5);
    // The data rows have nothing to wrap.
    expect([ws.getRow(3).height, ws.getRow(4).height]).toEqual([undefined, undefined]);
  });

  it('prints a very wide sheet on legal paper, narrowing its widest text columns to stay legible', async () => {
    const wideTable = (textColumns: number): ReportView['sections'][number]['table'] => ({
      columns: [
        ...Array.from({ length: textColumns }, (_, i) => ({ header: `Texto ${i + 1}`, kind: 'text' as const })),
        { header: 'Avance', kind: 'percent' },
      ],
      rows: [[...Array.from({ length: textColumns }, () => text(LONG_TEXT)), pct(0.5)]],
    });
    const view = sampleView();
    view.sections = [
      { id: 'cinco', sheet: 'Cinco', title: 'Cinco columnas de texto', table: wideTable(5) },
      { id: 'ocho', sheet: 'Ocho', title: 'Ocho columnas de texto', table: wideTable(8) },
      { id: 'doce', sheet: 'Doce', title: 'Doce columnas de texto', table: wideTable(12) },
    ];
    const buffer = await renderXlsx(view);
    const workbook = await load(buffer);
    const layout = ['Resumen', 'Cinco', 'Ocho', 'Doce'].map((name, i) => {
      const ws = sheet(workbook, name);
      const widths = columnWidths(buffer, i + 1, ws.columnCount);
      return { name, paper: ws.pageSetup.paperSize, orientation: ws.pageSetup.orientation, total: widths.reduce((a, b) => a + b, 0), widths };
    });
    expect(layout).toEqual([
      // 34 + 24: letter.
      { name: 'Resumen', paper: 1, orientation: 'landscape', total: 58, widths: [34, 24] },
      // 5 × 40 + 8 ("50.0 %" + 2) = 208, over 180: legal, columns as they are.
      { name: 'Cinco', paper: 5, orientation: 'landscape', total: 208, widths: [40, 40, 40, 40, 40, 8] },
      // 8 × 40 + 8 = 328 would print tiny: text columns narrowed to 27 → 224, within 230.
      { name: 'Ocho', paper: 5, orientation: 'landscape', total: 224, widths: [...Array<number>(8).fill(27), 8] },
      // 12 text columns stop at 20 each, the narrowest a text column is made.
      { name: 'Doce', paper: 5, orientation: 'landscape', total: 248, widths: [...Array<number>(12).fill(20), 8] },
    ]);
    // Narrowed columns wrap into more lines, and their rows grow to fit.
    const ocho = sheet(workbook, 'Ocho');
    const doce = sheet(workbook, 'Doce');
    expect(ocho.getCell('A3').alignment).toMatchObject({ wrapText: true });
    expect(ocho.getRow(3).height ?? 0).toBeGreaterThan(sheet(workbook, 'Cinco').getRow(3).height ?? 0);
    expect(doce.getRow(3).height ?? 0).toBeGreaterThan(ocho.getRow(3).height ?? 0);
  });

  it('sets every cell, and the workbook default, in Arial 10', async () => {
    const buffer = await renderXlsx(sampleView());
    // Font 0 is the Normal style's: the one both Excel and LibreOffice measure column widths in.
    const fonts = part(buffer, 'xl/styles.xml').match(/<fonts [^>]*>(.*?)<\/fonts>/)?.[1] ?? '';
    expect(fonts.match(/<font>.*?<\/font>/)?.[0]).toBe('<font><family val="2"/><sz val="10"/><name val="Arial"/></font>');
    expect(fonts).not.toContain('Calibri');

    const ws = sheet(await load(buffer), 'Entregas');
    for (const address of ['A1', 'A2', 'B3', 'B4', 'D4', 'E8', 'G4', 'A11']) {
      expect({ address, font: ws.getCell(address).font }).toMatchObject({ address, font: { name: 'Arial' } });
    }
    expect(ws.getCell('B4').font.size).toBe(10);
    expect(ws.getCell('B3').font).toMatchObject({ name: 'Arial', size: 10, bold: true });
    expect(ws.getCell('A1').font).toMatchObject({ name: 'Arial', size: 12, bold: true });
  });

  it('writes each date as its own day whatever the time zone of the machine', async () => {
    const original = process.env.TZ;
    const serials: string[] = [];
    try {
      for (const zone of ['UTC', 'America/Mexico_City', 'Pacific/Kiritimati', 'Etc/GMT+12']) {
        process.env.TZ = zone;
        const buffer = await renderXlsx(sampleView());
        const xml = part(buffer, 'xl/worksheets/sheet2.xml');
        serials.push(['C4', 'C5', 'C6', 'C7', 'C9'].map((a) => new RegExp(`<c r="${a}" s="\\d+"><v>([^<]+)</v>`).exec(xml)?.[1]).join(' '));
        const ws = sheet(await load(buffer), 'Entregas');
        expect(ws.getCell('C6').value).toEqual(DAY(2019, 6, 28));
      }
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
    // Excel serials: 43466 is 2019-01-01.
    expect(new Set(serials)).toEqual(new Set(['43556 43600 43644 43830 43466']));
  });

  it('gives the same workbook for the same view, whenever it is rendered', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2024-01-02T03:04:05Z'));
    const first = await renderXlsx(sampleView());
    vi.setSystemTime(new Date('2031-11-12T13:14:15Z'));
    const second = await renderXlsx(sampleView());
    vi.useRealTimers();

    expect(serialise(await load(second))).toEqual(serialise(await load(first)));
    // Beyond the content, the bytes: every zip entry is dated fechaCorte at 00:00.
    expect(second.equals(first)).toBe(true);
    const dates = new Set([...unzip(first).values()].map((e) => `${e.dosDate}:${e.dosTime}`));
    expect(dates).toEqual(new Set([`${((2019 - 1980) << 9) | (6 << 5) | 28}:0`]));
  });

  it('rejects a view it cannot write faithfully', async () => {
    const withSheet = (name: string): ReportView => {
      const view = sampleView();
      const metas = view.sections[1];
      if (!metas) throw new Error('fixture');
      metas.sheet = name;
      return view;
    };
    await expect(renderXlsx(withSheet('x'.repeat(32)))).rejects.toThrow('nombre de hoja inválido');
    await expect(renderXlsx(withSheet("Obras 'norte'"))).rejects.toThrow('nombre de hoja inválido');
    await expect(renderXlsx(withSheet('Metas: 2019'))).rejects.toThrow('nombre de hoja inválido');
    await expect(renderXlsx(withSheet('RESUMEN'))).rejects.toThrow('nombre de hoja repetido');
    await expect(renderXlsx(withSheet('entregas'))).rejects.toThrow('nombre de hoja repetido');
    await expect(renderXlsx(withSheet('x'.repeat(31)))).resolves.toBeInstanceOf(Buffer);

    const broken = sampleView();
    broken.resumen = [{ label: 'Avance', value: num(Number.NaN) }];
    await expect(renderXlsx(broken)).rejects.toThrow('número no finito');

    const ragged = sampleView();
    ragged.sections[1]?.table.rows.push([text('Tesorería'), int(1)]);
    await expect(renderXlsx(ragged)).rejects.toThrow('la fila 4 tiene 2 celdas y la tabla 4 columnas');

    const badDate = sampleView();
    badDate.resumen = [{ label: 'Fecha', value: date('2019-02-30') }];
    await expect(renderXlsx(badDate)).rejects.toThrow('fecha inválida');
  });
});
