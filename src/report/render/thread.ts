// Rendering on a second core. With --format all, a large report's formats take seconds each
// and this thread would render them one after the other while the other core sits idle: they
// are split (formatsForThread) between this thread and a render thread, which gets its own
// copy of the view; with the registry's weights the workbook renders there, the site and the
// Markdown here. Each format's bytes are the same wherever it is rendered: a renderer is a
// pure function of the view and its options.
import { availableParallelism, freemem } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ReportView } from '../view/types.js';
import type { CutCell } from './cell-guard.js';
import { RendererUnavailable, TemplateError, type RenderedFolder } from './renderer.js';
import { rendererNamed, type NamedRenderer } from './select.js';
import { packView, type PackedView } from './view-wire.js';

export type RenderOutput = string | Uint8Array | RenderedFolder;

/** What the render thread is asked: the view once, then the formats to render from it, in order. */
export interface ThreadJobs {
  view: ReportView;
  names: string[];
  templatesDir?: string;
}

/** What the render thread knows from its start: the formats, whose modules it loads while the view is on its way. */
export interface ThreadStart {
  names: string[];
}

/** The rest of the jobs, posted once the view is ready: the view packed (view-wire.ts), for a cheaper copy. */
export type PostedJobs = Omit<ThreadJobs, 'view' | 'names'> & { view: PackedView };

/** An error of a renderer, as it crosses back to this thread. */
export type ThreadError =
  | { kind: 'template'; file: string; message: string }
  | { kind: 'unavailable'; text: RendererUnavailable['text']; params: RendererUnavailable['params'] }
  | { kind: 'other'; message: string; stack?: string };

/** One format done on the render thread. */
export type ThreadReply = { name: string; output: RenderOutput; cuts: CutCell[] } | { name: string; error: ThreadError };

/** A rendered format and the cells its renderer cut. */
export interface ThreadResult {
  output: RenderOutput;
  cuts: CutCell[];
}

/** The render thread stopped before it answered (out of memory, killed): the format is rendered here instead. */
export class RenderThreadLost extends Error {
  constructor(cause: unknown) {
    super('render thread stopped', { cause });
    this.name = 'RenderThreadLost';
  }
}

/**
 * What the render thread pays before its first format, in the weights' units (seconds at 100
 * departments): its own copy of the view out of the packed one this thread sends
 * (view-wire.ts). Measured at about 0.35 s when this was set, with the thread starting cold;
 * since, the workbook is sent no department pages and its thread starts while the rules run,
 * and its copy measures 0.2–0.35 s. The split is the same with any value from 0.2 to 0.5: the
 * workbook renders there, which measured soonest (5.8 s against 6.2 s for the site there,
 * with or without the Markdown, and 6.8 s for the workbook and the Markdown; 5 alternating runs).
 */
export const COPY_WEIGHT = 0.5;

/**
 * Which of `chosen` go to the render thread: the split that has both threads done soonest,
 * this one rendering its share and the render thread copying the view in before its own.
 * None when no split beats rendering all here, when fewer than two formats have a weight, or
 * when the machine has one core.
 */
export function formatsForThread(chosen: readonly NamedRenderer[], cores = availableParallelism()): Set<string> {
  const weighed = chosen.filter(({ renderer }) => renderer.weight !== undefined);
  if (cores < 2 || weighed.length < 2) return new Set();
  const weightOf = (renderers: readonly NamedRenderer[]) => renderers.reduce((sum, { renderer }) => sum + renderer.weight!, 0);
  let best: NamedRenderer[] = [];
  let bestFinish = weightOf(weighed);
  // Every split with at least one format on each side; a handful of formats, so all of them.
  for (let mask = 1; mask < 2 ** weighed.length - 1; mask++) {
    const there = weighed.filter((_, i) => (mask >> i) & 1);
    const finish = Math.max(weightOf(weighed.filter((_, i) => !((mask >> i) & 1))), COPY_WEIGHT + weightOf(there));
    if (finish < bestFinish) {
      best = there;
      bestFinish = finish;
    }
  }
  return new Set(best.map((r) => r.name));
}

/**
 * Whether the machine has room for the render thread's copy of the view, and the garbage of
 * making it, beside this thread's heap (which holds the view): twice that heap, free. Asked
 * once the view is built; the thread, started earlier with only its modules, is stopped when
 * there is not.
 */
export function roomForCopy(heapUsed = process.memoryUsage().heapUsed, free = freemem()): boolean {
  return free >= 2 * heapUsed;
}

/** The formats a render thread was given, each one's result as it comes, and a way to stop it. */
export interface RenderThread {
  results: Map<string, Promise<ThreadResult>>;
  /** Stops the thread at once, whatever it still has to render (the run failed meanwhile, or there is no room for the copy). */
  stop(): Promise<void>;
}

