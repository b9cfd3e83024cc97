import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../src/base/clock.ts';
import { MOCK_DIAGNOSTICS_PATH } from '../src/server/config.ts';
import { RATE_LIMIT_DIALECTS, startMockUpstream } from '../src/testing/mock-upstream.ts';
import { startGateway } from '../src/server/server.ts';
import { callTool, ERAS, eraClient, startStack, UPSTREAM_CREDENTIAL, type Stack } from './helpers.ts';

const clock = manualClock(Date.UTC(2026, 0, 1, 12, 0, 0));
let stack: Stack;
let url: string;

beforeAll(async () => {
  stack = await startStack({ clock, limits: { upstreamTimeoutMs: 300, maxUpstreamResponseBytes: 64 * 1024 } });
  url = (await stack.provision()).url;
});
afterAll(() => stack.close());

const hits = (path: string) => stack.mock.requests.filter((r) => r.url.startsWith(path)).length;

describe.each(ERAS)('in MCP $version', (era) => {
  const { rpc, request, callTool } = eraClient(era);

  describe('upstream errors go back at once, without retry', () => {
    it.each([400, 404, 409, 500, 502, 503])('HTTP %i becomes a tool error with the upstream body relayed', async (code) => {
      const before = hits(`/api/v1/status/${code}`);
      const r = await callTool(url, 'status', { code });
      expect(r.status).toBe(200);
      expect(r.json.result.isError).toBe(true);
      expect(r.json.result.content[0]).toEqual({ type: 'text', text: `Upstream returned HTTP ${code}; the request was not retried.` });
      expect(JSON.parse(r.json.result.content[1].text)).toMatchObject({ error: `mock status ${code}` });
      expect(hits(`/api/v1/status/${code}`)).toBe(before + 1);
    });

    it('a 2xx is a successful tool result', async () => {
      const r = await callTool(url, 'status', { code: 201 });
      expect(r.json.result.isError).toBe(false);
    });
  });

  describe('upstream 429 passes through as HTTP 429 with normalized headers and -32029', () => {
    const expected: Record<string, { headers: Record<string, string | null>; data: Record<string, number> }> = {
      'x-ratelimit': {
        headers: { 'ratelimit-limit': '50', 'ratelimit-remaining': '0', 'ratelimit-reset': '30', 'retry-after': '30', 'ratelimit-policy': '"upstream";q=50', ratelimit: '"upstream";r=0;t=30' },
        data: { retry_after_seconds: 30, limit: 50, remaining: 0, reset_seconds: 30 },
      },
      'x-rate-limit': {
        headers: { 'ratelimit-limit': '50', 'ratelimit-remaining': '0', 'ratelimit-reset': '30', 'retry-after': '30', 'ratelimit-policy': '"upstream";q=50', ratelimit: '"upstream";r=0;t=30' },
        data: { retry_after_seconds: 30, limit: 50, remaining: 0, reset_seconds: 30 },
      },
      ratelimit: {
        headers: { 'ratelimit-limit': '50', 'ratelimit-remaining': '0', 'ratelimit-reset': '30', 'retry-after': '30', 'ratelimit-policy': '"upstream";q=50', ratelimit: '"upstream";r=0;t=30' },
        data: { retry_after_seconds: 30, limit: 50, remaining: 0, reset_seconds: 30 },
      },
      ietf: {
        headers: { 'ratelimit-limit': '50', 'ratelimit-remaining': '0', 'ratelimit-reset': '30', 'retry-after': '30', 'ratelimit-policy': '"upstream";q=50;w=60', ratelimit: '"upstream";r=0;t=30' },
        data: { retry_after_seconds: 30, limit: 50, remaining: 0, reset_seconds: 30 },
      },
      'retry-after-seconds': {
        headers: { 'ratelimit-limit': null, 'ratelimit-remaining': null, 'ratelimit-reset': '30', 'retry-after': '30', 'ratelimit-policy': null, ratelimit: null },
        data: { retry_after_seconds: 30, reset_seconds: 30 },
      },
      'retry-after-date': {
        headers: { 'ratelimit-limit': null, 'ratelimit-remaining': null, 'ratelimit-reset': '30', 'retry-after': '30', 'ratelimit-policy': null, ratelimit: null },
        data: { retry_after_seconds: 30, reset_seconds: 30 },
      },
      none: {
        headers: { 'ratelimit-limit': null, 'ratelimit-remaining': null, 'ratelimit-reset': null, 'retry-after': null, 'ratelimit-policy': null, ratelimit: null },
        data: {},
      },
    };

    it.each([...RATE_LIMIT_DIALECTS])('dialect %s', async (dialect) => {
      const before = hits(`/api/v1/ratelimited/${dialect}`);
      const r = await callTool(url, 'rate_limited', { dialect });
      expect(r.status).toBe(429);
      const want = expected[dialect]!;
      for (const [name, value] of Object.entries(want.headers)) expect(r.headers.get(name), name).toBe(value);
      // Upstream dialect headers are not passed through raw.
      expect(r.headers.get('x-ratelimit-limit')).toBeNull();
      expect(r.headers.get('x-rate-limit-limit')).toBeNull();
      const error = { code: -32029, message: 'Upstream rate limit exceeded', ...(Object.keys(want.data).length ? { data: want.data } : {}) };
      expect(r.json).toEqual({ jsonrpc: '2.0', id: expect.any(Number), error });
      expect(hits(`/api/v1/ratelimited/${dialect}`)).toBe(before + 1);
    });
  });
});

