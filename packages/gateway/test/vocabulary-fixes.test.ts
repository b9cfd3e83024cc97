import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../src/base/clock.ts';
import { admin, callTool, request, rpc, startStack, UPSTREAM_CREDENTIAL, type Stack } from './helpers.ts';

const DAY = 24 * 3600_000;
// The seed's sample provisioning payload, verbatim.
const SEED_PAYLOAD = {
  name: 'Support-Team-Read-Only-MCP',
  config: { methods: ['read'], tags: ['tickets', 'users'], require_api_token_auth: true },
  expires_at: '2026-12-31T23:59:59Z',
};

let stack: Stack;
const clock = manualClock(Date.UTC(2026, 0, 1));
let crm: string;
const serversOf = (id: string) => `/admin/connections/${id}/servers`;
const toolNames = async (url: string, headers: Record<string, string> = {}) =>
  (await rpc(url, request('tools/list'), headers)).json.result.tools.map((t: { name: string }) => t.name);

beforeAll(async () => {
  stack = await startStack({ clock, limits: { headersTimeoutMs: 300, requestTimeoutMs: 600, maxHeaderBytes: 8 * 1024 } });
  crm = (await admin(stack.gateway, 'POST', '/admin/connections', { tenant: 'acme', integration: 'example-crm', credential: UPSTREAM_CREDENTIAL })).json.id;
});
afterAll(() => stack.close());

describe("the seed's vocabulary", () => {
  it("accepts the seed's sample payload verbatim and provisions a read-only server", async () => {
    const r = await admin(stack.gateway, 'POST', serversOf(crm), SEED_PAYLOAD);
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ name: SEED_PAYLOAD.name, config: SEED_PAYLOAD.config, expires_at: '2026-12-31T23:59:59.000Z', status: 'active' });
    expect(r.json.api_token).toMatch(/^mat_/);
    // The example CRM has no tickets or users operations: nothing is exposed, and nothing that writes.
    expect(await toolNames(r.json.url, { authorization: 'Bearer ' + r.json.api_token })).toEqual([]);
  });

  it('read and write select by access; named operations by verb or tool name; HTTP methods as before', async () => {
    const make = async (methods: string[]) =>
      (await admin(stack.gateway, 'POST', serversOf(crm), { name: 'v', config: { methods, tags: [] }, expires_at: '2026-06-01T00:00:00Z' })).json;
    expect(await toolNames((await make(['read'])).url)).toEqual(['list_contacts', 'get_contact', 'search_deals']);
    const writeTools = await toolNames((await make(['write'])).url);
    expect(writeTools.length).toBeGreaterThan(0);
    expect(writeTools).not.toContain('get_contact');
    expect(await toolNames((await make(['list', 'get'])).url)).toEqual(['list_contacts', 'get_contact']);
    expect(await toolNames((await make(['search_deals'])).url)).toEqual(['search_deals']);
    expect(await toolNames((await make(['GET'])).url)).toEqual(['list_contacts', 'get_contact', 'search_deals']);
    // A read server cannot call a write tool: the same answer as a nonexistent one.
    const readUrl = (await make(['read'])).url;
    expect((await callTool(readUrl, writeTools[0], {})).json.error).toEqual({ code: -32602, message: 'Unknown tool' });
  });

  it('refuses method entries that are neither HTTP methods, read, write nor an operation of the integration', async () => {
    for (const methods of [['TRACE'], ['frobnicate'], ['Read'], [''], [42]]) {
      const r = await admin(stack.gateway, 'POST', serversOf(crm), { name: 'x', config: { methods }, expires_at: '2026-06-01T00:00:00Z' });
      expect(r.status, JSON.stringify(methods)).toBe(400);
      expect(r.json.error.message).toMatch(/config\.methods/);
    }
  });

  it('refuses a lifetime beyond the maximum (365 days, the policy max_lifetime_days): 365.5 days is refused', async () => {
    const at = (days: number) => new Date(clock.now() + days * DAY).toISOString();
    const ok = await admin(stack.gateway, 'POST', serversOf(crm), { name: 'year', config: { methods: ['read'] }, expires_at: at(365) });
    expect(ok.status).toBe(201);
    const tooFar = await admin(stack.gateway, 'POST', serversOf(crm), { name: 'year+', config: { methods: ['read'] }, expires_at: at(365.5) });
    expect(tooFar.status).toBe(400);
    expect(tooFar.json.error.message).toBe('expires_at is beyond the maximum server lifetime');
  });
});

