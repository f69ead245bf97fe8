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
import type { FileLoader } from '../load.js';
import type { FindingsRecord } from './findings.js';
import { loadFile, readsContent, type FileOutcome } from '../load-file.js';
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
  /**
   * The findings of the rules of department scope as of the files in `entries`, when the run
   * that wrote the cache ran every rule (cache/findings.ts).
   */
  findings?: FindingsRecord;
}

interface Entry {
  digest: string;
  /** The file's metadata when it was hashed: unchanged metadata spares reading and hashing it again. */
  stamp: string;
  outcome: FileOutcome;
}

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
  readonly findings: FindingsRecord | undefined;
  /**
   * Keeps this run's findings, to be saved with its files' outcomes; `departmentsRechecked`:
   * how many departments the rules checked again, when the others' findings came from the cache.
   */
  keepFindings(record: FindingsRecord, departmentsRechecked?: number): void;
  /** The departments checked again of all, when the others' findings came from the cache. */
  readonly rechecked: { departments: number; of: number } | undefined;
}

const NOT_READ = '-';

/**
 * Files read again (changed since the cache was written) that make it worth writing the
 * cache again, at the least: a pull request's few changed files cost less to parse in the
 * next run than rewriting the whole cache in this one.
 */
const REWRITE_AFTER = 50;

/**
 * Departments checked again that make it worth writing the cache again, however few files
 * changed: each run after it would check them again too.
 */
const RECHECK_BEFORE_REWRITE = 5;

export function openOutcomeCache(file: string, lang: string, maxFileBytes = DEFAULT_MAX_FILE_BYTES): OutcomeCache {
  // Node's version too: the findings kept hold numbers in text, formatted by its ICU.
  const key = `${codeDigest()}|${process.versions.node}|${process.versions.icu ?? ''}|${lang}|${maxFileBytes}`;
  const next: Stored = { key, readFrom: 0, entries: new Map() };
  const notKept = new Set<string>();
  let reused = 0;
  let worthSaving = true;
  let previousFindings: FindingsRecord | undefined;
  let rechecked: OutcomeCache['rechecked'];
  return {
    get reused() {
      return reused;
    },
    digestOf: (file) => next.entries.get(file)?.digest ?? (notKept.has(file) ? undefined : NOT_READ),
    get findings() {
      return previousFindings;
    },
    keepFindings(record, departmentsRechecked) {
      next.findings = record;
      rechecked = departmentsRechecked === undefined ? undefined : { departments: departmentsRechecked, of: record.departments.length };
      // The last run's findings were of no use (another cut-off date, a shared file changed),
      // or are of less use with every department that differs from them: this run's serve the next.
      if (departmentsRechecked === undefined || departmentsRechecked >= RECHECK_BEFORE_REWRITE) worthSaving = true;
    },
    get rechecked() {
      return rechecked;
    },
    loader: (inner) => async (root, files, options) => {
      next.readFrom = Date.now();
      const previous = readStored(file, key);
      previousFindings = previous?.findings;
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
        const entries = [...next.entries].filter(([, entry]) => jsonSafe(entry.outcome));
        const findings = next.findings && jsonSafe(next.findings) ? next.findings : undefined;
        writeStored(temp, { key: next.key, readFrom: next.readFrom, count: entries.length, findings: findings !== undefined }, entries, findings);
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
function writeStored(file: string, header: Header, entries: readonly [string, Entry][], findings: FindingsRecord | undefined): void {
  const fd = openSync(file, 'w');
  try {
    const buffer = Buffer.allocUnsafeSlow(1024 * 1024);
    let held = 0;
    const writeAll = (bytes: Buffer, length: number) => {
      for (let written = 0; written < length; ) written += writeSync(fd, bytes, written, length - written);
    };
    for (const value of [header, ...entries, ...(findings ? [findings] : [])]) {
      const line = `${asciiJson(value)}\n`;
      if (held + line.length > buffer.length) {
        writeAll(buffer, held);
        held = 0;
      }
      // A line longer than the buffer (a file near the size limit, every character escaped).
      if (line.length > buffer.length) writeAll(Buffer.from(line, 'latin1'), line.length);
      else held += buffer.write(line, held, 'latin1');
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
  let findings: FindingsRecord | undefined;
  try {
    const whole = forEachLine(file, (line) => {
      if (!header) {
        header = JSON.parse(line) as Header;
        return header?.key === key;
      }
      if (entries.size < header.count) {
        const [name, entry] = JSON.parse(line) as [string, Entry];
        entries.set(name, entry);
        return true;
      }
      if (!header.findings || findings) return false;
      findings = JSON.parse(line) as FindingsRecord;
      return true;
    });
    if (!whole || header?.key !== key || header.count !== entries.size || header.findings !== (findings !== undefined)) return undefined;
    return { key, readFrom: header.readFrom, entries, ...(findings ? { findings } : {}) };
  } catch {
    return undefined;
  }
}

/**
 * Calls `onLine` with each line of a Latin-1 file until it returns false; whether every line
 * was read, the last one ended by its newline.
 */
function forEachLine(file: string, onLine: (line: string) => boolean): boolean {
  const fd = openSync(file, 'r');
  try {
    let buffer = Buffer.allocUnsafeSlow(1024 * 1024);
    let held = 0;
    for (;;) {
      const read = readSync(fd, buffer, held, buffer.length - held, null);
      held += read;
      let start = 0;
      for (let end = buffer.indexOf(0x0a, start); end !== -1 && end < held; end = buffer.indexOf(0x0a, start)) {
        if (!onLine(buffer.toString('latin1', start, end))) return false;
        start = end + 1;
      }
      if (read === 0) return held === start;
      buffer.copyWithin(0, start, held);
      held -= start;
      if (held === buffer.length) {
        // A line longer than the buffer (a file near the size limit, every character escaped).
        const larger = Buffer.allocUnsafeSlow(buffer.length * 2);
        buffer.copy(larger, 0, 0, held);
        buffer = larger;
      }
    }
  } finally {
    closeSync(fd);
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
  for (const folder of [fileURLToPath(new URL('..', import.meta.url)), fileURLToPath(new URL('../../schemas/', import.meta.url))]) {
    for (const name of (readdirSync(folder, { recursive: true, encoding: 'utf8' }) as string[]).sort()) {
      if (!/\.(?:[cm]?js|ts|json)$/.test(name)) continue;
      hash.update(`${name}\n`).update(readFileSync(path.join(folder, name)));
    }
  }
  return (code = hash.digest('base64'));
}
