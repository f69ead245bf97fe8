import type { Table } from '../view/types.js';

/**
 * Throws when a row has more or fewer cells than the table has columns. The view builder
 * guarantees the shape, so a mismatch is a bug there, not bad input; every renderer checks
 * before writing, so none of them silently shifts a column.
 */
export function checkRowWidths(table: Table): void {
  const width = table.columns.length;
  table.rows.forEach((row, index) => {
    if (row.length !== width) throw new Error(`la fila ${index + 1} tiene ${row.length} celdas y la tabla ${width} columnas`);
  });
}
