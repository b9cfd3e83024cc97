/** The gateway HTTP server (node:http, no framework): POST /mcp/<token> speaks MCP Streamable HTTP with JSON responses and no sessions; /admin/* is provisioning; startGateway() wires store, registry, upstreams, log and limits and returns the bound URL and close(). */

import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { AddressPolicy } from './address-policy.ts';
import { systemClock, type Clock } from './clock.ts';
import { REFUSALS, RPC, TOOL_ERRORS, type Refusal } from './errors.ts';
import { buildUpstreamRequest, compileIntegration, loadIntegrationFile, type Integration } from './integration.ts';
import { errorResponse, parseMessage, RESPONSE_HEAD, resultResponse } from './jsonrpc.ts';
import { DEFAULT_LIMITS, INCOMPLETE, readBody, TOO_LARGE, type Limits } from './limits.ts';
import { AccessLog, nullSink, stdoutSink, type LogSink } from './log.ts';
import {
  initializeResult,
  KNOWN_METHODS,
  negotiateVersion,
  SUPPORTED_PROTOCOL_VERSIONS,
  toolError,
  toolSuccess,
  toolUpstreamError,
} from './mcp.ts';
import { AdminApi, MAX_LIFETIME_DEFAULT_MS, Provisioner } from './provisioning.ts';
import { startPurgeJob } from './purge.ts';
import { completeFor429, isEmpty, parseRateLimit, rateLimitErrorData, renderRateLimitHeaders } from './ratelimit-headers.ts';
import { Registry, type LiveServer } from './registry.ts';
import { MemoryStore, type ConfigStore } from './store.ts';
import { parseKey, TokenHasher } from './tokens.ts';
import { Upstreams } from './upstream.ts';

export type IntegrationSource = Integration | { file: string; baseUrl?: string } | { description: unknown; baseUrl?: string };

export interface GatewayOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (an ephemeral port; read the real one from the result). */
  port?: number;
  /** External base URL (e.g. https://mcp.example.com) used in provisioned URLs and the default Host/Origin allowlist. */
  publicUrl?: string;
  /** Enables the /admin provisioning API. */
  adminKey?: string;
  /** HMAC key for tokens (>= 32 bytes; hex or base64 when a string). Random per process when omitted. */
  hmacKey?: Buffer | string;
  integrations: IntegrationSource[];
  /** IPs/CIDRs upstreams may resolve to even though they are private or loopback, e.g. ["127.0.0.1/32"]. */
  allowPrivateNetworks?: string[];
  /** Accepted Host header values ("host:port"); "*" accepts any. Defaults to loopback names when bound to loopback, plus publicUrl's host. */
  allowedHosts?: string[] | '*';
  /** Accepted Origin header values; requests without Origin are accepted. Defaults to http(s)://<each allowed host> plus publicUrl's origin. */
  allowedOrigins?: string[];
  limits?: Partial<Limits>;
  clock?: Clock;
  store?: ConfigStore;
  /** Where access-log lines go: 'stdout' (default), 'none', or a function receiving batches of JSON lines. */
  log?: LogSink | 'stdout' | 'none';
  /** How often the purge job deletes expired/revoked server records. Default 60 s. */
  purgeIntervalMs?: number;
  /** How long a token stays in the in-memory token store before being re-read from the store. Default 30 s. */
  tokenCacheTtlMs?: number;
  /** Upper bound on expires_at - now at creation. Default 366 days. */
  maxServerLifetimeMs?: number;
  /** Called with internal errors (never with payloads); default writes the error name to stderr. */
  onError?: (err: unknown) => void;
}

export interface Gateway {
  /** Base URL of the bound listener, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  readonly port: number;
  readonly provisioner: Provisioner;
  readonly store: ConfigStore;
  readonly registry: Registry;
  /** The MCP endpoint for a token. */
  mcpUrl(token: string): string;
  /** Flushes pending access-log lines now. */
  flushLog(): void;
  /** Stops accepting connections, lets in-flight requests finish (up to shutdownGraceMs), then releases everything. */
  close(): Promise<void>;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);
/** Logged status for a request whose body never completed (nginx's convention); nothing is sent. */
const CLIENT_CLOSED = 499;

function resolveIntegration(src: IntegrationSource): Integration {
  if ('tools' in src) return src;
  if ('file' in src) return loadIntegrationFile(src.file, src.baseUrl === undefined ? {} : { baseUrl: src.baseUrl });
  return compileIntegration(src.description, src.baseUrl === undefined ? {} : { baseUrl: src.baseUrl });
}

