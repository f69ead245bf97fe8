// The cell formats remembered for exceljs's streaming writer: remembering must never hand a
// cell the format of another look.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { rememberCellFormats, type QuotedStyle } from '../../../src/report/render/xlsx/exceljs-hooks.js';

type AddStyleModel = (model: QuotedStyle, cellType?: number) => number;

function formats(): AddStyleModel {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: new PassThrough(), useStyles: true });
  rememberCellFormats(writer);
  const styles = (writer as unknown as { styles: { addStyleModel: AddStyleModel } }).styles;
  return styles.addStyleModel.bind(styles);
}

const frozen = <T extends object>(value: T): T => Object.freeze(value);

describe('remembered cell formats', () => {
  it('gives styles of the same content the same format, whether their parts are shared or not', () => {
    const format = formats();
    const font = frozen({ name: 'Arial', size: 10 });
    const a = format({ font, numFmt: '@' });
    expect(format({ font, numFmt: '@' })).toBe(a);
    expect(format({ font: frozen({ name: 'Arial', size: 10 }), numFmt: '@' })).toBe(a);
    expect(format({ font: { name: 'Arial', size: 10 }, numFmt: '@' })).toBe(a);
  });

  it('gives a format of its own to a part edited after it was first seen', () => {
    const format = formats();
    const font: { name: string; size: number; bold?: boolean } = { name: 'Arial', size: 10 };
    const plain = format({ font });
    font.bold = true;
    const bold = format({ font });
    expect(bold).not.toBe(plain);
    expect(format({ font: { name: 'Arial', size: 10, bold: true } })).toBe(bold);
  });

  it('tells apart a shallowly frozen part whose inside changed', () => {
    const format = formats();
    const color = { argb: 'FF000000' };
    const font = frozen({ name: 'Arial', color });
    const black = format({ font });
    color.argb = 'FFFF0000';
    expect(format({ font })).not.toBe(black);
  });

  it('gives different formats to different number formats and cell types', () => {
    const format = formats();
    const font = frozen({ name: 'Arial', size: 10 });
    const ids = [format({ font, numFmt: '0.0%' }), format({ font, numFmt: '#,##0' }), format({ font }, ExcelJS.ValueType.Number), format({ font }, ExcelJS.ValueType.Date)];
    expect(new Set(ids).size).toBe(4);
  });
});
