// Positions without the `yaml` library, for the files the fast data path read (fast.ts). A
// finding's path becomes a line and column through a strict parse (sources.ts, locate.ts),
// which for a 900-line quarterly report costs as much as reading forty files with js-yaml.
// Plain block YAML, the only YAML the fast path accepts, can be placed by reading its lines
// and indentation; this file does that and answers the very range the strict document would
// give: range[0] and range[1] of the node, with the library's own rules for where a
// collection ends (the end of its last value, comments included as the parser attaches them).
// Whenever the text holds something this reader does not model, or its reading disagrees
// with the data js-yaml built, it answers nothing and the strict parse runs as before.
// tests/yaml/quick-locate.test.ts compares both on every path of every test document.
import { fastYamlData } from './fast.js';
import type { PathSegment } from './path.js';

export interface QuickSpan {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

const MAP = 0;
const SEQ = 1;
const SCALAR = 2;

/** A node of the document with the offsets the strict library gives it: range[0], range[1], range[2]. */
interface QuickNode {
  kind: typeof MAP | typeof SEQ | typeof SCALAR;
  start: number;
  end: number;
  tail: number;
  /** A map's keys as the strict library indexes them (String of the key's value), in order, and its pairs. */
  names?: string[];
  pairs?: QuickPair[];
  /** The pairs by name, built on the first search, the first of a name winning as in locate.ts. */
  index?: Map<string, QuickPair>;
  items?: QuickNode[];
}

interface QuickPair {
  keyStart: number;
  keyEnd: number;
  value: QuickNode;
}

/** The line positions of a file and the range of each of its nodes; no text. */
export class QuickSource {
  private constructor(
    private readonly root: QuickNode,
    /** Offsets where lines start, as the strict library's LineCounter records them. */
    private readonly lineStarts: readonly number[],
  ) {}

  /**
   * The positions of `text` (line ends already normalised, see parse.ts), or undefined when
   * the fast path does not read it or this reader is not sure of every node.
   */
  static of(text: string): QuickSource | undefined {
    const data = fastYamlData(text);
    if (data === undefined) return undefined;
    try {
      const reader = new Reader(text);
      return new QuickSource(reader.document(data), reader.lineStarts);
    } catch (error) {
      if (error instanceof Unsure) return undefined;
      throw error;
    }
  }

  /** What sources.ts's strict `locate` gives for `path`, or undefined when this reader cannot tell. */
  locate(path: readonly PathSegment[], atKey = false): QuickSpan | undefined {
    let node = this.root;
    let start = node.start;
    let end = node.end;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i]!;
      if (node.kind === MAP) {
        const pair = pairOf(node, String(segment));
        if (!pair) break;
        if (i === path.length - 1 && atKey) {
          start = pair.keyStart;
          end = pair.keyEnd;
          break;
        }
        node = pair.value;
      } else if (node.kind === SEQ && typeof segment === 'number') {
        const item = node.items![segment];
        if (item === undefined) break;
        node = item;
      } else {
        break;
      }
      start = node.start;
      end = node.end;
    }
    if (Number.isNaN(start) || Number.isNaN(end)) return undefined;
    const from = this.position(start);
    const to = this.position(end);
    return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
  }

  /** LineCounter.linePos of the strict library, on the same line starts. */
  private position(offset: number): { line: number; column: number } {
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (starts[mid]! < offset) low = mid + 1;
      else high = mid;
    }
    if (starts[low] === offset) return { line: low + 1, column: 1 };
    if (low === 0) return { line: 0, column: offset };
    return { line: low, column: offset - starts[low - 1]! + 1 };
  }
}

function pairOf(map: QuickNode, name: string): QuickPair | undefined {
  if (!map.index) {
    map.index = new Map();
    map.names!.forEach((key, i) => map.index!.has(key) || map.index!.set(key, map.pairs![i]!));
  }
  return map.index.get(name);
}

