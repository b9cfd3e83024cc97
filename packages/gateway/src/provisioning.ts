/** Provisioning: create tenant connections and MCP servers (the URL token is returned once, only its HMAC is stored), list, revoke, purge; usable in-process and over the admin HTTP API guarded by the admin key. */

import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from './clock.ts';
import { GatewayError } from './errors.ts';
import { HTTP_METHODS, type Integration } from './integration.ts';
import { INCOMPLETE, readBody, TOO_LARGE } from './limits.ts';
import type { Registry } from './registry.ts';
import type { ConfigStore, ConnectionRecord, HttpMethod, ServerConfig, ServerRecord } from './store.ts';
import { digestsEqual, generateToken, type TokenHasher } from './tokens.ts';

export interface CreateConnectionInput {
  tenant: string;
  integration: string;
  credential: string;
}

export interface CreateServerInput {
  name: string;
  config: { methods: HttpMethod[]; tags?: string[]; require_api_token_auth?: boolean };
  /** RFC 3339 timestamp, or epoch milliseconds in-process. */
  expires_at: string | number;
}

export interface ConnectionView {
  id: string;
  tenant: string;
  integration: string;
  created_at: string;
}

/** A stored server as the API shows it: no hashes, times as RFC 3339, and its current status. */
export interface ServerView extends Omit<ServerRecord, 'token_hash' | 'api_token_hash' | 'created_at' | 'expires_at' | 'revoked_at'> {
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  status: 'active' | 'expired' | 'revoked';
}

/** Returned by createServer only: the secrets are never retrievable again. */
export interface CreatedServer extends ServerView {
  token: string;
  url: string;
  api_token?: string;
}

export interface ProvisionerOptions {
  store: ConfigStore;
  hasher: TokenHasher;
  clock: Clock;
  registry: Registry;
  integrations: ReadonlyMap<string, Integration>;
  /** Builds the MCP URL for a token (depends on the bound or public address). */
  mcpUrl: (token: string) => string;
  maxLifetimeMs: number;
}

const MAX_LIFETIME_DEFAULT_MS = 366 * 24 * 3600 * 1000;
export { MAX_LIFETIME_DEFAULT_MS };

