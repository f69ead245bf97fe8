// The yaml library's parse errors → our own problem codes, with the facts a message needs
// to say what to do: the duplicated key and where it first appears, the quote or bracket
// left open, the line rewritten the way it should have been written. Language-free: the
// texts live in src/rules/PLAN001-yaml-legible.ts.
import type { Document, ErrorCode, LineCounter, Node, Scalar, YAMLError } from 'yaml';
import { strictYaml } from './library.js';

/** Every problem a YAML text can have; each has a message and a hint in PLAN001. */
export const YAML_PROBLEM_CODES = [
  'empty', 'multi_document', 'syntax', 'internal', 'bad_indent', 'indented_key', 'missing_dash',
  'missing_char', 'missing_colon', 'missing_space', 'missing_comma', 'extra_comma', 'prop_space',
  'doc_start_line', 'comment_space', 'unclosed_quote', 'unclosed_flow', 'block_in_flow', 'colon_in_text',
  'multiline_key', 'key_too_long', 'bad_scalar_start', 'bad_escape', 'text_after_value', 'seq_on_key_line',
  'block_scalar_header', 'unexpected', 'seq_in_map', 'duplicate_key', 'tab_indent', 'too_deep', 'alias_bomb', 'bad_alias',
  'unknown_alias', 'alias_props', 'multiple_anchors', 'multiple_tags', 'prop_order', 'directive',
  'missing_doc_start', 'tag', 'complex_key', 'not_json',
] as const;

export type YamlProblemCode = (typeof YAML_PROBLEM_CODES)[number];

export type ProblemParams = Record<string, string | number>;

export interface YamlProblem {
  code: YamlProblemCode;
  /** Offset into the text where the problem is. */
  offset: number;
  /** The offending tag, for the `tag` message. */
  detail?: string;
  /** What the message and its hint name: a key, a line, the line rewritten (`example`). */
  params?: ProblemParams;
}

/**
 * The problem code each library code becomes when nothing more specific is known; the
 * codes whose library message tells several mistakes apart are refined in `problemFor`.
 * A `Record` over the library's own union, so a yaml upgrade that adds a code does not
 * compile until the code has a message (tests/yaml/messages.test.ts checks it at run time).
 */
export const LIBRARY_CODES: Record<ErrorCode, YamlProblemCode> = {
  ALIAS_PROPS: 'alias_props',
  BAD_ALIAS: 'bad_alias',
  BAD_COLLECTION_TYPE: 'tag',
  BAD_DIRECTIVE: 'directive',
  BAD_DQ_ESCAPE: 'bad_escape',
  BAD_INDENT: 'bad_indent',
  BAD_PROP_ORDER: 'prop_order',
  BAD_SCALAR_START: 'bad_scalar_start',
  BLOCK_AS_IMPLICIT_KEY: 'colon_in_text',
  BLOCK_IN_FLOW: 'block_in_flow',
  // Unreachable here: parse.ts turns the library's quadratic check off (uniqueKeys: false)
  // and finds repeated keys itself, with `duplicateKeys`.
  DUPLICATE_KEY: 'duplicate_key',
  // Raised only when the library breaks one of its own invariants.
  IMPOSSIBLE: 'internal',
  KEY_OVER_1024_CHARS: 'key_too_long',
  MISSING_CHAR: 'missing_char',
  MULTILINE_IMPLICIT_KEY: 'multiline_key',
  MULTIPLE_ANCHORS: 'multiple_anchors',
  // Unreachable here: only parseDocument() raises it; parseAllDocuments() returns each
  // document and parse.ts reports the second one as `multi_document` itself.
  MULTIPLE_DOCS: 'multi_document',
  MULTIPLE_TAGS: 'multiple_tags',
  // Unreachable here: raised only with the `stringKeys` option, which we leave off;
  // parse.ts refuses a key that is not a plain scalar as `complex_key` itself.
  NON_STRING_KEY: 'complex_key',
  RESOURCE_EXHAUSTION: 'too_deep',
  TAB_AS_INDENT: 'tab_indent',
  TAG_RESOLVE_FAILED: 'tag',
  UNEXPECTED_TOKEN: 'unexpected',
};

