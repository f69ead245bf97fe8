import { LineCounter, parseAllDocuments, isCollection, isPair, type Document, type Node as YamlNode } from 'yaml';

export const MAX_ALIAS_COUNT = 100;
export const MAX_NESTING = 64;

export type YamlProblemCode =
  | 'empty'
  | 'multi_document'
  | 'syntax'
  | 'duplicate_key'
  | 'tab_indent'
  | 'too_deep'
  | 'alias_bomb'
  | 'tag'
  | 'not_json';

export interface YamlProblem {
  code: YamlProblemCode;
  /** Offset into the text where the problem is. */
  offset: number;
  /** The parser's own words, kept for syntax errors we have no Spanish text for. */
  detail?: string;
}

export interface ParsedYaml {
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** Plain JSON data: objects, arrays, strings, finite numbers, booleans, null. */
  value: unknown;
}

export type ParseOutcome =
  | { ok: true; parsed: ParsedYaml }
  | { ok: false; lineCounter: LineCounter; problems: YamlProblem[] };

const PARSE_OPTIONS = {
  // Forcing the 1.2 core schema also overrides a `%YAML 1.1` directive in the file,
  // so `no` stays a string, `010` stays decimal and `<<` is an ordinary key.
  schema: 'core',
  version: '1.2',
  merge: false,
  uniqueKeys: true,
  strict: true,
  prettyErrors: false,
} as const;

export function parseYaml(text: string): ParseOutcome {
  const lineCounter = new LineCounter();
  const fail = (problems: YamlProblem[]): ParseOutcome => ({ ok: false, lineCounter, problems });

  const docs = parseAllDocuments(text, { ...PARSE_OPTIONS, lineCounter });
  if (!Array.isArray(docs) || docs.length === 0) return fail([{ code: 'empty', offset: 0 }]);
  if (docs.length > 1) return fail([{ code: 'multi_document', offset: docs[1]!.range[0] }]);
  const doc = docs[0]!;

  const problems: YamlProblem[] = doc.errors.map((error) => ({
    code: problemCodeOf(error.code, error.message),
    offset: error.pos[0],
    detail: error.message,
  }));
  // An unknown tag (`!!js/function`, `!!binary`, `!custom`) is only a warning for the
  // parser, and some still build non-JSON values: treat every warning as an error.
  for (const warning of doc.warnings) problems.push({ code: 'tag', offset: warning.pos[0], detail: warning.message });
  if (problems.length > 0) return fail(problems);

  if (doc.contents === null) return fail([{ code: 'empty', offset: 0 }]);
  const deep = firstNodeDeeperThan(doc.contents, MAX_NESTING);
  if (deep) return fail([{ code: 'too_deep', offset: deep.range?.[0] ?? 0 }]);

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // The alias-bomb guard throws a plain ReferenceError; anything else thrown while
    // building values is a document we refuse, never a crash.
    const code = error instanceof ReferenceError && /alias/i.test(error.message) ? 'alias_bomb' : 'syntax';
    return fail([{ code, offset: 0, detail: error instanceof Error ? error.message : String(error) }]);
  }
  if (!isPlainJson(value)) return fail([{ code: 'not_json', offset: 0 }]);
  return { ok: true, parsed: { doc, lineCounter, value } };
}

function problemCodeOf(code: string, message: string): YamlProblemCode {
  if (code === 'DUPLICATE_KEY') return 'duplicate_key';
  if (code === 'TAB_AS_INDENT') return 'tab_indent';
  if (/call stack/i.test(message)) return 'too_deep';
  return 'syntax';
}

type AnyNode = YamlNode | { key: unknown; value: unknown };

function firstNodeDeeperThan(root: YamlNode, limit: number): YamlNode | undefined {
  const stack: [AnyNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (isCollection(node)) {
      if (depth >= limit) return node;
      for (const item of node.items as AnyNode[]) stack.push([item, depth + 1]);
    } else if (isPair(node)) {
      if (node.key && typeof node.key === 'object') stack.push([node.key as AnyNode, depth]);
      if (node.value && typeof node.value === 'object') stack.push([node.value as AnyNode, depth]);
    }
  }
  return undefined;
}

function isPlainJson(root: unknown): boolean {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value === 'string' || typeof value === 'boolean') continue;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return false;
      continue;
    }
    if (Array.isArray(value)) {
      stack.push(...value);
      continue;
    }
    if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      stack.push(...Object.values(value as object));
      continue;
    }
    return false;
  }
  return true;
}
