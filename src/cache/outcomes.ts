// `--cache`: what loading each file gave (load-file.ts: parse and schema findings, data,
// justifying comments), kept between runs and reused for a file whose bytes have not
// changed. A pull request touches a few files of thousands; with the cache of the main
// branch's last run, only those few are parsed again, while the rules still see the whole
// repository. A file's outcome depends only on its bytes, its path, the language, the size
// limit and plan's own code and schemas, and all of them are in the key.
import { createHash } from 'node:crypto';
import { closeSync, constants, type BigIntStats, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packagePath } from '../io/package-files.js';
import type { FileLoader } from '../load.js';
import type { FindingsRecord, Rechecked } from './findings.js';
import { loadFile, readsContent, valueOf, type FileOutcome } from '../load-file.js';
import { DEFAULT_MAX_FILE_BYTES } from '../repo/decode.js';
import { readAtMost } from '../repo/read.js';

/** Where the caches live: PLAN_CACHE_DIR, else the user's cache folder (XDG_CACHE_HOME or ~/.cache). */
export function cacheFolder(env: NodeJS.ProcessEnv): string {
  if (env.PLAN_CACHE_DIR) return path.resolve(env.PLAN_CACHE_DIR);
  return path.join(env.XDG_CACHE_HOME ? path.resolve(env.XDG_CACHE_HOME) : path.join(os.homedir(), '.cache'), 'plan-de-mejora');
}

/** The cache file of one plan repository: its folder's path names it, so two repositories never share entries. */
export function cacheFileFor(folder: string, root: string): string {
  return path.join(folder, `${createHash('sha256').update(path.resolve(root)).digest('hex').slice(0, 24)}.cache`);
}

interface Stored {
  key: string;
  /**
   * When the run that wrote the cache started reading the files (ms since the epoch): a file
   * modified from a second before then on may have changed again within the same tick of its
   * clock after it was hashed, so its metadata is not trusted.
   */
  readFrom: number;
  entries: Map<string, Entry>;
  /** The file the entries' values are read from, when they are asked for. */
  values?: StoredValues;
  /**
   * The findings of the rules of each scope as of the files in `entries`, when the run that
   * wrote the cache ran every rule (cache/findings.ts).
   */
  findings?: FindingsRecord[];
}

interface Entry {
  digest: string;
  /** The file's metadata when it was hashed: unchanged metadata spares reading and hashing it again. */
  stamp: string;
  outcome: FileOutcome;
}

/**
 * Where the cache file a run read holds each outcome's value (JSON in ASCII) it took from
 * there: written back as it is, whichever entry holds the outcome then.
 */
const storedValues = new WeakMap<FileOutcome, StoredValue>();

export interface OutcomeCache {
  /** Wraps a loader: files whose bytes the cache knows are not loaded again. */
  loader(inner: FileLoader): FileLoader;
  /** Writes what this run loaded, for the next run; a reason when it could not. */
  save(): string | undefined;
  /** Files reused from the cache in this run. */
  readonly reused: number;
  /**
   * What this run knows of a file's bytes: their SHA-256; NOT_READ for a file loading does
   * not read (evidence, links); undefined for one it read but could not keep (over the size
   * limit, not a regular file).
   */
  digestOf(file: string): string | undefined;
  /** The findings the run that wrote the cache kept, read by the loader. */
  readonly findings: readonly FindingsRecord[] | undefined;
  /**
   * Keeps this run's findings, to be saved with its files' outcomes; `rewrite`: they are worth
   * writing the cache again for; `rechecked`: the departments each scope's rules checked again.
   */
  keepFindings(records: FindingsRecord[], run: { rewrite: boolean; rechecked: Rechecked }): void;
  /** The departments each scope's rules checked again, of all, when the others' findings came from the cache. */
  readonly rechecked: Rechecked;
}

const NOT_READ = '-';

/**
 * Files read again (changed since the cache was written) that make it worth writing the
 * cache again, at the least: a pull request's few changed files cost less to parse in the
 * next run than rewriting the whole cache in this one.
 */
const REWRITE_AFTER = 50;