interface Line {
  start: number;
  /** Offset of the line end (its `\n`, or the end of the text). */
  end: number;
  text: string;
}

/**
 * A key as plan files write them (`comentario`, `meta_anual`). A capitalised word before
 * «: » (`- Acta: firmada`) is more likely the start of a text than a key.
 */
const KEY = /^[a-z][a-z0-9_]*$/;

/** Turns one error or warning of the library into the problem a person can act on. */
export function problemFor(error: YAMLError, text: string, doc: Document.Parsed | undefined, lineCounter: LineCounter): YamlProblem {
  const offset = Math.min(error.pos[0], text.length);
  const base = LIBRARY_CODES[error.code] ?? 'syntax';
  const at = (code: YamlProblemCode, params?: ProblemParams, where = offset): YamlProblem => ({ code, offset: where, ...(params ? { params } : {}) });
  const line = lineAt(text, offset);
  switch (error.code) {
    case 'RESOURCE_EXHAUSTION':
      // The library stops where its stack ran out, somewhere inside the line.
      return at('too_deep', undefined, line.start + indentOf(line.text));
    case 'TAG_RESOLVE_FAILED':
    case 'BAD_COLLECTION_TYPE':
      return { code: 'tag', offset, detail: /^!\S*/.exec(text.slice(offset))?.[0] ?? '!' };
    case 'BAD_DIRECTIVE':
      return at('directive', { text: line.text.trim() }, line.start);
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (/nested mappings/i.test(error.message)) return nestedMapping(offset, text, doc, lineCounter);
      // `- accion: …` written at the indentation of a section's keys.
      return at('seq_in_map', undefined, line.start + indentOf(line.text));
    case 'MISSING_CHAR':
      return missingChar(error.message, offset, text, lineCounter);
    case 'BAD_INDENT': {
      const flow = /^Flow (sequence|map) in block collection/.exec(error.message);
      if (flow) return unclosedFlow(flow[1] === 'map' ? '{' : '[', offset, text);
      if (/same column/.test(error.message) && !line.text.includes(':') && previousContentLine(text, line)?.trimStart().startsWith('- ')) {
        return at('missing_dash', { example: `- ${line.text.trim()}` }, line.start + indentOf(line.text));
      }
      return at('bad_indent');
    }
    case 'MULTILINE_IMPLICIT_KEY': {
      // `[DIF, - SP]`: the block item inside brackets is read as a pair's key first.
      if (/flow sequence pairs/.test(error.message) && text.startsWith('- ', offset)) return at('block_in_flow');
      const content = line.text.trim();
      if (/^-(\s|$)/.test(content)) return at('seq_in_map', undefined, line.start + indentOf(line.text));
      if (line.text.slice(offset - line.start).trim() !== '' && !/:(\s|$)/.test(content) && !/^["']/.test(content)) {
        return at('missing_colon', { text: content, example: withColon(content) });
      }
      return at('multiline_key');
    }
    case 'UNEXPECTED_TOKEN': {
      if (/at node end/.test(error.message)) {
        // `comentario: *Urgente* falta material`: asterisks for emphasis make an alias.
        const value = /^\s*(?:-\s+)*(?:[^\s:#'"][^:#]*:\s+)?(.*)$/.exec(line.text)![1]!;
        if (/^[*&]/.test(value)) return at('bad_alias', { example: quotedLine(line.text) }, line.start + line.text.indexOf(value));
        return at('text_after_value', { text: clip(stripComment(text.slice(offset, line.end)).trim()), example: quotedLine(line.text) });
      }
      if (/block-seq-ind on same line with key/.test(error.message)) return at('seq_on_key_line', { example: quotedLine(line.text) });
      if (/Unexpected (,|empty item) in flow/.test(error.message)) return at('extra_comma');
      if (/Block scalar header|Not a YAML token/.test(error.message) && /:\s+[|>]/.test(line.text)) {
        return at('block_scalar_header', { example: quotedLine(line.text) });
      }
      return at('unexpected', { text: clip(tokenAt(text, offset)) });
    }
    case 'BAD_SCALAR_START':
      return at('bad_scalar_start', { char: text.charAt(offset), example: quotedLine(line.text) });
    case 'BAD_DQ_ESCAPE':
      return at('bad_escape', { sequence: text.slice(offset, offset + 2), example: quotedLine(line.text) });
    case 'BAD_ALIAS':
    case 'ALIAS_PROPS':
    case 'MULTIPLE_ANCHORS':
    case 'MULTIPLE_TAGS':
    case 'BAD_PROP_ORDER':
      return at(base, { example: quotedLine(line.text) });
    default:
      return at(base);
  }
}

/**
 * Keys written twice in one section, in the order they appear (at most `max`): the repeat,
 * named, with the line of its first occurrence. The library's own check (`uniqueKeys`)
 * compares each key with every earlier key of its map, so a flow map of 60,000 keys took
 * minutes; one set of keys per map makes it linear. Keys compare as the library compared
 * them: two scalars with the same resolved value (`===`: «1» and «"1"» differ, NaN never
 * repeats); a key that is not a scalar is refused later as `complex_key`.
 */
export function duplicateKeys(root: Node | null, text: string, lineCounter: LineCounter, max: number): YamlProblem[] {
  const problems: YamlProblem[] = [];
  if (!root) return problems;
  type Step = { node: unknown } | { key: Scalar; seen: Map<unknown, Scalar> };
  // Each pair's key is checked before its value is entered, so problems come in text order.
  const stack: Step[] = [{ node: root }];
  while (stack.length > 0 && problems.length < max) {
    const step = stack.pop()!;
    if ('key' in step) {
      const value = step.key.value;
      if (typeof value === 'number' && Number.isNaN(value)) continue;
      const first = step.seen.get(value);
      if (!first) step.seen.set(value, step.key);
      else problems.push({ code: 'duplicate_key', offset: keyOffset(step.key, text), params: { key: first.value === null ? String(first.source ?? '') : String(first.value), firstLine: lineCounter.linePos(first.range?.[0] ?? 0).line } });
      continue;
    }
    const node = step.node;
    if (strictYaml().isMap(node)) {
      const seen = new Map<unknown, Scalar>();
      for (let i = node.items.length - 1; i >= 0; i--) {
        const pair = node.items[i]!;
        if (pair.value) stack.push({ node: pair.value });
        if (strictYaml().isScalar(pair.key)) stack.push({ key: pair.key, seen });
        else if (pair.key) stack.push({ node: pair.key });
      }
    } else if (strictYaml().isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i] });
    }
  }
  return problems;
}

