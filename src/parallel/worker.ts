// A worker thread of parallel/pool.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { runTask, type Task, type WorkerSetup } from './tasks.js';

const setup = workerData as WorkerSetup;
parentPort!.on('message', ({ index, task }: { index: number; task: Task }) => {
  parentPort!.postMessage({ index, result: runTask(task, setup) });
});
