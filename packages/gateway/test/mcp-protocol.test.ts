import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCEPT, request, rpc, startStack, type Stack } from './helpers.ts';

let stack: Stack;
let url: string;

beforeAll(async () => {
  stack = await startStack();
  url = (await stack.provision()).url;
});
afterAll(() => stack.close());

/** Raw HTTP, for headers fetch will not let us set (Host) and for exact bytes. */
function raw(target: string, options: { method?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(target, { method: options.method ?? 'POST', headers: options.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('lifecycle', () => {
  it.each(['2025-11-25', '2025-06-18'])('initialize negotiates %s', async (version) => {
    const r = await rpc(url, request('initialize', { protocolVersion: version, capabilities: {}, clientInfo: { name: 't', version: '1' } }));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/json');
    expect(r.headers.get('mcp-session-id')).toBeNull();
    expect(r.json.result).toMatchObject({ protocolVersion: version, capabilities: { tools: {} }, serverInfo: { name: 'slapage-mcp-gateway' } });
  });

  it('initialize with an unsupported version answers with the latest', async () => {
    const r = await rpc(url, request('initialize', { protocolVersion: '2024-11-05', capabilities: {}, clientInfo: { name: 't', version: '1' } }));
    expect(r.json.result.protocolVersion).toBe('2025-11-25');
  });

  it('notifications/initialized is accepted with 202 and no body', async () => {
    const r = await rpc(url, { jsonrpc: '2.0', method: 'notifications/initialized' });
    expect(r.status).toBe(202);
    expect(r.text).toBe('');
  });

  it('ping answers an empty object, without any session', async () => {
    const r = await rpc(url, { jsonrpc: '2.0', id: 'p-1', method: 'ping' });
    expect(r.json).toEqual({ jsonrpc: '2.0', id: 'p-1', result: {} });
  });

  it('tools/list lists the server tools', async () => {
    const r = await rpc(url, request('tools/list'));
    expect(r.json.result.tools.map((t: { name: string }) => t.name)).toContain('echo_query');
    for (const t of r.json.result.tools) expect(t).toMatchObject({ name: expect.any(String), description: expect.any(String), inputSchema: { type: 'object' } });
  });

  it('tools/call calls the upstream and returns its body as text content', async () => {
    const r = await rpc(url, request('tools/call', { name: 'echo_query', arguments: { text: 'hello', n: 3, flags: ['a', 'b'] } }));
    expect(r.status).toBe(200);
    expect(r.json.result.isError).toBe(false);
    expect(JSON.parse(r.json.result.content[0].text)).toMatchObject({ method: 'GET', path: '/api/v1/echo', query: { text: 'hello', n: '3', flags: 'b' } });
    const last = stack.mock.requests.at(-1)!;
    expect(last.url).toBe('/api/v1/echo?text=hello&n=3&flags=a&flags=b');
  });
});

describe('JSON-RPC refusals', () => {
  it('malformed JSON gets -32700 with id null', async () => {
    const r = await rpc(url, '{"jsonrpc":"2.0","id":1,"method":');
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } });
  });

  it('batches are rejected', async () => {
    const r = await rpc(url, [request('ping'), request('ping')]);
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe(-32600);
    expect(r.json.id).toBeNull();
  });

  it('an unknown method gets -32601', async () => {
    const r = await rpc(url, { jsonrpc: '2.0', id: 9, method: 'resources/list' });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ jsonrpc: '2.0', id: 9, error: { code: -32601, message: 'Method not found' } });
  });

  it.each([
    ['tools/call without a name', request('tools/call', { arguments: {} })],
    ['tools/call with non-object arguments', request('tools/call', { name: 'echo_query', arguments: [1] })],
    ['tools/call with an unknown tool', request('tools/call', { name: 'no_such_tool', arguments: {} })],
    ['params that are not an object', { jsonrpc: '2.0', id: 5, method: 'tools/list', params: [1, 2] }],
    ['initialize without protocolVersion', request('initialize', { capabilities: {} })],
  ])('%s gets -32602', async (_label, msg) => {
    const r = await rpc(url, msg);
    expect(r.status).toBe(200);
    expect(r.json.error.code).toBe(-32602);
  });

  it('a non-JSON-RPC envelope gets -32600', async () => {
    const r = await rpc(url, { id: 1, method: 'ping' });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe(-32600);
  });

  it('invalid tool arguments are a tool error the model can read', async () => {
    const r = await rpc(url, request('tools/call', { name: 'echo_query', arguments: { n: 'three' } }));
    expect(r.json.result).toEqual({ content: [{ type: 'text', text: 'Invalid arguments: "n" must be an integer' }], isError: true });
  });
});

