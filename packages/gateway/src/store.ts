/** Configuration storage behind a small async interface (so a shared store can back several gateway instances), with the in-process MemoryStore as default; it holds token hashes, never tokens or payloads. */

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One tenant's connection to one integration: who the tenant is and the upstream credential the gateway uses for them. */
export interface ConnectionRecord {
  id: string;
  tenant: string;
  integration: string;
  /** The tenant's own upstream secret; sent upstream, never returned by the API. */
  credential: string;
  created_at: number;
}

export interface ServerConfig {
  /** HTTP methods of operations this server exposes; only safe methods means read-only. */
  methods: HttpMethod[];
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

export interface ConfigStore {
  putConnection(record: ConnectionRecord): Promise<void>;
  getConnection(id: string): Promise<ConnectionRecord | undefined>;
  listConnections(): Promise<ConnectionRecord[]>;
  putServer(record: ServerRecord): Promise<void>;
  getServer(id: string): Promise<ServerRecord | undefined>;
  findServerByTokenHash(tokenHash: string): Promise<ServerRecord | undefined>;
  listServers(filter?: { tenant?: string; connection_id?: string }): Promise<ServerRecord[]>;
  /** Marks a server revoked; returns the updated record, or undefined if there is none. */
  revokeServer(id: string, at: number): Promise<ServerRecord | undefined>;
  /** Deletes server records that expired or were revoked at or before `now`; returns their ids. */
  purgeServers(now: number): Promise<string[]>;
}

/** In-process store. Returns copies so callers cannot mutate what is stored. */
export class MemoryStore implements ConfigStore {
  readonly #connections = new Map<string, ConnectionRecord>();
  readonly #servers = new Map<string, ServerRecord>();
  readonly #byTokenHash = new Map<string, string>();

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

  async listServers(filter: { tenant?: string; connection_id?: string } = {}): Promise<ServerRecord[]> {
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

  async purgeServers(now: number): Promise<string[]> {
    const purged: string[] = [];
    for (const [id, r] of this.#servers) {
      if (r.expires_at <= now || (r.revoked_at !== null && r.revoked_at <= now)) {
        this.#servers.delete(id);
        this.#byTokenHash.delete(r.token_hash);
        purged.push(id);
      }
    }
    return purged;
  }
}
