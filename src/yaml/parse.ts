import { isCollection, isPair, isScalar, LineCounter, parseAllDocuments, visit, type Document, type Node as YamlNode } from 'yaml';

export const MAX_ALIAS_COUNT = 100;
export const MAX_NESTING = 64;
/** A file with a syntax error rarely needs more than its first few errors to be fixed. */
const MAX_PROBLEMS_PER_FILE = 20;

export type YamlProblemCode =
  | 'empty'
  | 'multi_document'
  | 'syntax'
  | 'bad_indent'
  | 'missing_char'
  | 'multiline_key'
  | 'bad_scalar_start'
  | 'bad_escape'
  | 'unexpected'
  | 'duplicate_key'
  | 'tab_indent'
  | 'too_deep'
  | 'alias_bomb'
  | 'tag'
  | 'complex_key'
  | 'not_json';

export interface YamlProblem {
  code: YamlProblemCode;
  /** Offset into the text where the problem is. */
  offset: number;
  /** A short detail for the message: the parser's error code, or the offending tag. */
  detail?: string;
}

export interface ParsedYaml {
  /** The decoded source, for what the parsed document does not keep (comments by line). */
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** Plain JSON data: objects, arrays, strings, finite numbers, booleans, null. */
  value: unknown;
}

export type ParseOutcome =
  | { ok: true; parsed: ParsedYaml }
  | { ok: false; lineCounter: LineCounter; problems: YamlProblem[] };

export const PARSE_OPTIONS = {
  // Forcing the 1.2 core schema also overrides a `%YAML 1.1` directive in the file,
  // so `no` stays a string, `010` stays decimal and `<<` is an ordinary key.
  schema: 'core',
  version: '1.2',
  merge: false,
  uniqueKeys: true,
  strict: true,
  prettyErrors: false,
} as const;

const CODES: Record<string, YamlProblemCode> = {
  DUPLICATE_KEY: 'duplicate_key',
  TAB_AS_INDENT: 'tab_indent',
  BAD_INDENT: 'bad_indent',
  MISSING_CHAR: 'missing_char',
  MULTILINE_IMPLICIT_KEY: 'multiline_key',
  BAD_SCALAR_START: 'bad_scalar_start',
  BAD_DQ_ESCAPE: 'bad_escape',
  UNEXPECTED_TOKEN: 'unexpected',
};

export function parseYaml(source: string): ParseOutcome {
  // Old Mac line ends (a lone CR) would otherwise read as one endless line.
  const text = source.includes('\r') ? source.replace(/\r(?!\n)/g, '\n') : source;
  const lineCounter = new LineCounter();
  const fail = (problems: YamlProblem[]): ParseOutcome => ({ ok: false, lineCounter, problems: problems.slice(0, MAX_PROBLEMS_PER_FILE) });

  const docs = parseAllDocuments(text, { ...PARSE_OPTIONS, lineCounter });
  if (!Array.isArray(docs) || docs.length === 0) return fail([{ code: 'empty', offset: 0 }]);
  if (docs.length > 1) return fail([{ code: 'multi_document', offset: docs[1]!.range[0] }]);
  const doc = docs[0]!;

  const errors = doc.errors.map((error): YamlProblem => {
    if (/call stack/i.test(error.message)) return { code: 'too_deep', offset: error.pos[0] };
    return { code: CODES[error.code] ?? 'syntax', offset: error.pos[0], detail: error.code };
  });
  // Duplicate keys are each a separate problem; other syntax errors cascade, so only the
  // first one is worth reading.
  const firstSyntax = errors.find((p) => p.code !== 'duplicate_key');
  const problems = [...(firstSyntax ? [firstSyntax] : []), ...errors.filter((p) => p.code === 'duplicate_key')];
  // An unknown tag (`!!js/function`, `!!binary`, `!custom`) is only a warning for the
  // parser, and some still build non-JSON values: treat every warning as an error.
  for (const warning of doc.warnings) {
    problems.push({ code: 'tag', offset: warning.pos[0], detail: /^!\S*/.exec(text.slice(warning.pos[0]))?.[0] ?? warning.code });
  }
  if (problems.length > 0) return fail(problems.sort((a, b) => a.offset - b.offset));

  if (doc.contents === null) return fail([{ code: 'empty', offset: 0 }]);
  const shapeProblem = checkShape(doc.contents);
  if (shapeProblem) return fail([shapeProblem]);

  try {
    return { ok: true, parsed: { text, doc, lineCounter, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) } };
  } catch (error) {
    // The alias-bomb guard throws a plain ReferenceError; anything else thrown while
    // building values is a document we refuse, never a crash.
    const code = error instanceof ReferenceError && /alias/i.test(error.message) ? 'alias_bomb' : 'syntax';
    return fail([{ code, offset: firstAliasOffset(doc.contents) }]);
  }
}

type AnyNode = YamlNode | { key: unknown; value: unknown };

/**
 * Tags that build JSON values. The parser also resolves !!binary, !!timestamp, !!set,
 * !!omap and !!pairs without a warning, into Buffers, Dates and Sets.
 */
const JSON_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

/**
 * One pass over the nodes before any value is built: nesting depth, keys that are not
 * plain scalars, and scalars that are not JSON (`.inf`, `.nan`, numbers beyond float range).
 */
function checkShape(root: YamlNode): YamlProblem | undefined {
  const stack: [AnyNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    const tag = (node as { tag?: string }).tag;
    if (tag !== undefined && !JSON_TAGS.has(tag)) return { code: 'tag', offset: (node as YamlNode).range?.[0] ?? 0, detail: tag.replace('tag:yaml.org,2002:', '!!') };
    if (isCollection(node)) {
      if (depth >= MAX_NESTING) return { code: 'too_deep', offset: node.range?.[0] ?? 0 };
      for (const item of node.items as AnyNode[]) stack.push([item, depth + 1]);
    } else if (isPair(node)) {
      if (node.key !== null && !isScalar(node.key)) return { code: 'complex_key', offset: (node.key as YamlNode).range?.[0] ?? 0 };
      // A node's range leaves its tag out: for `clave: !!omap` followed by block items it
      // starts at the first item, a line below. The key's line is where the tag is written.
      const valueTag = (node.value as { tag?: string } | null)?.tag;
      if (valueTag !== undefined && !JSON_TAGS.has(valueTag)) {
        return { code: 'tag', offset: (node.key as YamlNode | null)?.range?.[0] ?? 0, detail: valueTag.replace('tag:yaml.org,2002:', '!!') };
      }
      if (node.value && typeof node.value === 'object') stack.push([node.value as AnyNode, depth]);
    } else if (isScalar(node)) {
      const value = node.value;
      const json = value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
      if (!json) return { code: 'not_json', offset: node.range?.[0] ?? 0 };
    }
  }
  return undefined;
}

function firstAliasOffset(root: YamlNode): number {
  let first: number | undefined;
  visit(root, {
    Alias(_, alias) {
      first = alias.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return first ?? 0;
}
