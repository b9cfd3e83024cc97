/** /sla.pdf: the latest version's public PDF, the same bytes as /sla-vX.Y.pdf of that version. */
import type { APIRoute } from 'astro';
import { publicPdf } from '../pdf/published.ts';
import { latestVersion } from '../site/versions.ts';

export const prerender = true;

export const GET: APIRoute = async () => new Response(Buffer.from(await publicPdf(await latestVersion())), { headers: { 'Content-Type': 'application/pdf' } });
