/** The body of a version's sla.json: its public model plus its PDF edition's URL and SHA-256 when PDFs are built. */
import { DRAFT_NOTICE } from '../pdf/editions.ts';
import { pdfFileName, publicPdfSha256 } from '../pdf/published.ts';
import { absolute } from './address.ts';
import { available } from './available.ts';
import type { PolicyEntry } from './policy-entry.ts';
import { jsonText, publicModel } from './public-model.ts';

export async function slaJson(entry: PolicyEntry): Promise<Response> {
  const pdf = available.pdf ? { url: absolute(entry.policy.meta.url, pdfFileName(entry.version)), sha256: await publicPdfSha256(entry) } : undefined;
  const status = {
    status: entry.status,
    ...(entry.status === 'draft' ? { notice: DRAFT_NOTICE } : {}),
    ...(entry.upcoming.length > 0 ? { upcoming: entry.upcoming.map((u) => ({ ...u, url: absolute(entry.policy.meta.url, `v/${u.version}/sla.json`) })) } : {}),
  };
  return new Response(jsonText(publicModel(entry.policy, pdf, entry.measurement, status, entry.evidence, entry.uptime)), { headers: { 'Content-Type': 'application/json' } });
}
