import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../src/audit/audit.ts';
import { verifyChain } from '../src/audit/audit.ts';
import { LocalEdge, type EdgeStore } from '../src/registry/edge.ts';
import { RedisEdge } from '../src/registry/redis-edge.ts';
import { SqlStore } from '../src/store/sql/sql-store.ts';
import { openStore } from '../src/store/storage.ts';
import type { ConfigStore } from '../src/store/store.ts';
import { startPostgres, startRedis, type TestPostgres, type TestService } from '../src/testing/test-services.ts';
import { serverRecord as server } from './records.ts';

// One contract, every backend: the same expectations run against memory, SQLite and PostgreSQL (configuration records)
// and against the in-process and Redis edge token stores.

let pg: TestPostgres | null = null;
let redis: TestService | null = null;
let sqliteDirs: string[] = [];

beforeAll(async () => {
  const [p, r] = await Promise.all([startPostgres(), startRedis()]);
  if ('missing' in p) console.warn(`skipping PostgreSQL backend: ${p.missing}`);
  else pg = p;
  if ('missing' in r) console.warn(`skipping Redis backend: ${r.missing}`);
  else redis = r;
}, 60_000);

afterAll(async () => {
  await Promise.all([pg?.stop(), redis?.stop()]);
  for (const d of sqliteDirs) rmSync(d, { recursive: true, force: true });
});

const freshSqlite = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'slapage-sqlite-'));
  sqliteDirs.push(dir);
  return dir;
};

let pgDatabases = 0;
/** A fresh database per test on the shared cluster, so tests do not see each other's rows. */
async function freshPostgresUrl(): Promise<string> {
  const name = `contract_${++pgDatabases}`;
  const admin = await openStore({ kind: 'postgres', url: pg!.url });
  await (admin as SqlStore).driver.query(`CREATE DATABASE ${name}`);
  await admin.close();
  return pg!.url.replace(/\/postgres$/, '/' + name);
}

const STORES: Array<[string, () => Promise<ConfigStore> | null]> = [
  ['memory', () => openStore({ kind: 'memory' })],
  ['sqlite', () => openStore({ kind: 'sqlite', dir: freshSqlite() })],
  ['postgres', () => (pg ? freshPostgresUrl().then((url) => openStore({ kind: 'postgres', url })) : null)],
];

const event = (at: number, action = 'server.create'): AuditEvent => ({
  at,
  actor_role: 'owner',
  actor_key_id: 'k1',
  action,
  target: 'srv_1',
  outcome: 'success',
  status: 201,
  address: '127.0.0.1',
});

