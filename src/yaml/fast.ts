// The fast data path: most plan files are plain block YAML, and for those js-yaml builds
// the same data about five times faster than the `yaml` library builds a document with
// positions. The fast path only ever answers with data it can vouch for; everything else
// (every error, every feature whose meaning the two libraries could read differently) goes
// to the strict path of parse.ts, which gives every PLAN001 message. Positions are not
// needed here: a file with a finding is parsed strictly again when it is located
// (yaml/sources.ts). Before js-yaml, plain-block.ts tries the narrow block YAML plan files
// are written in, faster still. tests/yaml/fast.test.ts holds the differential tests.
import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';
import { CORE_TYPES, type Resolution } from './core-scalars.js';
import { MAX_NESTING, normalizeLineEnds, parseYaml, type ParseOutcome } from './parse.js';
import { plainBlockData } from './plain-block.js';

/**
 * The core schema as the strict library resolves it (core-scalars.ts). js-yaml's own
 * CORE_SCHEMA reads some plain scalars differently (`1_000`, `0b101`, `+.5`).
 */
const CORE_AS_STRICT = FAILSAFE_SCHEMA.extend({ implicit: CORE_TYPES.map(({ name, starts, forms }) => scalar(name, starts, forms)) });

/**
 * One js-yaml type per tag (js-yaml keeps only the last type given for a tag), trying the
 * forms in order. Every plain scalar is offered to each type, and most are words: a first
 * character none of the forms can start with (`starts`; the empty text is null's) refuses
 * it before any pattern runs.
 */
function scalar(name: string, starts: string, forms: readonly Resolution[]): Type {
  let resolved: { data: string; form: Resolution } | undefined;
  const formOf = (data: string) => {
    if (data.length > 0 && !starts.includes(data[0]!)) return undefined;
    if (resolved?.data === data) return resolved.form;
    const form = forms.find(([pattern]) => pattern.test(data));
    // js-yaml constructs right after a type resolves: the same text, the form just found.
    resolved = form && { data, form };
    return form;
  };
  return new Type(`tag:yaml.org,2002:${name}`, {
    kind: 'scalar',
    resolve: (data: string | null) => formOf(data ?? '') !== undefined,
    construct: (data: string | null) => formOf(data ?? '')![1](data ?? ''),
  });
}

/**
 * What the fast path never reads, because the two libraries could disagree or only the
 * strict one has the message: tabs; line breaks of YAML 1.1 (NEL, LS, PS) and a BOM past the
 * start; directives and document markers; anchors, aliases and tags (`&`, `*`, `!` where a
 * node starts); merge keys; explicit (`? `) keys and collections as keys (`[a]: 1`,
 * `{{a}}`); a comment glued to a quoted value or a bracket (`"v"#c`, an error for the strict
 * library only); a list item left empty (`-` alone on its line), after which js-yaml misses
 * the end of a nested list; a line that leaves something open (see scan); a key longer than
 * the strict library accepts; and, with block scalars, lines of only spaces. A text that
 * merely contains one of these characters («Obras & Servicios») takes the strict path:
 * slower, same result.
 */
function needsStrictPath(text: string): boolean {
  // One pass tells which rare characters occur; the patterns only run where they do.
  const seen = scan(text);
  if (seen === STRICT) return true;
  if (seen & ANGLE && text.includes('<<')) return true;
  if (seen & PROPERTY && NODE_PROPERTY.test(text)) return true;
  if (seen & QUESTION && EXPLICIT_KEY.test(text)) return true;
  if (seen & FLOW && (COLLECTION_KEY.test(text) || NESTED_FLOW.test(text))) return true;
  if (seen & HASH && GLUED_COMMENT.test(text)) return true;
  if (seen & LONG_LINE && hasLongKey(text)) return true;
  if (seen & BLOCK_INDICATOR && BLANK_WITH_SPACES.test(text)) return true;
  // Without a comment, a dash ending a line is what EMPTY_ITEM_END looks for.
  return (seen & DASH_AT_LINE_END || (seen & HASH && EMPTY_ITEM_END.test(text))) !== 0 && hasEmptyListItem(text);
}

