// A worker thread of parallel/file-loader.ts: loads the batches of files it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { loadFile } from '../load-file.js';
import type { BatchRequest, BatchResult, WorkerSetup } from './file-loader.js';

const { root, options } = workerData as WorkerSetup;
parentPort!.on('message', ({ index, files }: BatchRequest) => {
  parentPort!.postMessage({ index, outcomes: files.map((file) => loadFile(root, file, options)) } satisfies BatchResult);
});
