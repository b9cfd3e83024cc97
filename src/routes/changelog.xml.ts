/** /changelog.xml: Atom feed, one entry per version. */
import type { APIRoute } from 'astro';
import { changelogFeed } from '../diff/feeds.ts';
import { policyVersions } from '../site/versions.ts';

export const prerender = true;

export const GET: APIRoute = async () => {
  const versions = await policyVersions();
  // --drafts previews: unreleased versions are marked "Draft: not in force".
  const drafts = new Set(versions.filter((v) => v.status === 'draft').map((v) => v.version));
  return new Response(changelogFeed(versions.map((v) => v.policy), drafts), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
