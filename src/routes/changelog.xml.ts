/** /changelog.xml: Atom feed, one entry per version. */
import type { APIRoute } from 'astro';
import { changelogFeed } from '../diff/feeds.ts';
import { policyVersions } from '../site/versions.ts';

export const prerender = true;

export const GET: APIRoute = async () =>
  new Response(changelogFeed((await policyVersions()).map((v) => v.policy)), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