/** Thrown inside the reader for anything it does not model; the caller falls back to the strict parse. */
class Unsure extends Error {}

function unsure(): never {
  throw new Unsure();
}

const BLANK = 0;
const COMMENT = 1;
const CONTENT = 2;

/** How the last value of a collection ends, which decides where the collection ends. */
const ON_ITS_LINE = 0; // a scalar or flow collection: the rest of its line is its own
const BLOCK_SCALAR = 1; // `|` or `>`: ends where its body ends
const EMPTY = 2; // `clave:` with nothing: the comments below belong to it
const COLLECTION = 3;

/** An implicit key: its name as the strict library indexes it (String of its value), where it is and where its value starts (-1: not on its line). */
interface Key {
  name: string;
  start: number;
  end: number;
  colonEnd: number;
  valueAt: number;
}

interface Read {
  node: QuickNode;
  /** The first line after the value. */
  after: number;
  how: typeof ON_ITS_LINE | typeof BLOCK_SCALAR | typeof EMPTY | typeof COLLECTION;
  /** EMPTY: a comment follows the `:` on its line. */
  commented?: boolean;
  /**
   * COLLECTION: the deepest column among the comment lines after it that no collection took
   * yet (-1: none); the parser gives those lines to the innermost enclosing collection that
   * one of them is not less indented than, or to none.
   */
  pending?: number;
}

/**
 * A line reader for the block YAML the fast path accepts. The rules it follows are the
 * `yaml` library's (parse/lexer.js, parse/parser.js, compose/): where a collection's range
 * ends depends on which comment lines the parser hands to which node.
 */
class Reader {
  readonly lineStarts: number[] = [];
  /** Where each line's content ends: before `\n` or `\r\n`. */
  private readonly lineEnds: number[] = [];
  private readonly indents: number[] = [];
  private readonly kinds: number[] = [];

  constructor(private readonly text: string) {
    for (let start = 0; ; ) {
      const newline = text.indexOf('\n', start);
      const end = newline < 0 ? text.length : newline;
      let indent = 0;
      while (text.charCodeAt(start + indent) === 0x20) indent++;
      const contentEnd = end > start && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end;
      this.lineStarts.push(start);
      this.lineEnds.push(contentEnd);
      this.indents.push(indent);
      this.kinds.push(start + indent >= contentEnd ? BLANK : text.charCodeAt(start + indent) === 0x23 ? COMMENT : CONTENT);
      if (newline < 0) break;
      start = newline + 1;
    }
    // A `\r` inside a line (not before its `\n`) is something else: line ends were normalised.
    if (text.includes('\r') && /\r(?!\n)/.test(text)) unsure();
  }

  document(data: object): QuickNode {
    const first = this.nextContent(0);
    if (first < 0) unsure();
    const col = this.indents[first]!;
    const at = this.lineStarts[first]! + col;
    let read: Read;
    let key: Key | undefined;
    if (this.isDash(first, col)) read = this.sequence(first, col, data);
    else if ((key = this.key(first, col))) read = this.map(first, col, key, data);
    else if (this.char(at) === '[' || this.char(at) === '{') read = this.onItsLine(first, col, -1, data);
    else return unsure();
    if (this.nextContent(read.after) >= 0) unsure();
    return read.node;
  }

  // ---------------------------------------------------------------- collections

