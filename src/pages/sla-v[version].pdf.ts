/** /sla-v3.2.pdf for every version: the public PDF edition, byte-identical to `npm run pdf -- --version 3.2`. */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { LoadedVersion } from '../load/load-version.ts';
import { resolvePolicyDir } from '../load/load-policy.ts';
import { publicPdf } from '../pdf/published.ts';
import { hasErrors, validatePolicy } from '../validate/validate.ts';

export const prerender = true;

export const getStaticPaths = (() => {
  const { versions, problems } = validatePolicy(resolvePolicyDir());
  if (hasErrors(problems)) throw new Error(`policy has errors; run \`npm run validate\` (${problems.length} problems)`);
  return versions.map((version) => ({ params: { version: version.version }, props: { version } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ version: LoadedVersion }> = async ({ props }) =>
  new Response(Buffer.from(await publicPdf(props.version)), { headers: { 'Content-Type': 'application/pdf' } });