export function openOutcomeCache(file: string, lang: string, maxFileBytes = DEFAULT_MAX_FILE_BYTES): OutcomeCache {
  // Node's version too: the findings kept hold numbers in text, formatted by its ICU.
  const key = `${codeDigest()}|${process.versions.node}|${process.versions.icu ?? ''}|${lang}|${maxFileBytes}`;
  const next: Stored = { key, readFrom: 0, entries: new Map() };
  const notKept = new Set<string>();
  let reused = 0;
  let worthSaving = true;
  let previousFindings: FindingsRecord[] | undefined;
  let previousValues: StoredValues | undefined;
  let rechecked: Rechecked = {};
  return {
    get reused() {
      return reused;
    },
    digestOf: (file) => next.entries.get(file)?.digest ?? (notKept.has(file) ? undefined : NOT_READ),
    get findings() {
      return previousFindings;
    },
    keepFindings(records, run) {
      next.findings = records;
      rechecked = run.rechecked;
      if (run.rewrite) worthSaving = true;
    },
    get rechecked() {
      return rechecked;
    },
    loader: (inner) => async (root, files, options) => {
      next.readFrom = Date.now();
      const previous = readStored(file, key);
      previousFindings = previous?.findings;
      previousValues = previous?.values;
      const outcomes: (FileOutcome | undefined)[] = new Array(files.length);
      const fingerprints: (Fingerprint | undefined)[] = new Array(files.length);
      files.forEach((f, i) => {
        // Links and files that are not data cost nothing to load: never cached.
        if (!readsContent(f)) {
          outcomes[i] = loadFile(root, f, options);
          return;
        }
        const known = previous?.entries.get(f.path);
        const fingerprint = fingerprintOf(path.join(root, f.path), maxFileBytes, known, previous?.readFrom ?? 0);
        fingerprints[i] = fingerprint;
        if (!fingerprint) notKept.add(f.path);
        if (known && fingerprint && known.digest === fingerprint.digest) {
          outcomes[i] = known.outcome;
          reused++;
          const stored = known.outcome.readValue;
          // Should the cache file be damaged where it holds the value, or closed to be written
          // again, the file itself has the bytes the cache knew.
          if (stored) {
            let reread: { value: unknown } | undefined;
            known.outcome.readValue = () => {
              if (reread) return reread.value;
              try {
                return stored();
              } catch {
                reread = { value: valueOf(loadFile(root, f, options)) };
                // Written from this value when the cache is written again, and it is.
                known.outcome.value = reread.value;
                storedValues.delete(known.outcome);
                worthSaving = true;
                return reread.value;
              }
            };
          }
        }
      });
      const missing = files.filter((_, i) => outcomes[i] === undefined);
      const loaded = await inner(root, missing, options);
      let j = 0;
      files.forEach((f, i) => {
        const outcome = (outcomes[i] ??= loaded[j++]!);
        const fingerprint = fingerprints[i];
        if (fingerprint) next.entries.set(f.path, { ...fingerprint, outcome });
      });
      // Entries not reused are of files changed or gone since.
      worthSaving = !previous || missing.length >= REWRITE_AFTER || previous.entries.size - reused >= REWRITE_AFTER;
      return outcomes as FileOutcome[];
    },
    save() {
      if (!worthSaving) return undefined;
      // A cache is worth no fsync: a torn one fails to parse and is rebuilt.
      const temp = `${file}.${process.pid}.tmp`;
      try {
        mkdirSync(path.dirname(file), { recursive: true });
        // JSON reads back faster than v8's serializer and shares short texts; an outcome it
        // would change (-0 becomes 0, a non-finite number null) is simply not kept.
        const entries = [...next.entries].filter(([, entry]) => keepable(entry));
        const findings = next.findings && jsonSafe(next.findings) ? next.findings : undefined;
        const header: Header = { key: next.key, readFrom: next.readFrom, count: entries.length, findings: findings !== undefined };
        writeStored(temp, (function* () {
          yield [asciiJson(header)];
          for (const [name, entry] of entries) yield lineOf(name, entry);
          if (findings) yield [asciiJson(findings)];
        })());
        // Not replaced while open (Windows may refuse); a value asked for later is read from its file.
        previousValues?.close();
        renameSync(temp, file);
        return undefined;
      } catch (error) {
        removeQuietly(temp);
        return (error as NodeJS.ErrnoException).code ?? String(error);
      }
    },
  };
}

function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // Nothing was written there: the folder itself is what failed.
  }
}

/** Whether JSON gives the value back as it is: no -0 and no non-finite number anywhere in it. */
function jsonSafe(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node === 'number') {
      if (!Number.isFinite(node) || Object.is(node, -0)) return false;
    } else if (typeof node === 'object' && node !== null) {
      for (const value of Object.values(node)) stack.push(value);
    }
  }
  return true;
}

/**
 * JSON in ASCII only, every other character written as a \\uXXXX escape: read back as Latin-1,
 * each line becomes a string with no UTF-8 decoding (3–4 times faster to read) and in V8's
 * one-byte form, which JSON.parse reads fastest.
 */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The outcome's fields but its value (which the cache may hold unparsed). */
function headOf({ value, readValue, ...head }: FileOutcome): Partial<FileOutcome> {
  return head;
}

/** Whether JSON gives the entry back as it is; a value read from the cache was when it was written. */
function keepable(entry: Entry): boolean {
  return jsonSafe(headOf(entry.outcome)) && (storedValues.has(entry.outcome) || jsonSafe(entry.outcome.value));
}

