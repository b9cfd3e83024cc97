/** The gateway as a request -> response function: Host/Origin checks, POST /mcp/<token> (MCP Streamable HTTP, JSON responses, no sessions; 2026-07-28 served statelessly beside the 2025 handshake eras), /admin/* and /healthz; no sockets here, so tests call it in-process the way Hono's app.request() works, and node:http is a thin adapter around it. */

import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { AdminApi } from '../admin/admin-api.ts';
import type { AuditEvent } from '../audit/audit.ts';
import type { Clock } from '../base/clock.ts';
import { coreRequest, toWebResponse, type CoreRequest, type CoreResponse, type RequestInit } from '../http/core.ts';
import { REFUSALS, RPC, type Refusal } from '../base/errors.ts';
import { buildUpstreamRequest } from '../filter/integration.ts';
import { errorResponse, parseMessage, RESPONSE_HEAD, resultResponse } from '../mcp/jsonrpc.ts';
import { INCOMPLETE, TOO_LARGE, type Limits } from '../http/limits.ts';
import type { AccessLog } from '../audit/log.ts';
import { classifyEra } from '../mcp/era.ts';
import { discoverResult, initializeResult, KNOWN_METHODS, META_CLIENT_CAPABILITIES, negotiateVersion, toolError, toolSuccess, toolUpstreamError } from '../mcp/mcp.ts';
import { acceptsJson, isJsonContentType } from '../http/media-type.ts';
import { completeFor429, isEmpty, parseRateLimit, rateLimitErrorData, renderRateLimitHeaders } from '../upstream/ratelimit-headers.ts';
import type { LiveServer, Registry } from '../registry/registry.ts';
import type { Upstreams } from '../upstream/upstream.ts';

/** Logged status for a request whose body never completed (nginx's convention); nothing is sent. */
export const CLIENT_CLOSED = 499;

export interface AppOptions {
  registry: Registry;
  upstreams: Upstreams;
  admin: AdminApi;
  log: AccessLog;
  clock: Clock;
  limits: Limits;
  /** Host/Origin allowlist (DNS-rebinding protection); read on every request, so it can be filled in once the port is known. */
  hostPolicy: HostPolicy;
  /** The `ttlMs` caching hint of 2026-07-28 server/discover results. */
  resultTtlMs: number;
  /** Appends to the audit log without waiting (refused tokens). */
  audit: (event: AuditEvent) => void;
  onError: (err: unknown) => void;
  /** True once shutdown began: /healthz answers 503. */
  closing: () => boolean;
}

export interface HostPolicy {
  anyHost: boolean;
  hosts: Set<string>;
  origins: Set<string>;
}

export interface App {
  /** Answers one request; the access-log line is recorded before it resolves. */
  handle(req: CoreRequest): Promise<CoreResponse>;
  /** Hono-style: `await app.request('/mcp/<token>', { method: 'POST', headers, body })` gives a web Response. */
  request(url: string, init?: RequestInit): Promise<Response>;
}

/** Per-request metadata: exactly what the access log records, nothing from the payload. */
interface Ctx {
  requestId: string;
  tenant: string | null;
  tool: string | null;
  method: string | null;
}

const header = (h: string | string[] | undefined): string | undefined => (Array.isArray(h) ? h[0] : h);

