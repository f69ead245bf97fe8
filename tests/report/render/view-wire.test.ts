// The view as it crosses to the render thread (view-wire.ts): what arrives must be the view
// that left, value for value and key for key, since every renderer there is a pure function of it.
import { describe, expect, it } from 'vitest';
import { packView, unpackView } from '../../../src/report/render/view-wire.js';
import { annualView } from '../../../src/report/view/annual.js';
import { quarterlyView } from '../../../src/report/view/quarterly.js';
import { transparencyView } from '../../../src/report/view/transparency.js';
import type { Cell, ReportView, Table } from '../../../src/report/view/types.js';
import { validatePlan } from '../../../src/validate.js';
import { EXAMPLES } from '../../helpers/examples.js';

/** As the thread gets it: packed, then copied by structured clone, as postMessage copies it. */
const crossed = (view: ReportView) => unpackView(structuredClone(packView(view)));

function examplesViews(): ReportView[] {
  const { model, diagnostics } = validatePlan(EXAMPLES, { lang: 'es', fechaCorte: '2020-01-31' });
  const corte = { fecha: '2020-01-31' };
  return [annualView(model, diagnostics, { year: 2019, corte }), quarterlyView(model, diagnostics, 'T2', { year: 2019, corte }), transparencyView(model, '2019-T2', { corte })];
}

/** Every table anywhere in `value`: what has columns and rows. */
function tablesIn(value: unknown, found: Table[] = []): Table[] {
  if (Array.isArray(value)) for (const item of value) tablesIn(item, found);
  else if (value !== null && typeof value === 'object') {
    if ('columns' in value && 'rows' in value) found.push(value as Table);
    for (const item of Object.values(value)) tablesIn(item, found);
  }
  return found;
}

const EVERY_KIND: Cell[] = [
  { t: 'text', v: 'Atención ciudadana ✔' },
  { t: 'int', v: 12 },
  { t: 'int', v: -0 },
  { t: 'number', v: 3.14159, decimals: 2 },
  { t: 'number', v: 7, decimals: 0 },
  { t: 'number', v: 0.1, decimals: 100 },
  { t: 'percent', v: 0.953 },
  { t: 'date', v: '2019-07-15' },
  { t: 'semaforo', v: 'amarillo' },
  { t: 'empty' },
  { t: 'empty', note: 'No aplica' },
];

function viewOf(tables: Table[]): ReportView {
  return {
    kind: 'anual',
    title: 'Evaluación anual 2019',
    municipio: 'Municipio',
    ejercicio: 2019,
    periodo: '2019',
    fechaCorte: '2020-01-31',
    resumen: [{ label: 'Metas', value: { t: 'int', v: 3 } }],
    sections: tables.map((table, i) => ({ id: `s${i}`, sheet: `S${i}`, title: `Sección ${i}`, table })),
  };
}

describe('the view packed for the render thread', () => {
  it('arrives equal, value for value and key for key, for every report of examples/', () => {
    for (const view of examplesViews()) {
      const arrived = crossed(view);
      expect(arrived).toStrictEqual(view);
      expect(JSON.stringify(arrived)).toBe(JSON.stringify(view));
    }
  });

  it('keeps every kind of cell, a note, the decimals, a negative zero and rows of different lengths', () => {
    const view = viewOf([
      { columns: [{ header: 'A', kind: 'text' }], rows: [EVERY_KIND, [], EVERY_KIND.slice(3, 5)], rowIds: ['x', '', 'y'] },
      { columns: [], rows: [] },
    ]);
    const arrived = crossed(view);
    expect(arrived).toStrictEqual(view);
    expect(Object.is((arrived.sections[0]!.table.rows[0]![2] as { v: number }).v, -0)).toBe(true);
    expect(Object.keys(arrived.sections[0]!.table.rows[0]![9]!)).toEqual(['t']);
  });

  it('gives equal cells back as one object, but never a -0 for a 0, nor a cell for one of another kind or decimals', () => {
    const rows: Cell[][] = [EVERY_KIND, EVERY_KIND, [{ t: 'int', v: 0 }, { t: 'int', v: -0 }, { t: 'percent', v: 12 }, { t: 'number', v: 3.14159, decimals: 3 }, { t: 'text', v: '2019-07-15' }, { t: 'empty', note: 'Atención ciudadana ✔' }]];
    const view = viewOf([{ columns: [{ header: 'A', kind: 'text' }], rows }]);
    const arrived = crossed(view);
    expect(arrived).toStrictEqual(view);
    const [first, second, odd] = arrived.sections[0]!.table.rows as [Cell[], Cell[], Cell[]];
    // EVERY_KIND[2] is the -0, made anew each time.
    first.forEach((cell, i) => (i === 2 ? expect(second[i]).not.toBe(cell) : expect(second[i], JSON.stringify(cell)).toBe(cell)));
    expect(Object.is((odd[0] as { v: number }).v, 0)).toBe(true);
    expect(Object.is((odd[1] as { v: number }).v, -0)).toBe(true);
    for (const cell of odd) expect(first).not.toContain(cell);
  });

  it('leaves no cell in the view it posts, and each distinct text once', () => {
    for (const view of examplesViews()) {
      const packed = packView(view);
      const tables = tablesIn(packed.view);
      expect(tables.length).toBe(tablesIn(view).length);
      expect(tables.every((table) => table.rows.length === 0)).toBe(true);
      expect(packed.cells.length).toBe(tables.length);
      expect(packed.cells.some(Array.isArray)).toBe(false);
      expect(new Set(packed.texts).size).toBe(packed.texts.length);
      const texts = tablesIn(view).flatMap((t) => t.rows.flat()).flatMap((cell) => ('v' in cell && typeof cell.v === 'string' ? [cell.v] : 'note' in cell && cell.note !== undefined ? [cell.note] : []));
      expect(packed.texts.length).toBe(new Set(texts).size);
    }
  });

  it('sends as it is a table with a cell that would not pack exactly, and packs the others', () => {
    // One row each.
    const odd: Cell[][] = [
      [{ t: 'number', v: 1.5, decimals: 300 }],
      [{ t: 'number', v: 1.5, decimals: 1.5 }],
      [{ t: 'empty', note: undefined } as unknown as Cell],
      [{ t: 'int', v: '5' } as unknown as Cell],
      [{ t: 'desconocido', v: 'x' } as unknown as Cell],
      // eslint-disable-next-line no-sparse-arrays
      [{ t: 'int', v: 1 }, , { t: 'int', v: 2 }] as Cell[],
    ];
    const view = viewOf([...odd.map((row) => ({ columns: [{ header: 'A', kind: 'text' as const }], rows: [row] })), { columns: [{ header: 'B', kind: 'int' }], rows: [[{ t: 'int', v: 7 }]] }]);
    const packed = packView(view);
    expect(packed.cells.map(Array.isArray)).toEqual([true, true, true, true, true, true, false]);
    const arrived = crossed(view);
    expect(arrived).toStrictEqual(view);
    expect('note' in arrived.sections[2]!.table.rows[0]![0]!).toBe(true);
  });

  it('does not change the view it packs', () => {
    const [annual] = examplesViews();
    const before = JSON.stringify(annual);
    packView(annual!);
    expect(JSON.stringify(annual)).toBe(before);
  });
});
