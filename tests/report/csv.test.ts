import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../src/report/render/csv/csv.js';
import { date, empty, int, num, pct, semaforoCell, text } from '../../src/report/view/cell-text.js';
import type { Cell, ReportView } from '../../src/report/view/types.js';
import { HOSTILE, sampleView } from './sample-view.js';

/** A one-section view whose table has one text column per cell given, one row. */
function viewWith(cells: Cell[], headers = cells.map((_, i) => `C${i + 1}`)): ReportView {
  return {
    kind: 'transparencia',
    title: 'Prueba',
    municipio: 'San Pedro Ejemplo',
    ejercicio: 2019,
    periodo: '2019-T2',
    fechaCorte: '2019-07-15',
    resumen: [],
    sections: [{ id: 'tabla', sheet: 'Tabla', title: 'Tabla', table: { columns: headers.map((header) => ({ header, kind: 'text' })), rows: [cells] } }],
  };
}

/** The CSV text after the byte-order mark. */
function csvText(view: ReportView, section = 'tabla'): string {
  const bytes = renderCsv(view, section);
  return bytes.subarray(3).toString('utf8');
}

/** The fields of the data row of a one-row CSV without quoted line breaks. */
const dataRow = (view: ReportView) => csvText(view).split('\r\n')[1];

describe('renderCsv', () => {
  it('rounds a number the way the Markdown and the workbook print it: 8.725 to two decimals is 8.73', () => {
    expect(dataRow(viewWith([num(8.725, 2), num(110.05, 1)]))).toBe('8.73,110.1');
  });

  it('starts with the UTF-8 byte-order mark EF BB BF', () => {
    const bytes = renderCsv(viewWith([text('x')]), 'tabla');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('writes the header row and each row, every line ended by CRLF', () => {
    expect(csvText(viewWith([text('uno'), text('dos')], ['Nombre', 'Descripción']))).toBe('Nombre,Descripción\r\nuno,dos\r\n');
  });

  it('writes a table without rows as its header line only', () => {
    const view = viewWith([text('x')]);
    view.sections[0]!.table.rows = [];
    expect(csvText(view)).toBe('C1\r\n');
  });

  it('quotes fields with a comma, a double quote or a line break, doubling the quotes', () => {
    const view = viewWith([text('a, b'), text('dijo "sí"'), text('línea uno\nlínea dos'), text('a\r\nb'), text('sin comillas')]);
    expect(csvText(view)).toBe('C1,C2,C3,C4,C5\r\n"a, b","dijo ""sí""","línea uno\nlínea dos","a\r\nb",sin comillas\r\n');
  });

  it('prefixes text that a spreadsheet would run as a formula with an apostrophe', () => {
    const view = viewWith([text('=1+2'), text('+52 777 123 4567'), text('-2'), text('@SUM(A1)'), text('\t=1'), text('a=b'), text(HOSTILE.formula)]);
    expect(dataRow(view)).toBe(`'=1+2,'+52 777 123 4567,'-2,'@SUM(A1),'\t=1,a=b,"'=HYPERLINK(""http://x"",""y"")"`);
  });

  it('prefixes and quotes a text starting with a carriage return', () => {
    expect(dataRow(viewWith([text('\r=1')]))).toBe(`"'\r=1"`);
  });

  it('writes numbers plainly: a dot for decimals, no thousands separator, the cell\'s decimals', () => {
    expect(dataRow(viewWith([int(15230), int(-3), num(1234.5, 2), num(0.1 + 0.2, 2), num(-2.5, 1), num(7, 0), num(-0.001, 2)]))).toBe('15230,-3,1234.50,0.30,-2.5,7,0.00');
  });

  it('writes percent cells in percentage points', () => {
    expect(dataRow(viewWith([pct(0.953), pct(0.5), pct(1.2), pct(0), pct(0.0005), pct(590 / 600)]))).toBe('95.3,50,120,0,0.05,98.33');
  });

  it('leaves a non-finite number blank', () => {
    expect(dataRow(viewWith([num(Number.NaN, 2), int(Number.POSITIVE_INFINITY)]))).toBe(',');
  });

  it('writes dates and semáforo labels as the view shows them', () => {
    expect(dataRow(viewWith([date('2019-06-28'), semaforoCell('amarillo'), semaforoCell('sin_meta')]))).toBe('28/06/2019,Amarillo,Sin meta');
  });

  it('writes an empty cell as its note, or as nothing', () => {
    expect(dataRow(viewWith([empty('Sin dato'), empty(), text('fin')]))).toBe('Sin dato,,fin');
  });

  it('keeps accents and ñ byte for byte in UTF-8', () => {
    const words = 'Línea base, Método de cálculo, Año, Niñas, Acción, Güero';
    const bytes = renderCsv(viewWith([text(words)], ['Definición']), 'tabla');
    expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3))).toBe(`Definición\r\n"${words}"\r\n`);
    // «ó» is the two bytes C3 B3, not one Latin-1 byte F3.
    expect([...bytes.subarray(3 + 'Definici'.length, 3 + 'Definici'.length + 2)]).toEqual([0xc3, 0xb3]);
  });

  it('renders the requested section of a view with several', () => {
    const lines = csvText(sampleView(), 'metas').split('\r\n');
    expect(lines).toEqual(['Dependencia,Metas,Cumplimiento,Semáforo', 'Obras Públicas,12,75,Amarillo', 'Servicios Municipales,8,92.5,Verde', 'Desarrollo Social,5,40,Rojo', '']);
  });

  it('throws an internal error for a section the view does not have', () => {
    expect(() => renderCsv(sampleView(), 'nada')).toThrow('renderCsv: the view has no section "nada"');
  });

  it('gives the same bytes for the same view', () => {
    expect(renderCsv(sampleView(), 'entregas').equals(renderCsv(sampleView(), 'entregas'))).toBe(true);
  });
});
