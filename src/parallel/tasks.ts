// What a pool thread does with a task, the same in a worker and in the main thread.
import { loadFile, type FileLoadOptions, type FileOutcome, type FileToLoad } from '../load-file.js';
import { Sources, type Span } from '../yaml/sources.js';
import type { PathSegment } from '../yaml/path.js';

export interface WorkerSetup {
  root: string;
  options: FileLoadOptions;
  maxFileBytes: number;
}

/** The positions wanted in one file. */
export interface LocateRequest {
  file: string;
  places: { path: readonly PathSegment[]; atKey: boolean }[];
}

export type Task = { kind: 'load'; files: FileToLoad[] } | { kind: 'locate'; requests: LocateRequest[] };

export type TaskResult = { kind: 'load'; outcomes: FileOutcome[] } | { kind: 'locate'; spans: (Span | undefined)[][] };

export function runTask(task: Task, setup: WorkerSetup): TaskResult {
  if (task.kind === 'load') return { kind: 'load', outcomes: task.files.map((file) => loadFile(setup.root, file, setup.options)) };
  // Every file asked about was parsed when it was loaded; a Sources per batch keeps no document past it.
  const sources = new Sources(setup.root, new Set(task.requests.map((r) => r.file)), setup.maxFileBytes);
  return { kind: 'locate', spans: task.requests.map(({ file, places }) => places.map(({ path, atKey }) => sources.locate(file, path, atKey))) };
}
