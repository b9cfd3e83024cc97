/** /favicon.ico: the vendor's PNG logo as an icon, else the default icon in the accent colour (src/site/favicon.ts). */
import type { APIRoute } from 'astro';
import { readFileSync } from 'node:fs';
import { site } from 'virtual:slapage/site';
import { favicon } from '../site/favicon.ts';

export const GET: APIRoute = () => {
  const logo = site.brand.logo;
  const png = logo?.type === 'png' ? readFileSync(logo.source) : undefined;
  return new Response(favicon(png, site.brand.accentColor), { headers: { 'Content-Type': 'image/vnd.microsoft.icon' } });
};