export function createApp(o: AppOptions): App {
  const { registry, upstreams, clock, limits, log } = o;

  // Headers go in one object with an explicit content-length, so the adapter sends them in one writeHead, unchunked.
  const refuse = (ctx: Ctx, r: Refusal): CoreResponse => ({
    status: r.status,
    headers: { ...r.headers, 'content-length': r.body.length, 'x-request-id': ctx.requestId },
    body: r.body,
  });

  const sendJson = (ctx: Ctx, status: number, body: string, extra?: Record<string, string>): CoreResponse => {
    const headers: Record<string, string | number> = {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      'x-request-id': ctx.requestId,
    };
    if (extra !== undefined) Object.assign(headers, extra);
    return { status, headers, body };
  };

  const sendBytes = (ctx: Ctx, body: Buffer): CoreResponse => ({
    status: 200,
    headers: { 'content-type': 'application/json', 'content-length': body.length, 'x-request-id': ctx.requestId },
    body,
  });

  const refuseToken = (req: CoreRequest, ctx: Ctx): CoreResponse => {
    // The token itself is never recorded: only that one was refused, when and from where.
    o.audit({ at: clock.now(), actor_role: null, actor_key_id: null, action: 'token.refused', target: null, outcome: 'denied', status: 401, address: req.remoteAddress });
    return refuse(ctx, REFUSALS.unauthorized);
  };

  const callTool = async (live: LiveServer, idJson: string, params: Record<string, unknown> | undefined, ctx: Ctx, modern: boolean): Promise<CoreResponse> => {
    const name = params?.name;
    const args = params?.arguments ?? {};
    if (typeof name !== 'string' || typeof args !== 'object' || args === null || Array.isArray(args)) {
      return sendJson(ctx, 200, errorResponse(idJson, RPC.invalidParams, 'Invalid params: tools/call needs a string name and an object of arguments'));
    }
    const tool = live.tools.get(name);
    // Filtered and nonexistent tools get the same answer, and the caller's name is not echoed.
    if (tool === undefined) return sendJson(ctx, 200, errorResponse(idJson, RPC.invalidParams, 'Unknown tool'));
    ctx.tool = tool.name;
    const request = buildUpstreamRequest(live.integration, tool, args as Record<string, unknown>);
    if ('error' in request) return sendJson(ctx, 200, resultResponse(idJson, toolError(request.error, modern)));
    const outcome = await upstreams.call(live.pool, tool.method, request.path, request.body === null ? live.headers : live.headersWithBody, request.body);
    switch (outcome.kind) {
      case 'ok': {
        const info = parseRateLimit(outcome.headers, clock.now());
        return sendJson(ctx, 200, resultResponse(idJson, toolSuccess(outcome.body, outcome.status, modern)), isEmpty(info) ? undefined : renderRateLimitHeaders(info));
      }
      case 'rate-limited': {
        const info = completeFor429(parseRateLimit(outcome.headers, clock.now()));
        const data = rateLimitErrorData(info);
        const body = errorResponse(idJson, RPC.upstreamRateLimited, 'Upstream rate limit exceeded', Object.keys(data).length > 0 ? data : undefined);
        return sendJson(ctx, 429, body, renderRateLimitHeaders(info));
      }
      case 'http-error': {
        const info = parseRateLimit(outcome.headers, clock.now());
        return sendJson(ctx, 200, resultResponse(idJson, toolUpstreamError(outcome.status, outcome.body, modern)), isEmpty(info) ? undefined : renderRateLimitHeaders(info));
      }
      case 'failure':
        return sendJson(ctx, 200, resultResponse(idJson, toolError(outcome.message, modern)));
    }
  };

  const handleMcp = async (req: CoreRequest, ctx: Ctx): Promise<CoreResponse> => {
    if (req.method !== 'POST') return refuse(ctx, REFUSALS.methodNotAllowed);
    const url = req.url;
    const q = url.indexOf('?');
    const token = q < 0 ? url.slice(5) : url.slice(5, q);
    const resolved = registry.resolve(token);
    const live = resolved instanceof Promise ? await resolved : resolved;
    if (live === undefined) return refuseToken(req, ctx);
    if (live.requireApiToken) {
      const auth = header(req.headers.authorization);
      if (auth === undefined || !auth.startsWith('Bearer ') || !registry.checkApiToken(live, auth.slice(7))) return refuseToken(req, ctx);
    }
    ctx.tenant = live.tenant;
    if (!isJsonContentType(req.headers['content-type'])) return refuse(ctx, REFUSALS.unsupportedMediaType);
    if (!acceptsJson(req.headers.accept)) return refuse(ctx, REFUSALS.notAcceptable);
    const body = await req.body(limits.maxBodyBytes);
    if (body === TOO_LARGE) return refuse(ctx, REFUSALS.payloadTooLarge);
    if (body === INCOMPLETE) return { status: CLIENT_CLOSED, headers: {}, body: null, destroy: true };
    const msg = parseMessage(body);
    if ('status' in msg) return refuse(ctx, msg);
    if (msg.kind === 'response') return { status: 202, headers: { 'x-request-id': ctx.requestId }, body: null };
    if (msg.kind === 'notification') {
      ctx.method = KNOWN_METHODS.has(msg.method) ? msg.method : 'notification';
      const era = classifyEra(req.headers, msg.method, msg.params, false);
      if (!era.ok) return sendJson(ctx, era.status, errorResponse('null', era.code, era.message, era.data));
      return { status: 202, headers: { 'x-request-id': ctx.requestId }, body: null };
    }
    const { idJson, method, params } = msg;
    ctx.method = KNOWN_METHODS.has(method) ? method : 'unknown';
    if (msg.paramsError !== null) return sendJson(ctx, 200, errorResponse(idJson, RPC.invalidParams, msg.paramsError));
    // Before any dispatch: a request whose headers disagree with its body is refused, in either era.
    const era = classifyEra(req.headers, method, params, true);
    if (!era.ok) return sendJson(ctx, era.status, errorResponse(idJson, era.code, era.message, era.data));
    if (era.modern) return modernRequest(live, idJson, method, params, ctx);
    switch (method) {
      case 'tools/call':
        return callTool(live, idJson, params, ctx, false);
      case 'tools/list':
        return sendBytes(ctx, Buffer.concat([RESPONSE_HEAD, Buffer.from(idJson), live.toolsListTail]));
      case 'ping':
        return sendJson(ctx, 200, resultResponse(idJson, '{}'));
      case 'initialize': {
        if (params === undefined || typeof params.protocolVersion !== 'string' || typeof params.capabilities !== 'object' || params.capabilities === null) {
          return sendJson(ctx, 200, errorResponse(idJson, RPC.invalidParams, 'Invalid params: initialize needs protocolVersion and capabilities'));
        }
        return sendJson(ctx, 200, resultResponse(idJson, initializeResult(negotiateVersion(params.protocolVersion), live.name)));
      }
      default:
        return sendJson(ctx, 200, errorResponse(idJson, RPC.methodNotFound, 'Method not found'));
    }
  };

  /** 2026-07-28: no handshake, no session; each request stands alone, so any instance answers it. */
  const modernRequest = (live: LiveServer, idJson: string, method: string, params: Record<string, unknown> | undefined, ctx: Ctx): Promise<CoreResponse> | CoreResponse => {
    const capabilities = (params!._meta as Record<string, unknown>)[META_CLIENT_CAPABILITIES];
    if (typeof capabilities !== 'object' || capabilities === null || Array.isArray(capabilities)) {
      return sendJson(ctx, 400, errorResponse(idJson, RPC.invalidParams, 'Invalid params: _meta needs io.modelcontextprotocol/clientCapabilities'));
    }
    switch (method) {
      case 'tools/call':
        return callTool(live, idJson, params, ctx, true);
      case 'tools/list':
        return sendBytes(ctx, Buffer.concat([RESPONSE_HEAD, Buffer.from(idJson), live.toolsListTailModern]));
      case 'server/discover':
        return sendJson(ctx, 200, resultResponse(idJson, discoverResult(live.name, o.resultTtlMs)));
      default:
        // initialize and ping are not methods of this revision; the spec answers an unknown method with 404.
        return sendJson(ctx, 404, errorResponse(idJson, RPC.methodNotFound, 'Method not found'));
    }
  };

  const hostAllowed = (req: CoreRequest): boolean => {
    const p = o.hostPolicy;
    if (!p.anyHost) {
      const host = header(req.headers.host);
      if (host === undefined || !(p.hosts.has(host) || p.hosts.has(host.toLowerCase()))) return false;
    }
    const origin = header(req.headers.origin);
    return origin === undefined || p.origins.has(origin) || p.origins.has(origin.toLowerCase());
  };

  const route = async (req: CoreRequest, ctx: Ctx): Promise<CoreResponse> => {
    const url = req.url;
    if (!hostAllowed(req)) return refuse(ctx, REFUSALS.forbidden);
    if (url.startsWith('/mcp/')) return handleMcp(req, ctx);
    if (url.startsWith('/admin/')) {
      ctx.method = 'admin';
      const r = await o.admin.handle(req);
      r.headers['x-request-id'] = ctx.requestId;
      return r;
    }
    if (url === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
      const closing = o.closing();
      return { status: closing ? 503 : 200, headers: { 'content-type': 'text/plain', 'x-request-id': ctx.requestId }, body: closing ? 'closing' : 'ok' };
    }
    return refuse(ctx, REFUSALS.notFound);
  };

  const handle = async (req: CoreRequest): Promise<CoreResponse> => {
    const started = performance.now();
    const ctx: Ctx = { requestId: randomUUID(), tenant: null, tool: null, method: null };
    let res: CoreResponse;
    try {
      res = await route(req, ctx);
    } catch (err) {
      o.onError(err);
      res = refuse(ctx, REFUSALS.internalError);
    }
    log.record(clock.now(), ctx.tenant, ctx.tool, ctx.method, res.status, performance.now() - started, ctx.requestId);
    return res;
  };

  return {
    handle,
    request: async (url, init) => toWebResponse(await handle(coreRequest(url, init))),
  };
}
