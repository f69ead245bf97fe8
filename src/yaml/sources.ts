// Line and column for a JSON path in a parsed file. No text is kept: parsed documents with
// positions take several times the memory of their text, and at 45,000 files even the texts
// alone would be hundreds of megabytes, while only the few files with findings need
// positions. Those are read and parsed strictly again, once each, on demand.
import path from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { readDataFile } from '../repo/read.js';
import { locate, position } from './locate.js';
import { normalizeLineEnds, PARSE_OPTIONS } from './parse.js';
import type { PathSegment } from './path.js';

export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export class Sources {
  private readonly parsed = new Map<string, { doc: Document; lineCounter: LineCounter } | undefined>();
  /** Positions found elsewhere (a worker thread, see parallel/pool.ts), by file and place. */
  private readonly known = new Map<string, Map<string, Span | undefined>>();

  constructor(
    private readonly root: string,
    /** The files that parsed when they were loaded. */
    private readonly files: ReadonlySet<string>,
    private readonly maxFileBytes: number,
  ) {}

  has(file: string): boolean {
    return this.files.has(file);
  }

  /** Where `path` is in `file`; undefined for a file that was not parsed (or no longer reads). */
  locate(file: string, path: readonly PathSegment[], atKey = false): Span | undefined {
    const known = this.known.get(file);
    const place = placeKey(path, atKey);
    if (known?.has(place)) return known.get(place);
    const source = this.parse(file);
    if (!source) return undefined;
    const range = locate(source.doc, path, atKey);
    const start = position(source.lineCounter, range.start);
    const end = position(source.lineCounter, range.end);
    return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  }

  /** Takes positions computed elsewhere, so `locate` need not parse the file here. */
  remember(file: string, path: readonly PathSegment[], atKey: boolean, span: Span | undefined): void {
    let known = this.known.get(file);
    if (!known) this.known.set(file, (known = new Map()));
    known.set(placeKey(path, atKey), span);
  }

  private parse(file: string): { doc: Document; lineCounter: LineCounter } | undefined {
    if (this.parsed.has(file)) return this.parsed.get(file);
    let source: { doc: Document; lineCounter: LineCounter } | undefined;
    if (this.files.has(file)) {
      // The file read and parsed cleanly once already: read the same way, the same options give the same nodes.
      const read = readDataFile(path.join(this.root, file), this.maxFileBytes);
      if (read.ok) {
        const lineCounter = new LineCounter();
        source = { doc: parseDocument(normalizeLineEnds(read.text), { ...PARSE_OPTIONS, lineCounter }), lineCounter };
      }
    }
    this.parsed.set(file, source);
    return source;
  }
}

function placeKey(path: readonly PathSegment[], atKey: boolean): string {
  return JSON.stringify([path, atKey]);
}