  /** A block map whose first key, `first`, is at (line, col). */
  private map(line: number, col: number, first: Key, data: unknown): Read {
    if (typeof data !== 'object' || data === null || Array.isArray(data)) unsure();
    const record = data as Record<string, unknown>;
    // js-yaml keeps the keys in the order they are written (unless some look like array
    // indexes, which JavaScript lists first): compared in order, no key needs hashing.
    const keys = Object.keys(record);
    const values = Object.values(record);
    const names: string[] = [];
    const pairs: QuickPair[] = [];
    let seen: Set<string> | undefined;
    const node: QuickNode = { kind: MAP, start: this.lineStarts[line]! + col, end: NaN, tail: NaN, names, pairs };
    for (let at = line; ; ) {
      const key = at === line ? first : (this.key(at, col) ?? unsure());
      let expected: unknown;
      if (!seen && keys[names.length] === key.name) expected = values[names.length];
      else {
        seen ??= new Set(names);
        if (seen.has(key.name) || !Object.prototype.hasOwnProperty.call(record, key.name)) unsure();
        seen.add(key.name);
        expected = record[key.name];
      }
      let value: Read;
      if (key.valueAt >= 0) {
        value = this.inline(at, key.valueAt - this.lineStarts[at]!, col, false, expected);
      } else {
        const below = this.nextContent(at + 1);
        if (below >= 0 && this.indents[below]! > col) value = this.ownLine(below, col, expected);
        else if (below >= 0 && this.startsWithDash(below, col)) value = this.sequence(below, col, expected);
        else {
          if (expected !== null) unsure();
          // The library places an empty value after the `:` and the spaces that follow it.
          const offset = key.colonEnd + this.spacesAt(key.colonEnd);
          value = { node: { kind: SCALAR, start: offset, end: offset, tail: offset }, after: at + 1, how: EMPTY, commented: this.char(offset) === '#' };
        }
      }
      names.push(key.name);
      pairs.push({ keyStart: key.start, keyEnd: key.end, value: value.node });
      const next = this.nextContent(value.after);
      if (next >= 0 && this.indents[next] === col && !this.isDash(next, col)) {
        at = next;
        continue;
      }
      if (next >= 0 && this.indents[next]! > col) unsure();
      if (names.length !== keys.length) unsure();
      return this.close(node, col, value, next);
    }
  }

  /** A block sequence whose first `-` is at (line, col). */
  private sequence(line: number, col: number, data: unknown): Read {
    if (!Array.isArray(data)) unsure();
    const items: QuickNode[] = [];
    const node: QuickNode = { kind: SEQ, start: this.lineStarts[line]! + col, end: NaN, tail: NaN, items };
    for (let at = line; ; ) {
      const dash = this.lineStarts[at]! + col;
      const valueAt = dash + 1 + this.spacesAt(dash + 1);
      // An empty item never reaches here (the fast path refuses it); a comment after the dash alone would be one.
      if (valueAt >= this.lineEnds[at]! || this.char(valueAt) === '#' || items.length >= data.length) unsure();
      const value = this.inline(at, valueAt - this.lineStarts[at]!, col, true, data[items.length]);
      items.push(value.node);
      const next = this.nextContent(value.after);
      if (next >= 0 && this.startsWithDash(next, col)) {
        at = next;
        continue;
      }
      if (next >= 0 && this.indents[next]! > col) unsure();
      if (items.length !== data.length) unsure();
      return this.close(node, col, value, next);
    }
  }