/**
 * A file's line of the cache: its name and entry, the outcome's value apart after a tab (JSON
 * text holds no tab), so that reading the cache parses it only when it is asked for.
 */
function lineOf(name: string, entry: Entry): (string | Buffer)[] {
  const line = asciiJson([name, { digest: entry.digest, stamp: entry.stamp, outcome: headOf(entry.outcome) }]);
  const stored = storedValues.get(entry.outcome);
  if (stored) return [line, '\t', stored.bytes()];
  return entry.outcome.value === undefined ? [line] : [line, '\t', asciiJson(entry.outcome.value)];
}

/** The outcome of a cache line, its value parsed when first asked for: most of a pull request's run needs few of them. */
function withValueAt(entry: Entry, at: StoredValue): Entry {
  let value: unknown;
  let parsed = false;
  entry.outcome.readValue = () => {
    if (!parsed) {
      value = JSON.parse(at.bytes().toString('latin1'));
      parsed = true;
    }
    return value;
  };
  storedValues.set(entry.outcome, at);
  return entry;
}

/** Where a value the run has not parsed is in the cache file it read. */
interface StoredValue {
  /** Its bytes, valid until the next value is read. */
  bytes(): Buffer;
}

/**
 * The cache file a run read, kept open: the values it left unparsed are read from it when
 * asked for, into one buffer. Held in the heap as strings, they were copied by every
 * collection of the young generation until they were old; held in buffers of their own,
 * the memory's first touch cost as much. It is closed before the cache is written again
 * over it (a value asked for after is read from its own file: see the loader), or once no
 * outcome of it is left.
 */
class StoredValues {
  private static readonly closing = new FinalizationRegistry<number>((fd) => closeSync(fd));
  private scratch = Buffer.allocUnsafeSlow(64 * 1024);
  private closed = false;

  constructor(private readonly fd: number) {
    StoredValues.closing.register(this, fd, this);
  }

