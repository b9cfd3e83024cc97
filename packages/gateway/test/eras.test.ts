/** The 2026-07-28 era beside the 2025 ones on one endpoint: server/discover, -32022, header validation, resultType, caching hints. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCEPT, eraClient, ERAS, request, rpc, startStack, type Stack } from './helpers.ts';

let stack: Stack;
let url: string;

beforeAll(async () => {
  stack = await startStack({ gateway: { resultTtlMs: 45_000 } });
  url = (await stack.provision({ name: 'era server', config: { methods: ['GET'], tags: [], require_api_token_auth: false } })).url;
});
afterAll(() => stack.close());

const META = { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientCapabilities': {} };
const MODERN = { 'mcp-protocol-version': '2026-07-28' };

describe('2026-07-28, as curl would send it', () => {
  it('MCP-Protocol-Version: 2026-07-28 and server/discover get the discovery result, with no session', async () => {
    // curl -X POST $URL -H 'content-type: application/json' -H 'accept: application/json, text/event-stream' \
    //   -H 'MCP-Protocol-Version: 2026-07-28' -H 'Mcp-Method: server/discover' -d '{"jsonrpc":"2.0","id":1,"method":"server/discover","params":{"_meta":{…}}}'
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: ACCEPT, 'MCP-Protocol-Version': '2026-07-28', 'Mcp-Method': 'server/discover' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'server/discover', params: { _meta: META } }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('mcp-session-id')).toBeNull();
    expect(await res.json()).toEqual({
      jsonrpc: '2.0',
      id: 1,
      result: {
        resultType: 'complete',
        supportedVersions: ['2026-07-28', '2025-11-25', '2025-06-18'],
        capabilities: { tools: { listChanged: false } },
        _meta: { 'io.modelcontextprotocol/serverInfo': { name: 'slapage-mcp-gateway', title: 'era server', version: '0.1.0' } },
        instructions: expect.any(String),
        ttlMs: 45_000,
        cacheScope: 'private',
      },
    });
  });

  it('an unknown version gets 400 and -32022 with the supported versions, in the header or the body', async () => {
    const r = await rpc(url, { jsonrpc: '2.0', id: 7, method: 'tools/list', params: { _meta: { ...META, 'io.modelcontextprotocol/protocolVersion': '2099-01-01' } } }, { 'mcp-protocol-version': '2099-01-01', 'mcp-method': 'tools/list' });
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ jsonrpc: '2.0', id: 7, error: { code: -32022, message: 'Unsupported protocol version', data: { supported: ['2026-07-28', '2025-11-25', '2025-06-18'], requested: '2099-01-01' } } });
    // A legacy client that sends an unknown version header gets the same answer (before: -32000).
    const legacy = await rpc(url, request('ping'), { 'mcp-protocol-version': '1999-01-01' });
    expect(legacy.status).toBe(400);
    expect(legacy.json.error.code).toBe(-32022);
  });

  it('results carry resultType; tools/list its caching hints; tools/call none', async () => {
    const modern = eraClient(ERAS[0]!);
    const list = await modern.rpc(url, request('tools/list'));
    expect(list.json.result).toMatchObject({ resultType: 'complete', ttlMs: 45_000, cacheScope: 'private' });
    expect(list.json.result.tools.map((t: { name: string }) => t.name)).toContain('echo_query');
    const call = await modern.callTool(url, 'get_fixed');
    expect(call.json.result).toEqual({ resultType: 'complete', content: [{ type: 'text', text: expect.any(String) }], isError: false });
    // The 2025 eras get the results they always did.
    const old = eraClient(ERAS[1]!);
    expect(Object.keys((await old.rpc(url, request('tools/list'))).json.result)).toEqual(['tools']);
    expect((await old.callTool(url, 'get_fixed')).json.result).not.toHaveProperty('resultType');
  });

  it('headers that disagree with the body, or are missing, are refused with 400 and -32020', async () => {
    const body = { jsonrpc: '2.0', id: 3, method: 'tools/list', params: { _meta: META } };
    const cases: Array<[Record<string, string>, unknown, string]> = [
      [{ 'mcp-method': 'tools/list' }, body, 'MCP-Protocol-Version header is missing'],
      [{ ...MODERN }, body, 'Mcp-Method header is missing'],
      [{ 'mcp-protocol-version': '2025-11-25', 'mcp-method': 'tools/list' }, body, 'MCP-Protocol-Version header does not match the body'],
      [{ ...MODERN, 'mcp-method': 'tools/list' }, { ...body, params: {} }, 'the body carries no protocol version in _meta'],
      [{ ...MODERN, 'mcp-method': 'tools/list', 'mcp-name': 'get_fixed' }, body, 'Mcp-Name header on a method without a name'],
      [{ ...MODERN, 'mcp-method': 'tools/call' }, { ...body, method: 'tools/call', params: { name: 'get_fixed', _meta: META } }, 'Mcp-Name header is missing'],
      [{ ...MODERN, 'mcp-method': 'tools/call', 'mcp-name': '=?base64?!!?=' }, { ...body, method: 'tools/call', params: { name: 'get_fixed', _meta: META } }, 'Mcp-Name header is not valid Base64'],
    ];
    for (const [headers, message, why] of cases) {
      const r = await rpc(url, message, headers);
      expect([why, r.status, r.json]).toEqual([why, 400, { jsonrpc: '2.0', id: 3, error: { code: -32020, message: `Header mismatch: ${why}` } }]);
    }
  });

  it('has no handshake: initialize and ping are unknown methods (404, -32601); clientCapabilities is required', async () => {
    const modern = eraClient(ERAS[0]!);
    for (const method of ['initialize', 'ping']) {
      const r = await modern.rpc(url, request(method));
      expect([method, r.status, r.json.error.code]).toEqual([method, 404, -32601]);
    }
    const r = await rpc(url, { jsonrpc: '2.0', id: 9, method: 'tools/list', params: { _meta: { 'io.modelcontextprotocol/protocolVersion': '2026-07-28' } } }, { ...MODERN, 'mcp-method': 'tools/list' });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe(-32602);
  });
});

describe('the 2025 eras beside it', () => {
  it('initialize asking for 2026-07-28 negotiates 2025-11-25: a modern revision is never a handshake result', async () => {
    const r = await rpc(url, request('initialize', { protocolVersion: '2026-07-28', capabilities: {}, clientInfo: { name: 't', version: '1' } }));
    expect(r.json.result.protocolVersion).toBe('2025-11-25');
    for (const v of ['2025-11-25', '2025-06-18']) {
      const ok = await rpc(url, request('initialize', { protocolVersion: v, capabilities: {}, clientInfo: { name: 't', version: '1' } }));
      expect(ok.json.result.protocolVersion).toBe(v);
      expect((await rpc(url, request('ping'), { 'mcp-protocol-version': v })).status).toBe(200);
    }
  });

  it('a body claiming 2026-07-28 under a 2025 header is a mismatch, not a legacy request', async () => {
    const r = await rpc(url, { jsonrpc: '2.0', id: 4, method: 'tools/list', params: { _meta: META } }, { 'mcp-protocol-version': '2025-06-18' });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe(-32020);
  });

  it('logs server/discover by name and never a caller-typed method', async () => {
    await eraClient(ERAS[0]!).rpc(url, request('server/discover'));
    await eraClient(ERAS[0]!).rpc(url, request('made/up'));
    const methods = stack.logLines().map((l) => JSON.parse(l).method as string);
    expect(methods).toContain('server/discover');
    expect(methods).not.toContain('made/up');
  });
});
