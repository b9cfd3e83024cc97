import { randomBytes } from 'node:crypto';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOCK_DIAGNOSTICS_PATH } from '../src/server/config.ts';
import { startMockUpstream, type MockUpstream } from '../src/testing/mock-upstream.ts';
import { startGateway, type Gateway } from '../src/server/server.ts';
import { startPostgres, startRedis, type TestPostgres, type TestService } from '../src/testing/test-services.ts';
import { ACCEPT, admin, ADMIN_KEY, callTool } from './helpers.ts';

// Two gateway instances sharing PostgreSQL (configuration, audit) and Redis (edge token store), as an operator runs them.

const CREDENTIAL = 'CANARY-CREDENTIAL-pg-5d81e0';
const HMAC_KEY = randomBytes(32).toString('hex');
const ENCRYPTION_KEY = randomBytes(32).toString('hex');

let pg: TestPostgres | undefined;
let redis: TestService | undefined;
let mock: MockUpstream;
let missing: string | null = null;
const running: Gateway[] = [];

async function instance(): Promise<Gateway> {
  const g = await startGateway({
    adminKey: ADMIN_KEY,
    hmacKey: HMAC_KEY,
    encryptionKey: ENCRYPTION_KEY,
    store: { kind: 'postgres', url: pg!.url },
    edge: { redisUrl: redis!.url },
    integrations: [{ file: MOCK_DIAGNOSTICS_PATH, baseUrl: mock.baseUrl }],
    allowPrivateNetworks: ['127.0.0.1/32'],
    log: 'none',
  });
  running.push(g);
  return g;
}

beforeAll(async () => {
  const [p, r] = await Promise.all([startPostgres(), startRedis()]);
  if ('missing' in p) missing = p.missing;
  else pg = p;
  if ('missing' in r) missing = r.missing;
  else redis = r;
  if (missing) console.warn(`skipping the multi-instance tests: ${missing}`);
  mock = await startMockUpstream({ expectedCredential: CREDENTIAL, record: false });
}, 60_000);

afterAll(async () => {
  for (const g of running) await g.close();
  await mock.close();
  await Promise.all([pg?.stop(), redis?.stop()]);
});

describe('several instances on PostgreSQL + Redis', () => {
  let a: Gateway;
  let b: Gateway;
  let token = '';
  let serverId = '';

  it('a server provisioned on instance A works on instance B (with the credential decrypted there)', async (ctx) => {
    if (missing) return ctx.skip(missing);
    [a, b] = await Promise.all([instance(), instance()]);
    const conn = await admin(a, 'POST', '/admin/connections', { tenant: 'acme', integration: 'mock-diagnostics', credential: CREDENTIAL });
    expect(conn.status).toBe(201);
    const created = await admin(a, 'POST', `/admin/connections/${conn.json.id}/servers`, {
      name: 'shared',
      config: { methods: ['GET'], tags: [], require_api_token_auth: false },
      expires_at: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(created.status).toBe(201);
    token = created.json.token;
    serverId = created.json.id;
    const onB = await callTool(b.mcpUrl(token), 'get_fixed');
    expect(onB.status).toBe(200);
    expect(onB.json.result.isError).toBe(false);
    expect((await admin(b, 'GET', `/admin/servers/${serverId}`)).json.status).toBe('active');
  });

  it('serves one 2026-07-28 client whose consecutive requests alternate between A and B, with no affinity', async (ctx) => {
    if (missing) return ctx.skip(missing);
    // A round-robin balancer with no affinity: request n goes to instance n mod 2, whatever came before.
    const served: string[] = [];
    const origins = [new URL(a.url).origin, new URL(b.url).origin];
    let n = 0;
    const roundRobin = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
      const target = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      const origin = origins[n++ % 2]!;
      served.push(origin === origins[0] ? 'A' : 'B');
      return fetch(origin + target.pathname + target.search, init);
    };
    const client = new Client({ name: 'alternating', version: '1.0.0' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } });
    await client.connect(new StreamableHTTPClientTransport(new URL(a.mcpUrl(token)), { fetch: roundRobin }));
    try {
      expect((await client.listTools()).tools.map((t) => t.name)).toContain('get_fixed');
      for (let i = 0; i < 3; i++) expect((await client.callTool({ name: 'get_fixed', arguments: {} })).isError).toBe(false);
    } finally {
      await client.close();
    }
    // server/discover, tools/list and three calls: five requests, and each went to the other instance than the one before.
    expect(served.slice(0, 5)).toEqual(['A', 'B', 'A', 'B', 'A']);
  });

  it('after both instances restart, the unexpired token still works', async (ctx) => {
    if (missing) return ctx.skip(missing);
    await Promise.all([a.close(), b.close()]);
    [a, b] = await Promise.all([instance(), instance()]);
    for (const g of [a, b]) expect((await callTool(g.mcpUrl(token), 'get_fixed')).json.result.isError).toBe(false);
  });

  it('revoked on A, the token is refused by B within 1 s, although B had it cached', async (ctx) => {
    if (missing) return ctx.skip(missing);
    expect((await callTool(b.mcpUrl(token), 'get_fixed')).status).toBe(200);
    expect(b.registry.size).toBeGreaterThan(0);
    const revokedAt = performance.now();
    expect((await admin(a, 'DELETE', `/admin/servers/${serverId}`)).status).toBe(200);
    let status = 200;
    while (performance.now() - revokedAt < 1_000) {
      status = (await fetch(b.mcpUrl(token), { method: 'POST', headers: { 'content-type': 'application/json', accept: ACCEPT }, body: '{"jsonrpc":"2.0","id":1,"method":"ping"}' })).status;
      if (status === 401) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(status).toBe(401);
    expect(performance.now() - revokedAt).toBeLessThan(1_000);
  });

  it('the audit chain is shared and verifies from either instance', async (ctx) => {
    if (missing) return ctx.skip(missing);
    const fromB = await admin(b, 'POST', '/admin/audit/verify');
    expect(fromB.json).toMatchObject({ ok: true, first_bad: null });
    expect(fromB.json.records).toBeGreaterThan(3);
    const lines = (await admin(a, 'GET', '/admin/audit?format=json')).text.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.action)).toEqual(expect.arrayContaining(['connection.create', 'server.create', 'server.get', 'server.revoke']));
  });

  it('a pg_dump holds no credential and no token', async (ctx) => {
    if (missing) return ctx.skip(missing);
    const dump = await pg!.dump();
    expect(dump).toContain('CREATE TABLE public.servers');
    expect(dump).toContain(serverId);
    for (const secret of [CREDENTIAL, token, token.slice(4), ADMIN_KEY]) expect(dump).not.toContain(secret);
  });
});