  /** Closes the file at once: no value is read from it after. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    StoredValues.closing.unregister(this);
    closeSync(this.fd);
  }

  at(position: number, length: number): StoredValue {
    return { bytes: () => this.read(position, length) };
  }

  private read(position: number, length: number): Buffer {
    if (this.closed) throw new Error('The cache file was closed.');
    if (length > this.scratch.length) this.scratch = Buffer.allocUnsafeSlow(length);
    for (let read = 0; read < length; ) {
      const got = readSync(this.fd, this.scratch, read, length - read, position + read);
      if (got === 0) throw new Error('The cache file was cut short while in use.');
      read += got;
    }
    return this.scratch.subarray(0, length);
  }
}

/**
 * The cache file: a line of its header, a line per file, then the findings' line when the
 * header says there is one, each JSON. Read a line at a time through one small buffer, a
 * 30 MB cache costs no 30 MB buffer and string (and their page faults) before it is parsed,
 * and one of another version stops at its first line.
 */
interface Header {
  key: string;
  readFrom: number;
  /** Files' lines that follow: a file cut short at a line's end still tells it is not whole. */
  count: number;
  /** A line of findings follows the files'. */
  findings: boolean;
}

/**
 * Writes the cache a line at a time through one small buffer: joined into one text first, a
 * cache of 1,000 departments (300 MB) took as much memory again, twice, on top of the plan.
 */
function writeStored(file: string, lines: Iterable<readonly (string | Buffer)[]>): void {
  const fd = openSync(file, 'w');
  try {
    const buffer = Buffer.allocUnsafeSlow(1024 * 1024);
    let held = 0;
    const writeAll = (bytes: Buffer, length: number) => {
      for (let written = 0; written < length; ) written += writeSync(fd, bytes, written, length - written);
    };
    for (const pieces of lines) {
      for (const piece of [...pieces, '\n']) {
        if (held + piece.length > buffer.length) {
          writeAll(buffer, held);
          held = 0;
        }
        const bytes = typeof piece === 'string' ? undefined : piece;
        // A piece longer than the buffer (a file near the size limit, every character escaped).
        if (piece.length > buffer.length) writeAll(bytes ?? Buffer.from(piece as string, 'latin1'), piece.length);
        else held += bytes ? bytes.copy(buffer, held) : buffer.write(piece as string, held, 'latin1');
      }
    }
    writeAll(buffer, held);
  } finally {
    closeSync(fd);
  }
}

/** A cache from another version, language or limit, or one that does not read, is no cache. */
function readStored(file: string, key: string): Stored | undefined {
  let header: Header | undefined;
  const entries = new Map<string, Entry>();
  let findings: FindingsRecord[] | undefined;
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  let values: StoredValues | undefined;
  let usable = false;
  try {
    const whole = forEachLine(fd, (bytes, start, end, position) => {
      const json = (to: number) => JSON.parse(bytes.toString('latin1', start, to)) as unknown;
      if (!header) {
        header = json(end) as Header;
        return header?.key === key;
      }
      if (entries.size < header.count) {
        const tab = bytes.indexOf(0x09, start);
        if (tab === -1 || tab > end) {
          const [name, entry] = json(end) as [string, Entry];
          entries.set(name, entry);
        } else {
          const [name, entry] = json(tab) as [string, Entry];
          values ??= new StoredValues(fd);
          entries.set(name, withValueAt(entry, values.at(position + tab + 1 - start, end - tab - 1)));
        }
        return true;
      }
      if (!header.findings || findings) return false;
      findings = json(end) as FindingsRecord[];
      return true;
    });
    if (!whole || header?.key !== key || header.count !== entries.size || header.findings !== (findings !== undefined)) return undefined;
    usable = true;
    return { key, readFrom: header.readFrom, entries, ...(values ? { values } : {}), ...(findings ? { findings } : {}) };
  } catch {
    return undefined;
  } finally {
    // Kept open while the values left in it may be asked for.
    if (values && !usable) values.close();
    else if (!values) closeSync(fd);
  }
}

/**
 * Calls `onLine` with the bytes of each line of an open file (from `start` to `end`, without
 * its newline; at `position` in the file) until it returns false; whether every line was read,
 * the last one ended by its newline.
 */
function forEachLine(fd: number, onLine: (bytes: Buffer, start: number, end: number, position: number) => boolean): boolean {
  let buffer = Buffer.allocUnsafeSlow(1024 * 1024);
  let held = 0;
  // The file's position of buffer[0].
  let offset = 0;
  for (;;) {
    const read = readSync(fd, buffer, held, buffer.length - held, null);
    held += read;
    let start = 0;
    for (let end = buffer.indexOf(0x0a, start); end !== -1 && end < held; end = buffer.indexOf(0x0a, start)) {
      if (!onLine(buffer, start, end, offset + start)) return false;
      start = end + 1;
    }
    if (read === 0) return held === start;
    buffer.copyWithin(0, start, held);
    offset += start;
    held -= start;
    if (held === buffer.length) {
      // A line longer than the buffer (a file near the size limit, every character escaped).
      const larger = Buffer.allocUnsafeSlow(buffer.length * 2);
      buffer.copy(larger, 0, 0, held);
      buffer = larger;
    }
  }
}

interface Fingerprint {
  digest: string;
  stamp: string;
}

/**
 * The SHA-256 of the file's bytes, with the metadata it was taken with; undefined for a file
 * that does not open as a regular file within the limit (never cached). As git does with its
 * index, a file whose size, times and inode are those the cache recorded is not read again,
 * unless it was modified from a second before the run that recorded them started (a second
 * change within the same tick of the file system's clock would leave the same times).
 */
function fingerprintOf(file: string, limit: number, known: Entry | undefined, readFrom: number): Fingerprint | undefined {
  // An lstat is all the common case needs: a file unchanged since the cache was written.
  // Asked here, one at a time: 4,500 calls cost half as much as asking them all of libuv's pool at once.
  const statted = known && lstatQuietly(file);
  if (known && statted?.isFile() && statted.size <= BigInt(limit) && known.stamp === stampOf(statted) && Number(statted.mtimeMs) < readFrom - 1000) {
    return { digest: known.digest, stamp: known.stamp };
  }
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch {
    return undefined;
  }
  try {
    const stats = fstatSync(fd, { bigint: true });
    if (!stats.isFile() || stats.size > BigInt(limit)) return undefined;
    const stamp = stampOf(stats);
    // Read as repo/read.ts reads it: a file that grew past the limit meanwhile is not cached.
    const bytes = readAtMost(fd, limit + 1);
    if (bytes.length > limit) return undefined;
    return { digest: createHash('sha256').update(bytes).digest('base64'), stamp };
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

function lstatQuietly(file: string): BigIntStats | undefined {
  try {
    return lstatSync(file, { bigint: true, throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

function stampOf(stats: BigIntStats): string {
  return `${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}:${stats.ino}`;
}

let code: string | undefined;

/** plan's own code and schemas: any other build starts with an empty cache. */
function codeDigest(): string {
  if (code) return code;
  const hash = createHash('sha256');
  for (const folder of [fileURLToPath(new URL('..', import.meta.url)), packagePath('schemas/')]) {
    for (const name of (readdirSync(folder, { recursive: true, encoding: 'utf8' }) as string[]).sort()) {
      if (!/\.(?:[cm]?js|ts|json)$/.test(name)) continue;
      hash.update(`${name}\n`).update(readFileSync(path.join(folder, name)));
    }
  }
  return (code = hash.digest('base64'));
}
