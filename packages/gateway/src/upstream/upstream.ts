/** Upstream HTTP through one undici keep-alive Pool per integration origin: fixed origin, no redirects followed, no retries, SSRF-guarded DNS, a timeout and a response size cap; outcomes are classified for MCP framing. */

import { Pool, type Dispatcher } from 'undici';
import type { IncomingHttpHeaders } from 'node:http';
import { ADDRESS_REFUSED, type AddressPolicy } from './address-policy.ts';
import { TOOL_ERRORS } from '../base/errors.ts';
import type { Integration } from '../filter/integration.ts';
import type { HttpMethod } from '../store/store.ts';

export interface UpstreamOptions {
  timeoutMs: number;
  maxResponseBytes: number;
  connectionsPerOrigin: number;
  policy: AddressPolicy;
}

export type UpstreamOutcome =
  | { kind: 'ok'; status: number; headers: IncomingHttpHeaders; body: string }
  | { kind: 'rate-limited'; headers: IncomingHttpHeaders }
  | { kind: 'http-error'; status: number; headers: IncomingHttpHeaders; body: string }
  | { kind: 'failure'; message: string };

export type UpstreamHeaders = Record<string, string>;

/** Fixed per-connection headers: the tenant's own credential, never anything from the caller's request. */
export function upstreamHeaders(integration: Integration, credential: string, withBody: boolean): UpstreamHeaders {
  const h: UpstreamHeaders = { accept: 'application/json', 'user-agent': 'slapage-mcp-gateway/0.1' };
  if (integration.auth.type === 'bearer') h.authorization = 'Bearer ' + credential;
  else if (integration.auth.type === 'header') h[integration.auth.name.toLowerCase()] = credential;
  if (withBody) h['content-type'] = 'application/json';
  return h;
}

export class Upstreams {
  readonly #options: UpstreamOptions;
  readonly #pools = new Map<string, Pool>();

  constructor(options: UpstreamOptions) {
    this.#options = options;
  }

  /** The pool for an integration's origin; throws at configuration time if the origin is a refused IP literal. */
  poolFor(integration: Integration): Pool {
    const origin = integration.baseUrl.origin;
    let pool = this.#pools.get(origin);
    if (!pool) {
      this.#options.policy.assertBaseUrl(integration.baseUrl);
      pool = new Pool(origin, {
        connections: this.#options.connectionsPerOrigin,
        pipelining: 1,
        keepAliveTimeout: 4_000,
        headersTimeout: this.#options.timeoutMs,
        bodyTimeout: this.#options.timeoutMs,
        // Enforced by the HTTP parser itself, so the body can be read with one text() call.
        maxResponseSize: this.#options.maxResponseBytes,
        connect: { lookup: this.#options.policy.lookup, timeout: Math.min(this.#options.timeoutMs, 10_000) },
      });
      this.#pools.set(origin, pool);
    }
    return pool;
  }

  /**
   * One upstream request through undici's low-level `dispatch` (no Readable stream or promise chain per response):
   * a 3xx or 429 settles at the status line and the body is dropped; other bodies are collected whole (the parser
   * enforces the size cap) and returned as text.
   */
  call(pool: Pool, method: HttpMethod, path: string, headers: UpstreamHeaders, body: string | null): Promise<UpstreamOutcome> {
    const maxResponseBytes = this.#options.maxResponseBytes;
    return new Promise<UpstreamOutcome>((resolve) => {
      let settled = false;
      let status = 0;
      let resHeaders: IncomingHttpHeaders = {};
      let chunks: Buffer[] | null = null;
      const settle = (outcome: UpstreamOutcome): void => {
        if (settled) return;
        settled = true;
        resolve(outcome);
      };
      const handler: Dispatcher.DispatchHandler = {
        onRequestStart() {},
        onResponseStart(controller, statusCode, h) {
          status = statusCode;
          resHeaders = h;
          if (statusCode >= 300 && statusCode < 400) return settle({ kind: 'failure', message: TOOL_ERRORS.upstreamRedirect });
          if (statusCode === 429) return settle({ kind: 'rate-limited', headers: h });
          const declared = h['content-length'];
          if (typeof declared === 'string' && Number(declared) > maxResponseBytes) {
            settle({ kind: 'failure', message: TOOL_ERRORS.upstreamTooLarge });
            controller.abort(new Error('upstream response too large'));
            return;
          }
          chunks = [];
        },
        onResponseData(_controller, chunk) {
          chunks?.push(chunk);
        },
        onResponseEnd() {
          if (chunks === null) return;
          const text = chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8');
          settle(status >= 400 ? { kind: 'http-error', status, headers: resHeaders, body: text } : { kind: 'ok', status, headers: resHeaders, body: text });
        },
        onResponseError(_controller, err) {
          settle({ kind: 'failure', message: failureMessage(err) });
        },
      };
      try {
        pool.dispatch({ method, path, headers, body }, handler);
      } catch (err) {
        settle({ kind: 'failure', message: failureMessage(err) });
      }
    });
  }

  /** Waits for in-flight upstream requests, or with `force` aborts them. */
  async close(force = false): Promise<void> {
    const pools = [...this.#pools.values()];
    this.#pools.clear();
    await Promise.all(pools.map((p) => (force ? p.destroy() : p.close().catch(() => p.destroy()))));
  }
}

function errorCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: unknown; errors?: unknown[] } | null;
  if (!e) return undefined;
  if (typeof e.code === 'string' && e.code !== 'ERR_AGGREGATE') return e.code;
  if (e.cause) return errorCode(e.cause);
  if (Array.isArray(e.errors) && e.errors.length > 0) return errorCode(e.errors[0]);
  return typeof e.code === 'string' ? e.code : undefined;
}

// Fixed texts only: transport errors can quote hosts or bytes, which must not leak into results or logs.
function failureMessage(err: unknown): string {
  const code = errorCode(err);
  if (code === ADDRESS_REFUSED) return TOOL_ERRORS.upstreamAddressRefused;
  if (code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE') return TOOL_ERRORS.upstreamTooLarge;
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') {
    return TOOL_ERRORS.upstreamTimeout;
  }
  return TOOL_ERRORS.upstreamUnavailable;
}