  /**
   * Where a collection at indentation `indent` ends, now that its last value is `last` and
   * the next content is on line `next` (-1: the end of the text). Its range ends where its
   * last value's range[2] does: a scalar's takes in the rest of its line, then the comment
   * lines indented deeper than the collection that follow (blank lines between included).
   * The comment lines left over go to the innermost enclosing collection that is not more
   * indented than one of them, and extend that one's range[2] to the next content; none
   * takes them at indentation 0 (parser.js pop()).
   */
  private close(node: QuickNode, indent: number, last: Read, next: number): Read {
    const stop = next < 0 ? this.lineStarts.length : next;
    const nextOffset = next < 0 ? this.text.length : this.lineStarts[next]! + this.indents[next]!;
    let end: number;
    let pending = -1;
    if (last.how === ON_ITS_LINE) {
      end = this.lineAfter(last.after - 1);
      let merging = true;
      for (let line = last.after; line < stop; line++) {
        if (this.kinds[line] !== COMMENT) continue;
        const col = this.indents[line]!;
        if (merging && col > indent) end = this.lineAfter(line);
        else {
          merging = false;
          pending = Math.max(pending, col);
        }
      }
    } else if (last.how === BLOCK_SCALAR) {
      end = last.node.tail;
      for (let line = last.after; line < stop; line++) if (this.kinds[line] === COMMENT) pending = Math.max(pending, this.indents[line]!);
    } else if (last.how === EMPTY) {
      let commented = last.commented === true;
      for (let line = last.after; line < stop && !commented; line++) commented = this.kinds[line] === COMMENT;
      end = commented ? nextOffset : last.node.start;
    } else {
      end = last.node.tail;
      pending = last.pending!;
    }
    node.end = end;
    node.tail = end;
    if (pending >= 0 && indent > 0 && pending >= indent) {
      node.tail = nextOffset;
      pending = -1;
    }
    return { node, after: last.after, how: COLLECTION, pending };
  }

  // ---------------------------------------------------------------- values

  /**
   * The value that starts at column `col` of `line` after a key's `:` or a `-`, inside a
   * collection at indentation `indent`; after a `-` it may be a compact map or sequence.
   */
  private inline(line: number, col: number, indent: number, afterDash: boolean, data: unknown): Read {
    if (afterDash) {
      if (this.isDash(line, col)) return this.sequence(line, col, data);
      const key = this.key(line, col);
      if (key) return this.map(line, col, key, data);
    }
    const c = this.char(this.lineStarts[line]! + col);
    if (c === '|' || c === '>') return this.blockScalar(line, col, indent, data);
    return this.onItsLine(line, col, indent, data);
  }

  /** A value alone on its line, below its key. */
  private ownLine(line: number, indent: number, data: unknown): Read {
    const col = this.indents[line]!;
    if (this.isDash(line, col)) return this.sequence(line, col, data);
    const key = this.key(line, col);
    if (key) return this.map(line, col, key, data);
    const c = this.char(this.lineStarts[line]! + col);
    if (c === '|' || c === '>') unsure();
    return this.onItsLine(line, col, indent, data);
  }

  /** A quoted or plain scalar or a flow collection; a plain one may go on over the lines below. */
  private onItsLine(line: number, col: number, indent: number, data: unknown): Read {
    const start = this.lineStarts[line]! + col;
    const lineEnd = this.lineEnds[line]!;
    const c = this.char(start);
    if (c === '"' || c === "'" || c === '[' || c === '{') {
      const flow = this.flowNode(start, lineEnd, data);
      this.expectLineEnd(flow.next, lineEnd);
      return { node: flow.node, after: line + 1, how: ON_ITS_LINE };
    }
    if (!startsPlain(this.text, start, lineEnd)) unsure();
    let end = this.plainEnd(start, lineEnd);
    let value = this.text.slice(start, end);
    let last = line;
    if (end === lineEnd || this.text.charCodeAt(this.skipSpaces(end, lineEnd)) !== 0x23) {
      // Continuation lines: deeper than the collection, up to a comment or a shallower line.
      let blanks = 0;
      for (let at = line + 1; at < this.kinds.length; at++) {
        const kind = this.kinds[at];
        if (kind === BLANK) {
          blanks++;
          continue;
        }
        if (kind === COMMENT || this.indents[at]! <= indent) break;
        const from = this.lineStarts[at]! + this.indents[at]!;
        const to = this.lineEnds[at]!;
        if (!startsPlain(this.text, from, to)) unsure();
        const partEnd = this.plainEnd(from, to);
        value += (blanks > 0 ? '\n'.repeat(blanks) : ' ') + this.text.slice(from, partEnd);
        end = partEnd;
        last = at;
        blanks = 0;
        if (partEnd !== to && this.text.charCodeAt(this.skipSpaces(partEnd, to)) === 0x23) break;
      }
    }
    this.expectLineEnd(end, this.lineEnds[last]!);
    if (!Object.is(resolvePlain(value), data)) unsure();
    return { node: { kind: SCALAR, start, end, tail: NaN }, after: last + 1, how: ON_ITS_LINE };
  }

