/** /subprocessors.xml: Atom feed with an entry only for versions that change sub-processors. */
import type { APIRoute } from 'astro';
import { subprocessorsFeed } from '../diff/feeds.ts';
import { policyVersions } from '../site/versions.ts';

export const prerender = true;

export const GET: APIRoute = async () =>
  new Response(subprocessorsFeed((await policyVersions()).map((v) => v.policy)), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
