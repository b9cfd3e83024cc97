/** /changelog.xml: Atom feed, one entry per version. */
import type { APIRoute } from 'astro';
import { changelogFeed } from '../diff/feeds.ts';
import { resolvePolicyDir } from '../load/load-policy.ts';
import { hasErrors, validatePolicy } from '../validate/validate.ts';

export const prerender = true;

export const GET: APIRoute = () => {
  const { versions, problems } = validatePolicy(resolvePolicyDir());
  if (hasErrors(problems) || versions.length === 0) throw new Error(`policy has errors; run \`npm run validate\` (${problems.length} problems)`);
  return new Response(changelogFeed(versions.map((v) => v.policy)), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