  /** Where a plain scalar that starts at `start` ends on its line: before ` #` and trailing spaces. */
  private plainEnd(start: number, lineEnd: number): number {
    let end = start;
    for (let i = start; i < lineEnd; i++) {
      const code = this.text.charCodeAt(i);
      if (code === 0x20) continue;
      if (code === 0x23 && this.text.charCodeAt(i - 1) === 0x20) break;
      // `: ` inside a value is an error or a key: not for this reader.
      if (code === 0x3a && (i + 1 === lineEnd || this.text.charCodeAt(i + 1) === 0x20)) unsure();
      end = i + 1;
    }
    return end;
  }

  /** After a value only spaces and a comment may follow on its line. */
  private expectLineEnd(from: number, lineEnd: number): void {
    const at = this.skipSpaces(from, lineEnd);
    if (at < lineEnd && (this.text.charCodeAt(at) !== 0x23 || at === from)) unsure();
  }

  /**
   * A block scalar whose header is at column `col` of `line`, in a collection at indentation
   * `indent`: where its body ends, as the lexer finds it (parse/lexer.js parseBlockScalar).
   */
  private blockScalar(line: number, col: number, indent: number, data: unknown): Read {
    if (typeof data !== 'string') unsure();
    const text = this.text;
    const start = this.lineStarts[line]! + col;
    const lineEnd = this.lineEnds[line]!;
    let keep = false;
    let explicit = -1;
    let chomp = false;
    let i = start + 1;
    for (; i < lineEnd; i++) {
      const c = text[i]!;
      if ((c === '+' || c === '-') && !chomp) {
        chomp = true;
        keep = c === '+';
      } else if (c >= '1' && c <= '9' && explicit < 0) explicit = Number(c) - 1;
      else break;
    }
    if (i < lineEnd && text[i] !== ' ') unsure();
    this.expectLineEnd(i, lineEnd);
    if (line + 1 >= this.lineStarts.length) unsure();
    const pos = this.lineStarts[line + 1]!;
    let indentNext = indent + 1;
    let nl = pos - 1;
    let spaces = 0;
    for (let j = pos; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (c === 0x20) spaces++;
      else if (c === 0x0a) {
        nl = j;
        spaces = 0;
      } else if (c !== 0x0d || text.charCodeAt(j + 1) !== 0x0a) break;
    }
    if (spaces >= indentNext) {
      indentNext = explicit < 0 ? spaces : explicit + indentNext;
      for (;;) {
        const next = this.continuesBlock(nl + 1, indentNext);
        if (next < 0) break;
        nl = text.indexOf('\n', next);
        if (nl < 0) {
          nl = text.length;
          break;
        }
      }
    } else if (explicit >= 0) {
      unsure();
    }
    if (!keep) {
      for (;;) {
        let j = nl - 1;
        let c = text[j];
        if (c === '\r') c = text[--j];
        const lastChar = j;
        while (c === ' ') c = text[--j];
        if (c === '\n' && j >= pos && j + 1 + spaces > lastChar) nl = j;
        else break;
      }
    }
    const end = Math.min(nl + 1, text.length);
    const after = end === text.length && !text.endsWith('\n') ? this.lineStarts.length : this.lineAt(end);
    return { node: { kind: SCALAR, start, end, tail: end }, after, how: BLOCK_SCALAR };
  }

  /** parse/lexer.js continueScalar with indentNext > 0, at the end of the input. */
  private continuesBlock(offset: number, indentNext: number): number {
    const text = this.text;
    let spaces = 0;
    while (text.charCodeAt(offset + spaces) === 0x20) spaces++;
    const c = text.charCodeAt(offset + spaces);
    if (c === 0x0d && text.charCodeAt(offset + spaces + 1) === 0x0a) return offset + spaces + 1;
    return c === 0x0a || spaces >= indentNext ? offset + spaces : -1;
  }

