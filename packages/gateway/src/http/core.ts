/** The request -> response core's types: a transport-free request (method, url, headers, remote address, a capped body reader) and a plain response; plus Hono-style in-process requests that return a web Response. */

import { INCOMPLETE, TOO_LARGE } from './limits.ts';

export type HeaderMap = Readonly<Record<string, string | string[] | undefined>>;

export interface CoreRequest {
  readonly method: string;
  /** Path and query, as on the request line. */
  readonly url: string;
  /** Lower-case names (node:http's IncomingHttpHeaders fit as they are). */
  readonly headers: HeaderMap;
  readonly remoteAddress: string | null;
  /** Reads the body up to `max` bytes; only called once the request has passed the checks that need no body. */
  body(max: number): Promise<Buffer | typeof TOO_LARGE | typeof INCOMPLETE>;
}

export interface CoreResponse {
  status: number;
  headers: Record<string, string | number>;
  body: Buffer | string | null;
  /** The client went away mid-body: drop the connection instead of answering (logged as 499). */
  destroy?: boolean;
}

export type Handler = (req: CoreRequest) => Promise<CoreResponse>;

export interface RequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  remoteAddress?: string;
}

/** A CoreRequest from plain values, as tests and in-process callers make them (defaults: GET, Host 127.0.0.1, no body). */
export function coreRequest(url: string, init: RequestInit = {}): CoreRequest {
  const headers: Record<string, string> = { host: '127.0.0.1' };
  for (const [k, v] of Object.entries(init.headers ?? {})) headers[k.toLowerCase()] = v;
  const body = init.body === undefined ? Buffer.alloc(0) : Buffer.from(init.body);
  return {
    method: init.method ?? 'GET',
    url,
    headers,
    remoteAddress: init.remoteAddress ?? '127.0.0.1',
    body: async (max) => (body.length > max ? TOO_LARGE : body),
  };
}

/** The core's answer as a web Response (what Hono's app.request() returns). */
export function toWebResponse(r: CoreResponse): Response {
  const headers = new Headers();
  for (const [k, v] of Object.entries(r.headers)) headers.set(k, String(v));
  if (r.destroy) return new Response(null, { status: 499, headers });
  const body = r.body === null || r.status === 204 ? null : typeof r.body === 'string' ? r.body : new Uint8Array(r.body);
  return new Response(body, { status: r.status, headers });
}
