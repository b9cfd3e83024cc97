/**
 * The probe upstream: the REST API `slapage verify` puts behind the gateway under test, so it can see what reaches an
 * upstream (every request is recorded) and choose what comes back (canaries, a 429 with every rate-limit header form).
 * It serves the routes of the verification integration (see docs/verify.md) under /api/v1.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProbeRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

export interface ProbeUpstream {
  /** e.g. http://127.0.0.1:40000 */
  readonly origin: string;
  /** origin + /api/v1: the integration's base URL. */
  readonly baseUrl: string;
  readonly requests: readonly ProbeRequest[];
  /** What GET /fixed answers (a JSON object), e.g. carrying a canary. */
  setFixed(body: Record<string, unknown>): void;
  close(): Promise<void>;
}

/** The 429 the probe answers on /ratelimited/*: the figures in every header form the reference gateway reads. */
export const PROBE_RATE_LIMIT = { limit: 50, remaining: 0, resetSeconds: 30, windowSeconds: 60 } as const;

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const data = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(data.length), ...headers });
  res.end(data);
}

export async function startProbeUpstream(listen: { host?: string; port?: number } = {}): Promise<ProbeUpstream> {
  const requests: ProbeRequest[] = [];
  let fixed: Record<string, unknown> = { ok: true };
  const route = (req: IncomingMessage, res: ServerResponse, body: string): void => {
    const url = new URL(req.url ?? '/', 'http://probe');
    const [resource] = url.pathname.replace(/^\/api\/v1\//, '').split('/');
    const r = PROBE_RATE_LIMIT;
    switch (resource) {
      case 'echo':
        return send(res, 200, { method: req.method, query: Object.fromEntries(url.searchParams), body: body === '' ? null : body });
      case 'fixed':
        return send(res, 200, fixed);
      case 'ratelimited':
        return send(res, 429, { error: 'rate limited by the probe upstream' }, {
          'ratelimit-limit': String(r.limit),
          'ratelimit-remaining': String(r.remaining),
          'ratelimit-reset': String(r.resetSeconds),
          'retry-after': String(r.resetSeconds),
          'ratelimit-policy': `"probe";q=${r.limit};w=${r.windowSeconds}`,
          ratelimit: `"probe";r=${r.remaining};t=${r.resetSeconds}`,
        });
      default:
        return send(res, 404, { error: 'no such probe route' });
    }
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: { ...req.headers }, body });
      route(req, res, body);
    });
  });
  const host = listen.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port ?? 0, host, () => resolve());
  });
  const origin = `http://${host}:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    baseUrl: origin + '/api/v1',
    requests,
    setFixed(body) {
      fixed = body;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
