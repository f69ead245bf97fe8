// The fastest data path: the block YAML plan files are written in (a mapping at the root,
// nested mappings and lists by indentation, one scalar per line), read line by line.
// js-yaml reads any YAML character by character, and its data must still be checked for
// what it could read differently from the strict library (fast.ts); on the files of a
// municipality this reader builds the same data in about a fifth of the time. It answers
// only for the narrow grammar below and declines everything else, which then takes the
// js-yaml path or the strict one as before: multi-line scalars, block scalars (`|`, `>`),
// flow collections other than `[]` and `{}`, quoted or unusual keys, escapes, anchors,
// tags, directives, tabs, and any character YAML 1.2 does not print.
// tests/yaml/fast.test.ts checks it, through fastYamlData, against the strict path.
import { resolveCoreScalar, UNRESOLVED } from './core-scalars.js';
import { MAX_NESTING } from './parse.js';

/**
 * Anywhere in the text, a character that sends it to the other paths: tabs and the rest of
 * C0 (line ends are normalised before), DEL and C1 (NEL among them), lone or paired
 * surrogates, LS, PS, BOM, the non-characters U+FFFE/U+FFFF, and the backslash, whose
 * escapes this reader does not interpret.
 */
const UNUSUAL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\\\ud800-\udfff\u2028\u2029\ufeff\ufffe\uffff]/;

const MAP = 0;
const SEQ = 1;

interface Open {
  indent: number;
  kind: typeof MAP | typeof SEQ;
  node: Record<string, unknown> | unknown[];
}

/** Thrown (and caught below) at the first thing this reader does not read. */
const DECLINE = Symbol('decline');

const SPACE = 0x20;
const HASH = 0x23;
const DASH = 0x2d;
const COLON = 0x3a;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const UNDERSCORE = 0x5f;
const COMMA = 0x2c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;

/** The data of `text` (line ends normalised) if it is plain block YAML with a mapping at its root; undefined otherwise. */
export function plainBlockData(text: string): Record<string, unknown> | undefined {
  if (UNUSUAL.test(text)) return undefined;
  try {
    return new BlockReader(text).read();
  } catch (error) {
    if (error === DECLINE) return undefined;
    throw error;
  }
}

class BlockReader {
  private readonly root: Record<string, unknown> = {};
  private readonly open: Open[] = [{ indent: 0, kind: MAP, node: this.root }];
  /** A key whose value starts on a later line: the map and indent it was written at. */
  private pending: { map: Record<string, unknown>; key: string; indent: number } | undefined;

  constructor(private readonly text: string) {}

