// The render thread of thread.ts: renders each format asked from its copy of the view and
// sends back the bytes, or the error, one format at a time.
import { parentPort, workerData } from 'node:worker_threads';
import type { CutCell } from './cell-guard.js';
import { rendererNamed } from './select.js';
import { errorForThread, forTransfer, type PostedJobs, type ThreadReply, type ThreadStart } from './thread.js';
import { unpackView } from './view-wire.js';

const { names } = workerData as ThreadStart;
// A module that fails to load fails its format's render below, where it is reported.
const loading = Promise.all(names.map((name) => rendererNamed(name)?.load?.().catch(() => {})));

parentPort!.once('message', async ({ view: packed, templatesDir }: PostedJobs) => {
  const view = unpackView(packed);
  await loading;
  for (const name of names) {
    const cuts: CutCell[] = [];
    let moved: ArrayBuffer[] = [];
    let reply: ThreadReply;
    try {
      const output = await rendererNamed(name)!.render(view, { ...(templatesDir ? { templatesDir } : {}), onCut: (cut) => cuts.push(cut) });
      const sent = forTransfer(output);
      moved = sent.moved;
      reply = { name, output: sent.output, cuts };
    } catch (error) {
      reply = { name, error: errorForThread(error) };
    }
    parentPort!.postMessage(reply, moved);
  }
});
