// The view as it crosses to the render thread. Structured clone copies a table cell by cell,
// and the annual view of 100 departments holds over half a million cells (one object each,
// with a string for its kind): copying them took about 0.5 s to write on this thread and
// 1 s to read on the render thread. Packed, a table's cells are a few typed arrays (kinds,
// numbers, decimals, and indexes into one list of the view's distinct texts), which copy as
// plain bytes; the render thread makes the cells again, equal to these, each distinct one once.
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

/**
 * The view `packView` was given, with cells made again: equal, value for value and key for
 * key. Equal cells come back as one object (a column repeats its units, percentages and
 * dates row after row): no renderer changes a cell or tells two apart by identity, and the
 * render thread then makes a fraction of the half million objects, and of their garbage.
 */
export function unpackView({ view, cells, texts }: PackedView): ReportView {
  const made = new CellMaker(texts);
  let next = 0;
  return eachTable(view, (table) => {
    const rows = cells[next++]!;
    return { ...table, rows: Array.isArray(rows) ? rows : made.rows(rows) };
  });
}

/** Makes each distinct cell once: by its text for a cell with one, by its value for a number. */
class CellMaker {
  private readonly withText = new Map<number, Cell>();
  private readonly withNumber = new Map<number, Map<number, Cell>>();
  private readonly empty: Cell = { t: 'empty' };

  constructor(private readonly texts: readonly string[]) {}

  rows({ lengths, kinds, numbers, decimals, textAt }: PackedCells): Cell[][] {
    const rows: Cell[][] = new Array(lengths.length);
    let at = 0;
    let withText = 0;
    for (let r = 0; r < lengths.length; r++) {
      const row: Cell[] = new Array(lengths[r]);
      for (let c = 0; c < row.length; c++, at++) {
        const code = kinds[at]!;
        const kind = code === EMPTY_WITH_NOTE ? 'note' : KIND_OF[code]!;
        switch (kind) {
          case 'int':
          case 'percent':
          case 'number':
            row[c] = this.numberCell(code, kind, numbers[at]!, decimals[at]!);
            break;
          case 'empty':
            row[c] = this.empty;
            break;
          default:
            row[c] = this.textCell(code, kind, textAt[withText++]!);
        }
      }
      rows[r] = row;
    }
    return rows;
  }

  private textCell(code: number, kind: TextKind, text: number): Cell {
    // Text indexes are below 2^32 and codes below 8: the pair is one exact number.
    const key = text * 8 + code;
    let cell = this.withText.get(key);
    if (!cell) this.withText.set(key, (cell = cellWithText(kind, this.texts[text]!)));
    return cell;
  }

  private numberCell(code: number, kind: NumberKind, value: number, decimals: number): Cell {
    // A Map does not tell -0 from 0.
    if (Object.is(value, -0)) return cellWithNumber(kind, value, decimals);
    const group = code * 128 + decimals;
    let byValue = this.withNumber.get(group);
    if (!byValue) this.withNumber.set(group, (byValue = new Map()));
    let cell = byValue.get(value);
    if (!cell) byValue.set(value, (cell = cellWithNumber(kind, value, decimals)));
    return cell;
  }
}

type NumberKind = 'int' | 'percent' | 'number';
/** The kinds whose cell holds a text; `note`: an `empty` cell with a note. */
type TextKind = 'text' | 'date' | 'semaforo' | 'note';

function cellWithNumber(kind: NumberKind, value: number, decimals: number): Cell {
  return kind === 'number' ? { t: 'number', v: value, decimals } : { t: kind, v: value };
}

function cellWithText(kind: TextKind, value: string): Cell {
  switch (kind) {
    case 'note':
      return { t: 'empty', note: value };
    case 'text':
      return { t: 'text', v: value };
    // Texts the view gave, and packs() saw were strings, come back as they went.
    case 'date':
      return { t: 'date', v: value as Extract<Cell, { t: 'date' }>['v'] };
    case 'semaforo':
      return { t: 'semaforo', v: value as Extract<Cell, { t: 'semaforo' }>['v'] };
  }
}