describe('the gateway never follows redirects or leaves its fixed upstream', () => {
  it('a redirect is a tool error and its target is never requested', async () => {
    const before = hits('/api/v1/echo?redirected');
    for (const name of ['redirect', 'redirect_local']) {
      const r = await callTool(url, name);
      expect(r.json.result).toEqual({ content: [{ type: 'text', text: 'Upstream answered with a redirect, which the gateway does not follow.' }], isError: true });
    }
    expect(hits('/api/v1/echo?redirected')).toBe(before);
  });

  it('a slow upstream times out as a tool error', async () => {
    const r = await callTool(url, 'slow', { ms: 2_000 });
    expect(r.json.result).toEqual({ content: [{ type: 'text', text: 'Upstream request timed out; it was not retried.' }], isError: true });
  });

  it('an oversized upstream body is refused', async () => {
    const r = await callTool(url, 'big', { bytes: 200 * 1024 });
    expect(r.json.result).toEqual({ content: [{ type: 'text', text: 'Upstream response exceeded the size limit.' }], isError: true });
    expect((await callTool(url, 'big', { bytes: 1024 })).json.result.isError).toBe(false);
  });
});

describe('SSRF policy', () => {
  it('refuses to start with a loopback IP-literal upstream unless it is allowed', async () => {
    const mock = await startMockUpstream();
    try {
      await expect(startGateway({ integrations: [{ file: MOCK_DIAGNOSTICS_PATH, baseUrl: mock.baseUrl }], log: 'none' })).rejects.toThrow(/private or loopback/);
    } finally {
      await mock.close();
    }
  });

  it('refuses, at connect time, a hostname that resolves to loopback', async () => {
    const mock = await startMockUpstream({ expectedCredential: UPSTREAM_CREDENTIAL });
    const gateway = await startGateway({ integrations: [{ file: MOCK_DIAGNOSTICS_PATH, baseUrl: `http://localhost:${mock.port}/api/v1` }], log: 'none' });
    try {
      const conn = await gateway.provisioner.createConnection({ tenant: 't', integration: 'mock-diagnostics', credential: UPSTREAM_CREDENTIAL });
      const server = await gateway.provisioner.createServer(conn.id, { name: 's', config: { methods: ['GET'] }, expires_at: Date.now() + 60_000 });
      const r = await callTool(server.url, 'echo_query', { text: 'x' });
      expect(r.json.result).toEqual({ content: [{ type: 'text', text: 'Upstream address is in a private or loopback range that is not allowed.' }], isError: true });
      expect(mock.requests).toHaveLength(0);
    } finally {
      await gateway.close();
      await mock.close();
    }
  });
});

describe('rate-limit headers on successful calls', () => {
  it('are normalized too, so clients can slow down before a 429', async () => {
    const r = await callTool(url, 'get_quota');
    expect(r.status).toBe(200);
    expect(r.json.result.isError).toBe(false);
    expect(r.headers.get('ratelimit-limit')).toBe('100');
    expect(r.headers.get('ratelimit-remaining')).toBe('42');
    expect(r.headers.get('ratelimit-reset')).toBe('10');
    expect(r.headers.get('retry-after')).toBeNull();
    expect(r.headers.get('ratelimit')).toBe('"upstream";r=42;t=10');
    expect(r.headers.get('x-ratelimit-limit')).toBeNull();
  });

  it('are absent when the upstream sends none', async () => {
    const r = await callTool(url, 'get_fixed');
    expect(r.headers.get('ratelimit-limit')).toBeNull();
    expect(r.headers.get('ratelimit')).toBeNull();
  });
});

describe('request mapping end to end', () => {
  it('a write server can call write tools; an empty 204 body becomes a readable result', async () => {
    const rw = await stack.provision({ integration: 'example-crm', config: { methods: ['GET', 'POST', 'PATCH', 'DELETE'], tags: [], require_api_token_auth: false } });
    const del = await callTool(rw.url, 'delete_contact', { contact_id: 'c 3/..' });
    expect(del.json.result).toEqual({ content: [{ type: 'text', text: 'Upstream returned HTTP 204 with an empty body.' }], isError: false });
    expect(stack.mock.requests.at(-1)).toMatchObject({ method: 'DELETE', url: '/api/v1/contacts/c%203%2F..' });
    const patch = await callTool(rw.url, 'update_deal_stage', { deal_id: 'd_1', stage: 'won' });
    expect(JSON.parse(patch.json.result.content[0].text)).toEqual({ id: 'd_1', stage: 'won' });
    expect(stack.mock.requests.at(-1)).toMatchObject({ method: 'PATCH', url: '/api/v1/deals/d_1', body: '{"stage":"won"}' });
    expect(stack.mock.requests.at(-1)!.headers['content-type']).toBe('application/json');
  });

  it('sends the credential in the header an integration names', async () => {
    const mock = await startMockUpstream();
    const gateway = await startGateway({
      integrations: [
        {
          description: { name: 'keyed', base_url: 'http://unused.invalid', auth: { type: 'header', name: 'X-Api-Key' }, operations: [{ name: 'echo', method: 'GET', path: '/echo', access: 'read', description: 'Echo.' }] },
          baseUrl: mock.baseUrl,
        },
      ],
      allowPrivateNetworks: ['127.0.0.1/32'],
      log: 'none',
    });
    try {
      const conn = await gateway.provisioner.createConnection({ tenant: 't', integration: 'keyed', credential: 'key-123' });
      const server = await gateway.provisioner.createServer(conn.id, { name: 's', config: { methods: ['GET'] }, expires_at: Date.now() + 60_000 });
      expect((await callTool(server.url, 'echo')).json.result.isError).toBe(false);
      expect(mock.requests.at(-1)!.headers['x-api-key']).toBe('key-123');
      expect(mock.requests.at(-1)!.headers.authorization).toBeUndefined();
    } finally {
      await gateway.close();
      await mock.close();
    }
  });
});
