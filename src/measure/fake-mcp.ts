/**
 * Test double: a small MCP server (node:http on 127.0.0.1, port 0) of one era or both, strict the way the
 * specification is: 2026-07-28 requests must carry MCP-Protocol-Version, Mcp-Method and Mcp-Name matching the body and
 * the version in `_meta` (else 400 with -32020), an unknown version gets -32022 with the supported list, results carry
 * `resultType`; a 2025 server needs initialize first and then its Mcp-Session-Id, and answers a 2026-07-28 request the
 * way a legacy server does (400, a legacy error). Its answers can be slowed or replaced, for the probe's tests.
 */
/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-explicit-any -- a test double reads requests field by field as they come, as verify reads answers */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeEra = '2026-07-28' | '2025-11-25' | '2025-06-18' | 'dual';

export interface FakeRequest {
  readonly method: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: any;
}

export interface FakeMcp {
  readonly url: string;
  readonly requests: readonly FakeRequest[];
  /** Answer every POST with this HTTP status and an empty body (null: answer normally). */
  failWith(status: number | null): void;
  /** Wait this long before answering. */
  delay(ms: number): void;
  close(): Promise<void>;
}

const TOOLS = [
  { name: 'echo', description: 'Echoes its text', inputSchema: { type: 'object', properties: { text: { type: 'string' }, region: { type: 'string', 'x-mcp-header': 'Region' } } } },
];

export async function startFakeMcp(era: FakeEra, o: { sse?: boolean; bearer?: string } = {}): Promise<FakeMcp> {
  const requests: FakeRequest[] = [];
  const sessions = new Set<string>();
  let failure: number | null = null;
  let wait = 0;
  let sessionCount = 0;
  const modern = era === '2026-07-28' || era === 'dual';
  const legacy = era === 'dual' ? ['2025-11-25', '2025-06-18'] : era === '2026-07-28' ? [] : [era];
  const supported = [...(modern ? ['2026-07-28'] : []), ...legacy];

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: any;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = undefined;
      }
      requests.push({ method: req.method ?? '', headers: req.headers, body });
      const reply = (status: number, message?: unknown, headers: Record<string, string> = {}) => {
        if (message === undefined) return res.writeHead(status, headers).end();
        if (o.sse && status === 200) {
          res.writeHead(200, { 'content-type': 'text/event-stream', ...headers });
          return res.end(`: keep-alive\n\nevent: message\ndata: ${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/progress', params: { progress: 1 } })}\n\nevent: message\ndata: ${JSON.stringify(message)}\n\n`);
        }
        res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(message));
      };
      setTimeout(() => {
        if (failure !== null) return reply(failure);
        if (o.bearer && req.headers.authorization !== `Bearer ${o.bearer}`) return reply(401, { error: 'unauthorized' });
        // The "direct" request measure pairs each MCP request with.
        if (req.method === 'GET' && req.url === '/direct') return reply(200, { ok: true });
        if (req.method === 'DELETE') return reply(sessions.delete(String(req.headers['mcp-session-id'])) ? 204 : 404);
        if (req.method !== 'POST') return reply(405);
        if (!body || typeof body.method !== 'string') return reply(400, { jsonrpc: '2.0', error: { code: -32600, message: 'Invalid Request' } });
        const id = body.id;
        const error = (status: number, code: number, message: string, data?: unknown) => reply(status, { jsonrpc: '2.0', id, error: { code, message, ...(data ? { data } : {}) } });
        const version = req.headers['mcp-protocol-version'];
        const answer = (result: Record<string, unknown>, stateless: boolean) => reply(200, { jsonrpc: '2.0', id, result: stateless ? { resultType: 'complete', ...result } : result });
        const serve = (stateless: boolean) => {
          switch (body.method) {
            case 'tools/list':
              return answer({ tools: TOOLS }, stateless);
            case 'tools/call':
              if (body.params?.name !== 'echo') return error(200, -32602, 'Unknown tool');
              return answer({ content: [{ type: 'text', text: String(body.params.arguments?.text ?? '') }], isError: false }, stateless);
            default:
              return error(stateless ? 404 : 200, -32601, 'Method not found');
          }
        };
        if (body.method === 'initialize') {
          if (legacy.length === 0) return error(400, -32601, `Method not found: this server speaks ${supported.join(', ')} only`);
          const asked = body.params?.protocolVersion;
          const agreed = legacy.includes(asked) ? asked : legacy[0];
          const session = `session-${++sessionCount}`;
          sessions.add(session);
          return reply(200, { jsonrpc: '2.0', id, result: { protocolVersion: agreed, capabilities: { tools: {} }, serverInfo: { name: `fake-${era}`, version: '1.0.0' } } }, { 'mcp-session-id': session });
        }
        if (body.id === undefined) return reply(202);
        if (version !== undefined && !supported.includes(String(version))) {
          // A legacy server knows nothing of -32022: it refuses the header the way servers of its time do.
          if (!modern) return error(400, -32000, 'Bad Request: unsupported MCP-Protocol-Version');
          return error(400, -32022, 'Unsupported protocol version', { supported, requested: version });
        }
        if (version === '2026-07-28') {
          const meta = body.params?._meta ?? {};
          const name = body.params?.name ?? body.params?.uri;
          const named = ['tools/call', 'resources/read', 'prompts/get'].includes(body.method);
          const decode = (v: unknown) => (typeof v === 'string' && /^=\?base64\?(.*)\?=$/.test(v) ? Buffer.from(v.slice(9, -2), 'base64').toString('utf8') : v);
          if (meta['io.modelcontextprotocol/protocolVersion'] !== version || typeof meta['io.modelcontextprotocol/clientCapabilities'] !== 'object') return error(400, -32020, 'Header mismatch: _meta protocolVersion');
          if (req.headers['mcp-method'] !== body.method) return error(400, -32020, 'Header mismatch: Mcp-Method');
          if (named && decode(req.headers['mcp-name']) !== name) return error(400, -32020, 'Header mismatch: Mcp-Name');
          const region = body.params?.arguments?.region;
          if (body.method === 'tools/call' && region !== undefined && decode(req.headers['mcp-param-region']) !== region) return error(400, -32020, 'Header mismatch: Mcp-Param-Region');
          if (body.method === 'server/discover') return answer({ supportedVersions: supported, capabilities: { tools: {} }, _meta: { 'io.modelcontextprotocol/serverInfo': { name: `fake-${era}`, version: '1.0.0' } }, ttlMs: 0, cacheScope: 'private' }, true);
          return serve(true);
        }
        if (legacy.length === 0) return error(400, -32020, 'Header mismatch: MCP-Protocol-Version is required');
        if (!sessions.has(String(req.headers['mcp-session-id']))) return reply(400, { jsonrpc: '2.0', id, error: { code: -32000, message: 'Bad Request: no valid session' } });
        return serve(false);
      }, wait);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`,
    requests,
    failWith: (status) => void (failure = status),
    delay: (ms) => void (wait = ms),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
