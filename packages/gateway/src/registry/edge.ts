/** The edge token store behind the in-process token cache: what a miss consults before the database, and how revocations reach every instance. In-process by default (nothing shared); RedisEdge shares it across instances. */

import type { ServerRecord } from '../store/store.ts';

/** A server as the edge holds it: the record and its connection's sealed credential (never plain text). */
export interface EdgeEntry {
  server: ServerRecord;
  credential_sealed: string;
}

/** Called with the revoked token hash, or null when everything cached must be dropped (e.g. after missed messages). */
export type RevokeListener = (tokenHash: string | null) => void;

export interface EdgeStore {
  readonly kind: string;
  /** The shared entry for a token hash; `revoked` when a revocation tombstone is there. */
  get(tokenHash: string): Promise<EdgeEntry | 'revoked' | undefined>;
  /** Stores an entry that the edge evicts by itself at the server's expires_at; returns what is stored afterwards (a tombstone wins). */
  put(entry: EdgeEntry): Promise<EdgeEntry | 'revoked'>;
  /** Records the revocation and tells every instance (this one included) to drop the token. */
  revoke(server: ServerRecord): Promise<void>;
  onRevoke(listener: RevokeListener): void;
  close(): Promise<void>;
}

/** Single-instance edge: nothing is shared, revocations are told to this process's listeners at once. */
export class LocalEdge implements EdgeStore {
  readonly kind = 'local';
  readonly #listeners: RevokeListener[] = [];

  async get(): Promise<undefined> {
    return undefined;
  }

  async put(entry: EdgeEntry): Promise<EdgeEntry> {
    return entry;
  }

  async revoke(server: ServerRecord): Promise<void> {
    for (const l of this.#listeners) l(server.token_hash);
  }

  onRevoke(listener: RevokeListener): void {
    this.#listeners.push(listener);
  }

  async close(): Promise<void> {}
}
