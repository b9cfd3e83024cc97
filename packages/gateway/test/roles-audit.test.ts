import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../src/base/clock.ts';
import { admin, request, rpc, startStack, UPSTREAM_CREDENTIAL, type Stack } from './helpers.ts';

const KEYS = {
  owner: 'owner-key-0123456789abcdef',
  admin: 'admin-key-0123456789abcdef',
  developer: 'developer-key-0123456789ab',
  auditor: 'auditor-key-0123456789abcd',
};
const DAY = 24 * 3600_000;

let stack: Stack;
const clock = manualClock(Date.UTC(2026, 0, 1));
let connectionId: string;
const soon = () => new Date(clock.now() + 3600_000).toISOString();
const as = (role: keyof typeof KEYS, method: string, path: string, body?: unknown) => admin(stack.gateway, method, path, body, KEYS[role]);

beforeAll(async () => {
  stack = await startStack({
    clock,
    gateway: {
      adminKey: undefined,
      adminKeys: Object.entries(KEYS).map(([role, key]) => ({ role: role as keyof typeof KEYS, key })),
      purgeIntervalMs: 365 * DAY * 10,
    },
  });
  connectionId = (await as('admin', 'POST', '/admin/connections', { tenant: 'acme', integration: 'example-crm', credential: UPSTREAM_CREDENTIAL })).json.id;
});
afterAll(() => stack.close());

async function auditLines(): Promise<Array<Record<string, any>>> {
  const r = await as('auditor', 'GET', '/admin/audit?format=json');
  expect(r.status).toBe(200);
  expect(r.headers.get('content-type')).toBe('application/x-ndjson');
  return r.text.trim().split('\n').map((l) => JSON.parse(l));
}

describe('admin roles', () => {
  it('an Auditor reads configuration and the audit log but cannot create, revoke or purge anything (403, audited)', async () => {
    expect((await as('auditor', 'GET', '/admin/servers')).status).toBe(200);
    expect((await as('auditor', 'GET', '/admin/connections')).status).toBe(200);
    expect((await as('auditor', 'POST', '/admin/audit/verify')).status).toBe(200);
    const attempts = [
      ['POST', '/admin/connections', { tenant: 'x', integration: 'example-crm', credential: 'c' }],
      ['POST', `/admin/connections/${connectionId}/servers`, { name: 'x', config: { methods: ['read'] }, expires_at: soon() }],
      ['DELETE', '/admin/servers/srv_any', undefined],
      ['POST', '/admin/purge', undefined],
    ] as const;
    for (const [method, path, body] of attempts) {
      const r = await as('auditor', method, path, body);
      expect(r.status, `${method} ${path}`).toBe(403);
      expect(r.json.error.message).toMatch(/^the auditor role may not /);
    }
    expect((await as('owner', 'GET', '/admin/servers')).json.servers).toEqual([]);
    const denied = (await auditLines()).filter((l) => l.actor_role === 'auditor' && l.outcome === 'denied');
    expect(denied.map((l) => l.action)).toEqual(['connection.create', 'server.create', 'server.revoke', 'purge']);
    expect(denied.every((l) => l.status === 403 && l.address === '127.0.0.1' && /^[A-Za-z0-9_-]{10}$/.test(l.actor_key_id))).toBe(true);
  });

  it('a Developer creates read-only servers only', async () => {
    const path = `/admin/connections/${connectionId}/servers`;
    for (const methods of [['read'], ['GET'], ['list', 'get'], ['get_contact']]) {
      expect((await as('developer', 'POST', path, { name: 'dev', config: { methods }, expires_at: soon() })).status, methods.join()).toBe(201);
    }
    for (const methods of [['GET', 'POST'], ['write'], ['read', 'create'], ['DELETE']]) {
      const r = await as('developer', 'POST', path, { name: 'dev', config: { methods }, expires_at: soon() });
      expect(r.status, methods.join()).toBe(403);
      expect(r.json.error.message).toBe('the developer role may only create servers limited to read operations');
    }
    expect((await as('developer', 'POST', '/admin/connections', { tenant: 'x', integration: 'example-crm', credential: 'c' })).status).toBe(403);
    expect((await as('developer', 'GET', '/admin/audit')).status).toBe(403);
    expect((await as('admin', 'POST', path, { name: 'rw', config: { methods: ['read', 'write'] }, expires_at: soon() })).status).toBe(201);
  });

  it('says who a key is', async () => {
    expect((await as('developer', 'GET', '/admin/whoami')).json).toEqual({ role: 'developer', key_id: expect.stringMatching(/^[A-Za-z0-9_-]{10}$/) });
  });
});

