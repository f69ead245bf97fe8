// The render thread of thread.ts: renders each format asked from its copy of the view and
// sends back the bytes, or the error, one format at a time.
import { parentPort } from 'node:worker_threads';
import type { CutCell } from './cell-guard.js';
import { rendererNamed } from './select.js';
import { errorForThread, type ThreadJobs, type ThreadReply } from './thread.js';

parentPort!.once('message', async ({ view, names, templatesDir }: ThreadJobs) => {
  for (const name of names) {
    const cuts: CutCell[] = [];
    let reply: ThreadReply;
    try {
      const output = await rendererNamed(name)!.render(view, { ...(templatesDir ? { templatesDir } : {}), onCut: (cut) => cuts.push(cut) });
      reply = { name, output, cuts };
    } catch (error) {
      reply = { name, error: errorForThread(error) };
    }
    parentPort!.postMessage(reply);
  }
});
