// Worker threads for the per-file work of a validation run: loading every file (read,
// decode, parse, schema check) and, once the rules have run, placing findings in the files
// that have them (a strict parse each). Work goes out in batches to whichever thread is free
// (this one helps with the placing), and results are put back in order, so the outcome is
// the same as doing it all here, one file after the other.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FileOutcome, FileToLoad } from '../load-file.js';
import { runTask, type LocateRequest, type Task, type TaskResult, type WorkerSetup } from './tasks.js';
import type { Span } from '../yaml/sources.js';

/** Below this many files, starting threads (each loads its modules and compiles the schemas) costs more than it saves. */
export const MIN_FILES_FOR_WORKERS = 1500;
const LOAD_BATCH = 100;
const LOCATE_BATCH = 8;

export interface PoolOptions {
  /** Worker threads; one per core by default. */
  threads?: number;
  /** The compiled worker script; tests point it at dist/. */
  workerUrl?: URL;
}

export class FilePool {
  private readonly workers: Worker[];

  private constructor(
    private readonly setup: WorkerSetup,
    threads: number,
    workerUrl: URL,
  ) {
    this.workers = Array.from({ length: threads }, () => new Worker(workerUrl, { workerData: setup }));
  }

  /** A pool for `fileCount` files, or undefined when threads would not pay for themselves. */
  static forFiles(fileCount: number, setup: WorkerSetup, options: PoolOptions = {}): FilePool | undefined {
    const threads = options.threads ?? availableParallelism();
    if (threads < 1 || fileCount < MIN_FILES_FOR_WORKERS) return undefined;
    return new FilePool(setup, threads, options.workerUrl ?? new URL('./worker.js', import.meta.url));
  }

  async load(files: FileToLoad[]): Promise<FileOutcome[]> {
    // Loading stays off this thread: what a parser builds here keeps each file's whole text
    // alive through the substrings it is sliced into, while data copied from a worker is
    // compact; this thread has the copying in to do meanwhile.
    const results = await this.run(chunks(files, LOAD_BATCH).map((batch) => ({ kind: 'load', files: batch }) as const), false);
    return results.flatMap((result) => (result.kind === 'load' ? result.outcomes : []));
  }

  /** Each request's spans, in the order asked. */
  async locate(requests: LocateRequest[]): Promise<(Span | undefined)[][]> {
    const results = await this.run(chunks(requests, LOCATE_BATCH).map((batch) => ({ kind: 'locate', requests: batch }) as const), true);
    return results.flatMap((result) => (result.kind === 'locate' ? result.spans : []));
  }

  close(): Promise<unknown> {
    return Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  /** Runs `tasks` on the workers, and on this thread too when `helpOut`. */
  private async run(tasks: Task[], helpOut: boolean): Promise<TaskResult[]> {
    const results: TaskResult[] = new Array(tasks.length);
    if (tasks.length === 0) return results;
    let next = 0;
    let done = 0;
    const detach: (() => void)[] = [];
    try {
      await new Promise<void>((resolve, reject) => {
        const finished = () => ++done === tasks.length && resolve();
        const give = (worker: Worker) => {
          if (next < tasks.length) worker.postMessage({ index: next, task: tasks[next++]! });
        };
        for (const worker of this.workers) {
          const onMessage = ({ index, result }: { index: number; result: TaskResult }) => {
            results[index] = result;
            give(worker);
            finished();
          };
          worker.on('message', onMessage).on('error', reject);
          detach.push(() => worker.off('message', onMessage).off('error', reject));
          give(worker);
        }
        // One task at a time, so that the workers' results are taken in between.
        const work = () => {
          if (next >= tasks.length) return;
          const index = next++;
          results[index] = runTask(tasks[index]!, this.setup);
          finished();
          setImmediate(work);
        };
        if (helpOut) setImmediate(work);
      });
    } finally {
      for (const off of detach) off();
    }
    return results;
  }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

