/** /v/<version>/sla.json: each version's public model. */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { PolicyEntry } from '../../../site/policy-entry.ts';
import { slaJson } from '../../../site/sla-json.ts';
import { policyVersions } from '../../../site/versions.ts';

export const getStaticPaths = (async () => (await policyVersions()).map((entry) => ({ params: { version: entry.version }, props: { entry } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: PolicyEntry }> = ({ props }) => slaJson(props.entry);
