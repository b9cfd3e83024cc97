import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateToken } from '../src/auth/tokens.ts';
import { ERAS, eraClient, startStack, UPSTREAM_CREDENTIAL, type Stack } from './helpers.ts';

const HMAC_KEY = Buffer.alloc(32, 42);
let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ gateway: { hmacKey: HMAC_KEY } });
});
afterAll(() => stack.close());

describe.each(ERAS)('in MCP $version', (era) => {
  const { rpc, request, callTool } = eraClient(era);

  async function refusalOf(url: string, headers: Record<string, string> = {}) {
    const r = await rpc(url, request('tools/list'), headers);
    return { status: r.status, body: r.text, www: r.headers.get('www-authenticate') };
  }

  describe('tokens at rest', () => {
    it('stores only HMAC-SHA256(token) under the server key, and returns the token once', async () => {
      const created = await stack.provision();
      expect(created.url).toBe(`${stack.gateway.url}/mcp/${created.token}`);
      const records = await stack.gateway.store.listServers();
      const record = records.find((r) => r.id === created.id)!;
      expect(record.token_hash).toBe(createHmac('sha256', HMAC_KEY).update(created.token).digest('base64url'));
      const everything = JSON.stringify({ records, connections: await stack.gateway.store.listConnections() });
      expect(everything).not.toContain(created.token);
      expect(everything).not.toContain(created.token.slice(4));
      const listed = JSON.stringify(await stack.gateway.provisioner.listServers());
      expect(listed).not.toContain(created.token);
      expect(listed).not.toContain(record.token_hash);
    });
  });

  describe('the same 401 for every bad token', () => {
    it('unknown, malformed, revoked and expired tokens, and a missing API token, get identical responses', async () => {
      const base = stack.gateway.url + '/mcp/';
      const revoked = await stack.provision();
      await stack.gateway.provisioner.revokeServer(revoked.id);
      const expired = await stack.provision();
      // Expire it by rewriting the stored record (the gateway's clock is real here; the manual-clock tests cover time passing).
      const rec = (await stack.gateway.store.getServer(expired.id))!;
      await stack.gateway.store.putServer({ ...rec, expires_at: Date.now() - 1 });
      const guarded = await stack.provision({ config: { methods: ['GET'], tags: [], require_api_token_auth: true } });

      const cases = [
        await refusalOf(base + generateToken('mcp')),
        await refusalOf(base + 'not-a-token'),
        await refusalOf(base + revoked.token.slice(0, -1) + '!'),
        await refusalOf(base + ''),
        await refusalOf(base + revoked.token),
        await refusalOf(base + expired.token),
        await refusalOf(guarded.url),
        await refusalOf(guarded.url, { authorization: 'Bearer ' + generateToken('mat') }),
        await refusalOf(guarded.url, { authorization: 'Bearer ' + guarded.token }),
        await refusalOf(base + guarded.api_token!),
      ];
      for (const c of cases) expect(c).toEqual(cases[0]);
      expect(cases[0]).toEqual({
        status: 401,
        body: '{"jsonrpc":"2.0","id":null,"error":{"code":-32001,"message":"Unauthorized"}}',
        www: 'Bearer realm="mcp"',
      });
    });

    it('a valid token works, and the API token unlocks a server that requires it', async () => {
      const open = await stack.provision();
      expect((await rpc(open.url, request('tools/list'))).status).toBe(200);
      const guarded = await stack.provision({ config: { methods: ['GET'], tags: [], require_api_token_auth: true } });
      expect(guarded.api_token).toMatch(/^mat_/);
      const ok = await rpc(guarded.url, request('tools/list'), { authorization: 'Bearer ' + guarded.api_token });
      expect(ok.status).toBe(200);
    });

    it('takes the tenant from the token only', async () => {
      const a = await stack.provision({ tenant: 'tenant-alpha' });
      const b = await stack.provision({ tenant: 'tenant-beta' });
      await callTool(a.url, 'echo_query', {}, { 'x-tenant': 'tenant-beta' });
      await callTool(b.url, 'echo_query', {});
      const lines = stack.logLines().map((l) => JSON.parse(l)).filter((l) => l.method === 'tools/call');
      expect(lines.slice(-2).map((l) => l.tenant)).toEqual(['tenant-alpha', 'tenant-beta']);
    });
  });

  describe('filters are enforced on tools/call, not only on tools/list', () => {
    it('a read-only server lists no write tools and cannot call them', async () => {
      const ro = await stack.provision({ config: { methods: ['GET'], tags: [], require_api_token_auth: false } });
      const list = await rpc(ro.url, request('tools/list'));
      const names = list.json.result.tools.map((t: { name: string }) => t.name);
      expect(names).toContain('echo_query');
      expect(names).not.toContain('echo_body');
      const before = stack.mock.requests.length;
      const filtered = await callTool(ro.url, 'echo_body', { text: 'x' });
      const missing = await callTool(ro.url, 'no_such_tool', { text: 'x' });
      expect(stack.mock.requests.length).toBe(before);
      // Indistinguishable: same status, same error (ids differ only because requests differ).
      expect(filtered.status).toBe(missing.status);
      expect(filtered.json.error).toEqual(missing.json.error);
      expect(filtered.json.error).toEqual({ code: -32602, message: 'Unknown tool' });
    });

    it('a tag filter hides and blocks untagged tools', async () => {
      const tagged = await stack.provision({ config: { methods: ['GET', 'POST'], tags: ['fixed'], require_api_token_auth: false } });
      const names = (await rpc(tagged.url, request('tools/list'))).json.result.tools.map((t: { name: string }) => t.name);
      expect(names).toEqual(['get_fixed']);
      expect((await callTool(tagged.url, 'echo_query')).json.error).toEqual({ code: -32602, message: 'Unknown tool' });
      expect((await callTool(tagged.url, 'get_fixed')).json.result.isError).toBe(false);
    });
  });

  describe('Mcp-Method and Mcp-Name are held to the body, so no header can steer past a filter', () => {
    it('a call whose Mcp-Name names an allowed tool but whose body names a filtered one is refused, nothing goes upstream', async () => {
      const ro = await stack.provision({ config: { methods: ['GET'], tags: [], require_api_token_auth: false } });
      const before = stack.mock.requests.length;
      const steered = await callTool(ro.url, 'echo_body', { text: 'x' }, { 'mcp-name': 'echo_query', 'mcp-method': 'tools/call' });
      expect(steered.status).toBe(400);
      expect(steered.json.error).toEqual({ code: -32020, message: 'Header mismatch: Mcp-Name header does not match the body' });
      // The other way round: an allowed tool in the body behind a header naming another one is refused as well.
      const reversed = await callTool(ro.url, 'echo_query', {}, { 'mcp-name': 'echo_body' });
      expect(reversed.json.error.code).toBe(-32020);
      // Base64-sentinel names are decoded before the comparison.
      const encoded = await callTool(ro.url, 'echo_body', { text: 'x' }, { 'mcp-name': '=?base64?' + Buffer.from('echo_query').toString('base64') + '?=' });
      expect(encoded.json.error.code).toBe(-32020);
      expect(stack.mock.requests.length).toBe(before);
      const agreed = await callTool(ro.url, 'echo_query', {}, { 'mcp-name': '=?base64?' + Buffer.from('echo_query').toString('base64') + '?=' });
      expect(agreed.json.result.isError).toBe(false);
    });

    it('an Mcp-Method other than the body method is refused', async () => {
      const ro = await stack.provision({ config: { methods: ['GET'], tags: [], require_api_token_auth: false } });
      const before = stack.mock.requests.length;
      const r = await callTool(ro.url, 'echo_query', {}, { 'mcp-method': 'tools/list' });
      expect(r.status).toBe(400);
      expect(r.json.error).toEqual({ code: -32020, message: 'Header mismatch: Mcp-Method header does not match the body' });
      expect(stack.mock.requests.length).toBe(before);
    });
  });

  describe('no token passthrough', () => {
    it("the caller's Authorization never goes upstream; the tenant's own credential does", async () => {
      const guarded = await stack.provision({ config: { methods: ['GET'], tags: [], require_api_token_auth: true } });
      const r = await callTool(guarded.url, 'echo_query', { text: 'x' }, { authorization: 'Bearer ' + guarded.api_token, cookie: 'session=caller-cookie', 'x-api-key': 'caller-key' });
      expect(r.json.result.isError).toBe(false);
      const seen = stack.mock.requests.at(-1)!;
      expect(seen.headers.authorization).toBe('Bearer ' + UPSTREAM_CREDENTIAL);
      const all = JSON.stringify(seen);
      for (const secret of [guarded.api_token!, guarded.token, 'caller-cookie', 'caller-key']) expect(all).not.toContain(secret);
    });
  });
});
