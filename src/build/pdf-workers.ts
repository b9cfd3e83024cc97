/**
 * Public PDFs rendered in worker threads while Astro starts: `startPdfWorkers(n)` spawns the threads (they load
 * pdfkit and the fonts meanwhile), `render(versions)` hands them the versions and seeds `publicPdf`'s memo with
 * the pending bytes, so the site's PDF endpoints and sha256 fields await these instead of rendering again.
 * Each worker calls the same `publicPdf`, so the bytes are the ones an in-process render gives.
 */
import { Worker } from 'node:worker_threads';
import { seedPublicPdf, type PublishedVersion } from '../pdf/published.ts';

/** What a worker posts back, per job, in job order. */
export type WorkerReply = { readonly index: number; readonly bytes: Uint8Array; readonly ms: number } | { readonly index: number; readonly error: string };

/** For `npm run build -- --timings`: PDFs rendered, threads, render time summed over threads, and when the last one arrived. */
export interface PdfWorkStats {
  readonly rendered: number;
  readonly threads: number;
  readonly busyMs: number;
  /** performance.now() when the last PDF arrived; undefined while any is pending. */
  readonly doneAt: number | undefined;
}

export interface PdfWorkers {
  /** Renders every version once (the first one first: the latest, which / and sla.json need before the rest). */
  render(versions: readonly PublishedVersion[]): void;
  stats(): PdfWorkStats;
  /** Stops the threads, finished or not. */
  close(): Promise<void>;
}

export function startPdfWorkers(threads: number): PdfWorkers {
  const workers = Array.from({ length: Math.max(1, threads) }, () => new Worker(new URL(`./pdf-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url)));
  // Never keep the process alive on their account: every result that matters is awaited by the build itself.
  for (const worker of workers) worker.unref();
  let rendered = 0;
  let busyMs = 0;
  let expected = 0;
  let doneAt: number | undefined;
  return {
    render(versions) {
      expected += versions.length;
      workers.forEach((worker, w) => {
        // Interleaved, so each thread gets old and new versions alike and the latest goes first.
        const jobs = versions.flatMap((version, index) => (index % workers.length === w ? [{ index, version }] : []));
        const pending = new Map(jobs.map((job) => [job.index, Promise.withResolvers<Uint8Array>()]));
        for (const job of jobs) seedPublicPdf(job.version, pending.get(job.index)!.promise);
        worker.on('message', (reply: WorkerReply) => {
          const slot = pending.get(reply.index);
          pending.delete(reply.index);
          if ('bytes' in reply) {
            slot?.resolve(reply.bytes);
            busyMs += reply.ms;
            if (++rendered === expected) doneAt = performance.now();
          }
          else slot?.reject(new Error(`rendering the PDF of v${versions[reply.index]?.version} failed in a worker: ${reply.error}`));
        });
        const fail = (why: string) => () => {
          for (const slot of pending.values()) slot.reject(new Error(`a PDF worker ${why}`));
          pending.clear();
        };
        worker.on('error', (error: Error) => fail(`failed: ${error.stack ?? String(error)}`)());
        worker.on('exit', fail('exited before finishing its PDFs'));
        worker.postMessage(jobs);
      });
    },
    stats: () => ({ rendered, threads: workers.length, busyMs, doneAt }),
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
