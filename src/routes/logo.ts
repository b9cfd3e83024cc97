/** /logo.png or /logo.svg: the vendor's logo from slapage.config.yaml, published under a fixed name. */
import type { APIRoute } from 'astro';
import { readFileSync } from 'node:fs';
import { site } from 'virtual:slapage/site';

export const GET: APIRoute = () => {
  const logo = site.brand.logo!;
  return new Response(readFileSync(logo.source), { headers: { 'Content-Type': logo.type === 'svg' ? 'image/svg+xml' : 'image/png' } });
};
