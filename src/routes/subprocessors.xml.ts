/** /subprocessors.xml: Atom feed with an entry only for versions that change sub-processors. */
import type { APIRoute } from 'astro';
import { subprocessorsFeed } from '../diff/feeds.ts';
import { policyVersions } from '../site/versions.ts';

export const prerender = true;

export const GET: APIRoute = async () => {
  const versions = await policyVersions();
  // --drafts previews: unreleased versions are marked "Draft: not in force".
  const drafts = new Set(versions.filter((v) => v.status === 'draft').map((v) => v.version));
  return new Response(subprocessorsFeed(versions.map((v) => v.policy), drafts), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
