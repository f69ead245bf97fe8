// The pieces every page is made of: a table, a cell, the key figures, a chart beside its
// table. Each returns HTML whose every text went through escape.ts.
import type { Semaforo } from '../../../model/semaforo.js';
import { cellText } from '../../view/cell-text.js';
import type { Cell, CellKind, Chart, Section, SummaryItem, Table } from '../../view/types.js';
import { checkRowWidths } from '../table-shape.js';
import { esc, escLines, idText } from './escape.js';

/**
 * HTML kept as its pieces, in order, never joined into one string: a site of 100 departments
 * is 32 MB of text, and a page joined (with `+` or Array#join) is copied once more, as text
 * in two bytes a character since a page has a `—` or a `✔`, before it is encoded. Pieces are
 * encoded one by one where their bytes go (htmlBytes). A template literal or a join would make
 * it `[object Object]`: it throws instead, so that mistake cannot pass.
 */
export class Html {
  constructor(readonly pieces: readonly Markup[]) {}

  toString(): never {
    throw new Error('Html se une con htmlText() o se codifica con htmlBytes(), no en una plantilla');
  }
}

export type Markup = string | Html;

export function html(...pieces: Markup[]): Html {
  return new Html(pieces);
}

/** The parts one per line: `''` for none, as Array#join('\\n') would give. */
export function lines(parts: readonly Markup[]): Markup {
  if (parts.length <= 1) return parts[0] ?? '';
  const pieces: Markup[] = [];
  parts.forEach((part, i) => {
    if (i > 0) pieces.push('\n');
    pieces.push(part);
  });
  return new Html(pieces);
}

/** Calls `write` with each text of `markup`, in order. */
function eachText(markup: Markup, write: (text: string) => void): void {
  if (typeof markup === 'string') write(markup);
  else for (const piece of markup.pieces) eachText(piece, write);
}

/** The whole text, for what needs one string (the printable page Chromium is given). */
export function htmlText(markup: Markup): string {
  const texts: string[] = [];
  eachText(markup, (text) => texts.push(text));
  return texts.join('');
}

const utf8 = new TextEncoder();
/**
 * Where pages are encoded, grown to the largest page and kept for the life of the thread (a
 * few megabytes at 1,000 departments): each page's bytes are then copied out at their size.
 */
let scratch = new Uint8Array(1 << 20);

/** The UTF-8 bytes of `markup`, each piece encoded in place: no joined copy of the page is ever made. */
export function htmlBytes(markup: Markup): Uint8Array {
  let length = 0;
  eachText(markup, (text) => {
    // At most 3 bytes a UTF-16 unit: with that much room, encodeInto always writes the whole text.
    if (scratch.length - length < text.length * 3) {
      const larger = new Uint8Array(Math.max(scratch.length * 2, length + text.length * 3));
      larger.set(scratch.subarray(0, length));
      scratch = larger;
    }
    length += utf8.encodeInto(text, scratch.subarray(length)).written;
  });
  return scratch.slice(0, length);
}

/**
 * Where a block is written: the page (or the printable document) decides how a row id
 * becomes a link and hands out `id` attributes, unique within the document.
 */
export interface Place {
  /** The link to a department page or to a row anchor on another page; undefined when the row lives here. */
  href(rowId: string): string | undefined;
  /** An `id` attribute for `wanted`: `wanted` itself the first time, a suffixed one after. */
  id(wanted: string): string;
}

/** Semáforo readable without colour: a symbol of its own shape and the word, on a tinted badge. */
const SEMAFORO_SYMBOL: Record<Semaforo, string> = {
  verde: '✔',
  amarillo: '▲',
  rojo: '✖',
  sin_meta: '○',
  no_reportado: '⊘',
  pendiente: '◔',
};

const NUMERIC: ReadonlySet<CellKind> = new Set<CellKind>(['int', 'number', 'percent', 'date']);

export function semaforoBadge(light: Semaforo, label: string): string {
  return `<span class="sem sem-${light}"><span class="sem-icono" aria-hidden="true">${SEMAFORO_SYMBOL[light]}</span> ${esc(label)}</span>`;
}

export function cellHtml(cell: Cell): string {
  if (cell.t === 'semaforo') return semaforoBadge(cell.v, cellText(cell));
  if (cell.t === 'empty') return `<span class="vacio">${esc(cellText(cell))}</span>`;
  return escLines(cellText(cell)) || '<span class="vacio">—</span>';
}

function cellClass(kind: CellKind, cell?: Cell): string {
  if (NUMERIC.has(kind)) return ' class="num"';
  if (kind === 'semaforo') return ' class="centro"';
  return cell !== undefined && isCode(cell) ? ' class="codigo"' : '';
}

/**
 * The cell that names a row (its header, and its link): the one showing the longest start of
 * the row id (`SP-03` for `SP-03-M1`, `OP` for `OP`), else the first text cell.
 */