  // ---------------------------------------------------------------- flow nodes (one line)

  /** A quoted scalar or a flow collection from `start`; `next` is just past it. */
  private flowNode(start: number, lineEnd: number, data: unknown): { node: QuickNode; next: number } {
    const c = this.char(start);
    if (c === '"' || c === "'") {
      const quoted = this.quoted(start, lineEnd);
      if (quoted.value !== data) unsure();
      return { node: { kind: SCALAR, start, end: quoted.next, tail: NaN }, next: quoted.next };
    }
    if (c === '[') return this.flowSequence(start, lineEnd, data);
    if (c === '{') return this.flowMap(start, lineEnd, data);
    if (!startsPlain(this.text, start, lineEnd, true)) unsure();
    const end = this.flowPlainEnd(start, lineEnd);
    if (end === start || !Object.is(resolvePlain(this.text.slice(start, end)), data)) unsure();
    return { node: { kind: SCALAR, start, end, tail: NaN }, next: end };
  }

  private flowSequence(start: number, lineEnd: number, data: unknown): { node: QuickNode; next: number } {
    if (!Array.isArray(data)) unsure();
    const items: QuickNode[] = [];
    let at = this.skipSpaces(start + 1, lineEnd);
    while (this.char(at) !== ']') {
      if (items.length >= data.length) unsure();
      const item = this.flowNode(at, lineEnd, data[items.length]);
      items.push(item.node);
      at = this.afterFlowEntry(item.next, lineEnd, ']');
    }
    if (items.length !== data.length) unsure();
    return { node: { kind: SEQ, start, end: at + 1, tail: NaN, items }, next: at + 1 };
  }

  private flowMap(start: number, lineEnd: number, data: unknown): { node: QuickNode; next: number } {
    if (typeof data !== 'object' || data === null || Array.isArray(data)) unsure();
    const record = data as Record<string, unknown>;
    const names: string[] = [];
    const pairs: QuickPair[] = [];
    const seen = new Set<string>();
    let at = this.skipSpaces(start + 1, lineEnd);
    while (this.char(at) !== '}') {
      let keyEnd: number;
      let name: string;
      const c = this.char(at);
      if (c === '"' || c === "'") {
        const quoted = this.quoted(at, lineEnd);
        keyEnd = quoted.next;
        name = quoted.value;
      } else {
        if (!startsPlain(this.text, at, lineEnd, true)) unsure();
        keyEnd = this.flowPlainEnd(at, lineEnd);
        name = String(resolvePlain(this.text.slice(at, keyEnd)));
      }
      const colon = this.skipSpaces(keyEnd, lineEnd);
      // Only `clave: valor`; a key alone, `clave:` or JSON's `"clave":valor` are left to the strict path.
      if (keyEnd === at || this.char(colon) !== ':' || this.char(colon + 1) !== ' ') unsure();
      if (seen.has(name) || !Object.prototype.hasOwnProperty.call(record, name)) unsure();
      seen.add(name);
      const valueAt = this.skipSpaces(colon + 1, lineEnd);
      const value = this.flowNode(valueAt, lineEnd, record[name]);
      names.push(name);
      pairs.push({ keyStart: at, keyEnd, value: value.node });
      at = this.afterFlowEntry(value.next, lineEnd, '}');
    }
    if (names.length !== Object.keys(record).length) unsure();
    return { node: { kind: MAP, start, end: at + 1, tail: NaN, names, pairs }, next: at + 1 };
  }

