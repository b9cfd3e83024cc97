/** Worker thread of src/build/pdf-workers.ts: renders the public PDF of each job it is sent with `publicPdf`, posting each result as it is done. */
import { parentPort } from 'node:worker_threads';
import { publicPdf, type PublishedVersion } from '../pdf/published.ts';
import type { WorkerReply } from './pdf-workers.ts';

const port = parentPort!;
async function render(jobs: readonly { index: number; version: PublishedVersion }[]): Promise<void> {
  for (const { index, version } of jobs) {
    let reply: WorkerReply;
    const start = performance.now();
    try {
      const bytes = await publicPdf(version);
      reply = { index, bytes, ms: performance.now() - start };
    } catch (error) {
      reply = { index, error: (error as Error).stack ?? String(error) };
    }
    port.postMessage(reply);
  }
  port.close();
}

port.once('message', (jobs: readonly { index: number; version: PublishedVersion }[]) => void render(jobs));
