// The render thread of thread.ts: renders each format asked from its copy of the view and
// sends back the bytes, or the error, one format at a time.
import { parentPort, workerData } from 'node:worker_threads';
import type { CutCell } from './cell-guard.js';
import { rendererNamed } from './select.js';
import { errorForThread, mapBytes, type PostedJobs, type RenderOutput, type ThreadReply, type ThreadStart } from './thread.js';
import { unpackView } from './view-wire.js';

const utf8 = new TextEncoder();

/**
 * The output with its texts encoded here, as the writes would encode them on the main thread,
 * each into a buffer of its own that moves to the main thread instead of being copied, as do
 * bytes that fill a buffer of their own (a view into one shared with others, as Node's pool
 * of small buffers, is copied).
 */
function encoded(output: RenderOutput, moved: ArrayBuffer[]): RenderOutput {
  return mapBytes(output, (data) => {
    const bytes = typeof data === 'string' ? utf8.encode(data) : data;
    if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && !moved.includes(bytes.buffer as ArrayBuffer)) moved.push(bytes.buffer as ArrayBuffer);
    return bytes;
  });
}

const { names } = workerData as ThreadStart;
// A module that fails to load fails its format's render below, where it is reported.
const loading = Promise.all(names.map((name) => rendererNamed(name)?.load?.().catch(() => {})));

parentPort!.once('message', async ({ view: packed, templatesDir }: PostedJobs) => {
  const view = unpackView(packed);
  await loading;
  for (const name of names) {
    const cuts: CutCell[] = [];
    const moved: ArrayBuffer[] = [];
    let reply: ThreadReply;
    try {
      const output = await rendererNamed(name)!.render(view, { ...(templatesDir ? { templatesDir } : {}), onCut: (cut) => cuts.push(cut) });
      reply = { name, output: encoded(output, moved), cuts };
    } catch (error) {
      reply = { name, error: errorForThread(error) };
    }
    parentPort!.postMessage(reply, moved);
  }
});
