/** PDFs rendered in worker threads are the bytes `publicPdf` renders in-process, and a failing render names its version. */
import { afterAll, describe, expect, it } from 'vitest';
import { loadPolicy } from '../load/load-policy.ts';
import { renderPublicPdf } from '../pdf/editions.ts';
import { published, publicPdf, type PublishedVersion } from '../pdf/published.ts';
import { EXAMPLE_POLICY_DIR } from '../../scripts/generate-policy.ts';
import { startPdfWorkers } from './pdf-workers.ts';

const workers = startPdfWorkers(2);
afterAll(() => workers.close());

describe('startPdfWorkers', () => {
  it('seeds publicPdf with the bytes an in-process render gives, for every version', async () => {
    const versions = loadPolicy(EXAMPLE_POLICY_DIR).versions.map((v) => published(v));
    expect(versions.length).toBeGreaterThan(1);
    // Distinct sources, so publicPdf cannot have rendered them in this process before seeding.
    const marked = versions.map((v): PublishedVersion => ({ ...v, sources: v.sources.map((s) => ({ ...s, text: `${s.text}\n# worker test\n` })) }));
    workers.render(marked);
    for (const version of marked) {
      const fromWorker = await publicPdf(version);
      expect(Buffer.from(fromWorker).equals(Buffer.from(await renderPublicPdf(version.policy, version.sources, {})))).toBe(true);
    }
  }, 30_000);

  it('rejects where the bytes are awaited when a render fails', async () => {
    const broken = { version: '9.9', policy: {}, sources: [] } as unknown as PublishedVersion;
    const other = startPdfWorkers(1);
    try {
      other.render([broken]);
      await expect(publicPdf(broken)).rejects.toThrow(/^rendering the PDF of v9\.9 failed in a worker: TypeError/);
    } finally {
      await other.close();
    }
  }, 30_000);
});
