/** Configuration storage behind one async interface (connections, servers, the audit chain, the purge), implemented in-process by MemoryStore and by the SQL stores; it holds token hashes and sealed credentials, never tokens, plain credentials or payloads. */

import { chainHash, GENESIS_HASH, type AuditEvent, type AuditRecord } from '../audit/audit.ts';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One tenant's connection to one integration: who the tenant is and the upstream credential the gateway uses for them. */
export interface ConnectionRecord {
  id: string;
  tenant: string;
  integration: string;
  /** The tenant's upstream secret, sealed with AES-256-GCM (see sealing.ts); never returned by the API. */
  credential_sealed: string;
  created_at: number;
}

export interface ServerConfig {
  /**
   * Which operations the server exposes: HTTP methods (`GET`…), `read`, `write`, or named operations (`list`, `get`,
   * a tool name). Only safe methods and `read` means read-only.
   */
  methods: string[];
  /** Operations must carry at least one of these tags; empty means no tag filter. */
  tags: string[];
  require_api_token_auth: boolean;
}

/** An MCP server: a filtered view of one connection, reachable by URL token until expires_at. */
export interface ServerRecord {
  id: string;
  name: string;
  tenant: string;
  connection_id: string;
  integration: string;
  config: ServerConfig;
  /** base64url HMAC-SHA256 of the URL token. */
  token_hash: string;
  /** base64url HMAC-SHA256 of the API token, when require_api_token_auth. */
  api_token_hash: string | null;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
}

export interface ServerFilter {
  tenant?: string;
  connection_id?: string;
}

/** What one purge run removes: records older than these instants. */
export interface PurgeCutoffs {
  /** Servers that expired or were revoked at or before this instant. */
  now: number;
  /** Audit records at or before this instant (retention). */
  auditBefore: number;
}

export interface PurgeResult {
  servers: string[];
  audit: number;
}

/** Where the audit chain starts after retention deleted its oldest records: the last deleted id and hash. */
export interface AuditAnchor {
  after_id: number;
  hash: string;
}

export interface ConfigStore {
  /** A short name for messages and measurements: memory, sqlite, postgres. */
  readonly kind: string;
  /** True when records outlive the process (start-up then requires fixed keys). */
  readonly persistent: boolean;
  putConnection(record: ConnectionRecord): Promise<void>;
  getConnection(id: string): Promise<ConnectionRecord | undefined>;
  listConnections(): Promise<ConnectionRecord[]>;
  /** Replaces sealed credentials (key rotation); returns how many rows changed. */
  resealConnections(reseal: (record: ConnectionRecord) => string | null): Promise<number>;
  putServer(record: ServerRecord): Promise<void>;
  getServer(id: string): Promise<ServerRecord | undefined>;
  findServerByTokenHash(tokenHash: string): Promise<ServerRecord | undefined>;
  listServers(filter?: ServerFilter): Promise<ServerRecord[]>;
  /** Marks a server revoked; returns the updated record, or undefined if there is none. */
  revokeServer(id: string, at: number): Promise<ServerRecord | undefined>;
  /**
   * Deletes expired and revoked servers and audit records past retention, under a lock held by one instance at a time;
   * null when another instance holds it.
   */
  purge(cutoffs: PurgeCutoffs): Promise<PurgeResult | null>;
  /** Appends one event to the hash chain (id and hashes assigned under a lock, so concurrent instances keep one chain). */
  appendAudit(event: AuditEvent): Promise<AuditRecord>;
  /** Audit records in id order, optionally only those at or after `since` (epoch ms). */
  listAudit(since?: number): Promise<AuditRecord[]>;
  auditAnchor(): Promise<AuditAnchor | null>;
  close(): Promise<void>;
}

/** In-process store. Returns copies so callers cannot mutate what is stored. */
export class MemoryStore implements ConfigStore {
  readonly kind = 'memory';
  readonly persistent = false;
  readonly #connections = new Map<string, ConnectionRecord>();
  readonly #servers = new Map<string, ServerRecord>();
  readonly #byTokenHash = new Map<string, string>();
  #audit: AuditRecord[] = [];
  #anchor: AuditAnchor | null = null;

