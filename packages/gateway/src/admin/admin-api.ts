/** The admin HTTP API as a request -> response handler: bearer keys per role, each route checked against the caller's role (403 otherwise), every call (and every refusal) appended to the audit log, audit export and chain verification. */

import type { AuditEvent, AuditOutcome } from '../audit/audit.ts';
import { toCefLine, toOcsfLine, toJsonLine, verifyChain } from '../audit/audit.ts';
import type { CoreRequest, CoreResponse } from '../http/core.ts';
import { GatewayError } from '../base/errors.ts';
import { INCOMPLETE, TOO_LARGE } from '../http/limits.ts';
import { isJsonContentType } from '../http/media-type.ts';
import type { CreateConnectionInput, CreateServerInput, Provisioner } from './provisioning.ts';
import { allows, type Actor, type AdminKeys, type Permission } from '../auth/roles.ts';
import type { Clock } from '../base/clock.ts';
import type { ConfigStore, ServerFilter } from '../store/store.ts';

export interface AdminApiOptions {
  provisioner: Provisioner;
  store: ConfigStore;
  keys: AdminKeys;
  clock: Clock;
  maxBodyBytes: number;
  onError: (err: unknown) => void;
  /** The access log's most recent lines (GET /admin/access-log). */
  recentLog?: () => readonly string[];
  /** What GET /admin/about reports: the gateway's name, version and commit, for verification evidence. */
  about?: { name: string; version: string; commit: string | null };
}

interface Call {
  req: CoreRequest;
  actor: Actor | null;
  action: string;
  target: string | null;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): CoreResponse => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

