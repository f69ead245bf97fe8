// Column widths of very long tables: the annual history of 1,000 departments has 160,000 rows,
// and a width taken with Math.max(...widths) overflowed the call stack («error interno»).
import { describe, expect, it } from 'vitest';
import { columnWidth, tableLayout } from '../../../src/report/render/xlsx/layout.js';
import type { Cell, Table } from '../../../src/report/view/types.js';

const ROWS = 200_000;

describe('column widths of a table with 200,000 rows', () => {
  it('sizes a section table without overflowing the stack, as wide as its longest text', () => {
    const rows: Cell[][] = Array.from({ length: ROWS }, (_, i) => [{ t: 'text', v: i === ROWS - 1 ? 'Un texto bastante más largo que los demás' : 'corto' }]);
    const table: Table = { columns: [{ header: 'Meta', kind: 'text' }], rows };
    const short: Table = { columns: [{ header: 'Meta', kind: 'text' }], rows: [[{ t: 'text', v: 'Un texto bastante más largo que los demás' }]] };
    expect(tableLayout(table).widths).toEqual(tableLayout(short).widths);
  });

  it('sizes a summary column without overflowing the stack', () => {
    const texts = Array.from({ length: ROWS }, (_, i) => (i === 7 ? 'Dependencias evaluadas en el ejercicio' : 'x'));
    expect(columnWidth(texts, false)).toBe(columnWidth(['Dependencias evaluadas en el ejercicio'], false));
  });
});
