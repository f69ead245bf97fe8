// Worker threads for the per-file work of a validation run: loading every file (read,
// decode, parse, schema check) and, once the rules have run, placing findings in the files
// that have them (a strict parse each). Work goes out in batches, two held by each worker at
// a time and the next to whichever finishes one, and results are put back in order, so the
// outcome is the same as doing it all in one thread, one file after the other.
import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileLoadOptions, FileOutcome, FileToLoad } from '../load-file.js';
import { DEFAULT_MAX_FILE_BYTES } from '../repo/decode.js';
import { type LocateRequest, type Task, type TaskResult, type WorkerSetup } from './tasks.js';
import type { Span } from '../yaml/sources.js';

/** Below this many files, starting threads (each loads its modules and compiles the schemas) costs more than it saves. */
export const MIN_FILES_FOR_WORKERS = 1500;
/** Files a department folder holds, at the least, in a repo large enough for threads (for startEarly's guess). */
const FILES_PER_DEPARTMENT = 40;
const LOAD_BATCH = 100;
const LOCATE_BATCH = 8;
/**
 * Tasks each worker holds at once: with one, a worker that has finished a batch waits idle
 * while this thread copies in another worker's result before sending it the next.
 */
const TASKS_IN_FLIGHT = 2;
/** Several times what the largest file allowed (1 MiB by default) takes to parse strictly. */
function workerHeapMb(maxFileBytes: number): number {
  return Math.max(256, Math.ceil(maxFileBytes / 2 ** 20) * 128);
}

export interface PoolOptions {
  /** Worker threads; one per core by default. */
  threads?: number;
  /** The compiled worker script; tests point it at dist/. */
  workerUrl?: URL;
}

export class FilePool {
  private readonly workers: Worker[];

  private constructor(
    readonly setup: WorkerSetup,
    threads: number,
    workerUrl: URL,
  ) {
    // A worker's heap only ever holds a batch at a time: a cap makes it collect instead of
    // growing the process toward the limit a single heap would get.
    this.workers = Array.from({ length: threads }, () => new Worker(workerUrl, { workerData: setup, resourceLimits: { maxOldGenerationSizeMb: workerHeapMb(setup.maxFileBytes) } }));
    // Idle threads never keep the process alive (an early pool nobody used, a usage error).
    for (const worker of this.workers) worker.unref();
  }

  /**
   * A pool for `fileCount` files, or undefined when threads would not pay for themselves.
   * `early` (startEarly) is used when it was started for the same work, and closed otherwise.
   */
  static forFiles(fileCount: number, setup: WorkerSetup, options: PoolOptions = {}, early?: FilePool): FilePool | undefined {
    const threads = options.threads ?? availableParallelism();
    const wanted = threads >= 1 && fileCount >= MIN_FILES_FOR_WORKERS;
    if (early && wanted && sameSetup(early.setup, setup)) return early;
    void early?.close();
    return wanted ? new FilePool(setup, threads, options.workerUrl ?? new URL('./worker.js', import.meta.url)) : undefined;
  }

  /**
   * Threads started before the repo is listed, when its `dependencias/` folder alone says it
   * is large: they load their modules and schemas while this thread loads its own and lists
   * the files, instead of after. Undefined for a repo that looks small.
   */
  static startEarly(setup: WorkerSetup, options: PoolOptions = {}): FilePool | undefined {
    const threads = options.threads ?? availableParallelism();
    let departments = 0;
    try {
      departments = readdirSync(path.join(setup.root, 'dependencias')).length;
    } catch {
      return undefined;
    }
    if (threads < 1 || departments * FILES_PER_DEPARTMENT < MIN_FILES_FOR_WORKERS) return undefined;
    return new FilePool(setup, threads, options.workerUrl ?? new URL('./worker.js', import.meta.url));
  }

  async load(files: FileToLoad[]): Promise<FileOutcome[]> {
    const canonical = new Map<string, string>();
    // Shared as each batch arrives, so the repeats of one batch are garbage before the next comes.
    const results = await this.run(
      chunks(files, LOAD_BATCH).map((batch) => ({ kind: 'load', files: batch }) as const),
      (result) => {
        if (result.kind === 'load') for (const outcome of result.outcomes) outcome.value = shareStrings(outcome.value, canonical);
      },
    );
    return results.flatMap((result) => (result.kind === 'load' ? result.outcomes : []));
  }

  /** Each request's spans, in the order asked. */
  async locate(requests: LocateRequest[]): Promise<(Span | undefined)[][]> {
    const results = await this.run(chunks(requests, LOCATE_BATCH).map((batch) => ({ kind: 'locate', requests: batch }) as const));
    return results.flatMap((result) => (result.kind === 'locate' ? result.spans : []));
  }

  close(): Promise<unknown> {
    return Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  /**
   * Runs `tasks` on the workers only. What a parser builds on this thread would keep each
   * file's whole text alive through the substrings it is sliced into, and a strict parse here
   * would grow this heap, which already holds the whole model; this thread has the copying in
   * of the results to do meanwhile.
   */
  private async run(tasks: Task[], onResult: (result: TaskResult) => void = () => {}): Promise<TaskResult[]> {
    const results: TaskResult[] = new Array(tasks.length);
    if (tasks.length === 0) return results;
    let next = 0;
    let done = 0;
    const detach: (() => void)[] = [];
    for (const worker of this.workers) worker.ref();
    try {
      await new Promise<void>((resolve, reject) => {
        const finished = () => ++done === tasks.length && resolve();
        const give = (worker: Worker) => {
          if (next < tasks.length) worker.postMessage({ index: next, task: tasks[next++]! });
        };
        for (const worker of this.workers) {
          const onMessage = ({ index, result }: { index: number; result: TaskResult }) => {
            onResult(result);
            results[index] = result;
            give(worker);
            finished();
          };
          worker.on('message', onMessage).on('error', reject);
          detach.push(() => worker.off('message', onMessage).off('error', reject));
        }
        // Round by round, so a few tasks still go one to each worker.
        for (let held = 0; held < TASKS_IN_FLIGHT; held++) for (const worker of this.workers) give(worker);
      });
    } finally {
      for (const off of detach) off();
      for (const worker of this.workers) worker.unref();
    }
    return results;
  }
}

/**
 * The same text in every place it occurs (ids, dates, units, repeated values): each copy
 * from a worker is a string of its own, and at 45,000 files the repeats alone are hundreds
 * of megabytes of the model.
 */
function shareStrings(root: unknown, canonical: Map<string, string>): unknown {
  const share = (text: string) => {
    const known = canonical.get(text);
    if (known !== undefined) return known;
    canonical.set(text, text);
    return text;
  };
  if (typeof root === 'string') return share(root);
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    const record = node as Record<string, unknown>;
    for (const key in record) {
      const value = record[key];
      if (typeof value === 'string') record[key] = share(value);
      else if (typeof value === 'object' && value !== null) stack.push(value);
    }
  }
  return root;
}

/** What each pool thread is told at its start, the same whether the pool starts early or not. */
export function poolSetup(root: string, options: FileLoadOptions, maxFileBytes = DEFAULT_MAX_FILE_BYTES): WorkerSetup {
  return { root, options, maxFileBytes };
}

function sameSetup(a: WorkerSetup, b: WorkerSetup): boolean {
  return a.root === b.root && a.maxFileBytes === b.maxFileBytes && a.options.lang === b.options.lang && a.options.maxFileBytes === b.options.maxFileBytes;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