const NODE_PROPERTY = /(?:^|[\s[{,])[&*!]/;
/** A `?` that starts an explicit key: at a line's start (after list dashes), or in a flow collection (`[? [] ]`, `{a: 1, ? b}`). */
const EXPLICIT_KEY = /(?:(?:^|\n)[ -]*|[[{,]\s*)\?(?:[\s[\]{},]|$)/;
const COLLECTION_KEY = /[\]}]\s*:/;
const NESTED_FLOW = /[{,]\s*[[{]/;
const GLUED_COMMENT = /["'\]}]#/;
/** A dash ending its line, or followed only by a comment: maybe an empty list item. */
const EMPTY_ITEM_END = /-[ ]*(?:#[^\n]*)?(?:\n|$)/;

/** A line that is only a list item's dash (or dashes, `- -`), with at most a comment. */
function hasEmptyListItem(text: string): boolean {
  return /^[ ]*(?:-[ ]+)*-[ ]*(?:#.*)?$/m.test(text);
}

/** Lines holding nothing but spaces, which a block scalar (`|`, `>`) reads more strictly in the strict library. */
const BLANK_WITH_SPACES = /^ +$/m;

/** The longest implicit key the strict library accepts, counted in source characters. */
const MAX_KEY_LENGTH = 1024;

/** The plain data of `text` when the fast path can vouch for it; undefined otherwise. */
export function fastYamlData(text: string): object | undefined {
  return plainBlockData(text) ?? jsYamlData(text);
}

function jsYamlData(text: string): object | undefined {
  if (needsStrictPath(text)) return undefined;
  let value: unknown;
  try {
    value = load(text, { schema: CORE_AS_STRICT });
  } catch {
    // Every syntax error, duplicate key, and a nesting deep enough to exhaust the stack.
    return undefined;
  }
  return typeof value === 'object' && value !== null && isPlainData(value) ? value : undefined;
}

/** What scan() saw, as bits; STRICT when it saw enough to send the text to the strict path. */
const STRICT = -1;
const PROPERTY = 1; // & * !
const QUESTION = 2; // ?
const FLOW = 4; // [ {
const HASH = 8; // #
const ANGLE = 16; // <
const BLOCK_INDICATOR = 32; // | >
const DASH_AT_LINE_END = 64;
const LONG_LINE = 128;

/**
 * One pass over the text. STRICT for a tab, NEL, LS, PS, BOM or lone CR; a line starting a directive or
 * a document marker (`%`, `---`, `...`); or a line that leaves something open for the next
 * one: a flow collection (`[a, b]`, `{a: 1}`), whose continuation lines the strict library
 * checks for indentation and js-yaml does not, or a quoted text, whose continuation lines
 * likewise (a quote left open swallows the lines below it for js-yaml). That is told by
 * counting on each line: brackets must balance, unescaped `"` and `'` must come in pairs, and
 * a line may not mix both kinds (one could hide inside the other); «O'Higgins» in a plain text
 * also takes the strict path. Otherwise, the bits of the characters the patterns of
 * needsStrictPath look for.
 */
function scan(text: string): number {
  let seen = 0;
  let depth = 0;
  let doubles = 0;
  let singles = 0;
  let backslashes = 0;
  let lineStart = 0;
  let lastNonSpace = -1;
  for (let i = 0; i <= text.length; i++) {
    const code = i === text.length ? 0x0a : text.charCodeAt(i);
    if (i === lineStart && (code === 0x25 || ((code === 0x2d || code === 0x2e) && (text.startsWith('---', i) || text.startsWith('...', i))))) return STRICT;
    switch (code) {
      case 0x0a:
        if (depth !== 0 || doubles % 2 !== 0 || singles % 2 !== 0 || (doubles > 0 && singles > 0)) return STRICT;
        if (lastNonSpace === 0x2d) seen |= DASH_AT_LINE_END;
        if (i - lineStart > MAX_KEY_LENGTH - 24) seen |= LONG_LINE;
        doubles = 0;
        singles = 0;
        backslashes = 0;
        lastNonSpace = -1;
        lineStart = i + 1;
        continue;
      case 0x5b:
      case 0x7b:
        depth++;
        seen |= FLOW;
        break;
      case 0x5d:
      case 0x7d:
        depth--;
        break;
      case 0x22:
        if (backslashes % 2 === 0) doubles++;
        break;
      case 0x27:
        singles++;
        break;
      case 0x0d:
        // A carriage return that ends no CRLF is a line end of its own, which this count would
        // miss; parseYamlData normalises them away before, so only a caller that did not sees one.
        if (text.charCodeAt(i + 1) !== 0x0a) return STRICT;
        break;
      case 0x09:
      case 0x85:
      case 0x2028:
      case 0x2029:
      case 0xfeff:
        return STRICT;
      case 0x26:
      case 0x2a:
      case 0x21:
        seen |= PROPERTY;
        break;
      case 0x3f:
        seen |= QUESTION;
        break;
      case 0x23:
        seen |= HASH;
        break;
      case 0x3c:
        seen |= ANGLE;
        break;
      case 0x7c:
      case 0x3e:
        seen |= BLOCK_INDICATOR;
        break;
    }
    if (code !== 0x20) lastNonSpace = code;
    backslashes = code === 0x5c ? backslashes + 1 : 0;
  }
  return seen;
}

/**
 * A line whose key runs past 1024 characters of source: the strict library refuses such an
 * implicit key (it counts the source, escapes and quotes included); js-yaml does not.
 */
function hasLongKey(text: string): boolean {
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    if (end - start > MAX_KEY_LENGTH - 24 && text.slice(start, end).search(/:(?:\s|$)/) > MAX_KEY_LENGTH - 24) return true;
    start = end + 1;
  }
  return false;
}

/**
 * Whether every node is what the strict path would have built: collections no deeper than
 * it allows, finite numbers, and keys it would have written the same way.
 */
function isPlainData(root: object): boolean {
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (typeof node === 'number') {
      if (!Number.isFinite(node)) return false;
      continue;
    }
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= MAX_NESTING) return false;
    if (Array.isArray(node)) {
      for (const item of node) stack.push([item, depth + 1]);
      continue;
    }
    for (const key in node) {
      // js-yaml writes a null key (`~:`) as «null», the strict path as «».
      if (key === 'null' || key === '__proto__' || key.length > MAX_KEY_LENGTH) return false;
      stack.push([(node as Record<string, unknown>)[key], depth + 1]);
    }
  }
  return true;
}

/** The fast path when it can vouch for the data, else the strict path with its positions and messages. */
export function parseYamlData(source: string): ParseOutcome {
  const text = normalizeLineEnds(source);
  const value = fastYamlData(text);
  return value === undefined ? parseYaml(text) : { ok: true, parsed: { text, value } };
}