describe('fixes', () => {
  let url: string;
  beforeAll(async () => {
    url = (await stack.provision({ config: { methods: ['GET', 'POST'], tags: [], require_api_token_auth: false } })).url;
  });

  it('an argument nested 5,000 levels deep gets -32602, not 500', async () => {
    const deep = '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000);
    const body = `{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"echo_body","arguments":{"data":${deep}}}}`;
    const r = await rpc(url, body);
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ jsonrpc: '2.0', id: 3, error: { code: -32602, message: 'Invalid params: nested more than 64 levels deep' } });
    const shallow = await callTool(url, 'echo_body', { data: { a: { b: { c: 1 } } } });
    expect(shallow.json.result.isError).toBe(false);
  });

  it('compares media types case-insensitively, and application/jsonp is not JSON', async () => {
    expect((await rpc(url, request('ping'), { 'content-type': 'APPLICATION/JSON' })).status).toBe(200);
    expect((await rpc(url, request('ping'), { 'content-type': 'Application/Json; Charset=UTF-8' })).status).toBe(200);
    expect((await rpc(url, request('ping'), { 'content-type': 'application/jsonp' })).status).toBe(415);
    expect((await rpc(url, request('ping'), { 'content-type': 'application/json-seq' })).status).toBe(415);
    expect((await rpc(url, request('ping'), { accept: 'APPLICATION/JSON' })).status).toBe(200);
    expect((await rpc(url, request('ping'), { accept: 'application/jsonp' })).status).toBe(406);
    expect((await rpc(url, request('ping'), { accept: 'application/json;q=0, text/html' })).status).toBe(406);
  });

  it('returns JSON-RPC ids beyond 2^53 exactly, and refuses ids that are not integer literals', async () => {
    for (const id of ['9007199254740993', '-123456789012345678901234567890', '18446744073709551615']) {
      const r = await rpc(url, `{"jsonrpc":"2.0","id":${id},"method":"ping"}`);
      expect(r.text).toBe(`{"jsonrpc":"2.0","id":${id},"result":{}}`);
    }
    expect((await rpc(url, '{"jsonrpc":"2.0","id":9007199254740993.5,"method":"ping"}')).json.error.code).toBe(-32600);
    expect((await rpc(url, '{"jsonrpc":"2.0","id":1e400,"method":"ping"}')).json.error.code).toBe(-32600);
  });

  it('writes a log line for every request refused at the connection level (431, 400, 408)', async () => {
    const port = stack.gateway.port;
    const exchange = (bytes: string) =>
      new Promise<string>((resolve) => {
        const socket = connect(port, '127.0.0.1');
        let data = '';
        socket.on('data', (d) => (data += d.toString()));
        socket.on('error', () => {});
        socket.on('close', () => resolve(data));
        socket.on('connect', () => socket.write(bytes));
      });
    const answers = [
      await exchange(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Pad: ${'a'.repeat(10_000)}\r\n\r\n`),
      await exchange('NOT A REQUEST\r\n\r\n'),
      await exchange(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Slow: `),
    ];
    const ids = answers.map((a) => /x-request-id: (\S+)/.exec(a)?.[1]);
    expect(answers.map((a) => a.slice(0, 12))).toEqual(['HTTP/1.1 431', 'HTTP/1.1 400', 'HTTP/1.1 408']);
    const lines = stack.logLines().map((l) => JSON.parse(l));
    for (const [i, status] of [431, 400, 408].entries()) {
      expect(lines.find((l) => l.request_id === ids[i])).toMatchObject({ status, tenant: null, tool: null, method: null });
    }
  });
});

describe('the request -> response core', () => {
  it('answers MCP, admin and health requests in-process, with the same bytes as over HTTP', async () => {
    const app = stack.gateway.app;
    expect(await (await app.request('/healthz')).text()).toBe('ok');
    const created = await stack.provision({ config: { methods: ['GET'], tags: [], require_api_token_auth: false } });
    const path = new URL(created.url).pathname;
    const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }) };
    const inProcess = await app.request(path, init);
    expect(inProcess.status).toBe(200);
    const overHttp = await fetch(created.url, init);
    expect(await inProcess.text()).toBe(await overHttp.text());
    const listed = await app.request('/admin/servers', { headers: { authorization: 'Bearer test-admin-key-0123456789abcdef' } });
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { servers: unknown[] }).servers.length).toBeGreaterThan(0);
    expect((await app.request('/mcp/mcp_' + 'x'.repeat(43), init)).status).toBe(401);
  });
});