describe.each(STORES)('ConfigStore contract: %s', (kind, open) => {
  let store: ConfigStore;
  beforeAll(async () => {
    const s = open();
    if (s === null) return;
    store = await s;
    await store.putConnection({ id: 'conn_1', tenant: 't', integration: 'i', credential_sealed: 'v1.k.iv.tag.ct', created_at: 1 });
  });
  afterAll(() => store?.close());
  const skipUnlessUp = (ctx: { skip: (note?: string) => void }): boolean => {
    if (store !== undefined) return false;
    ctx.skip(`${kind} backend not available`);
    return true;
  };

  it('stores and finds connections and servers, returning copies', async (ctx) => {
    if (skipUnlessUp(ctx)) return;
    expect(store.persistent).toBe(kind !== 'memory');
    expect(await store.getConnection('conn_1')).toEqual({ id: 'conn_1', tenant: 't', integration: 'i', credential_sealed: 'v1.k.iv.tag.ct', created_at: 1 });
    await store.putServer(server('s1', 100_000, { tenant: 'a', api_token_hash: 'api' }));
    await store.putServer(server('s2', 100_000, { tenant: 'b' }));
    const found = await store.findServerByTokenHash('h-s1');
    expect(found).toEqual(server('s1', 100_000, { tenant: 'a', api_token_hash: 'api' }));
    found!.config.methods.push('DELETE');
    expect((await store.getServer('s1'))!.config.methods).toEqual(['GET']);
    expect(await store.findServerByTokenHash('nope')).toBeUndefined();
    expect((await store.listServers({ tenant: 'b' })).map((s) => s.id)).toEqual(['s2']);
    expect((await store.listServers({ connection_id: 'conn_1' })).map((s) => s.id).sort()).toEqual(['s1', 's2']);
  });

  it('revokes once (the first revocation time stays) and purges expired and revoked servers', async (ctx) => {
    if (skipUnlessUp(ctx)) return;
    await store.putServer(server('old', 100));
    await store.putServer(server('live', 10_000));
    await store.putServer(server('gone', 10_000));
    expect((await store.revokeServer('gone', 50))!.revoked_at).toBe(50);
    expect((await store.revokeServer('gone', 70))!.revoked_at).toBe(50);
    expect(await store.revokeServer('missing', 70)).toBeUndefined();
    const result = await store.purge({ now: 100, auditBefore: -1 });
    expect(result!.servers.sort()).toEqual(['gone', 'old']);
    expect(await store.findServerByTokenHash('h-old')).toBeUndefined();
    expect(await store.getServer('live')).toBeDefined();
  });

  it('re-seals credentials in place', async (ctx) => {
    if (skipUnlessUp(ctx)) return;
    expect(await store.resealConnections((r) => (r.credential_sealed.startsWith('v1.k.') ? 'v1.k2.iv.tag.ct' : null))).toBe(1);
    expect((await store.getConnection('conn_1'))!.credential_sealed).toBe('v1.k2.iv.tag.ct');
    expect(await store.resealConnections(() => null)).toBe(0);
  });

  it('keeps one hash chain under concurrent appends, exports since a time, and survives retention', async (ctx) => {
    if (skipUnlessUp(ctx)) return;
    await Promise.all(Array.from({ length: 12 }, () => store.appendAudit(event(1_000))));
    for (const at of [1_010, 1_011]) await store.appendAudit(event(at));
    let records = await store.listAudit();
    expect(records.map((r) => r.id)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
    expect(verifyChain(records, await store.auditAnchor())).toEqual({ ok: true, records: 14, first_bad: null });
    expect((await store.listAudit(1_010)).map((r) => r.at)).toEqual([1_010, 1_011]);

    const purged = await store.purge({ now: 0, auditBefore: 1_000 });
    expect(purged!.audit).toBe(12);
    records = await store.listAudit();
    expect(records.map((r) => r.id)).toEqual([13, 14]);
    const anchor = await store.auditAnchor();
    expect(anchor).toEqual({ after_id: 12, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(verifyChain(records, anchor).ok).toBe(true);
    // Dropping the head without moving the anchor breaks the chain: retention cannot be faked by deleting records.
    expect(verifyChain(records.slice(1), anchor)).toEqual({ ok: false, records: 1, first_bad: 14 });
    const next = await store.appendAudit(event(2_000));
    expect(next.id).toBe(15);
    expect(verifyChain(await store.listAudit(), await store.auditAnchor()).ok).toBe(true);
  });
});

describe('PostgreSQL specifics', () => {
  it('applies migrations once, even when two instances open the database together', async (ctx) => {
    if (!pg) return ctx.skip('PostgreSQL not available');
    const url = await freshPostgresUrl();
    const [a, b] = await Promise.all([openStore({ kind: 'postgres', url }), openStore({ kind: 'postgres', url })]);
    try {
      expect(await (a as SqlStore).migrations()).toEqual([1]);
      expect(await (b as SqlStore).migrations()).toEqual([1]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('runs the purge on one instance at a time: a second instance skips while the lock is held', async (ctx) => {
    if (!pg) return ctx.skip('PostgreSQL not available');
    const url = await freshPostgresUrl();
    const [a, b] = (await Promise.all([openStore({ kind: 'postgres', url }), openStore({ kind: 'postgres', url })])) as [SqlStore, SqlStore];
    try {
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let entered!: () => void;
      const inside = new Promise<void>((r) => (entered = r));
      const holder = a.driver.transaction(
        'purge',
        async () => {
          entered();
          await held;
          return 'held';
        },
        true,
      );
      await inside;
      expect(await b.purge({ now: 0, auditBefore: 0 })).toBeNull();
      release();
      expect(await holder).toBe('held');
      expect(await b.purge({ now: 0, auditBefore: 0 })).toEqual({ servers: [], audit: 0 });
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

const EDGES: Array<[string, () => Promise<EdgeStore> | null]> = [
  ['local', async () => new LocalEdge()],
  ['redis', () => (redis ? RedisEdge.connect(redis.url) : null)],
];

describe.each(EDGES)('EdgeStore contract: %s', (kind, open) => {
  it('stores entries, tells every subscriber about a revocation, and a revocation wins over a later put', async (ctx) => {
    const made = open();
    if (made === null) return ctx.skip(`${kind} edge not available`);
    const edge = await made;
    const other = kind === 'redis' ? await RedisEdge.connect(redis!.url) : edge;
    try {
      const record = server(`edge-${kind}`, Date.now() + 60_000, { token_hash: `tok-${kind}-${Date.now()}` });
      const entry = { server: record, credential_sealed: 'v1.k.iv.tag.ct' };
      expect(await edge.put(entry)).toEqual(entry);
      if (kind === 'redis') expect(await other.get(record.token_hash)).toEqual(entry);
      const heard: Array<string | null> = [];
      other.onRevoke((h) => heard.push(h));
      await edge.revoke(record);
      await expect.poll(() => heard, { timeout: 1_000 }).toContain(record.token_hash);
      if (kind === 'redis') {
        expect(await other.get(record.token_hash)).toBe('revoked');
        // An instance that read the record before the revocation cannot put it back.
        expect(await other.put(entry)).toBe('revoked');
      }
    } finally {
      if (other !== edge) await other.close();
      await edge.close();
    }
  });

  // Only Redis holds entries to evict: the in-process edge holds nothing, and TokenIndex has its own eviction tests.
  if (kind === 'redis') it('evicts an entry by itself at expires_at', async (ctx) => {
    if (!redis) return ctx.skip('Redis not available');
    const edge = await RedisEdge.connect(redis.url);
    try {
      const record = server('short', Date.now() + 300, { token_hash: `short-${Date.now()}` });
      await edge.put({ server: record, credential_sealed: 'x' });
      expect(await edge.get(record.token_hash)).toBeDefined();
      await new Promise((r) => setTimeout(r, 400));
      expect(await edge.get(record.token_hash)).toBeUndefined();
    } finally {
      await edge.close();
    }
  });
});