  async putConnection(record: ConnectionRecord): Promise<void> {
    this.#connections.set(record.id, structuredClone(record));
  }

  async getConnection(id: string): Promise<ConnectionRecord | undefined> {
    const r = this.#connections.get(id);
    return r && structuredClone(r);
  }

  async listConnections(): Promise<ConnectionRecord[]> {
    return [...this.#connections.values()].map((r) => structuredClone(r));
  }

  async resealConnections(reseal: (record: ConnectionRecord) => string | null): Promise<number> {
    let n = 0;
    for (const r of this.#connections.values()) {
      const sealed = reseal(structuredClone(r));
      if (sealed !== null) {
        r.credential_sealed = sealed;
        n++;
      }
    }
    return n;
  }

  async putServer(record: ServerRecord): Promise<void> {
    const previous = this.#servers.get(record.id);
    if (previous) this.#byTokenHash.delete(previous.token_hash);
    this.#servers.set(record.id, structuredClone(record));
    this.#byTokenHash.set(record.token_hash, record.id);
  }

  async getServer(id: string): Promise<ServerRecord | undefined> {
    const r = this.#servers.get(id);
    return r && structuredClone(r);
  }

  async findServerByTokenHash(tokenHash: string): Promise<ServerRecord | undefined> {
    const id = this.#byTokenHash.get(tokenHash);
    const r = id === undefined ? undefined : this.#servers.get(id);
    return r && structuredClone(r);
  }

  async listServers(filter: ServerFilter = {}): Promise<ServerRecord[]> {
    const out: ServerRecord[] = [];
    for (const r of this.#servers.values()) {
      if (filter.tenant !== undefined && r.tenant !== filter.tenant) continue;
      if (filter.connection_id !== undefined && r.connection_id !== filter.connection_id) continue;
      out.push(structuredClone(r));
    }
    return out;
  }

  async revokeServer(id: string, at: number): Promise<ServerRecord | undefined> {
    const r = this.#servers.get(id);
    if (!r) return undefined;
    if (r.revoked_at === null) r.revoked_at = at;
    return structuredClone(r);
  }

  async purge(cutoffs: PurgeCutoffs): Promise<PurgeResult> {
    const servers: string[] = [];
    for (const [id, r] of this.#servers) {
      if (r.expires_at <= cutoffs.now || (r.revoked_at !== null && r.revoked_at <= cutoffs.now)) {
        this.#servers.delete(id);
        this.#byTokenHash.delete(r.token_hash);
        servers.push(id);
      }
    }
    const keep = this.#audit.findIndex((r) => r.at > cutoffs.auditBefore);
    const drop = keep < 0 ? this.#audit.length : keep;
    if (drop > 0) {
      const last = this.#audit[drop - 1]!;
      this.#anchor = { after_id: last.id, hash: last.hash };
      this.#audit = this.#audit.slice(drop);
    }
    return { servers, audit: drop };
  }

  async appendAudit(event: AuditEvent): Promise<AuditRecord> {
    const last = this.#audit.at(-1);
    const id = (last?.id ?? this.#anchor?.after_id ?? 0) + 1;
    const prev_hash = last?.hash ?? this.#anchor?.hash ?? GENESIS_HASH;
    const record: AuditRecord = { id, ...event, prev_hash, hash: '' };
    record.hash = chainHash(record);
    this.#audit.push(record);
    return structuredClone(record);
  }

  async listAudit(since?: number): Promise<AuditRecord[]> {
    return this.#audit.filter((r) => since === undefined || r.at >= since).map((r) => structuredClone(r));
  }

  async auditAnchor(): Promise<AuditAnchor | null> {
    return this.#anchor && { ...this.#anchor };
  }

  async close(): Promise<void> {}
}