function defaultOnError(err: unknown): void {
  // Name and code only: messages of transport errors can quote request bytes.
  const code = (err as { code?: unknown } | null)?.code;
  const name = err instanceof Error ? err.name : typeof err;
  process.stderr.write(`gateway internal error: ${name}${typeof code === 'string' ? ' ' + code : ''}\n`);
}

export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const clock = options.clock ?? systemClock;
  const store = options.store ?? new MemoryStore();
  const onError = options.onError ?? defaultOnError;
  const hmacKey = options.hmacKey === undefined ? randomBytes(32) : typeof options.hmacKey === 'string' ? parseKey(options.hmacKey, 'hmacKey') : options.hmacKey;
  const hasher = new TokenHasher(hmacKey);
  const policy = new AddressPolicy(options.allowPrivateNetworks ?? []);
  const upstreams = new Upstreams({
    timeoutMs: limits.upstreamTimeoutMs,
    maxResponseBytes: limits.maxUpstreamResponseBytes,
    connectionsPerOrigin: limits.upstreamConnections,
    policy,
  });
  const integrations = new Map<string, Integration>();
  for (const src of options.integrations) {
    const integration = resolveIntegration(src);
    // Creating the pool validates an IP-literal base URL against the SSRF policy now rather than on first call.
    upstreams.poolFor(integration);
    integrations.set(integration.name, integration);
  }
  const sink = options.log === undefined || options.log === 'stdout' ? stdoutSink : options.log === 'none' ? nullSink : options.log;
  const log = new AccessLog(sink);
  const registry = new Registry({ store, hasher, clock, integrations, upstreams, cacheTtlMs: options.tokenCacheTtlMs ?? 30_000 });

  let baseUrl = '';
  const publicUrl = options.publicUrl?.replace(/\/+$/, '');
  const mcpUrl = (token: string): string => (publicUrl ?? baseUrl) + '/mcp/' + token;
  const provisioner = new Provisioner({
    store,
    hasher,
    clock,
    registry,
    integrations,
    mcpUrl,
    maxLifetimeMs: options.maxServerLifetimeMs ?? MAX_LIFETIME_DEFAULT_MS,
  });
  const admin = new AdminApi(provisioner, hasher, options.adminKey, limits.maxBodyBytes);

  let allowAnyHost = false;
  const allowedHosts = new Set<string>();
  const allowedOrigins = new Set<string>(options.allowedOrigins ?? []);
  let closing = false;

  /** Per-request metadata: exactly what the access log records, nothing from the payload. */
  interface Ctx {
    requestId: string;
    status: number;
    tenant: string | null;
    tool: string | null;
    method: string | null;
  }

  // ---- response helpers -------------------------------------------------------------------------

  // Headers go in one writeHead object (no setHeader), with an explicit content-length so responses are not chunked.
  const refuse = (res: ServerResponse, ctx: Ctx, r: Refusal): number => {
    const headers: Record<string, string | number> = { ...r.headers, 'content-length': r.body.length, 'x-request-id': ctx.requestId };
    if (closing) headers.connection = 'close';
    res.writeHead(r.status, headers);
    res.end(r.body);
    return r.status;
  };

  const sendJson = (res: ServerResponse, ctx: Ctx, status: number, body: string, extra?: Record<string, string>): number => {
    const headers: Record<string, string | number> = {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      'x-request-id': ctx.requestId,
    };
    if (closing) headers.connection = 'close';
    if (extra !== undefined) Object.assign(headers, extra);
    res.writeHead(status, headers);
    res.end(body);
    return status;
  };

  const sendBytes = (res: ServerResponse, ctx: Ctx, body: Buffer): number => {
    const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': body.length, 'x-request-id': ctx.requestId };
    if (closing) headers.connection = 'close';
    res.writeHead(200, headers);
    res.end(body);
    return 200;
  };

  const accepted = (res: ServerResponse, ctx: Ctx): number => {
    res.writeHead(202, closing ? { 'x-request-id': ctx.requestId, connection: 'close' } : { 'x-request-id': ctx.requestId });
    res.end();
    return 202;
  };

  // ---- MCP endpoint -----------------------------------------------------------------------------

  const callTool = async (res: ServerResponse, live: LiveServer, idJson: string, params: Record<string, unknown> | undefined, ctx: Ctx): Promise<number> => {
    const name = params?.name;
    const args = params?.arguments ?? {};
    if (typeof name !== 'string' || typeof args !== 'object' || args === null || Array.isArray(args)) {
      return sendJson(res, ctx, 200, errorResponse(idJson, RPC.invalidParams, 'Invalid params: tools/call needs a string name and an object of arguments'));
    }
    const tool = live.tools.get(name);
    // Filtered and nonexistent tools get the same answer, and the caller's name is not echoed.
    if (tool === undefined) return sendJson(res, ctx, 200, errorResponse(idJson, RPC.invalidParams, 'Unknown tool'));
    ctx.tool = tool.name;
    const request = buildUpstreamRequest(live.integration, tool, args as Record<string, unknown>);
    if ('error' in request) return sendJson(res, ctx, 200, resultResponse(idJson, toolError(request.error)));
    const outcome = await upstreams.call(
      live.pool,
      tool.method,
      request.path,
      request.body === null ? live.headers : live.headersWithBody,
      request.body,
    );
    switch (outcome.kind) {
      case 'ok': {
        const info = parseRateLimit(outcome.headers, clock.now());
        return sendJson(res, ctx, 200, resultResponse(idJson, toolSuccess(outcome.body, outcome.status)), isEmpty(info) ? undefined : renderRateLimitHeaders(info));
      }
      case 'rate-limited': {
        const info = completeFor429(parseRateLimit(outcome.headers, clock.now()));
        const data = rateLimitErrorData(info);
        const body = errorResponse(idJson, RPC.upstreamRateLimited, 'Upstream rate limit exceeded', Object.keys(data).length > 0 ? data : undefined);
        return sendJson(res, ctx, 429, body, renderRateLimitHeaders(info));
      }
      case 'http-error': {
        const info = parseRateLimit(outcome.headers, clock.now());
        return sendJson(res, ctx, 200, resultResponse(idJson, toolUpstreamError(outcome.status, outcome.body)), isEmpty(info) ? undefined : renderRateLimitHeaders(info));
      }
      case 'failure':
        return sendJson(res, ctx, 200, resultResponse(idJson, toolError(outcome.message)));
    }
  };

  const handleMcp = async (req: IncomingMessage, res: ServerResponse, url: string, ctx: Ctx): Promise<number> => {
    if (req.method !== 'POST') return refuse(res, ctx, REFUSALS.methodNotAllowed);
    const q = url.indexOf('?');
    const token = q < 0 ? url.slice(5) : url.slice(5, q);
    const resolved = registry.resolve(token);
    const live = resolved instanceof Promise ? await resolved : resolved;
    if (live === undefined) return refuse(res, ctx, REFUSALS.unauthorized);
    if (live.requireApiToken) {
      const auth = req.headers.authorization;
      if (auth === undefined || !auth.startsWith('Bearer ') || !registry.checkApiToken(live, auth.slice(7))) return refuse(res, ctx, REFUSALS.unauthorized);
    }
    ctx.tenant = live.tenant;
    const version = req.headers['mcp-protocol-version'];
    if (version !== undefined && !SUPPORTED_PROTOCOL_VERSIONS.includes(version as string)) return refuse(res, ctx, REFUSALS.unsupportedProtocolVersion);
    const ct = req.headers['content-type'];
    if (ct === undefined || !ct.startsWith('application/json')) return refuse(res, ctx, REFUSALS.unsupportedMediaType);
    const accept = req.headers.accept;
    if (accept !== undefined && !accept.includes('application/json') && !accept.includes('*/*') && !accept.includes('application/*')) {
      return refuse(res, ctx, REFUSALS.notAcceptable);
    }
    const body = await readBody(req, limits.maxBodyBytes);
    if (body === TOO_LARGE) return refuse(res, ctx, REFUSALS.payloadTooLarge);
    if (body === INCOMPLETE) {
      res.destroy();
      return CLIENT_CLOSED;
    }
    const msg = parseMessage(body);
    if ('status' in msg) return refuse(res, ctx, msg);
    if (msg.kind !== 'request') {
      if (msg.kind === 'notification') ctx.method = KNOWN_METHODS.has(msg.method) ? msg.method : 'notification';
      return accepted(res, ctx);
    }
    const { idJson, method, params } = msg;
    ctx.method = KNOWN_METHODS.has(method) ? method : 'unknown';
    if (!msg.paramsValid) return sendJson(res, ctx, 200, errorResponse(idJson, RPC.invalidParams, 'Invalid params: params must be an object'));
    switch (method) {
      case 'tools/call':
        return callTool(res, live, idJson, params, ctx);
      case 'tools/list':
        return sendBytes(res, ctx, Buffer.concat([RESPONSE_HEAD, Buffer.from(idJson), live.toolsListTail]));
      case 'ping':
        return sendJson(res, ctx, 200, resultResponse(idJson, '{}'));
      case 'initialize': {
        if (params === undefined || typeof params.protocolVersion !== 'string' || typeof params.capabilities !== 'object' || params.capabilities === null) {
          return sendJson(res, ctx, 200, errorResponse(idJson, RPC.invalidParams, 'Invalid params: initialize needs protocolVersion and capabilities'));
        }
        return sendJson(res, ctx, 200, resultResponse(idJson, initializeResult(negotiateVersion(params.protocolVersion), live.name)));
      }
      default:
        return sendJson(res, ctx, 200, errorResponse(idJson, RPC.methodNotFound, 'Method not found'));
    }
  };

  // ---- routing ----------------------------------------------------------------------------------

  const hostAllowed = (req: IncomingMessage): boolean => {
    if (!allowAnyHost) {
      const host = req.headers.host;
      if (host === undefined || !(allowedHosts.has(host) || allowedHosts.has(host.toLowerCase()))) return false;
    }
    const origin = req.headers.origin;
    return origin === undefined || allowedOrigins.has(origin) || allowedOrigins.has(origin.toLowerCase());
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now();
    const ctx: Ctx = { requestId: randomUUID(), status: 0, tenant: null, tool: null, method: null };
    const url = req.url ?? '/';
    try {
      if (!hostAllowed(req)) ctx.status = refuse(res, ctx, REFUSALS.forbidden);
      else if (url.startsWith('/mcp/')) ctx.status = await handleMcp(req, res, url, ctx);
      else if (url.startsWith('/admin/')) {
        const q = url.indexOf('?');
        ctx.method = 'admin';
        res.setHeader('x-request-id', ctx.requestId);
        ctx.status = await admin.handle(req, res, q < 0 ? url : url.slice(0, q), new URLSearchParams(q < 0 ? '' : url.slice(q + 1)));
      } else if (url === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
        ctx.status = closing ? 503 : 200;
        res.writeHead(ctx.status, { 'content-type': 'text/plain', 'x-request-id': ctx.requestId });
        res.end(closing ? 'closing' : 'ok');
      } else ctx.status = refuse(res, ctx, REFUSALS.notFound);
    } catch (err) {
      onError(err);
      ctx.status = res.headersSent ? res.statusCode : refuse(res, ctx, REFUSALS.internalError);
      if (!res.writableEnded) res.end();
    }
    log.record(clock.now(), ctx.tenant, ctx.tool, ctx.method, ctx.status, performance.now() - started, ctx.requestId);
  };

  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      maxHeaderSize: limits.maxHeaderBytes,
      // Node checks header/request timeouts on this interval; keep it well under the timeouts themselves.
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs) / 4))),
      noDelay: true,
    },
    (req, res) => {
      void handle(req, res);
    },
  );
  server.timeout = limits.idleTimeoutMs;
  server.on('timeout', (socket) => socket.destroy());
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    socket.end(`HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request'}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  baseUrl = `http://${hostForUrl}:${address.port}`;

  if (options.allowedHosts === '*') allowAnyHost = true;
  else if (options.allowedHosts !== undefined) for (const h of options.allowedHosts) allowedHosts.add(h.toLowerCase());
  else {
    const bound = options.host ?? '127.0.0.1';
    if (LOOPBACK_HOSTS.has(bound)) for (const h of ['127.0.0.1', 'localhost', '[::1]']) allowedHosts.add(`${h}:${address.port}`);
    else if (publicUrl === undefined) allowAnyHost = true;
    else allowedHosts.add(`${hostForUrl}:${address.port}`);
    if (publicUrl !== undefined) allowedHosts.add(new URL(publicUrl).host);
  }
  if (options.allowedOrigins === undefined) {
    for (const h of allowedHosts) {
      allowedOrigins.add(`http://${h}`);
      allowedOrigins.add(`https://${h}`);
    }
    if (publicUrl !== undefined) allowedOrigins.add(new URL(publicUrl).origin);
  }

  const stopPurge = startPurgeJob(clock, options.purgeIntervalMs ?? 60_000, () => provisioner.purge(), onError);

  let closed: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closed ??= (async () => {
      closing = true;
      stopPurge();
      const done = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      let forced = false;
      const force = setTimeout(() => {
        forced = true;
        server.closeAllConnections();
      }, limits.shutdownGraceMs);
      await done;
      clearTimeout(force);
      registry.close();
      // After a forced cut, handlers may still await upstream calls whose callers are gone: abort them.
      await upstreams.close(forced);
      log.flush();
    })();
    return closed;
  };

  return { url: baseUrl, port: address.port, provisioner, store, registry, mcpUrl, flushLog: () => log.flush(), close };
}
