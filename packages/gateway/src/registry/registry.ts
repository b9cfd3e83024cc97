/** Resolves a URL token to a live server: one HMAC and a Map lookup on the hot path (no network), on a miss the edge store then the database, expiry checked at request time (layer 1) and by TokenIndex eviction (layer 2), and revocations from any instance dropped as the edge announces them. */

import type { Pool } from 'undici';
import type { Clock } from '../base/clock.ts';
import { selectTools, toolsListJson, type Integration, type Tool } from '../filter/integration.ts';
import { resultTail } from '../mcp/jsonrpc.ts';
import type { EdgeEntry, EdgeStore } from './edge.ts';
import type { Sealer } from '../auth/sealing.ts';
import type { ConfigStore, ServerRecord } from '../store/store.ts';
import { TokenIndex } from './token-index.ts';
import { digestsEqual, isWellFormedToken, type TokenHasher } from '../auth/tokens.ts';
import { upstreamHeaders, type UpstreamHeaders, type Upstreams } from '../upstream/upstream.ts';

export interface LiveServer {
  readonly id: string;
  readonly name: string;
  readonly tenant: string;
  readonly tokenHash: Buffer;
  /** When set, requests must also carry `Authorization: Bearer <api token>`. */
  readonly requireApiToken: boolean;
  readonly apiTokenHash: Buffer | null;
  readonly expiresAt: number;
  readonly integration: Integration;
  readonly tools: ReadonlyMap<string, Tool>;
  /** The tools/list response after the id, as bytes, computed once per server. */
  readonly toolsListTail: Buffer;
  /** The same for 2026-07-28: `resultType` and caching hints. */
  readonly toolsListTailModern: Buffer;
  readonly pool: Pool;
  readonly headers: UpstreamHeaders;
  readonly headersWithBody: UpstreamHeaders;
}

export interface RegistryOptions {
  store: ConfigStore;
  edge: EdgeStore;
  sealer: Sealer;
  hasher: TokenHasher;
  clock: Clock;
  integrations: ReadonlyMap<string, Integration>;
  upstreams: Upstreams;
  /** A cached entry is re-read from the store after this long, so a shared store's revocations reach every instance. */
  cacheTtlMs: number;
  /** The `ttlMs` hint of 2026-07-28 tools/list results. */
  resultTtlMs: number;
}

export class Registry {
  readonly #o: RegistryOptions;
  readonly #index: TokenIndex<LiveServer>;

  constructor(options: RegistryOptions) {
    this.#o = options;
    this.#index = new TokenIndex(options.clock);
    options.edge.onRevoke((tokenHash) => {
      if (tokenHash === null) this.#index.clear();
      else this.#index.delete(tokenHash);
    });
  }

  /** Entries currently held by the in-memory token store (for tests and metrics). */
  get size(): number {
    return this.#index.size;
  }

  /**
   * The live server for a URL token, or undefined for unknown, malformed, expired and revoked tokens alike.
   * Synchronous when the token is cached (the hot path).
   */
  resolve(token: string): LiveServer | undefined | Promise<LiveServer | undefined> {
    if (!isWellFormedToken(token, 'mcp')) return undefined;
    const digest = this.#o.hasher.hash(token);
    const key = digest.toString('base64url');
    const live = this.#index.get(key);
    if (live === undefined) return this.#load(key, digest);
    // Layer 1: the request-time check does not trust eviction to have run.
    if (live.expiresAt <= this.#o.clock.now()) {
      this.#index.delete(key);
      return undefined;
    }
    return digestsEqual(digest, live.tokenHash) ? live : undefined;
  }

  /** True when `token` is the server's API token (constant-time over the HMAC digests). */
  checkApiToken(live: LiveServer, token: string): boolean {
    if (live.apiTokenHash === null || !isWellFormedToken(token, 'mat')) return false;
    return digestsEqual(this.#o.hasher.hash(token), live.apiTokenHash);
  }

  /** Drops a server from the in-memory token store at once (revocation). */
  forget(serverId: string): void {
    this.#index.deleteWhere((s) => s.id === serverId);
  }

  close(): void {
    this.#index.close();
  }

  async #load(key: string, digest: Buffer): Promise<LiveServer | undefined> {
    const { store, edge, sealer, clock, integrations, upstreams, cacheTtlMs } = this.#o;
    let entry: EdgeEntry | 'revoked' | undefined = await edge.get(key);
    if (entry === undefined) {
      const record = await store.findServerByTokenHash(key);
      if (!record || record.revoked_at !== null || record.expires_at <= clock.now()) return undefined;
      const connection = await store.getConnection(record.connection_id);
      if (!connection) return undefined;
      // What the edge holds afterwards wins: a revocation that raced this read left a tombstone there.
      entry = await edge.put({ server: record, credential_sealed: connection.credential_sealed });
    }
    if (entry === 'revoked') return undefined;
    const record = entry.server;
    if (record.revoked_at !== null || record.expires_at <= clock.now()) return undefined;
    const recordHash = Buffer.from(record.token_hash, 'base64url');
    if (!digestsEqual(digest, recordHash)) return undefined;
    const integration = integrations.get(record.integration);
    if (!integration) return undefined;
    const credential = sealer.open(entry.credential_sealed, record.connection_id);
    const live = compile(record, recordHash, integration, upstreams.poolFor(integration), credential, this.#o.resultTtlMs);
    const now = clock.now();
    this.#index.set(key, live, Math.min(record.expires_at, now + cacheTtlMs));
    return live;
  }
}

function compile(record: ServerRecord, tokenHash: Buffer, integration: Integration, pool: Pool, credential: string, resultTtlMs: number): LiveServer {
  const tools = selectTools(integration, record.config);
  return {
    id: record.id,
    name: record.name,
    tenant: record.tenant,
    tokenHash,
    requireApiToken: record.config.require_api_token_auth,
    // A record that requires an API token but lacks its hash fails closed: checkApiToken never matches null.
    apiTokenHash: record.api_token_hash === null ? null : Buffer.from(record.api_token_hash, 'base64url'),
    expiresAt: record.expires_at,
    integration,
    tools,
    toolsListTail: resultTail(toolsListJson(tools)),
    toolsListTailModern: resultTail(toolsListJson(tools, { ttlMs: resultTtlMs })),
    pool,
    headers: upstreamHeaders(integration, credential, false),
    headersWithBody: upstreamHeaders(integration, credential, true),
  };
}
