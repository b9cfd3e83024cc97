/** /.well-known/security.txt (RFC 9116) from the latest version's meta. */
import type { APIRoute } from 'astro';
import { securityTxt } from '../site/security-txt.ts';
import { latestVersion } from '../site/versions.ts';

export const GET: APIRoute = async () => new Response(securityTxt((await latestVersion()).policy.meta), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