describe('audit log', () => {
  it('records refused admin keys and refused tokens without their text', async () => {
    expect((await admin(stack.gateway, 'GET', '/admin/servers', undefined, 'not-a-key-at-all')).status).toBe(401);
    const badToken = 'mcp_' + 'A'.repeat(43);
    expect((await rpc(`${stack.gateway.url}/mcp/${badToken}`, request('ping'))).status).toBe(401);
    await new Promise((r) => setTimeout(r, 20));
    const lines = await auditLines();
    expect(lines.find((l) => l.action === 'admin.auth')).toMatchObject({ actor_role: null, outcome: 'denied', status: 401 });
    expect(lines.find((l) => l.action === 'token.refused')).toMatchObject({ actor_role: null, target: null, outcome: 'denied', status: 401, address: '127.0.0.1' });
    const exported = (await as('auditor', 'GET', '/admin/audit?format=cef')).text;
    for (const text of [exported, JSON.stringify(lines)]) {
      expect(text).not.toContain('not-a-key-at-all');
      expect(text).not.toContain(badToken);
      expect(text).not.toContain(UPSTREAM_CREDENTIAL);
    }
  });

  it('exports OCSF API Activity (6003) lines beside JSON and CEF', async () => {
    const r = await as('auditor', 'GET', '/admin/audit?format=ocsf');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/x-ndjson');
    const events = r.text.trim().split('\n').map((l) => JSON.parse(l));
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) expect(e).toMatchObject({ class_uid: 6003, category_uid: 6, api: { operation: expect.any(String) }, metadata: { product: { vendor_name: 'slapage' } } });
    expect(events.find((e) => e.api.operation === 'token.refused')).toMatchObject({ status: 'Failure', actor: { user: { name: 'unauthenticated' } } });
    expect((await as('auditor', 'GET', '/admin/audit?format=xml')).status).toBe(400);
  });

  it('exports CEF lines, and JSON lines since a time', async () => {
    const cef = (await as('owner', 'GET', '/admin/audit?format=cef')).text.trim().split('\n');
    expect(cef[0]).toMatch(/^CEF:0\|slapage\|mcp-gateway\|0\.1\.0\|connection\.create\|connection\.create success\|3\|rt=\d+ externalId=1 outcome=success src=127\.0\.0\.1 suser=admin suid=\S+ cs1Label=target cs1=conn_\S+ cn1Label=status cn1=201 cs2Label=hash cs2=[0-9a-f]{64}$/);
    clock.advance(1_000);
    const since = new Date(clock.now()).toISOString();
    await as('owner', 'GET', '/admin/servers');
    const after = (await as('owner', 'GET', `/admin/audit?format=json&since=${since}`)).text.trim().split('\n').map((l) => JSON.parse(l));
    expect(after.map((l) => l.action)).toEqual(['server.list']);
    expect(after[0].at).toBe(since);
    expect((await as('owner', 'GET', '/admin/audit?format=xml')).status).toBe(400);
    expect((await as('owner', 'GET', '/admin/audit?since=yesterday')).status).toBe(400);
  });

  it('the purge job enforces audit retention (365 days here), and the chain still verifies', async () => {
    const before = (await as('auditor', 'POST', '/admin/audit/verify')).json;
    expect(before).toMatchObject({ ok: true, first_bad: null });
    clock.advance(365 * DAY);
    await as('owner', 'GET', '/admin/servers'); // within retention afterwards
    clock.advance(2_000);
    const purge = await as('owner', 'POST', '/admin/purge');
    expect(purge.json).toMatchObject({ ran: true });
    expect(purge.json.audit).toBe(before.records + 1);
    const after = (await as('auditor', 'POST', '/admin/audit/verify')).json;
    expect(after).toEqual({ ok: true, records: 2, first_bad: null });
    // Each call is recorded after its answer is computed, so the export does not list itself.
    expect((await auditLines()).map((l) => l.action)).toEqual(['server.list', 'purge', 'audit.verify']);
  });
});
