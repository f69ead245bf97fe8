// The view as it crosses to the render thread. Structured clone copies a table cell by cell,
// and the annual view of 100 departments holds over half a million cells (one object each,
// with a string for its kind): copying them took about 0.5 s to write on this thread and
// 1 s to read on the render thread. Packed, a table's cells are a few typed arrays (kinds,
// numbers, decimals, and indexes into one list of the view's distinct texts), which copy as
// plain bytes; the render thread makes the cells again, equal to these, in about 0.35 s.
import type { Cell, CellKind, Chart, ReportView, Section, Table } from '../view/types.js';

/** One table's cells, row after row. */
interface PackedCells {
  /** How many cells each row has. */
  lengths: Uint32Array;
  kinds: Uint8Array;
  /** The value of an `int`, `number` or `percent` cell. */
  numbers: Float64Array;
  /** The decimals of a `number` cell: a `toFixed` argument, 0 to 100, so one byte holds it. */
  decimals: Uint8Array;
  /** For each cell with a text (`text`, `date`, `semaforo`, an `empty` with a note), in order: its index in `texts`. */
  textAt: Uint32Array;
}

/**
 * What is posted to the render thread: the view with empty tables, and their cells, in the
 * order `eachTable` meets them: packed, or as they are for a table with a cell that does not
 * pack exactly (which no view builder makes; structured clone copies it as it is).
 */
export interface PackedView {
  view: ReportView;
  cells: (PackedCells | Cell[][])[];
  texts: string[];
}

/** Each kind's code; an `empty` cell with a note has a code of its own, as its shape differs. */
const KIND_CODE: Readonly<Record<CellKind, number>> = { text: 0, int: 1, number: 2, percent: 3, date: 4, semaforo: 5, empty: 6 };
const EMPTY_WITH_NOTE = 7;
const KIND_OF: CellKind[] = [];
for (const [kind, code] of Object.entries(KIND_CODE)) KIND_OF[code] = kind as CellKind;

/** The view with each of its tables replaced by what `replace` gives for it, visited always in the same order. */
function eachTable(view: ReportView, replace: (table: Table) => Table): ReportView {
  const section = (s: Section): Section => ({ ...s, table: replace(s.table) });
  const chart = (c: Chart): Chart => ({ ...c, table: replace(c.table) });
  const { executive, departments } = view;
  return {
    ...view,
    sections: view.sections.map(section),
    ...(executive && {
      executive: { ...executive, ranking: replace(executive.ranking), worstMetas: replace(executive.worstMetas), charts: executive.charts.map(chart) },
    }),
    ...(departments && { departments: departments.map((d) => ({ ...d, charts: d.charts.map(chart), sections: d.sections.map(section) })) }),
  };
}

export function packView(view: ReportView): PackedView {
  const texts: string[] = [];
  const textIndex = new Map<string, number>();
  const indexOf = (text: string) => {
    let index = textIndex.get(text);
    if (index === undefined) {
      index = texts.push(text) - 1;
      textIndex.set(text, index);
    }
    return index;
  };
  const cells: PackedView['cells'] = [];
  const skeleton = eachTable(view, (table) => {
    cells.push(packCells(table.rows, indexOf) ?? table.rows);
    return { ...table, rows: [] };
  });
  return { view: skeleton, cells, texts };
}

/** The rows packed; undefined when a cell would not come back exactly as it is. */
function packCells(rows: Cell[][], indexOf: (text: string) => number): PackedCells | undefined {
  const count = rows.reduce((sum, row) => sum + row.length, 0);
  const packed: PackedCells = {
    lengths: Uint32Array.from(rows, (row) => row.length),
    kinds: new Uint8Array(count),
    numbers: new Float64Array(count),
    decimals: new Uint8Array(count),
    textAt: new Uint32Array(count),
  };
  let at = 0;
  let withText = 0;
  for (const row of rows) {
    for (let c = 0; c < row.length; c++, at++) {
      const cell = row[c];
      if (!packs(cell)) return undefined;
      let kind = KIND_CODE[cell.t];
      switch (cell.t) {
        case 'number':
          packed.numbers[at] = cell.v;
          packed.decimals[at] = cell.decimals;
          break;
        case 'int':
        case 'percent':
          packed.numbers[at] = cell.v;
          break;
        case 'empty':
          if (cell.note !== undefined) {
            kind = EMPTY_WITH_NOTE;
            packed.textAt[withText++] = indexOf(cell.note);
          }
          break;
        default:
          packed.textAt[withText++] = indexOf(cell.v);
      }
      packed.kinds[at] = kind;
    }
  }
  packed.textAt = packed.textAt.slice(0, withText);
  return packed;
}

/** Whether the cell has the shape its kind says, which is all the packing keeps. */
function packs(cell: Cell | undefined): cell is Cell {
  if (cell === undefined || cell === null || !Object.hasOwn(KIND_CODE, cell.t)) return false;
  switch (cell.t) {
    case 'number':
      return typeof cell.v === 'number' && Number.isInteger(cell.decimals) && cell.decimals >= 0 && cell.decimals <= 100;
    case 'int':
    case 'percent':
      return typeof cell.v === 'number';
    case 'empty':
      return cell.note === undefined ? !('note' in cell) : typeof cell.note === 'string';
    default:
      return typeof cell.v === 'string';
  }
}

/** The view `packView` was given, with cells made again: equal, value for value and key for key. */
export function unpackView({ view, cells, texts }: PackedView): ReportView {
  let next = 0;
  return eachTable(view, (table) => {
    const rows = cells[next++]!;
    return { ...table, rows: Array.isArray(rows) ? rows : unpackCells(rows, texts) };
  });
}

function unpackCells({ lengths, kinds, numbers, decimals, textAt }: PackedCells, texts: string[]): Cell[][] {
  const rows: Cell[][] = new Array(lengths.length);
  let at = 0;
  let withText = 0;
  const nextText = () => texts[textAt[withText++]!]!;
  for (let r = 0; r < lengths.length; r++) {
    const row: Cell[] = new Array(lengths[r]);
    for (let c = 0; c < row.length; c++, at++) {
      const kind = kinds[at]!;
      row[c] = kind === EMPTY_WITH_NOTE ? { t: 'empty', note: nextText() } : cellOf(KIND_OF[kind]!, numbers[at]!, decimals[at]!, nextText);
    }
    rows[r] = row;
  }
  return rows;
}

function cellOf(kind: CellKind, value: number, decimals: number, nextText: () => string): Cell {
  switch (kind) {
    case 'int':
    case 'percent':
      return { t: kind, v: value };
    case 'number':
      return { t: 'number', v: value, decimals };
    case 'empty':
      return { t: 'empty' };
    case 'text':
      return { t: 'text', v: nextText() };
    // Texts the view gave, and packs() saw were strings, come back as they went.
    case 'date':
      return { t: 'date', v: nextText() as Extract<Cell, { t: 'date' }>['v'] };
    case 'semaforo':
      return { t: 'semaforo', v: nextText() as Extract<Cell, { t: 'semaforo' }>['v'] };
  }
}
