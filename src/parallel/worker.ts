// A worker thread of parallel/pool.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { prepareSchemas } from '../schema/validator.js';
import { runTask, type Task, type WorkerSetup } from './tasks.js';

const setup = workerData as WorkerSetup;
// The schemas are ready before the first file comes (the pool may start before the repo is listed).
prepareSchemas();
parentPort!.on('message', ({ index, task }: { index: number; task: Task }) => {
  parentPort!.postMessage({ index, result: runTask(task, setup) });
});
