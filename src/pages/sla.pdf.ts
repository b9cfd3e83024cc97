/** /sla.pdf: the latest version's public PDF, the same bytes as /sla-vX.Y.pdf of that version. */
import type { APIRoute } from 'astro';
import { resolvePolicyDir } from '../load/load-policy.ts';
import { publicPdf } from '../pdf/published.ts';
import { hasErrors, validatePolicy } from '../validate/validate.ts';

export const prerender = true;

export const GET: APIRoute = async () => {
  const { versions, problems } = validatePolicy(resolvePolicyDir());
  const latest = versions.at(-1);
  if (hasErrors(problems) || !latest) throw new Error(`policy has errors; run \`npm run validate\` (${problems.length} problems)`);
  return new Response(Buffer.from(await publicPdf(latest)), { headers: { 'Content-Type': 'application/pdf' } });
};
