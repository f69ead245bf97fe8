// Line and column for a JSON path in a parsed file. No text is kept: parsed documents with
// positions take several times the memory of their text, and at 45,000 files even the texts
// alone would be hundreds of megabytes, while only the few files with findings need
// positions. Those are read again, once each, on demand, and placed by reading their lines
// (quick-locate.ts) when the fast path reads them; otherwise, or for a place that reader is
// not sure of, parsed strictly again.
import path from 'node:path';
import type { Document, LineCounter } from 'yaml';
import { strictYaml } from './library.js';
import { readDataFile } from '../repo/read.js';
import { locate, position } from './locate.js';
import { normalizeLineEnds, PARSE_OPTIONS } from './parse.js';
import type { PathSegment } from './path.js';
import { QuickSource } from './quick-locate.js';

export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

interface StrictSource {
  doc: Document;
  lineCounter: LineCounter;
}

/** What is kept of a file with findings: its quick positions, its strict document, or both. */
interface FileSource {
  quick?: QuickSource;
  /** Parsed when needed; null when the file no longer reads. */
  strict?: StrictSource | null;
}

export class Sources {
  private readonly sources = new Map<string, FileSource | undefined>();
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
    const source = this.source(file);
    if (!source) return undefined;
    const quick = source.quick?.locate(path, atKey);
    if (quick) return quick;
    if (source.strict === undefined) {
      const read = this.read(file);
      source.strict = read === undefined ? null : parseStrictly(read);
    }
    if (!source.strict) return undefined;
    const range = locate(source.strict.doc, path, atKey);
    const start = position(source.strict.lineCounter, range.start);
    const end = position(source.strict.lineCounter, range.end);
    return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  }

  /** Takes positions computed elsewhere, so `locate` need not parse the file here. */
  remember(file: string, path: readonly PathSegment[], atKey: boolean, span: Span | undefined): void {
    let known = this.known.get(file);
    if (!known) this.known.set(file, (known = new Map()));
    known.set(placeKey(path, atKey), span);
  }

  private source(file: string): FileSource | undefined {
    if (this.sources.has(file)) return this.sources.get(file);
    const text = this.read(file);
    let source: FileSource | undefined;
    if (text !== undefined) {
      const quick = QuickSource.of(text);
      source = quick ? { quick } : { strict: parseStrictly(text) };
    }
    this.sources.set(file, source);
    return source;
  }

  /** The text of a file that read and parsed cleanly once already, read the same way; undefined if it no longer reads. */
  private read(file: string): string | undefined {
    if (!this.files.has(file)) return undefined;
    const read = readDataFile(path.join(this.root, file), this.maxFileBytes);
    return read.ok ? normalizeLineEnds(read.text) : undefined;
  }
}

/** The same options give the same nodes as when the file was loaded. */
function parseStrictly(text: string): StrictSource {
  const lineCounter = new (strictYaml().LineCounter)();
  return { doc: strictYaml().parseDocument(text, { ...PARSE_OPTIONS, lineCounter }), lineCounter };
}

function placeKey(path: readonly PathSegment[], atKey: boolean): string {
  return JSON.stringify([path, atKey]);
}
