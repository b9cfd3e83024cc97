/** Provisioning, the domain: create tenant connections (credential sealed) and MCP servers (the URL token is returned once, only its HMAC is stored), list, revoke (told to every instance), purge with retention; the admin HTTP API in admin-api.ts is one caller, in-process code another. */

import { randomBytes } from 'node:crypto';
import type { Clock } from '../base/clock.ts';
import type { EdgeStore } from '../registry/edge.ts';
import { GatewayError } from '../base/errors.ts';
import { isMethodFilter, isReadOnly, selectTools, type Integration } from '../filter/integration.ts';
import type { Registry } from '../registry/registry.ts';
import type { Sealer } from '../auth/sealing.ts';
import type { ConfigStore, ConnectionRecord, ServerConfig, ServerFilter, ServerRecord } from '../store/store.ts';
import { generateToken, type TokenHasher } from '../auth/tokens.ts';

export interface CreateConnectionInput {
  tenant: string;
  integration: string;
  credential: string;
}

export interface CreateServerInput {
  name: string;
  /** methods: HTTP methods, `read`, `write`, or named operations (`list`, `get`, a tool name). */
  config: { methods: string[]; tags?: string[]; require_api_token_auth?: boolean };
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

export interface Retention {
  /** Access-log metadata (files written by the directory log sink). The example policy: 30 days. */
  metadataDays: number;
  /** Audit records. The example policy: 365 days. */
  auditDays: number;
}

export const DEFAULT_RETENTION: Retention = { metadataDays: 30, auditDays: 365 };

export interface PurgeSummary {
  /** False when another instance held the purge lock, so this run did nothing. */
  ran: boolean;
  servers: number;
  audit: number;
  metadata_files: number;
}

export interface ProvisionerOptions {
  store: ConfigStore;
  edge: EdgeStore;
  sealer: Sealer;
  hasher: TokenHasher;
  clock: Clock;
  registry: Registry;
  integrations: ReadonlyMap<string, Integration>;
  /** Builds the MCP URL for a token (depends on the bound or public address). */
  mcpUrl: (token: string) => string;
  maxLifetimeMs: number;
  retention: Retention;
  /** Deletes access-log metadata written before this instant; returns how many files went. */
  purgeMetadata?: (before: number) => number;
}

const DAY_MS = 24 * 3600 * 1000;
/** The example policy's auth.tokens.max_lifetime_days. */
export const MAX_LIFETIME_DEFAULT_MS = 365 * DAY_MS;

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
    const id = newId('conn');
    const record: ConnectionRecord = { id, tenant, integration, credential_sealed: this.#o.sealer.seal(credential, id), created_at: this.#o.clock.now() };
    await this.#o.store.putConnection(record);
    return connectionView(record);
  }

  async listConnections(): Promise<ConnectionView[]> {
    return (await this.#o.store.listConnections()).map(connectionView);
  }

  async createServer(connectionId: string, input: CreateServerInput): Promise<CreatedServer> {
    const connection = await this.#o.store.getConnection(connectionId);
    if (!connection) throw new GatewayError(404, 'not_found', 'no such connection');
    const { name, config, expiresAt } = this.#validateServer(input, connection.integration);
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

  /** True when a server with this config on this connection's integration exposes read operations only (what a Developer may create). */
  async isReadOnlyRequest(connectionId: string, input: CreateServerInput): Promise<boolean> {
    const connection = await this.#o.store.getConnection(connectionId);
    const integration = connection && this.#o.integrations.get(connection.integration);
    if (!integration) return true; // createServer refuses it with 404/400 anyway.
    const { config } = this.#validateServer(input, integration.name);
    if (config.methods.some((m) => m === 'write' || (/^[A-Z]+$/.test(m) && !isReadOnly([m])))) return false;
    return [...selectTools(integration, config).values()].every((t) => t.access === 'read');
  }

  async listServers(filter: ServerFilter = {}): Promise<ServerView[]> {
    const now = this.#o.clock.now();
    return (await this.#o.store.listServers(filter)).map((r) => serverView(r, now));
  }

  async getServer(id: string): Promise<ServerView> {
    const r = await this.#o.store.getServer(id);
    if (!r) throw new GatewayError(404, 'not_found', 'no such server');
    return serverView(r, this.#o.clock.now());
  }

  /** Revokes in the store, drops the server from this instance's token cache at once, and tells the other instances through the edge. */
  async revokeServer(id: string): Promise<ServerView> {
    const now = this.#o.clock.now();
    const r = await this.#o.store.revokeServer(id, now);
    this.#o.registry.forget(id);
    if (!r) throw new GatewayError(404, 'not_found', 'no such server');
    await this.#o.edge.revoke(r);
    return serverView(r, now);
  }

  /** Layer 3 of expiry and retention: deletes expired and revoked servers, audit records and access-log metadata past retention. */
  async purge(): Promise<PurgeSummary> {
    const now = this.#o.clock.now();
    const result = await this.#o.store.purge({ now, auditBefore: now - this.#o.retention.auditDays * DAY_MS });
    for (const id of result?.servers ?? []) this.#o.registry.forget(id);
    const metadataFiles = this.#o.purgeMetadata?.(now - this.#o.retention.metadataDays * DAY_MS) ?? 0;
    return { ran: result !== null, servers: result?.servers.length ?? 0, audit: result?.audit ?? 0, metadata_files: metadataFiles };
  }

  #validateServer(input: unknown, integrationName: string): { name: string; config: ServerConfig; expiresAt: number } {
    if (!isObject(input)) bad('body must be an object');
    onlyKeys(input, ['name', 'config', 'expires_at'], 'server');
    const { name, config, expires_at } = input;
    if (typeof name !== 'string' || name.trim() === '' || name.length > 100) bad('name must be a non-empty string of at most 100 characters');
    if (!isObject(config)) bad('config must be an object');
    onlyKeys(config, ['methods', 'tags', 'require_api_token_auth'], 'config');
    const { methods, tags = [], require_api_token_auth = false } = config;
    if (!Array.isArray(methods) || methods.length === 0 || !methods.every(isMethodFilter)) {
      bad('config.methods must be a non-empty array of HTTP methods (GET, HEAD, POST, PUT, PATCH, DELETE), read, write or operation names (e.g. list, get)');
    }
    const integration = this.#o.integrations.get(integrationName);
    for (const m of methods as string[]) {
      if (/^[A-Z]+$/.test(m) || m === 'read' || m === 'write' || !integration) continue;
      const named = [...integration.tools.values()].some((t) => t.name === m || t.verb === m);
      if (!named) bad(`config.methods: "${m}" names no operation of the integration`);
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
      config: { methods: [...new Set(methods as string[])], tags: [...new Set(tags as string[])], require_api_token_auth },
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
