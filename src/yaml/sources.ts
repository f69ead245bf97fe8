// The decoded text of every parsed file, and line/column for a JSON path in it. Parsed
// documents with positions take several times the memory of their text, and only the
// few files with findings need positions: those are parsed again, once each, on demand.
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { PathSegment } from './path.js';
import { locate, position } from './locate.js';
import { PARSE_OPTIONS } from './parse.js';

export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export class Sources {
  private readonly texts = new Map<string, string>();
  private readonly parsed = new Map<string, { doc: Document; lineCounter: LineCounter }>();

  set(file: string, text: string): void {
    this.texts.set(file, text);
  }

  /**
   * The document as the loader parsed it, for a file that will have findings placed in it
   * (schema problems): parsing a large file a second time costs as much as the first.
   */
  keepParsed(file: string, doc: Document, lineCounter: LineCounter): void {
    this.parsed.set(file, { doc, lineCounter });
  }

  has(file: string): boolean {
    return this.texts.has(file);
  }

  entries(): IterableIterator<[string, string]> {
    return this.texts.entries();
  }

  /** Where `path` is in `file`; undefined for a file that was not parsed. */
  locate(file: string, path: readonly PathSegment[], atKey = false): Span | undefined {
    const source = this.parse(file);
    if (!source) return undefined;
    const range = locate(source.doc, path, atKey);
    const start = position(source.lineCounter, range.start);
    const end = position(source.lineCounter, range.end);
    return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  }

  private parse(file: string): { doc: Document; lineCounter: LineCounter } | undefined {
    const cached = this.parsed.get(file);
    if (cached) return cached;
    const text = this.texts.get(file);
    if (text === undefined) return undefined;
    const lineCounter = new LineCounter();
    // The text parsed cleanly once already; the same options give the same nodes.
    const doc = parseDocument(text, { ...PARSE_OPTIONS, lineCounter });
    const source = { doc, lineCounter };
    this.parsed.set(file, source);
    return source;
  }
}
