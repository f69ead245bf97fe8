// read + decode + parse + schema check of every data file, spread over worker threads when
// the repo is large enough to pay for starting them. The work is handed out in batches to
// whichever thread is free (this one included), and the outcomes are put back in path
// order, so the result is the same as loading the files one after the other.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FileLoader } from '../load.js';
import { loadFile, type FileLoadOptions, type FileOutcome, type FileToLoad } from '../load-file.js';

/** Below this many files, starting threads (each loads its modules and compiles the schemas) costs more than it saves. */
export const MIN_FILES_FOR_WORKERS = 1500;
/** Small enough to keep every thread busy to the end, large enough that messages are few. */
const BATCH_SIZE = 100;

export interface ParallelOptions {
  /** Worker threads to start; `availableParallelism()` by default. 0 loads in this thread only. */
  threads?: number;
  /** The compiled worker script; tests point it at dist/. */
  workerUrl?: URL;
}

export function parallelFileLoader(options: ParallelOptions = {}): FileLoader {
  const threads = options.threads ?? availableParallelism();
  return async (root, files, loadOptions) => {
    if (threads < 1 || files.length < MIN_FILES_FOR_WORKERS) return files.map((file) => loadFile(root, file, loadOptions));
    return loadInWorkers(root, files, loadOptions, threads, options.workerUrl ?? new URL('./file-worker.js', import.meta.url));
  };
}

export interface BatchRequest {
  index: number;
  files: FileToLoad[];
}

export interface BatchResult {
  index: number;
  outcomes: FileOutcome[];
}

export interface WorkerSetup {
  root: string;
  options: FileLoadOptions;
}

async function loadInWorkers(root: string, files: FileToLoad[], options: FileLoadOptions, threads: number, workerUrl: URL): Promise<FileOutcome[]> {
  const batches: FileToLoad[][] = [];
  for (let i = 0; i < files.length; i += BATCH_SIZE) batches.push(files.slice(i, i + BATCH_SIZE));
  const results: FileOutcome[][] = new Array(batches.length);
  let next = 0;
  let done = 0;
  const setup: WorkerSetup = { root, options };
  const workers = Array.from({ length: threads }, () => new Worker(workerUrl, { workerData: setup }));
  try {
    await new Promise<void>((resolve, reject) => {
      const finished = () => ++done === batches.length && resolve();
      const give = (worker: Worker) => {
        if (next < batches.length) worker.postMessage({ index: next, files: batches[next++]! } satisfies BatchRequest);
      };
      for (const worker of workers) {
        worker.on('message', (result: BatchResult) => {
          results[result.index] = result.outcomes;
          finished();
          give(worker);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => code !== 0 && done < batches.length && reject(new Error(`worker exited with code ${code}`)));
        give(worker);
      }
      // This thread works too while the workers start up, one batch at a time so their
      // results are taken in between.
      const helpOut = () => {
        if (next >= batches.length) return;
        const index = next++;
        results[index] = batches[index]!.map((file) => loadFile(root, file, options));
        finished();
        setImmediate(helpOut);
      };
      setImmediate(helpOut);
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results.flat();
}