describe('transport refusals', () => {
  const port = () => new URL(url).port;

  it('a foreign Origin gets 403', async () => {
    const r = await rpc(url, request('ping'), { origin: 'https://evil.example.com' });
    expect(r.status).toBe(403);
  });

  it('a local Origin is accepted', async () => {
    const r = await rpc(url, request('ping'), { origin: `http://127.0.0.1:${port()}` });
    expect(r.status).toBe(200);
  });

  it('a foreign Host (DNS rebinding) gets 403; localhost Host is accepted', async () => {
    const body = JSON.stringify(request('ping'));
    const headers = { 'content-type': 'application/json', accept: ACCEPT };
    const evil = await raw(url, { headers: { ...headers, host: 'evil.example.com' }, body });
    expect(evil.status).toBe(403);
    const ok = await raw(url, { headers: { ...headers, host: `localhost:${port()}` }, body });
    expect(ok.status).toBe(200);
  });

  it('an unsupported MCP-Protocol-Version gets 400; supported versions pass', async () => {
    expect((await rpc(url, request('ping'), { 'mcp-protocol-version': '1999-01-01' })).status).toBe(400);
    expect((await rpc(url, request('ping'), { 'mcp-protocol-version': '2025-06-18' })).status).toBe(200);
    expect((await rpc(url, request('ping'), { 'mcp-protocol-version': '2025-11-25' })).status).toBe(200);
  });

  it('GET and DELETE get 405 (no SSE stream, no sessions)', async () => {
    for (const method of ['GET', 'DELETE']) {
      const r = await raw(url, { method, headers: { accept: 'text/event-stream' } });
      expect(r.status).toBe(405);
      expect(r.headers.allow).toBe('POST');
    }
  });

  it('a non-JSON content type gets 415', async () => {
    const r = await raw(url, { headers: { 'content-type': 'text/plain', accept: ACCEPT }, body: JSON.stringify(request('ping')) });
    expect(r.status).toBe(415);
  });

  it('an Accept header without JSON gets 406', async () => {
    const r = await raw(url, { headers: { 'content-type': 'application/json', accept: 'text/html' }, body: JSON.stringify(request('ping')) });
    expect(r.status).toBe(406);
  });

  it('unknown paths get 404', async () => {
    expect((await raw(stack.gateway.url + '/nope', { method: 'GET' })).status).toBe(404);
    expect((await raw(stack.gateway.url + '/healthz', { method: 'GET' })).status).toBe(200);
  });
});

describe('response framing and the access log', () => {
  it('sends a content-length (not chunked) and an x-request-id matching the log line', async () => {
    const r = await rpc(url, request('tools/call', { name: 'echo_query', arguments: { text: 'x' } }));
    expect(r.headers.get('content-length')).toBe(String(Buffer.byteLength(r.text)));
    expect(r.headers.get('transfer-encoding')).toBeNull();
    const id = r.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const line = stack.logLines().map((l) => JSON.parse(l)).find((l) => l.request_id === id);
    expect(line).toMatchObject({ tenant: 'tenant-a', tool: 'echo_query', method: 'tools/call', status: 200, latency_ms: expect.any(Number) });
  });

  it('logs refusals with the status they got', async () => {
    const r = await rpc(stack.gateway.url + '/mcp/nope', request('ping'));
    const line = stack.logLines().map((l) => JSON.parse(l)).find((l) => l.request_id === r.headers.get('x-request-id'));
    expect(line).toMatchObject({ tenant: null, tool: null, method: null, status: 401 });
  });
});
