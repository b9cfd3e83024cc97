/** /sla-v3.2.pdf for every version: the public PDF edition, byte-identical to `npm run pdf -- --version 3.2`. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { publicPdf } from '../pdf/published.ts';
import type { PolicyEntry } from '../site/policy-entry.ts';
import { policyVersions } from '../site/versions.ts';

export const prerender = true;

export const getStaticPaths = (async () => (await policyVersions()).map((entry) => ({ params: { version: entry.version }, props: { entry } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: PolicyEntry }> = async ({ props }) =>
  new Response(Buffer.from(await publicPdf(props.entry)), { headers: { 'Content-Type': 'application/pdf' } });