  read(): Record<string, unknown> | undefined {
    const { text } = this;
    for (let start = 0; start < text.length; ) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      this.line(start, end);
      start = end + 1;
    }
    // A text of comments only has no mapping at its root (any other line puts a key there or declines): the strict path says what it is.
    return Object.keys(this.root).length > 0 ? this.root : undefined;
  }

  private line(start: number, end: number): void {
    const { text } = this;
    let at = start;
    while (at < end && text.charCodeAt(at) === SPACE) at++;
    // Blank lines and comments, at any indentation (there are no block scalars here).
    if (at === end) return;
    const first = text.charCodeAt(at);
    if (first === HASH) return;
    const indent = at - start;
    // A directive or document marker (`%YAML`, `---`, `...`) is neither an item nor a key: declined below.
    const isItem = first === DASH && (at + 1 === end || text.charCodeAt(at + 1) === SPACE);
    if (this.pending) this.openPending(indent, isItem);
    if (isItem) this.item(start, at, end, indent);
    else this.entry(at, end, indent);
  }

  /** The value of a key written alone on its line: the collection this line starts, or null if it starts none. */
  private openPending(indent: number, isItem: boolean): void {
    const { map, key, indent: keyIndent } = this.pending!;
    this.pending = undefined;
    // A list may start at its key's own indentation (`clave:` then `- a` below it).
    if (indent > keyIndent || (indent === keyIndent && isItem)) map[key] = this.push(indent, isItem ? SEQ : MAP);
  }

  private item(start: number, at: number, end: number, indent: number): void {
    const { open, text } = this;
    while (open[open.length - 1]!.indent > indent) open.pop();
    const list = open[open.length - 1]!;
    if (list.kind !== SEQ || list.indent !== indent) throw DECLINE;
    let content = at + 1;
    while (content < end && text.charCodeAt(content) === SPACE) content++;
    // An empty item, or one whose value starts on the next line (a list in a list, `- - a`, is declined as a scalar).
    if (content === end || text.charCodeAt(content) === HASH) throw DECLINE;
    const colon = keyEnd(text, content, end);
    if (colon < 0) {
      (list.node as unknown[]).push(this.scalar(content, end, open.length));
      return;
    }
    // `- clave: valor` opens a mapping whose keys line up with this first one.
    const map = this.push(content - start, MAP) as Record<string, unknown>;
    (list.node as unknown[]).push(map);
    this.pair(map, content, colon, end, content - start);
  }

  private entry(at: number, end: number, indent: number): void {
    const { open } = this;
    // A list at this indentation belongs to a key of the mapping the entry continues.
    for (let top = open[open.length - 1]!; top.indent > indent || (top.kind === SEQ && top.indent === indent); top = open[open.length - 1]!) open.pop();
    const map = open[open.length - 1]!;
    if (map.kind !== MAP || map.indent !== indent) throw DECLINE;
    const colon = keyEnd(this.text, at, end);
    if (colon < 0) throw DECLINE;
    this.pair(map.node as Record<string, unknown>, at, colon, end, indent);
  }

  private pair(map: Record<string, unknown>, at: number, colon: number, end: number, indent: number): void {
    const { text } = this;
    const quoted = text.charCodeAt(at) === DOUBLE_QUOTE || text.charCodeAt(at) === SINGLE_QUOTE;
    const key = quoted ? unquote(text, at, colon - 1) : text.slice(at, colon);
    if (key === '__proto__' || Object.hasOwn(map, key) || !(quoted || isPlainKey(key))) throw DECLINE;
    let value = colon + 1;
    while (value < end && text.charCodeAt(value) === SPACE) value++;
    if (value === end || text.charCodeAt(value) === HASH) {
      // Null unless the next line starts a collection (openPending); set now to keep the key order.
      map[key] = null;
      this.pending = { map, key, indent };
      return;
    }
    map[key] = this.scalar(value, end, this.open.length);
  }

  /** A collection at `indent`, child of the innermost open one. */
  private push(indent: number, kind: typeof MAP | typeof SEQ): Record<string, unknown> | unknown[] {
    if (this.open.length >= MAX_NESTING) throw DECLINE;
    const node = kind === MAP ? {} : [];
    this.open.push({ indent, kind, node });
    return node;
  }

  /** The value written from `at` to the end of its line, at nesting `depth` (for `[]` and `{}`). */
  private scalar(at: number, end: number, depth: number): unknown {
    const { text } = this;
    const first = text.charCodeAt(at);
    if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) return this.quoted(at, end);
    if (first === OPEN_BRACKET || first === OPEN_BRACE) {
      if (depth >= MAX_NESTING) throw DECLINE;
      // An empty flow collection, `[]` or `{}`, or a flow list of scalars on one line.
      if (text.charCodeAt(at + 1) !== first + 2) {
        if (first === OPEN_BRACE) throw DECLINE;
        return this.flowList(at, end);
      }
      this.commentOrEnd(at + 2, end);
      return first === OPEN_BRACKET ? [] : {};
    }
    if (INDICATOR.has(first)) throw DECLINE;
    if ((first === DASH || first === 0x3f || first === COLON) && (at + 1 === end || text.charCodeAt(at + 1) === SPACE)) throw DECLINE;
    let stop = at;
    for (; stop < end; stop++) {
      const code = text.charCodeAt(stop);
      if (code === HASH && text.charCodeAt(stop - 1) === SPACE) break;
      // `clave: a: b` nests a mapping where only a scalar may be.
      if (code === COLON && (stop + 1 === end || text.charCodeAt(stop + 1) === SPACE)) throw DECLINE;
    }
    while (text.charCodeAt(stop - 1) === SPACE) stop--;
    const value = resolveCoreScalar(text.slice(at, stop));
    if (value === UNRESOLVED) throw DECLINE;
    return value;
  }

  /**
   * `[a, "b", 3]` on one line: plain items hold none of the characters that could make them
   * anything but a scalar in a flow (`[]{}#:,` and quotes), and no item is empty.
   */
  private flowList(at: number, end: number): unknown[] {
    const { text } = this;
    const items: unknown[] = [];
    for (let next = at + 1; ; ) {
      while (next < end && text.charCodeAt(next) === SPACE) next++;
      const first = text.charCodeAt(next);
      let stop: number;
      if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) {
        const close = closingQuote(text, next, end);
        if (close < 0) throw DECLINE;
        items.push(unquote(text, next, close));
        stop = close + 1;
      } else {
        stop = next;
        while (stop < end && !FLOW_STOP.has(text.charCodeAt(stop))) stop++;
        let last = stop;
        while (text.charCodeAt(last - 1) === SPACE) last--;
        if (last === next || INDICATOR.has(first) || first === DASH || first === 0x3f) throw DECLINE;
        const value = resolveCoreScalar(text.slice(next, last));
        if (value === UNRESOLVED) throw DECLINE;
        items.push(value);
      }
      while (stop < end && text.charCodeAt(stop) === SPACE) stop++;
      const separator = text.charCodeAt(stop);
      if (separator === CLOSE_BRACKET) {
        this.commentOrEnd(stop + 1, end);
        return items;
      }
      if (separator !== COMMA) throw DECLINE;
      next = stop + 1;
    }
  }

  /** A quoted text closed on its own line. */
  private quoted(at: number, end: number): string {
    const close = closingQuote(this.text, at, end);
    if (close < 0) throw DECLINE;
    this.commentOrEnd(close + 1, end);
    return unquote(this.text, at, close);
  }

  /** After a value: only spaces, and then the end of the line or a comment. */
  private commentOrEnd(at: number, end: number): void {
    const { text } = this;
    let after = at;
    while (after < end && text.charCodeAt(after) === SPACE) after++;
    if (after < end && !(text.charCodeAt(after) === HASH && after > at)) throw DECLINE;
  }
}

