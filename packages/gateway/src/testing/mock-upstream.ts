/** A mock upstream REST API for tests, the demo and benchmarks: the example CRM under /api/v1 plus diagnostic routes (echo, fixed body, quota headers, 429 in each header dialect, any status, slow, redirect, oversized), with configurable latency. */

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const RATE_LIMIT_DIALECTS = ['x-ratelimit', 'x-rate-limit', 'ratelimit', 'ietf', 'retry-after-seconds', 'retry-after-date', 'none'] as const;
export type RateLimitDialect = (typeof RATE_LIMIT_DIALECTS)[number];

export interface MockUpstreamOptions {
  host?: string;
  port?: number;
  /** Added before every response. Default 0. */
  latencyMs?: number;
  /** When set, requests must carry `Authorization: Bearer <expectedCredential>`. */
  expectedCredential?: string;
  /** Keep a list of received requests (method, url, headers, body). Default true; benchmarks turn it off. */
  record?: boolean;
  /** Time source for epoch-style reset headers. Default Date.now. */
  now?: () => number;
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface MockUpstream {
  /** Origin, e.g. http://127.0.0.1:40000 */
  readonly origin: string;
  /** Base URL of the API, origin + /api/v1 */
  readonly baseUrl: string;
  readonly port: number;
  readonly requests: RecordedRequest[];
  /** Body served by GET /api/v1/fixed (default a small JSON object). */
  setFixedBody(body: string): void;
  close(): Promise<void>;
}

const CONTACTS = [
  { id: 'c_1', name: 'Ada Lovelace', email: 'ada@example.test', company: 'Analytical Engines', tags: ['vip'] },
  { id: 'c_2', name: 'Grace Hopper', email: 'grace@example.test', company: 'COBOL Ltd', tags: [] },
  { id: 'c_3', name: 'Alan Turing', email: 'alan@example.test', company: 'Bletchley Co', tags: ['prospect'] },
];
const DEALS = [
  { id: 'd_1', contact_id: 'c_1', title: 'Engine upgrade', stage: 'proposal', amount: 12000 },
  { id: 'd_2', contact_id: 'c_3', title: 'Codebreaking retainer', stage: 'won', amount: 48000 },
];
// Precomputed so the benchmark's direct baseline measures transport, not serialization.
const CONTACT_BODIES = new Map(CONTACTS.map((c) => [c.id, Buffer.from(JSON.stringify(c))]));

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const data = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(data.length), ...headers });
  res.end(data);
}

function rateLimitHeaders(dialect: string, nowMs: number): Record<string, string> {
  const resetDelta = 30;
  switch (dialect) {
    case 'x-ratelimit':
      return { 'x-ratelimit-limit': '50', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(nowMs / 1000) + resetDelta) };
    case 'x-rate-limit':
      return { 'x-rate-limit-limit': '50', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(resetDelta) };
    case 'ratelimit':
      return { 'ratelimit-limit': '50', 'ratelimit-remaining': '0', 'ratelimit-reset': String(resetDelta) };
    case 'ietf':
      return { 'ratelimit-policy': '"burst";q=50;w=60', ratelimit: `"burst";r=0;t=${resetDelta}` };
    case 'retry-after-seconds':
      return { 'retry-after': String(resetDelta) };
    case 'retry-after-date':
      return { 'retry-after': new Date(nowMs + resetDelta * 1000).toUTCString() };
    default:
      return {};
  }
}

export async function startMockUpstream(options: MockUpstreamOptions = {}): Promise<MockUpstream> {
  const latency = options.latencyMs ?? 0;
  const record = options.record ?? true;
  const now = options.now ?? Date.now;
  const expectedAuth = options.expectedCredential === undefined ? undefined : 'Bearer ' + options.expectedCredential;
  const requests: RecordedRequest[] = [];
  let fixedBody = '{"ok":true}';
  let origin = '';

  const route = (req: IncomingMessage, res: ServerResponse, body: string): void => {
    const url = new URL(req.url ?? '/', 'http://mock');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    if (expectedAuth !== undefined && req.headers.authorization !== expectedAuth) {
      json(res, 401, { error: 'invalid upstream credential' });
      return;
    }
    if (!path.startsWith('/api/v1/')) {
      json(res, 404, { error: 'not found' });
      return;
    }
    const parts = path.slice('/api/v1/'.length).split('/').map(decodeURIComponent);
    const [resource, id, extra] = parts;
    switch (resource) {
      case 'contacts':
        if (id === undefined && method === 'GET') {
          const limit = Number(url.searchParams.get('limit') ?? CONTACTS.length);
          return json(res, 200, { contacts: CONTACTS.slice(0, limit), next_cursor: null });
        }
        if (id === undefined && method === 'POST') return json(res, 201, { id: 'c_new', ...(JSON.parse(body || '{}') as object) });
        if (id !== undefined && extra === undefined && method === 'GET') {
          const c = CONTACT_BODIES.get(id);
          return c ? json(res, 200, c) : json(res, 404, { error: 'contact not found' });
        }
        if (id !== undefined && method === 'DELETE') {
          res.writeHead(204);
          res.end();
          return;
        }
        break;
      case 'deals':
        if (id === undefined && method === 'GET') {
          const stage = url.searchParams.get('stage');
          return json(res, 200, { deals: stage ? DEALS.filter((d) => d.stage === stage) : DEALS });
        }
        if (id !== undefined && method === 'PATCH') return json(res, 200, { id, ...(JSON.parse(body || '{}') as object) });
        break;
      case 'echo':
        return json(res, 200, { method, path, query: Object.fromEntries(url.searchParams), body: body === '' ? null : body });
      case 'fixed':
        return json(res, 200, fixedBody);
      case 'quota':
        return json(res, 200, { ok: true }, { 'x-ratelimit-limit': '100', 'x-ratelimit-remaining': '42', 'x-ratelimit-reset': '10' });
      case 'ratelimited':
        return json(res, 429, { error: 'slow down', detail: fixedBody }, rateLimitHeaders(id ?? 'none', now()));
      case 'status': {
        const status = Number(id);
        return json(res, status >= 200 && status <= 599 ? status : 400, { error: `mock status ${status}`, detail: fixedBody });
      }
      case 'slow':
        setTimeout(() => json(res, 200, { slow: true }), Number(id) || 0);
        return;
      case 'redirect':
        res.writeHead(302, { location: id === undefined ? 'http://169.254.169.254/latest/meta-data/' : `${origin}/api/v1/echo?redirected=1` });
        res.end();
        return;
      case 'big': {
        const size = Number(id) || 0;
        return json(res, 200, JSON.stringify({ pad: 'x'.repeat(size) }));
      }
    }
    json(res, 404, { error: 'no such mock route' });
  };

  const server = createServer({ keepAliveTimeout: 60_000, noDelay: true }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = chunks.length === 0 ? '' : Buffer.concat(chunks).toString('utf8');
      if (record) requests.push({ method: req.method ?? '', url: req.url ?? '', headers: { ...req.headers }, body });
      if (latency > 0) setTimeout(() => route(req, res, body), latency);
      else route(req, res, body);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://${options.host ?? '127.0.0.1'}:${port}`;
  return {
    origin,
    baseUrl: origin + '/api/v1',
    port,
    requests,
    setFixedBody(b) {
      fixedBody = b;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