function keyColumn(row: Cell[], rowId: string | undefined): number {
  let best = -1;
  let length = 0;
  row.forEach((cell, i) => {
    if (cell.t !== 'text' || rowId === undefined || cell.v.length <= length) return;
    if (rowId === cell.v || rowId.startsWith(`${cell.v}-`)) {
      best = i;
      length = cell.v.length;
    }
  });
  if (best >= 0) return best;
  const firstText = row.findIndex((cell) => cell.t === 'text');
  return firstText < 0 ? 0 : firstText;
}

/** A short word with no blank (`SP-03`, `2019-T2`) stays on one line instead of breaking at its hyphen. */
function isCode(cell: Cell): boolean {
  return cell.t === 'text' && cell.v.length <= 16 && !/\s/.test(cell.v);
}

export interface TableOptions {
  caption: string;
  /** Hide the caption on screen when a heading right above says the same. */
  captionHidden?: boolean;
  /** Rows the search box filters. */
  filterable?: boolean;
}

/**
 * A semantic table: a caption, column headers with `scope="col"`, the first cell of each row
 * as its header. A row with an id either links to where that id lives or carries it as its
 * own anchor; the wrapper scrolls sideways on a phone instead of squeezing the columns.
 */
export function tableHtml(table: Table, place: Place, options: TableOptions): Html {
  checkRowWidths(table);
  const caption = `<caption${options.captionHidden ? ' class="oculto"' : ''}>${esc(options.caption)}</caption>`;
  const head = `<thead><tr>${table.columns.map((c) => `<th scope="col"${cellClass(c.kind)}>${esc(c.header)}</th>`).join('')}</tr></thead>`;
  const rows = table.rows.map((row, r) => {
    const rowId = table.rowIds?.[r];
    const href = rowId === undefined || rowId === '' ? undefined : place.href(rowId);
    const anchor = rowId === undefined || rowId === '' || href !== undefined ? '' : ` id="${esc(place.id(idText(rowId)))}"`;
    const key = keyColumn(row, rowId);
    const cells = row.map((cell, c) => {
      const kind = table.columns[c]!.kind;
      const content = c === key && href !== undefined ? `<a href="${esc(href)}">${cellHtml(cell)}</a>` : cellHtml(cell);
      return c === key ? `<th scope="row"${cellClass(kind, cell)}>${content}</th>` : `<td${cellClass(kind, cell)}>${content}</td>`;
    });
    return `<tr${anchor}${options.filterable ? ' data-filtro' : ''}>${cells.join('')}</tr>`;
  });
  const body = rows.length > 0 ? html('<tbody>', lines(rows), '</tbody>') : `<tbody><tr><td colspan="${Math.max(1, table.columns.length)}" class="vacio">Sin registros.</td></tr></tbody>`;
  return html(`<div class="tabla" role="region" aria-label="${esc(options.caption)}" tabindex="0"><table>${caption}${head}\n`, body, '</table></div>');
}

/** The key figures as a definition list. */
export function summaryHtml(items: readonly SummaryItem[]): string {
  if (items.length === 0) return '';
  return `<dl class="cifras">${items.map((item) => `<div><dt>${esc(item.label)}</dt><dd>${cellHtml(item.value)}</dd></div>`).join('\n')}</dl>`;
}

/** A report section: heading, intro, table and notes, in a `<section>` the table of contents links to. */
export function sectionHtml(section: Section, place: Place, level: 2 | 3, options: { filterable?: boolean; idPrefix?: string } = {}): Markup {
  const id = place.id(idText(`${options.idPrefix ?? ''}seccion-${section.id}`));
  const parts: Markup[] = [`<section class="seccion" aria-labelledby="${esc(id)}">`, `<h${level} id="${esc(id)}">${esc(section.title)}</h${level}>`];
  if (section.intro) parts.push(`<p class="intro">${escLines(section.intro)}</p>`);
  parts.push(tableHtml(section.table, place, { caption: section.title, captionHidden: true, filterable: options.filterable ?? false }));
  if (section.notes && section.notes.length > 0) parts.push(`<ul class="notas">${section.notes.map((n) => `<li>${escLines(n)}</li>`).join('')}</ul>`);
  parts.push('</section>');
  return lines(parts);
}

/** Draws a chart as inline SVG (report/charts); until one is given, the figure shows its table alone. */
export type ChartDrawer = (chart: Chart) => string;

/** A chart and the table with its figures side by side: the drawing for the eye, the table for a screen reader and the printed page. */
export function chartHtml(chart: Chart, place: Place, level: 2 | 3, draw: ChartDrawer | undefined): Markup {
  // Not `grafica-…`: report/charts gives that id to the <svg> itself.
  const id = place.id(idText(`figura-${chart.id}`));
  const drawing = draw ? `<div class="dibujo">${draw(chart)}</div>` : '';
  return lines([
    `<figure class="figura" aria-labelledby="${esc(id)}">`,
    `<figcaption><h${level} id="${esc(id)}">${esc(chart.title)}</h${level}></figcaption>`,
    `<div class="figura-cuerpo">${drawing}`,
    tableHtml(chart.table, place, { caption: `Datos de la gráfica: ${chart.title}` }),
    '</div></figure>',
  ]);
}