/**
 * Where the library placed a repeated key: its start, or for an empty key (`? ` alone) the
 * first thing written after it, past blanks, line ends and comments.
 */
function keyOffset(key: Scalar, text: string): number {
  const start = key.range?.[0] ?? 0;
  if (key.value !== null || key.source !== '') return start;
  BLANKS.lastIndex = start;
  BLANKS.exec(text);
  return Math.min(BLANKS.lastIndex, text.length);
}

const BLANKS = /(?:\s|#[^\n]*)*/y;

/**
 * `comentario: Se avanzó. Nota: falta material`: a plain value holding «: » reads as a
 * key of a nested section, which a compact `clave: valor` line cannot hold. The same error
 * comes when the line below is indented deeper than its key (`clave: OP` then `  nombre: X`),
 * because YAML reads the value and that line as one multi-line key. Either way the «: »
 * that YAML stopped at tells which: on the line of the value, or on a line below.
 */
function nestedMapping(offset: number, text: string, doc: Document.Parsed | undefined, lineCounter: LineCounter): YamlProblem {
  const valueLine = lineAt(text, offset);
  const colon = colonOfNestedKey(offset, text, doc);
  const prefix = valueLine.text.slice(0, offset - valueLine.start);
  const parent = /^\s*(?:-\s+)*([^\s#'"][^#]*?)\s*:\s*$/u.exec(prefix)?.[1];
  const parentIsKey = parent !== undefined && KEY.test(parent);
  if (colon === undefined || colon <= valueLine.end) {
    // On the value's own line: the text holds «: ».
    const value = stripComment(text.slice(offset, valueLine.end)).trim();
    const example = parentIsKey ? `${parent}: ${quoteYaml(value)}` : quotedLine(valueLine.text);
    return { code: 'colon_in_text', offset, params: { example } };
  }
  const colonLine = lineAt(text, colon);
  const lineStart = colonLine.start + indentOf(colonLine.text);
  const nestedKey = text.slice(lineStart, colon).trim();
  if (KEY.test(nestedKey) && parentIsKey) {
    return { code: 'indented_key', offset: lineStart, params: { key: nestedKey, parent: parent!, parentLine: lineCounter.linePos(offset).line } };
  }
  // A value continued on the next lines, with «: » on one of them.
  const value = text
    .slice(offset, colonLine.end)
    .split('\n')
    .map((part) => stripComment(part).trim())
    .join(' ');
  const example = parentIsKey ? `${parent}: ${quoteYaml(value)}` : quoteYaml(value);
  return { code: 'colon_in_text', offset: lineStart, params: { example } };
}

/** Offset of the «:» that ends the first key of the nested section starting at `offset`. */
function colonOfNestedKey(offset: number, text: string, doc: Document.Parsed | undefined): number | undefined {
  let keyEnd: number | undefined;
  if (doc?.contents) {
    strictYaml().visit(doc.contents, {
      Map(_, map) {
        if (map.range?.[0] !== offset) return undefined;
        const key = map.items[0]?.key;
        if (strictYaml().isScalar(key) && key.range) keyEnd = key.range[1];
        return strictYaml().visit.BREAK;
      },
    });
  }
  const from = keyEnd ?? offset;
  const match = /:(?=\s|$)/.exec(text.slice(from));
  return match ? from + match.index : undefined;
}

function missingChar(message: string, offset: number, text: string, lineCounter: LineCounter): YamlProblem {
  const line = lineAt(text, offset);
  const quote = /Missing closing (["'])quote/.exec(message)?.[1];
  if (quote) {
    const open = openingQuote(text, offset, quote);
    return { code: 'unclosed_quote', offset: open, params: { quote: quote === '"' ? '"' : "'", other: quote === '"' ? "'" : '"' } };
  }
  if (/Implicit map keys need to be followed by map values/.test(message)) {
    const content = line.text.trim();
    if (/^-(\s|$)/.test(content)) return { code: 'seq_in_map', offset: line.start + indentOf(line.text) };
    const tight = /^([^\s:#'"][^\s:]*):(\S.*)$/.exec(content);
    if (tight) return { code: 'missing_space', offset, params: { text: clip(content), example: `${tight[1]}: ${tight[2]}` } };
    return { code: 'missing_colon', offset, params: { text: clip(content), example: withColon(content) } };
  }
  const flow = /^Flow (sequence|map) must end with/.exec(message);
  if (flow) return unclosedFlow(flow[1] === 'map' ? '{' : '[', offset, text);
  if (/Missing , (or : )?between/.test(message)) return { code: 'missing_comma', offset };
  if (/Missing space after :/.test(message)) {
    const content = line.text.trim();
    return { code: 'missing_space', offset, params: { text: clip(content), example: content.replace(/:(?=\S)/, ': ') } };
  }
  if (/Sequence item without - indicator/.test(message)) return { code: 'missing_dash', offset, params: { example: `- ${line.text.trim()}` } };
  if (/Comments must be separated/.test(message)) return { code: 'comment_space', offset, params: { example: quotedLine(line.text) } };
  if (/Missing newline after block sequence props/.test(message)) return { code: 'prop_order', offset, params: { example: quotedLine(line.text) } };
  if (/Tags and anchors must be separated/.test(message)) return { code: 'prop_space', offset, params: { example: quotedLine(line.text) } };
  if (/same line with directives-end marker/.test(message)) return { code: 'doc_start_line', offset };
  if (/directives-end/.test(message)) return { code: 'missing_doc_start', offset, params: { line: lineCounter.linePos(offset).line } };
  return { code: 'missing_char', offset };
}

/**
 * The `[` or `{` left open before `offset`; the library reports the line after it. Quotes
 * are not tracked: a bracket inside a quoted text before the real one is rare enough.
 */
function unclosedFlow(opener: '[' | '{', offset: number, text: string): YamlProblem {
  const closer = opener === '[' ? ']' : '}';
  let depth = 0;
  let open = offset;
  for (let i = offset - 1; i >= 0; i--) {
    const ch = text[i];
    if (ch === closer) depth++;
    else if (ch === opener && depth-- === 0) {
      open = i;
      break;
    }
  }
  return { code: 'unclosed_flow', offset: open, params: { opener, closer, example: quotedLine(lineAt(text, open).text) } };
}

/** The quote that opens the scalar the library found unclosed at `end`. */
function openingQuote(text: string, end: number, quote: string): number {
  for (let i = Math.min(end, text.length) - 1; i >= 0; i--) {
    if (text[i] !== quote) continue;
    if (quote === '"') {
      let slashes = 0;
      while (text[i - 1 - slashes] === '\\') slashes++;
      if (slashes % 2 === 0) return i;
    } else if (text[i - 1] === "'") {
      i--;
    } else {
      return i;
    }
  }
  return end;
}

function lineAt(text: string, offset: number): Line {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', offset);
  const end = newline < 0 ? text.length : newline;
  return { start, end, text: text.slice(start, end).replace(/\r$/, '') };
}

function previousContentLine(text: string, line: Line): string | undefined {
  let end = line.start - 1;
  while (end > 0) {
    const previous = lineAt(text, end);
    if (previous.text.trim() !== '' && !previous.text.trimStart().startsWith('#')) return previous.text;
    end = previous.start - 1;
  }
  return undefined;
}

function indentOf(line: string): number {
  return /^\s*/.exec(line)![0].length;
}

/** The word at `offset`, to name unexpected content. */
function tokenAt(text: string, offset: number): string {
  return /^\S*/.exec(text.slice(offset))![0] || text.charAt(offset);
}

function clip(value: string, max = 60): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

/** `nombre Obras` → `nombre: Obras`; a line with no word to split gets a placeholder value. */
function withColon(content: string): string {
  const match = /^(?:-\s+)?([^\s:]+)\s+(.+)$/.exec(content);
  if (match && KEY.test(match[1]!)) return `${match[1]}: ${match[2]}`;
  return `${content}: …`;
}

/** A value's text without a trailing ` # comment` outside quotes. */
function stripComment(value: string): string {
  let from = 0;
  const first = value.trimStart();
  if (first.startsWith('"') || first.startsWith("'")) {
    const quote = first[0]!;
    const start = value.indexOf(quote);
    let i = start + 1;
    while (i < value.length && !(value[i] === quote && (quote === "'" || value[i - 1] !== '\\'))) i++;
    from = i + 1;
  }
  const hash = value.slice(from).search(/\s#/);
  return hash < 0 ? value : value.slice(0, from + hash);
}

/**
 * The line as it should have been written: `clave: "valor"`, or `- "texto"` for a list
 * item, with the value's own outer quotes dropped when it had them.
 */
function quotedLine(line: string): string {
  const match = /^\s*(-\s+)*(?:([a-z][a-z0-9_]*)\s*:[ \t]+)?(.*)$/.exec(line)!;
  const [, dash, key] = match;
  let value = stripComment(match[3] ?? '').trim();
  const wrapped = /^(["'])(.*)\1$/s.exec(value);
  if (wrapped) value = wrapped[2]!;
  const quoted = quoteYaml(value);
  if (key) return `${key}: ${quoted}`;
  return dash ? `- ${quoted}` : quoted;
}

/** The line at `offset` as it should have been written (see `quotedLine`). */
export function quotedLineAt(text: string, offset: number): string {
  return quotedLine(lineAt(text, offset).text);
}

/** Double quotes unless the text has a `"` or `\`, which single quotes keep as they are. */
export function quoteYaml(value: string): string {
  const shown = clip(value, 70);
  if (!/["\\]/.test(shown)) return `"${shown}"`;
  return `'${shown.replace(/'/g, "''")}'`;
}