/** Where a plain item of a flow list ends, or could turn into something else. */
const FLOW_STOP = new Set([...',[]{}#:"\''].map((c) => c.charCodeAt(0)));

/** Characters that start something other than a plain scalar: flow, comment, anchor, alias, tag, block scalar, reserved. */
const INDICATOR = new Set([...']},#&*!|>%@`'].map((c) => c.charCodeAt(0)));

/**
 * Whether a plain key is the very text the strict library makes of it (String of its
 * value): a word, or a number written as JavaScript writes it (`2019`). A null or boolean
 * key is written differently by the two parsers, and `0777` or `1e3` would be another text.
 */
function isPlainKey(key: string): boolean {
  const value = resolveCoreScalar(key);
  return value === key || (typeof value === 'number' && String(value) === key);
}

/** Far below the 1024 characters the strict library allows an implicit key. */
const MAX_KEY_LENGTH = 256;

/**
 * Where the colon of a `clave:` starting at `at` is, or -1: a key is a word of ASCII
 * letters, digits, `_` and `-` that does not start with `-`, or a quoted text, followed
 * by `:` and a space or the end of the line.
 */
function keyEnd(text: string, at: number, end: number): number {
  const first = text.charCodeAt(at);
  let i = at + 1;
  if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) {
    i = closingQuote(text, at, end);
    if (i < 0) return -1;
    i++;
  } else if (isLetter(first) || isDigit(first) || first === UNDERSCORE) {
    for (; i < end; i++) {
      const code = text.charCodeAt(i);
      if (!(isLetter(code) || isDigit(code) || code === UNDERSCORE || code === DASH)) break;
    }
  } else {
    return -1;
  }
  if (i === end || text.charCodeAt(i) !== COLON || i - at > MAX_KEY_LENGTH) return -1;
  return i + 1 === end || text.charCodeAt(i + 1) === SPACE ? i : -1;
}

/** The closing quote of the quoted text opening at `at`, on the same line (`''` inside single quotes is a quote), or -1. */
function closingQuote(text: string, at: number, end: number): number {
  const quote = text[at]!;
  for (let from = at + 1; ; ) {
    const close = text.indexOf(quote, from);
    if (close < 0 || close >= end) return -1;
    if (quote === "'" && text.charCodeAt(close + 1) === SINGLE_QUOTE) {
      from = close + 2;
      continue;
    }
    return close;
  }
}

/** The text of a quoted scalar from its opening quote to its closing one: no escapes but `''`. */
function unquote(text: string, at: number, close: number): string {
  const inner = text.slice(at + 1, close);
  return text.charCodeAt(at) === SINGLE_QUOTE && inner.includes("''") ? inner.replaceAll("''", "'") : inner;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}
