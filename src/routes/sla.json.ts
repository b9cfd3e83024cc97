/** /sla.json: the latest version's public model. */
import type { APIRoute } from 'astro';
import { slaJson } from '../site/sla-json.ts';
import { latestVersion } from '../site/versions.ts';

export const GET: APIRoute = async () => slaJson(await latestVersion());
