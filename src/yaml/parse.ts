import type { Document, LineCounter, Node as YamlNode } from 'yaml';
import { strictYaml } from './library.js';
import { duplicateKeys, problemFor, quotedLineAt, type YamlProblem } from './problems.js';

export type { YamlProblem, YamlProblemCode } from './problems.js';

export const MAX_ALIAS_COUNT = 100;
export const MAX_NESTING = 64;
/** A file with a syntax error rarely needs more than its first few errors to be fixed. */
const MAX_PROBLEMS_PER_FILE = 20;

export interface ParsedYaml {
  /** The decoded source, for what the parsed document does not keep (comments by line). */
  text: string;
  /** The document with positions, from the strict path only (see fast.ts). */
  doc?: Document.Parsed;
  lineCounter?: LineCounter;
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
  // Repeated keys are found by `duplicateKeys` in one pass; the library's own check is
  // quadratic in the keys of a map.
  uniqueKeys: false,
  strict: true,
  prettyErrors: false,
} as const;

/** Old Mac line ends (a lone CR) would otherwise read as one endless line. */
export function normalizeLineEnds(source: string): string {
  return source.includes('\r') ? source.replace(/\r(?!\n)/g, '\n') : source;
}

export function parseYaml(source: string): ParseOutcome {
  const text = normalizeLineEnds(source);
  const lineCounter = new (strictYaml().LineCounter)();
  const fail = (problems: YamlProblem[]): ParseOutcome => ({ ok: false, lineCounter, problems: problems.slice(0, MAX_PROBLEMS_PER_FILE) });

  const docs = strictYaml().parseAllDocuments(text, { ...PARSE_OPTIONS, lineCounter });
  if (!Array.isArray(docs) || docs.length === 0) {
    // A stream with no document can still carry errors (a directive line and nothing else).
    const stream = docs as { errors?: Document.Parsed['errors']; warnings?: Document.Parsed['warnings'] };
    const first = stream.errors?.[0] ?? stream.warnings?.[0];
    return fail([first ? problemFor(first, text, undefined, lineCounter) : { code: 'empty', offset: 0 }]);
  }
  if (docs.length > 1) return fail([{ code: 'multi_document', offset: docs[1]!.range[0] }]);
  const doc = docs[0]!;

  // Duplicate keys are each a separate problem; other syntax errors cascade, so only the
  // first one is worth reading. An unknown tag (`!!js/function`, `!!binary`, `!custom`) or
  // directive is only a warning for the parser, and some still build non-JSON values:
  // every warning is an error too. Only the errors that will be shown are explained.
  const firstSyntax = doc.errors[0];
  const problems = [
    ...(firstSyntax ? [problemFor(firstSyntax, text, doc, lineCounter)] : []),
    ...duplicateKeys(doc.contents, text, lineCounter, MAX_PROBLEMS_PER_FILE),
    ...doc.warnings.slice(0, MAX_PROBLEMS_PER_FILE).map((warning) => problemFor(warning, text, doc, lineCounter)),
  ];
  if (problems.length > 0) return fail(problems.sort((a, b) => a.offset - b.offset));

  if (doc.contents === null) return fail([{ code: 'empty', offset: 0 }]);
  const shapeProblem = checkShape(doc.contents);
  if (shapeProblem) return fail([shapeProblem]);

  try {
    return { ok: true, parsed: { text, doc, lineCounter, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) } };
  } catch (error) {
    // Both alias guards throw a plain ReferenceError: an alias whose anchor is not set
    // before it, and the alias-bomb count. Anything else thrown while building values is
    // a document we refuse, never a crash.
    const message = error instanceof ReferenceError ? error.message : '';
    const unresolved = /^Unresolved alias[^:]*: (.*)$/.exec(message);
    if (unresolved) {
      const offset = firstAliasOffset(doc.contents, unresolved[1]);
      return fail([{ code: 'unknown_alias', offset, params: { name: unresolved[1]!, example: quotedLineAt(text, offset) } }]);
    }
    return fail([{ code: /alias/i.test(message) ? 'alias_bomb' : 'syntax', offset: firstAliasOffset(doc.contents) }]);
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
    if (strictYaml().isCollection(node)) {
      if (depth >= MAX_NESTING) return { code: 'too_deep', offset: node.range?.[0] ?? 0 };
      for (const item of node.items as AnyNode[]) stack.push([item, depth + 1]);
    } else if (strictYaml().isPair(node)) {
      if (node.key !== null && !strictYaml().isScalar(node.key)) return { code: 'complex_key', offset: (node.key as YamlNode).range?.[0] ?? 0 };
      // A node's range leaves its tag out: for `clave: !!omap` followed by block items it
      // starts at the first item, a line below. The key's line is where the tag is written.
      const valueTag = (node.value as { tag?: string } | null)?.tag;
      if (valueTag !== undefined && !JSON_TAGS.has(valueTag)) {
        return { code: 'tag', offset: (node.key as YamlNode | null)?.range?.[0] ?? 0, detail: valueTag.replace('tag:yaml.org,2002:', '!!') };
      }
      if (node.value && typeof node.value === 'object') stack.push([node.value as AnyNode, depth]);
    } else if (strictYaml().isScalar(node)) {
      const value = node.value;
      const json = value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
      if (!json) return { code: 'not_json', offset: node.range?.[0] ?? 0 };
    }
  }
  return undefined;
}

/** Where the first alias (named `name`, when given) is written. */
function firstAliasOffset(root: YamlNode, name?: string): number {
  let first: number | undefined;
  strictYaml().visit(root, {
    Alias(_, alias) {
      if (name !== undefined && alias.source !== name) return undefined;
      first = alias.range?.[0] ?? 0;
      return strictYaml().visit.BREAK;
    },
  });
  return first ?? 0;
}
