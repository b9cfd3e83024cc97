/**
 * Dev only (the integration adds it for `astro dev` and `slapage dev`): a slapage page that fails while rendering is
 * answered with the located error (src/site/dev-error-page.ts), status 500, never with a stale or half-streamed page.
 */
import type { MiddlewareHandler } from 'astro';
import { site } from 'virtual:slapage/site';
import { devErrorPage, errorText, type RenderError } from '../site/dev-error-page.ts';
import { reportOnce } from '../site/dev-report.ts';

export const onRequest: MiddlewareHandler = async (context, next) => {
  if (!context.url.pathname.startsWith(site.base)) return next();
  try {
    const response = await next();
    if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) return response;
    // Pages stream: an error in a component comes after the status line, so the body is read whole here first.
    const body = await response.text();
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  } catch (thrown) {
    const error = (thrown instanceof Error ? thrown : new Error(String(thrown))) as Error & RenderError;
    reportOnce(`${errorText(error)}\n`);
    return new Response(devErrorPage(error), { status: 500, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } });
  }
};
