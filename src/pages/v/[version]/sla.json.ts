/** /v/<version>/sla.json: each version's public model. */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { Policy } from '../../../model/policy.ts';
import { jsonText, publicModel } from '../../../site/public-model.ts';
import { policyVersions } from '../../../site/versions.ts';

export const getStaticPaths = (async () => (await policyVersions()).map((entry) => ({ params: { version: entry.version }, props: { policy: entry.policy } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ policy: Policy }> = ({ props }) => new Response(jsonText(publicModel(props.policy)), { headers: { 'Content-Type': 'application/json' } });