function bad(message: string): never {
  throw new GatewayError(400, 'invalid_request', message);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function onlyKeys(obj: Record<string, unknown>, allowed: readonly string[], where: string): void {
  for (const k of Object.keys(obj)) if (!allowed.includes(k)) bad(`${where}: unknown field "${k}"`);
}

function newId(prefix: string): string {
  return prefix + '_' + randomBytes(12).toString('base64url');
}

const iso = (ms: number): string => new Date(ms).toISOString();

export class Provisioner {
  readonly #o: ProvisionerOptions;

  constructor(options: ProvisionerOptions) {
    this.#o = options;
  }

  async createConnection(input: CreateConnectionInput): Promise<ConnectionView> {
    if (!isObject(input)) bad('body must be an object');
    onlyKeys(input as unknown as Record<string, unknown>, ['tenant', 'integration', 'credential'], 'connection');
    const { tenant, integration, credential } = input;
    if (typeof tenant !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(tenant)) bad('tenant must be 1-128 letters, digits, ".", "_" or "-"');
    if (typeof integration !== 'string' || !this.#o.integrations.has(integration)) bad('integration is not one this gateway serves');
    if (typeof credential !== 'string' || credential.length === 0 || credential.length > 4096 || /[\r\n]/.test(credential)) {
      bad('credential must be a non-empty single-line string');
    }
    const record: ConnectionRecord = { id: newId('conn'), tenant, integration, credential, created_at: this.#o.clock.now() };
    await this.#o.store.putConnection(record);
    return connectionView(record);
  }

  async listConnections(): Promise<ConnectionView[]> {
    return (await this.#o.store.listConnections()).map(connectionView);
  }

  async createServer(connectionId: string, input: CreateServerInput): Promise<CreatedServer> {
    const connection = await this.#o.store.getConnection(connectionId);
    if (!connection) throw new GatewayError(404, 'not_found', 'no such connection');
    const { name, config, expiresAt } = this.#validateServer(input);
    const token = generateToken('mcp');
    const apiToken = config.require_api_token_auth ? generateToken('mat') : undefined;
    const now = this.#o.clock.now();
    const record: ServerRecord = {
      id: newId('srv'),
      name,
      tenant: connection.tenant,
      connection_id: connection.id,
      integration: connection.integration,
      config,
      token_hash: this.#o.hasher.hash(token).toString('base64url'),
      api_token_hash: apiToken === undefined ? null : this.#o.hasher.hash(apiToken).toString('base64url'),
      created_at: now,
      expires_at: expiresAt,
      revoked_at: null,
    };
    await this.#o.store.putServer(record);
    const view = serverView(record, now);
    return { ...view, token, url: this.#o.mcpUrl(token), ...(apiToken === undefined ? {} : { api_token: apiToken }) };
  }

  async listServers(filter: { tenant?: string; connection_id?: string } = {}): Promise<ServerView[]> {
    const now = this.#o.clock.now();
    return (await this.#o.store.listServers(filter)).map((r) => serverView(r, now));
  }

  async getServer(id: string): Promise<ServerView> {
    const r = await this.#o.store.getServer(id);
    if (!r) throw new GatewayError(404, 'not_found', 'no such server');
    return serverView(r, this.#o.clock.now());
  }

  /** Revokes in the store and drops the server from the in-memory token store immediately. */
  async revokeServer(id: string): Promise<ServerView> {
    const now = this.#o.clock.now();
    const r = await this.#o.store.revokeServer(id, now);
    this.#o.registry.forget(id);
    if (!r) throw new GatewayError(404, 'not_found', 'no such server');
    return serverView(r, now);
  }

  /** Layer 3 of expiry: deletes configuration records of expired and revoked servers. */
  async purge(): Promise<string[]> {
    const ids = await this.#o.store.purgeServers(this.#o.clock.now());
    for (const id of ids) this.#o.registry.forget(id);
    return ids;
  }

  #validateServer(input: unknown): { name: string; config: ServerConfig; expiresAt: number } {
    if (!isObject(input)) bad('body must be an object');
    onlyKeys(input, ['name', 'config', 'expires_at'], 'server');
    const { name, config, expires_at } = input;
    if (typeof name !== 'string' || name.trim() === '' || name.length > 100) bad('name must be a non-empty string of at most 100 characters');
    if (!isObject(config)) bad('config must be an object');
    onlyKeys(config, ['methods', 'tags', 'require_api_token_auth'], 'config');
    const { methods, tags = [], require_api_token_auth = false } = config;
    if (!Array.isArray(methods) || methods.length === 0 || !methods.every((m) => HTTP_METHODS.includes(m as HttpMethod))) {
      bad('config.methods must be a non-empty array of ' + HTTP_METHODS.join(', '));
    }
    if (!Array.isArray(tags) || !tags.every((t) => typeof t === 'string' && t.length > 0 && t.length <= 64)) bad('config.tags must be an array of strings');
    if (typeof require_api_token_auth !== 'boolean') bad('config.require_api_token_auth must be a boolean');
    let expiresAt: number;
    if (typeof expires_at === 'number' && Number.isFinite(expires_at)) expiresAt = expires_at;
    else if (typeof expires_at === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(expires_at) && !Number.isNaN(Date.parse(expires_at))) expiresAt = Date.parse(expires_at);
    else bad('expires_at must be an RFC 3339 timestamp');
    const now = this.#o.clock.now();
    if (expiresAt <= now) bad('expires_at must be in the future');
    if (expiresAt > now + this.#o.maxLifetimeMs) bad('expires_at is beyond the maximum server lifetime');
    return {
      name,
      config: { methods: [...new Set(methods as HttpMethod[])], tags: [...new Set(tags as string[])], require_api_token_auth },
      expiresAt,
    };
  }
}

function connectionView(r: ConnectionRecord): ConnectionView {
  return { id: r.id, tenant: r.tenant, integration: r.integration, created_at: iso(r.created_at) };
}

function serverView(r: ServerRecord, now: number): ServerView {
  return {
    id: r.id,
    name: r.name,
    tenant: r.tenant,
    connection_id: r.connection_id,
    integration: r.integration,
    config: r.config,
    created_at: iso(r.created_at),
    expires_at: iso(r.expires_at),
    revoked_at: r.revoked_at === null ? null : iso(r.revoked_at),
    status: r.revoked_at !== null ? 'revoked' : r.expires_at <= now ? 'expired' : 'active',
  };
}

/** Admin HTTP API. Returns false when the path is not an admin route. */
export class AdminApi {
  readonly #provisioner: Provisioner;
  readonly #hasher: TokenHasher;
  readonly #adminKeyHash: Buffer | null;
  readonly #maxBodyBytes: number;

  constructor(provisioner: Provisioner, hasher: TokenHasher, adminKey: string | undefined, maxBodyBytes: number) {
    this.#provisioner = provisioner;
    this.#hasher = hasher;
    this.#adminKeyHash = adminKey ? hasher.hash(adminKey) : null;
    this.#maxBodyBytes = maxBodyBytes;
  }

  #authorized(req: IncomingMessage): boolean {
    const header = req.headers.authorization;
    if (this.#adminKeyHash === null || typeof header !== 'string' || !header.startsWith('Bearer ')) return false;
    // Comparing HMACs keeps the comparison constant-time regardless of the presented key's length.
    return digestsEqual(this.#hasher.hash(header.slice(7)), this.#adminKeyHash);
  }

  async handle(req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams): Promise<number> {
    try {
      if (this.#adminKeyHash === null) return send(res, 404, { error: { code: 'not_found', message: 'provisioning API disabled (no admin key configured)' } });
      if (!this.#authorized(req)) {
        return send(res, 401, { error: { code: 'unauthorized', message: 'admin key required' } }, { 'www-authenticate': 'Bearer realm="admin"' });
      }
      const p = this.#provisioner;
      const method = req.method;
      const segments = path.split('/').filter(Boolean); // ['admin', ...]
      const [, resource, id, sub] = segments;
      if (resource === 'connections' && id === undefined) {
        if (method === 'POST') return send(res, 201, await p.createConnection((await this.#json(req)) as unknown as CreateConnectionInput));
        if (method === 'GET') return send(res, 200, { connections: await p.listConnections() });
      } else if (resource === 'connections' && id !== undefined && sub === 'servers' && segments.length === 4) {
        if (method === 'POST') return send(res, 201, await p.createServer(id, (await this.#json(req)) as unknown as CreateServerInput), { 'cache-control': 'no-store' });
        if (method === 'GET') return send(res, 200, { servers: await p.listServers({ connection_id: id }) });
      } else if (resource === 'servers' && id === undefined) {
        if (method === 'GET') {
          const filter: { tenant?: string; connection_id?: string } = {};
          const tenant = query.get('tenant');
          const connectionId = query.get('connection_id');
          if (tenant !== null) filter.tenant = tenant;
          if (connectionId !== null) filter.connection_id = connectionId;
          return send(res, 200, { servers: await p.listServers(filter) });
        }
      } else if (resource === 'servers' && id !== undefined && segments.length === 3) {
        if (method === 'GET') return send(res, 200, await p.getServer(id));
        if (method === 'DELETE') return send(res, 200, await p.revokeServer(id));
      } else if (resource === 'purge' && segments.length === 2 && method === 'POST') {
        return send(res, 200, { purged: (await p.purge()).length });
      } else {
        return send(res, 404, { error: { code: 'not_found', message: 'no such admin route' } });
      }
      return send(res, 405, { error: { code: 'method_not_allowed', message: 'method not allowed on this route' } });
    } catch (err) {
      if (err instanceof GatewayError) return send(res, err.status, { error: { code: err.code, message: err.message } });
      return send(res, 500, { error: { code: 'internal', message: 'internal error' } });
    }
  }

  async #json(req: IncomingMessage): Promise<Record<string, unknown>> {
    const ct = req.headers['content-type'];
    if (typeof ct !== 'string' || !ct.startsWith('application/json')) throw new GatewayError(415, 'unsupported_media_type', 'use application/json');
    const body = await readBody(req, this.#maxBodyBytes);
    if (body === TOO_LARGE) throw new GatewayError(413, 'payload_too_large', 'body too large');
    if (body === INCOMPLETE) throw new GatewayError(400, 'incomplete', 'request body incomplete');
    try {
      const parsed: unknown = JSON.parse(body.toString('utf8'));
      if (!isObject(parsed)) bad('body must be a JSON object');
      return parsed;
    } catch (err) {
      if (err instanceof GatewayError) throw err;
      throw new GatewayError(400, 'invalid_json', 'body is not valid JSON');
    }
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): number {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
  return status;
}
