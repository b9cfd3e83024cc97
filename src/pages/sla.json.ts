/** /sla.json: the latest version's public model. */
import type { APIRoute } from 'astro';
import { jsonText, publicModel } from '../site/public-model.ts';
import { latestVersion } from '../site/versions.ts';

export const GET: APIRoute = async () => new Response(jsonText(publicModel((await latestVersion()).policy)), { headers: { 'Content-Type': 'application/json' } });