  /** Past the `,` after an entry, at the next entry or at `close`; a trailing `,` is left to the strict path. */
  private afterFlowEntry(from: number, lineEnd: number, close: string): number {
    const at = this.skipSpaces(from, lineEnd);
    if (this.char(at) === close) return at;
    if (this.char(at) !== ',') unsure();
    const next = this.skipSpaces(at + 1, lineEnd);
    const c = this.char(next);
    if (next >= lineEnd || c === ',' || c === ']' || c === '}') unsure();
    return next;
  }

  /** A plain scalar inside a flow collection ends at `,`, a bracket, `: ` or ` #`. */
  private flowPlainEnd(start: number, lineEnd: number): number {
    let end = start;
    for (let i = start; i < lineEnd; i++) {
      const c = this.text[i]!;
      if (c === ' ') continue;
      if (c === ',' || c === ']' || c === '}' || c === '[' || c === '{') break;
      if (c === '#' && this.text[i - 1] === ' ') break;
      if (c === ':') {
        const following = this.text[i + 1];
        if (following === ' ') break;
        // `:` before a bracket, comma or the line end: indicators the strict library may read otherwise.
        if (following === undefined || i + 1 >= lineEnd || ',[]{}'.includes(following)) unsure();
      }
      end = i + 1;
    }
    return end;
  }

  /** A quoted scalar on one line: its value and the offset past its closing quote. */
  private quoted(start: number, lineEnd: number): { value: string; next: number } {
    const text = this.text;
    const quote = text[start]!;
    // Most quoted texts hold no escape: their value is their source.
    const close = text.indexOf(quote, start + 1);
    if (close > start && close < lineEnd && text[close + 1] !== quote && (quote === "'" || !text.slice(start + 1, close).includes('\\'))) {
      return { value: text.slice(start + 1, close), next: close + 1 };
    }
    if (quote === "'") {
      let value = '';
      for (let i = start + 1; i < lineEnd; i++) {
        const c = text[i]!;
        if (c !== "'") value += c;
        else if (text[i + 1] === "'") {
          value += "'";
          i++;
        } else return { value, next: i + 1 };
      }
      return unsure();
    }
    let value = '';
    for (let i = start + 1; i < lineEnd; i++) {
      const c = text[i]!;
      if (c === '"') return { value, next: i + 1 };
      if (c !== '\\') {
        value += c;
        continue;
      }
      const e = text[++i];
      const simple = e === undefined ? undefined : ESCAPES[e];
      if (simple !== undefined) {
        value += simple;
        continue;
      }
      const digits = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
      const hex = text.slice(i + 1, i + 1 + digits);
      if (digits === 0 || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) unsure();
      const code = parseInt(hex, 16);
      if (code > 0x10ffff) unsure();
      value += String.fromCodePoint(code);
      i += digits;
    }
    return unsure();
  }

  // ---------------------------------------------------------------- keys and lines

  /**
   * The implicit key at (line, col), if the line holds `clave: …` there: plain or quoted,
   * with `valueAt` the offset of the value on the same line (-1: none, or only a comment).
   */
  private key(line: number, col: number): Key | undefined {
    const text = this.text;
    const start = this.lineStarts[line]! + col;
    const lineEnd = this.lineEnds[line]!;
    const c = this.char(start);
    let end: number;
    let name: string;
    let colon: number;
    if (c === '"' || c === "'") {
      const quoted = this.quoted(start, lineEnd);
      colon = this.skipSpaces(quoted.next, lineEnd);
      if (this.char(colon) !== ':') return undefined;
      // `"clave":valor` is read differently in block and flow context: not for this reader.
      if (colon + 1 < lineEnd && text[colon + 1] !== ' ') unsure();
      end = quoted.next;
      name = quoted.value;
    } else {
      if (c === '[' || c === '{' || c === '|' || c === '>' || c === '#' || this.isDash(line, col)) return undefined;
      colon = -1;
      for (let i = start; i < lineEnd; i++) {
        const code = text.charCodeAt(i);
        if (code === 0x23 && text.charCodeAt(i - 1) === 0x20) break;
        if (code === 0x3a && (i + 1 === lineEnd || text.charCodeAt(i + 1) === 0x20)) {
          colon = i;
          break;
        }
      }
      if (colon < 0) return undefined;
      if (!startsPlain(text, start, lineEnd)) unsure();
      end = colon;
      while (text.charCodeAt(end - 1) === 0x20) end--;
      if (end === start) unsure();
      name = String(resolvePlain(text.slice(start, end)));
    }
    const colonEnd = colon + 1;
    const valueAt = this.skipSpaces(colonEnd, lineEnd);
    return { name, start, end, colonEnd, valueAt: valueAt >= lineEnd || text[valueAt] === '#' ? -1 : valueAt };
  }

