import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, request, rpc, startStack, UPSTREAM_CREDENTIAL, type Stack } from './helpers.ts';

let stack: Stack;
let connectionId: string;
const inOneHour = () => new Date(Date.now() + 3600_000).toISOString();

beforeAll(async () => {
  stack = await startStack();
  const r = await admin(stack.gateway, 'POST', '/admin/connections', { tenant: 'acme', integration: 'example-crm', credential: UPSTREAM_CREDENTIAL });
  expect(r.status).toBe(201);
  connectionId = r.json.id;
});
afterAll(() => stack.close());

describe('admin key', () => {
  it.each([
    ['no key', null],
    ['a wrong key', 'wrong-key'],
    ['a prefix of the key', 'test-admin-key'],
  ])('%s gets 401 on every route', async (_label, key) => {
    for (const [method, path] of [
      ['GET', '/admin/servers'],
      ['POST', '/admin/connections'],
      ['POST', `/admin/connections/${connectionId}/servers`],
      ['DELETE', '/admin/servers/srv_x'],
    ] as const) {
      const r = await admin(stack.gateway, method, path, method === 'GET' || method === 'DELETE' ? undefined : {}, key);
      expect(r.status, `${method} ${path}`).toBe(401);
    }
  });

  it('the API is disabled when no admin key is configured', async () => {
    const bare = await startStack({ gateway: { adminKey: undefined } });
    try {
      expect((await admin(bare.gateway, 'GET', '/admin/servers')).status).toBe(404);
    } finally {
      await bare.close();
    }
  });

  it('a foreign Origin cannot reach the admin API either', async () => {
    const res = await fetch(stack.gateway.url + '/admin/servers', { headers: { authorization: 'Bearer test-admin-key-0123456789abcdef', origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
  });
});

describe('create, list, revoke', () => {
  it('creates a server with the documented payload; the token is returned exactly once', async () => {
    const payload = { name: 'Acme CRM read-only', config: { methods: ['GET'], tags: ['contacts'], require_api_token_auth: false }, expires_at: inOneHour() };
    const created = await admin(stack.gateway, 'POST', `/admin/connections/${connectionId}/servers`, payload);
    expect(created.status).toBe(201);
    expect(created.headers.get('cache-control')).toBe('no-store');
    expect(created.json).toMatchObject({ name: payload.name, tenant: 'acme', integration: 'example-crm', config: payload.config, status: 'active', expires_at: payload.expires_at });
    expect(created.json.token).toMatch(/^mcp_/);
    expect(created.json.url).toBe(`${stack.gateway.url}/mcp/${created.json.token}`);
    expect(created.json.api_token).toBeUndefined();

    const tools = await rpc(created.json.url, request('tools/list'));
    expect(tools.json.result.tools.map((t: { name: string }) => t.name)).toEqual(['list_contacts', 'get_contact']);

    for (const path of ['/admin/servers', `/admin/connections/${connectionId}/servers`, `/admin/servers/${created.json.id}`, '/admin/servers?tenant=acme']) {
      const listed = await admin(stack.gateway, 'GET', path);
      expect(listed.status).toBe(200);
      expect(listed.text).toContain(created.json.id);
      expect(listed.text).not.toContain(created.json.token);
      expect(listed.text).not.toContain('token_hash');
    }
    const connections = await admin(stack.gateway, 'GET', '/admin/connections');
    expect(connections.text).toContain(connectionId);
    expect(connections.text).not.toContain(UPSTREAM_CREDENTIAL);
  });

  it('returns an API token once when require_api_token_auth is set', async () => {
    const created = await admin(stack.gateway, 'POST', `/admin/connections/${connectionId}/servers`, {
      name: 'guarded',
      config: { methods: ['GET'], tags: [], require_api_token_auth: true },
      expires_at: inOneHour(),
    });
    expect(created.json.api_token).toMatch(/^mat_/);
    expect((await admin(stack.gateway, 'GET', `/admin/servers/${created.json.id}`)).text).not.toContain(created.json.api_token);
  });

  it('revokes: the URL stops working at once and the record shows revoked', async () => {
    const created = await admin(stack.gateway, 'POST', `/admin/connections/${connectionId}/servers`, {
      name: 'to revoke',
      config: { methods: ['GET'] },
      expires_at: inOneHour(),
    });
    expect((await rpc(created.json.url, request('ping'))).status).toBe(200);
    const revoked = await admin(stack.gateway, 'DELETE', `/admin/servers/${created.json.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.json.status).toBe('revoked');
    expect((await rpc(created.json.url, request('ping'))).status).toBe(401);
    expect((await admin(stack.gateway, 'DELETE', '/admin/servers/srv_missing')).status).toBe(404);
  });

  it.each([
    ['missing name', { config: { methods: ['GET'] }, expires_at: inOneHour() }, /name/],
    ['unknown method', { name: 'x', config: { methods: ['TRACE'] }, expires_at: inOneHour() }, /methods/],
    ['empty methods', { name: 'x', config: { methods: [] }, expires_at: inOneHour() }, /methods/],
    ['unknown config field', { name: 'x', config: { methods: ['GET'], read_only: true }, expires_at: inOneHour() }, /unknown field/],
    ['unknown top-level field', { name: 'x', config: { methods: ['GET'] }, expires_at: inOneHour(), tenant: 'other' }, /unknown field/],
    ['non-boolean require_api_token_auth', { name: 'x', config: { methods: ['GET'], require_api_token_auth: 'yes' }, expires_at: inOneHour() }, /boolean/],
    ['expires_at in the past', { name: 'x', config: { methods: ['GET'] }, expires_at: '2020-01-01T00:00:00Z' }, /future/],
    ['expires_at not a timestamp', { name: 'x', config: { methods: ['GET'] }, expires_at: 'tomorrow' }, /RFC 3339/],
    ['expires_at too far', { name: 'x', config: { methods: ['GET'] }, expires_at: '2999-01-01T00:00:00Z' }, /maximum/],
  ])('rejects %s with 400', async (_label, payload, message) => {
    const r = await admin(stack.gateway, 'POST', `/admin/connections/${connectionId}/servers`, payload);
    expect(r.status).toBe(400);
    expect(r.json.error.message).toMatch(message);
  });

  it('rejects unknown connections, unknown integrations and bad JSON', async () => {
    expect((await admin(stack.gateway, 'POST', '/admin/connections/conn_missing/servers', { name: 'x', config: { methods: ['GET'] }, expires_at: inOneHour() })).status).toBe(404);
    expect((await admin(stack.gateway, 'POST', '/admin/connections', { tenant: 'x', integration: 'nope', credential: 'c' })).status).toBe(400);
    const res = await fetch(stack.gateway.url + '/admin/connections', {
      method: 'POST',
      headers: { authorization: 'Bearer test-admin-key-0123456789abcdef', 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(res.status).toBe(400);
  });
});