/** A render thread started before its view exists: it loads its formats' modules until `post` sends the view. */
export interface StartedRenderThread extends RenderThread {
  /** Sends the view (packed and copied on this thread before this returns); once. */
  post(jobs: Omit<ThreadJobs, 'names'>): void;
}

/**
 * Starts a render thread for the formats `names`; it stops by itself once the last format is
 * back. Until it is sent a view it does not keep the process alive, so a run that ends first
 * (data with errors) is not held up by it.
 */
export function startRenderThread(names: readonly string[], workerUrl = new URL('./thread-worker.js', import.meta.url)): StartedRenderThread {
  const worker = new Worker(workerUrl, { workerData: { names: [...names] } satisfies ThreadStart });
  worker.unref();
  const pending = new Map<string, { resolve: (result: ThreadResult) => void; reject: (error: unknown) => void }>();
  const results = new Map<string, Promise<ThreadResult>>();
  for (const name of names) results.set(name, new Promise((resolve, reject) => pending.set(name, { resolve, reject })));
  const loseAll = (cause: unknown) => {
    for (const { reject } of pending.values()) reject(new RenderThreadLost(cause));
    pending.clear();
  };
  worker.on('message', (reply: ThreadReply) => {
    const waiting = pending.get(reply.name);
    if (!waiting) return;
    pending.delete(reply.name);
    if ('error' in reply) waiting.reject(rebuiltError(reply.error));
    else waiting.resolve({ output: asSent(reply.output), cuts: reply.cuts });
    // Its copy of the view is garbage once the last format is back.
    if (pending.size === 0) void worker.terminate();
  });
  worker.on('error', loseAll);
  worker.on('exit', (code) => loseAll(new Error(`exit ${code}`)));
  // Nobody may be waiting on a result when the run fails first: that is no unhandled rejection.
  for (const result of results.values()) result.catch(() => {});
  let posted = false;
  return {
    results,
    post({ view, templatesDir }) {
      if (posted) throw new Error('startRenderThread: la vista ya se envió');
      posted = true;
      worker.ref();
      worker.postMessage({ view: packView(viewFor(view, names)), ...(templatesDir !== undefined && { templatesDir }) } satisfies PostedJobs);
    },
    stop: async () => void (await worker.terminate()),
  };
}

/**
 * The part of the view the formats `names` read: without the department pages when none of
 * them reads those (Renderer.readsDepartments), which spares packing, copying and unpacking
 * half of an annual view for the workbook.
 */
export function viewFor(view: ReportView, names: readonly string[]): ReportView {
  if (names.some((name) => rendererNamed(name)?.readsDepartments !== false)) return view;
  const { departments, ...municipal } = view;
  return municipal;
}

const utf8 = new TextEncoder();

/**
 * The output as the render thread sends it: its texts encoded there, as the writes would
 * encode them here, and the buffers to move instead of copying (`moved`): each text's, and
 * those of bytes that fill a buffer of their own. A view into a buffer shared with others
 * (Node's pool of small buffers) is copied, since moving would take the others' bytes along.
 */
export function forTransfer(output: RenderOutput): { output: RenderOutput; moved: ArrayBuffer[] } {
  const moved = new Set<ArrayBuffer>();
  const encoded = mapBytes(output, (data) => {
    const bytes = typeof data === 'string' ? utf8.encode(data) : data;
    if (bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) moved.add(bytes.buffer);
    return bytes;
  });
  return { output: encoded, moved: [...moved] };
}

/** The output with `bytes` applied to its content, or to each file's of a folder. */
export function mapBytes(output: RenderOutput, bytes: (data: string | Uint8Array) => string | Uint8Array): RenderOutput {
  if (typeof output === 'string' || output instanceof Uint8Array) return bytes(output);
  return { ...output, files: output.files.map((file) => ({ ...file, bytes: bytes(file.bytes) })) };
}

/** Bytes arrive as a plain Uint8Array: made a Buffer again (no copy), as the renderer gave them. */
function asSent(output: RenderOutput): RenderOutput {
  return mapBytes(output, (data) => (typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength)));
}

function rebuiltError(error: ThreadError): Error {
  switch (error.kind) {
    case 'template':
      return Object.assign(new TemplateError(error.file, ''), { message: error.message });
    case 'unavailable':
      return new RendererUnavailable(error.text, error.params);
    default:
      return Object.assign(new Error(error.message), error.stack ? { stack: error.stack } : {});
  }
}

/** A renderer's error as it is sent from the render thread. */
export function errorForThread(error: unknown): ThreadError {
  if (error instanceof TemplateError) return { kind: 'template', file: error.file, message: error.message };
  if (error instanceof RendererUnavailable) return { kind: 'unavailable', text: error.text, params: error.params };
  return error instanceof Error ? { kind: 'other', message: error.message, ...(error.stack ? { stack: error.stack } : {}) } : { kind: 'other', message: String(error) };
}