  /** Whether a `-` that starts a list item is at column `col` of `line`. */
  private isDash(line: number, col: number): boolean {
    const at = this.lineStarts[line]! + col;
    return this.text.charCodeAt(at) === 0x2d && (at + 1 === this.lineEnds[line] || this.text.charCodeAt(at + 1) === 0x20);
  }

  /** Whether line `line` starts, at indentation `col`, with a list item's `-`. */
  private startsWithDash(line: number, col: number): boolean {
    return this.indents[line] === col && this.isDash(line, col);
  }

  private nextContent(from: number): number {
    for (let line = from; line < this.kinds.length; line++) if (this.kinds[line] === CONTENT) return line;
    return -1;
  }

  /** The offset where the line after `line` starts (the end of the text after the last). */
  private lineAfter(line: number): number {
    return line + 1 < this.lineStarts.length ? this.lineStarts[line + 1]! : this.text.length;
  }

  /** The line that starts at `offset`. */
  private lineAt(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    if (this.lineStarts[low] !== offset) unsure();
    return low;
  }

  private spacesAt(offset: number): number {
    let n = 0;
    while (this.text.charCodeAt(offset + n) === 0x20) n++;
    return n;
  }

  private skipSpaces(from: number, lineEnd: number): number {
    let at = from;
    while (at < lineEnd && this.text.charCodeAt(at) === 0x20) at++;
    return at;
  }

  private char(offset: number): string | undefined {
    return this.text[offset];
  }
}

/** The escapes of a double-quoted scalar that stand for one fixed text (YAML 1.2, 5.7). */
const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
  N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};

/**
 * Whether a plain scalar may start at `start`: not on an indicator the strict library reads
 * as something else. Rarer first characters are left to the strict path.
 */
function startsPlain(text: string, start: number, lineEnd: number, inFlow = false): boolean {
  if (start >= lineEnd) return false;
  const c = text[start]!;
  if ('&*!|>\'"%@`#,[]{}?:'.includes(c)) return false;
  if (c === '-' && (start + 1 === lineEnd || text[start + 1] === ' ')) return false;
  return !inFlow || c !== '-' || start + 1 < lineEnd;
}

/** A plain scalar's value under YAML 1.2's core schema, as fast.ts (and the strict library) resolve it. */
function resolvePlain(source: string): unknown {
  // Every form of the schema starts with one of `~nNtTfF+-.` or a digit; most texts are plain words.
  const first = source.charCodeAt(0);
  if (!(first >= 0x30 && first <= 0x39) && !'~nNtTfF+-.'.includes(source[0] ?? '~')) return source;
  if (/^(?:~|[Nn]ull|NULL)?$/.test(source)) return null;
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(source)) return source[0] === 't' || source[0] === 'T';
  if (/^0o[0-7]+$/.test(source)) return parseInt(source.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(source)) return parseInt(source, 10);
  if (/^0x[0-9a-fA-F]+$/.test(source)) return parseInt(source.substring(2), 16);
  // .inf and .nan never reach here: the fast path refuses what is not JSON.
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(source)) return undefined;
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(source) || /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(source)) return parseFloat(source);
  return source;
}
