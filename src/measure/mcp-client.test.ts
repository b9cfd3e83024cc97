/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-return -- answers and recorded requests are read field by field, as in verify's tests */
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeMcp, type FakeEra, type FakeMcp } from './fake-mcp.ts';
import { connect, headerValue, McpHandshakeError, McpUnreachable, openSibling, parseBody } from './mcp-client.ts';

const started: FakeMcp[] = [];
const fake = async (era: FakeEra, o?: { sse?: boolean }) => {
  const f = await startFakeMcp(era, o);
  started.push(f);
  return f;
};
afterEach(async () => {
  for (const f of started.splice(0)) await f.close();
});

describe('era discovery', () => {
  it('speaks 2026-07-28 to a modern server: server/discover, then stateless requests with headers mirroring the body', async () => {
    const server = await fake('2026-07-28');
    const session = await connect(server.url);
    expect([session.version, session.sessionId, session.server]).toEqual(['2026-07-28', undefined, { name: 'fake-2026-07-28', version: '1.0.0' }]);
    const list = await session.send('tools/list');
    expect(list.json.result).toMatchObject({ resultType: 'complete', tools: [{ name: 'echo' }] });
    const call = await session.send('tools/call', { name: 'echo', arguments: { text: 'hi', region: 'eu west' } });
    expect(call.status).toBe(200);
    expect(call.json.result.content[0].text).toBe('hi');
    const sent = server.requests.at(-1)!;
    expect(sent.headers).toMatchObject({ 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'tools/call', 'mcp-name': 'echo', 'mcp-param-region': 'eu west' });
    expect(sent.body.params._meta['io.modelcontextprotocol/protocolVersion']).toBe('2026-07-28');
    expect(server.requests.map((r) => r.body.method)).toEqual(['server/discover', 'tools/list', 'tools/call']);
  });

  it('falls back to initialize when a 2025 server answers server/discover with a legacy error, and keeps its session', async () => {
    const server = await fake('2025-11-25');
    const session = await connect(server.url);
    expect([session.version, session.sessionId]).toEqual(['2025-11-25', 'session-1']);
    const list = await session.send('tools/list');
    expect(list.status).toBe(200);
    expect(list.json.result.resultType).toBeUndefined();
    expect(server.requests.map((r) => r.body?.method ?? r.method)).toEqual(['server/discover', 'initialize', 'notifications/initialized', 'tools/list']);
    expect(server.requests.at(-1)!.headers).toMatchObject({ 'mcp-protocol-version': '2025-11-25', 'mcp-session-id': 'session-1' });
    await session.close();
    expect(server.requests.at(-1)!.method).toBe('DELETE');
  });

  it('takes the version a 2025-06-18 server agrees to in auto, and refuses it when 2025-11-25 was asked for', async () => {
    const server = await fake('2025-06-18');
    expect((await connect(server.url)).version).toBe('2025-06-18');
    await expect(connect(server.url, { era: '2025-11-25' })).rejects.toThrow('initialize asked for 2025-11-25 and the server offered 2025-06-18');
  });

  it('speaks the era asked for to a dual-era server', async () => {
    const server = await fake('dual');
    expect((await connect(server.url)).version).toBe('2026-07-28');
    const legacy = await connect(server.url, { era: '2025-11-25' });
    expect(legacy.version).toBe('2025-11-25');
    expect((await legacy.send('tools/list')).status).toBe(200);
  });

  it('says a server does not speak 2026-07-28 when that era is asked for', async () => {
    const server = await fake('2025-11-25');
    const error = await connect(server.url, { era: '2026-07-28' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(McpHandshakeError);
    expect((error as Error).message).toBe('the server does not speak 2026-07-28: server/discover answered HTTP 400 {"jsonrpc":"2.0","id":1,"error":{"code":-32000,"message":"Bad Request: unsupported MCP-Protocol-Version"}}'.replace('"id":1', `"id":${server.requests[0]!.body.id}`));
  });

  it('reads the response event of an SSE stream, after a notification', async () => {
    const server = await fake('2026-07-28', { sse: true });
    const session = await connect(server.url);
    expect((await session.send('tools/list')).json.result.tools).toHaveLength(1);
  });

  it('opens sibling endpoints without failing on a refused handshake, and names why a server could not be reached', async () => {
    const server = await fake('2025-11-25');
    server.failWith(401);
    const sibling = await openSibling(server.url, '2025-11-25');
    expect(sibling.sessionId).toBeUndefined();
    expect((await sibling.send('tools/list')).status).toBe(401);
    // A server closed before any request: no pooled connection to be reset, the port refuses.
    const gone = await startFakeMcp('2026-07-28');
    await gone.close();
    const error = await connect(gone.url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(McpUnreachable);
    expect((error as McpUnreachable).reason).toBe('connection-refused');
  });
});

describe('wire details', () => {
  it('Base64-encodes header values that are not plain visible ASCII, and sentinel look-alikes', () => {
    expect(headerValue('us-west1')).toBe('us-west1');
    expect(headerValue('Hello, 世界')).toBe('=?base64?SGVsbG8sIOS4lueVjA==?=');
    expect(headerValue(' padded ')).toBe('=?base64?IHBhZGRlZCA=?=');
    expect(headerValue('=?base64?literal?=')).toBe('=?base64?PT9iYXNlNjQ/bGl0ZXJhbD89?=');
  });

  it('parses plain JSON and the last response of an event stream', () => {
    expect(parseBody('{"a":1}', 'application/json')).toEqual({ a: 1 });
    expect(parseBody('data: {"jsonrpc":"2.0","id":1,"result":{}}\n\n', 'text/event-stream')).toEqual({ jsonrpc: '2.0', id: 1, result: {} });
    expect(parseBody('nope', 'application/json')).toBeUndefined();
  });
});
