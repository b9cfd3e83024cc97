/** The shared edge token store: token hash -> server entry in Redis with PEXPIREAT = expires_at (Redis evicts it by itself), revocations as tombstones (so a racing instance cannot put a stale entry back) published on a channel every instance subscribes to. */

import { Redis } from 'ioredis';
import type { EdgeEntry, EdgeStore, RevokeListener } from './edge.ts';
import type { ServerRecord } from '../store/store.ts';

const KEY_PREFIX = 'slapage:gw:token:';
const CHANNEL = 'slapage:gw:revocations';
const TOMBSTONE = 'revoked';

export class RedisEdge implements EdgeStore {
  readonly kind = 'redis';
  readonly #cmd: Redis;
  readonly #sub: Redis;
  readonly #listeners: RevokeListener[] = [];

  private constructor(cmd: Redis, sub: Redis) {
    this.#cmd = cmd;
    this.#sub = sub;
  }

  /** Connects both clients and subscribes before resolving, so no revocation published after start-up is missed. */
  static async connect(url: string): Promise<RedisEdge> {
    const options = { lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: true };
    const cmd = new Redis(url, options);
    const sub = new Redis(url, options);
    // Errors surface on the commands that fail; the event would otherwise crash the process as unhandled.
    cmd.on('error', () => {});
    sub.on('error', () => {});
    await Promise.all([cmd.connect(), sub.connect()]);
    const edge = new RedisEdge(cmd, sub);
    sub.on('message', (_channel: string, message: string) => edge.#tell(message));
    let first = true;
    sub.on('ready', () => {
      // Messages published while the subscriber was away are lost: after a reconnect, drop everything cached.
      if (!first) edge.#tell(null);
      first = false;
    });
    await sub.subscribe(CHANNEL);
    return edge;
  }

  #tell(tokenHash: string | null): void {
    for (const l of this.#listeners) l(tokenHash);
  }

  async get(tokenHash: string): Promise<EdgeEntry | 'revoked' | undefined> {
    const v = await this.#cmd.get(KEY_PREFIX + tokenHash);
    if (v === null) return undefined;
    return v === TOMBSTONE ? 'revoked' : (JSON.parse(v) as EdgeEntry);
  }

  async put(entry: EdgeEntry): Promise<EdgeEntry | 'revoked'> {
    const key = KEY_PREFIX + entry.server.token_hash;
    // NX: a tombstone (or a fresher entry) already there wins over what this instance read from the database.
    const set = await this.#cmd.set(key, JSON.stringify(entry), 'PXAT', entry.server.expires_at, 'NX');
    if (set === 'OK') return entry;
    return (await this.get(entry.server.token_hash)) ?? entry;
  }

  async revoke(server: ServerRecord): Promise<void> {
    const key = KEY_PREFIX + server.token_hash;
    if (server.expires_at > Date.now()) await this.#cmd.set(key, TOMBSTONE, 'PXAT', server.expires_at);
    else await this.#cmd.del(key);
    await this.#cmd.publish(CHANNEL, server.token_hash);
  }

  onRevoke(listener: RevokeListener): void {
    this.#listeners.push(listener);
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.#sub.quit(), this.#cmd.quit()]);
  }
}