const failure = (status: number, code: string, message: string, headers: Record<string, string> = {}): CoreResponse =>
  json(status, { error: { code, message } }, headers);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export class AdminApi {
  readonly #o: AdminApiOptions;

  constructor(options: AdminApiOptions) {
    this.#o = options;
  }

  /** Answers one /admin/* request. */
  async handle(req: CoreRequest): Promise<CoreResponse> {
    const q = req.url.indexOf('?');
    const path = q < 0 ? req.url : req.url.slice(0, q);
    const query = new URLSearchParams(q < 0 ? '' : req.url.slice(q + 1));
    if (!this.#o.keys.enabled) return failure(404, 'not_found', 'provisioning API disabled (no admin key configured)');
    const call: Call = { req, actor: null, action: 'admin.auth', target: null };
    const header = req.headers.authorization;
    call.actor = typeof header === 'string' && header.startsWith('Bearer ') ? this.#o.keys.identify(header.slice(7)) : null;
    if (call.actor === null) {
      return this.#audited(call, failure(401, 'unauthorized', 'admin key required', { 'www-authenticate': 'Bearer realm="admin"' }));
    }
    let res: CoreResponse;
    try {
      res = await this.#route(call, req, path, query);
    } catch (err) {
      if (err instanceof GatewayError) res = failure(err.status, err.code, err.message);
      else {
        this.#o.onError(err);
        res = failure(500, 'internal', 'internal error');
      }
    }
    return this.#audited(call, res);
  }

  async #route(call: Call, req: CoreRequest, path: string, query: URLSearchParams): Promise<CoreResponse> {
    const p = this.#o.provisioner;
    const method = req.method;
    const segments = path.split('/').filter(Boolean); // ['admin', ...]
    const [, resource, id, sub] = segments;
    const n = segments.length;
    const need = (action: string, permission: Permission, target: string | null = null): void => {
      call.action = action;
      call.target = target;
      if (!allows(call.actor!.role, permission)) throw new GatewayError(403, 'forbidden', `the ${call.actor!.role} role may not perform ${action}`);
    };
    call.action = 'admin.unknown';
    if (resource === 'whoami' && n === 2 && method === 'GET') {
      call.action = 'admin.whoami';
      return json(200, { role: call.actor!.role, key_id: call.actor!.keyId });
    }
    if (resource === 'about' && n === 2 && method === 'GET') {
      call.action = 'admin.about';
      return json(200, this.#o.about ?? { name: null, version: null, commit: null });
    }
    if (resource === 'access-log' && n === 2 && method === 'GET') {
      need('log.read', 'log.read');
      return { status: 200, headers: { 'content-type': 'application/x-ndjson', 'cache-control': 'no-store' }, body: (this.#o.recentLog?.() ?? []).join('') };
    }
    if (resource === 'connections' && n === 2) {
      if (method === 'GET') {
        need('connection.list', 'config.read');
        return json(200, { connections: await p.listConnections() });
      }
      if (method === 'POST') {
        need('connection.create', 'connection.create');
        const created = await p.createConnection((await this.#json(req)) as unknown as CreateConnectionInput);
        call.target = created.id;
        return json(201, created);
      }
    } else if (resource === 'connections' && id !== undefined && sub === 'servers' && n === 4) {
      if (method === 'GET') {
        need('server.list', 'config.read', id);
        return json(200, { servers: await p.listServers({ connection_id: id }) });
      }
      if (method === 'POST') {
        const input = (await this.#json(req)) as unknown as CreateServerInput;
        call.action = 'server.create';
        call.target = id;
        // Developers may create servers that expose read operations only.
        const permission: Permission = allows(call.actor!.role, 'server.create') ? 'server.create' : 'server.create.readonly';
        need('server.create', permission, id);
        if (permission === 'server.create.readonly' && !(await p.isReadOnlyRequest(id, input))) {
          throw new GatewayError(403, 'forbidden', `the ${call.actor!.role} role may only create servers limited to read operations`);
        }
        const created = await p.createServer(id, input);
        call.target = created.id;
        return json(201, created, { 'cache-control': 'no-store' });
      }
    } else if (resource === 'servers' && n === 2) {
      if (method === 'GET') {
        need('server.list', 'config.read');
        const filter: ServerFilter = {};
        const tenant = query.get('tenant');
        const connectionId = query.get('connection_id');
        if (tenant !== null) filter.tenant = tenant;
        if (connectionId !== null) filter.connection_id = connectionId;
        return json(200, { servers: await p.listServers(filter) });
      }
    } else if (resource === 'servers' && id !== undefined && n === 3) {
      if (method === 'GET') {
        need('server.get', 'config.read', id);
        return json(200, await p.getServer(id));
      }
      if (method === 'DELETE') {
        need('server.revoke', 'server.revoke', id);
        return json(200, await p.revokeServer(id));
      }
    } else if (resource === 'purge' && n === 2) {
      if (method === 'POST') {
        need('purge', 'purge');
        const summary = await p.purge();
        return json(200, { purged: summary.servers, ...summary });
      }
    } else if (resource === 'audit' && n === 2) {
      if (method === 'GET') return this.#export(call, query, need);
    } else if (resource === 'audit' && id === 'verify' && n === 3) {
      if (method === 'POST') {
        need('audit.verify', 'audit.read');
        const store = this.#o.store;
        const [records, anchor] = await Promise.all([store.listAudit(), store.auditAnchor()]);
        return json(200, verifyChain(records, anchor));
      }
    } else {
      return failure(404, 'not_found', 'no such admin route');
    }
    return failure(405, 'method_not_allowed', 'method not allowed on this route');
  }

  async #export(call: Call, query: URLSearchParams, need: (action: string, permission: Permission) => void): Promise<CoreResponse> {
    need('audit.export', 'audit.read');
    const format = query.get('format') ?? 'json';
    if (format !== 'json' && format !== 'cef' && format !== 'ocsf') throw new GatewayError(400, 'invalid_request', 'format must be json, cef or ocsf');
    const sinceText = query.get('since');
    let since: number | undefined;
    if (sinceText !== null) {
      since = Date.parse(sinceText);
      if (!/^\d{4}-\d{2}-\d{2}T/.test(sinceText) || Number.isNaN(since)) throw new GatewayError(400, 'invalid_request', 'since must be an RFC 3339 timestamp');
    }
    const records = await this.#o.store.listAudit(since);
    const line = format === 'json' ? toJsonLine : format === 'ocsf' ? toOcsfLine : toCefLine;
    return {
      status: 200,
      headers: { 'content-type': format === 'cef' ? 'text/plain; charset=utf-8' : 'application/x-ndjson', 'cache-control': 'no-store' },
      body: records.map(line).join(''),
    };
  }

  /** Appends the call to the audit log, then answers; a failed append is reported, and the answer still goes out. */
  async #audited(call: Call, res: CoreResponse): Promise<CoreResponse> {
    const outcome: AuditOutcome = res.status === 401 || res.status === 403 ? 'denied' : res.status < 400 ? 'success' : 'failure';
    const event: AuditEvent = {
      at: this.#o.clock.now(),
      actor_role: call.actor?.role ?? null,
      actor_key_id: call.actor?.keyId ?? null,
      action: call.action,
      target: call.target,
      outcome,
      status: res.status,
      address: call.req.remoteAddress,
    };
    try {
      await this.#o.store.appendAudit(event);
    } catch (err) {
      this.#o.onError(err);
    }
    return res;
  }

  async #json(req: CoreRequest): Promise<Record<string, unknown>> {
    if (!isJsonContentType(req.headers['content-type'])) throw new GatewayError(415, 'unsupported_media_type', 'use application/json');
    const body = await req.body(this.#o.maxBodyBytes);
    if (body === TOO_LARGE) throw new GatewayError(413, 'payload_too_large', 'body too large');
    if (body === INCOMPLETE) throw new GatewayError(400, 'incomplete', 'request body incomplete');
    try {
      const parsed: unknown = JSON.parse(body.toString('utf8'));
      if (!isObject(parsed)) throw new GatewayError(400, 'invalid_request', 'body must be a JSON object');
      return parsed;
    } catch (err) {
      if (err instanceof GatewayError) throw err;
      throw new GatewayError(400, 'invalid_json', 'body is not valid JSON');
    }
  }
}
