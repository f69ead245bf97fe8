// `--cache`: what loading each file gave (load-file.ts: parse and schema findings, data,
// justifying comments), kept between runs and reused for a file whose bytes have not
// changed. A pull request touches a few files of thousands; with the cache of the main
// branch's last run, only those few are parsed again, while the rules still see the whole
// repository. A file's outcome depends only on its bytes, its path, the language, the size
// limit and plan's own code and schemas, and all of them are in the key.
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { FileLoader } from '../load.js';
import type { FileOutcome, FileToLoad } from '../load-file.js';
import { DEFAULT_MAX_FILE_BYTES } from '../repo/decode.js';
import { isStrayDataFile, placementOf } from '../repo/layout.js';

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
  entries: Map<string, { digest: string; outcome: FileOutcome }>;
}

export interface OutcomeCache {
  /** Wraps a loader: files whose bytes the cache knows are not loaded again. */
  loader(inner: FileLoader): FileLoader;
  /** Writes what this run loaded, for the next run; a reason when it could not. */
  save(): string | undefined;
  /** Files reused from the cache in this run. */
  readonly reused: number;
}

export function openOutcomeCache(file: string, lang: string, maxFileBytes = DEFAULT_MAX_FILE_BYTES): OutcomeCache {
  const key = `${codeDigest()}|${lang}|${maxFileBytes}`;
  const next: Stored = { key, entries: new Map() };
  let reused = 0;
  /** Whether the next run would find anything different: a file read again, or one gone. */
  let changed = true;
  return {
    get reused() {
      return reused;
    },
    loader: (inner) => async (root, files, options) => {
      const previous = readStored(file, key);
      const outcomes: (FileOutcome | undefined)[] = new Array(files.length);
      const digests: (string | undefined)[] = files.map((f) => (readsContent(f) ? contentDigest(path.join(root, f.path), maxFileBytes) : undefined));
      files.forEach((f, i) => {
        const known = previous?.entries.get(f.path);
        if (known && known.digest === digests[i]) {
          outcomes[i] = known.outcome;
          reused++;
        }
      });
      const missing = files.filter((_, i) => outcomes[i] === undefined);
      const loaded = await inner(root, missing, options);
      let j = 0;
      files.forEach((f, i) => {
        const outcome = (outcomes[i] ??= loaded[j++]!);
        if (digests[i] !== undefined) next.entries.set(f.path, { digest: digests[i]!, outcome });
      });
      changed = missing.length > 0 || previous?.entries.size !== next.entries.size;
      return outcomes as FileOutcome[];
    },
    save() {
      if (!changed) return undefined;
      // A cache is worth no fsync: a torn one fails to deserialize and is rebuilt.
      const temp = `${file}.${process.pid}.tmp`;
      try {
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(temp, serialize(next));
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

/** Only data files (and stray ones, whose content says where they belong) are read; the rest costs nothing to load again. */
function readsContent(file: FileToLoad): boolean {
  return !file.symlink && (placementOf(file.path) !== undefined || isStrayDataFile(file.path));
}

/** A cache from another version, language or limit, or one that does not read, is no cache. */
function readStored(file: string, key: string): Stored | undefined {
  try {
    const stored = deserialize(readFileSync(file)) as Stored;
    return stored?.key === key && stored.entries instanceof Map ? stored : undefined;
  } catch {
    return undefined;
  }
}

/** The SHA-256 of the file's bytes; undefined for one that does not open as a regular file within the limit (never cached). */
function contentDigest(file: string, limit: number): string | undefined {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch {
    return undefined;
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile() || stats.size > limit) return undefined;
    const bytes = Buffer.allocUnsafe(stats.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) return undefined;
      read += n;
    }
    return createHash('sha256').update(bytes).digest('base64');
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
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
