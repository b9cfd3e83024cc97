/** /sla.schema.json: the JSON Schema of every sla.json. */
import type { APIRoute } from 'astro';
import { jsonText, publicModelSchema } from '../site/public-model.ts';

export const GET: APIRoute = () => new Response(jsonText(publicModelSchema()), { headers: { 'Content-Type': 'application/schema+json' } });
