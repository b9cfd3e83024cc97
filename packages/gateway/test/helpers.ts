/** Test harness: a mock upstream plus a gateway on 127.0.0.1 port 0, captured access-log lines, and small clients for MCP and admin calls. */

import { EXAMPLE_CRM_PATH, MOCK_DIAGNOSTICS_PATH } from '../src/server/config.ts';
import type { Clock } from '../src/base/clock.ts';
import type { Limits } from '../src/http/limits.ts';
import { startMockUpstream, type MockUpstream } from '../src/testing/mock-upstream.ts';
import type { CreateServerInput, CreatedServer } from '../src/admin/provisioning.ts';
import { startGateway, type Gateway, type GatewayOptions } from '../src/server/server.ts';

export const ADMIN_KEY = 'test-admin-key-0123456789abcdef';
export const UPSTREAM_CREDENTIAL = 'tenant-upstream-secret';
export const ACCEPT = 'application/json, text/event-stream';

export interface Stack {
  mock: MockUpstream;
  gateway: Gateway;
  logLines(): string[];
  errors: unknown[];
  /** Creates a connection to `integration` for `tenant` and a server on it. */
  provision(input?: Partial<CreateServerInput> & { tenant?: string; integration?: string }): Promise<CreatedServer>;
  close(): Promise<void>;
}

export async function startStack(
  options: { clock?: Clock; limits?: Partial<Limits>; gateway?: Partial<GatewayOptions>; mockLatencyMs?: number } = {},
): Promise<Stack> {
  const clock = options.clock;
  const mock = await startMockUpstream({
    expectedCredential: UPSTREAM_CREDENTIAL,
    ...(clock ? { now: () => clock.now() } : {}),
    ...(options.mockLatencyMs === undefined ? {} : { latencyMs: options.mockLatencyMs }),
  });
  const lines: string[] = [];
  const errors: unknown[] = [];
  const gateway = await startGateway({
    adminKey: ADMIN_KEY,
    integrations: [
      { file: EXAMPLE_CRM_PATH, baseUrl: mock.baseUrl },
      { file: MOCK_DIAGNOSTICS_PATH, baseUrl: mock.baseUrl },
    ],
    allowPrivateNetworks: ['127.0.0.1/32'],
    log: (chunk) => lines.push(...chunk.split('\n').filter(Boolean)),
    onError: (err) => errors.push(err),
    ...(clock ? { clock } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    ...options.gateway,
  });
  const now = (): number => (clock ? clock.now() : Date.now());
  return {
    mock,
    gateway,
    errors,
    logLines: () => {
      gateway.flushLog();
      return lines;
    },
    async provision(input = {}) {
      const connection = await gateway.provisioner.createConnection({
        tenant: input.tenant ?? 'tenant-a',
        integration: input.integration ?? 'mock-diagnostics',
        credential: UPSTREAM_CREDENTIAL,
      });
      return gateway.provisioner.createServer(connection.id, {
        name: input.name ?? 'test server',
        config: input.config ?? { methods: ['GET', 'POST'], tags: [], require_api_token_auth: false },
        expires_at: input.expires_at ?? now() + 3600_000,
      });
    },
    async close() {
      await gateway.close();
      await mock.close();
    },
  };
}

export interface RpcResponse {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

let nextId = 1;

/** POSTs one JSON-RPC request (or raw string body) to an MCP URL. */
export async function rpc(url: string, message: unknown, headers: Record<string, string> = {}): Promise<RpcResponse> {
  const body = typeof message === 'string' ? message : JSON.stringify(message);
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: ACCEPT, ...headers }, body });
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

export function request(method: string, params?: unknown): Record<string, unknown> {
  return { jsonrpc: '2.0', id: nextId++, method, ...(params === undefined ? {} : { params }) };
}

export function callTool(url: string, name: string, args: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<RpcResponse> {
  return rpc(url, request('tools/call', { name, arguments: args }), headers);
}

/** An MCP era the contract suite runs in: 2026-07-28 (stateless, `_meta` + mirrored headers) or a 2025 handshake era. */
export interface Era {
  version: string;
  modern: boolean;
}

/** Every era the gateway serves; contract tests run once per era with `describe.each(ERAS)`. */
export const ERAS: readonly Era[] = [
  { version: '2026-07-28', modern: true },
  { version: '2025-11-25', modern: false },
  { version: '2025-06-18', modern: false },
];

export interface EraClient {
  era: Era;
  /** `rpc` speaking the era: a modern request gets `_meta` and MCP-Protocol-Version/Mcp-Method/Mcp-Name, a legacy one the version header the SDK sends after `initialize`. */
  rpc(url: string, message: unknown, headers?: Record<string, string>): Promise<RpcResponse>;
  request(method: string, params?: unknown): Record<string, unknown>;
  callTool(url: string, name: string, args?: Record<string, unknown>, headers?: Record<string, string>): Promise<RpcResponse>;
}

/** The headers and body a client of `era` sends for `message` (a JSON-RPC object), as the official SDKs do. */
export function inEra(era: Era, message: Record<string, unknown>): { message: Record<string, unknown>; headers: Record<string, string> } {
  const headers: Record<string, string> = { 'mcp-protocol-version': era.version };
  if (!era.modern) return { message, headers };
  const params = (message.params ?? {}) as Record<string, unknown>;
  const meta = { 'io.modelcontextprotocol/protocolVersion': era.version, 'io.modelcontextprotocol/clientCapabilities': {}, ...(params._meta as object | undefined) };
  if (typeof message.method === 'string') headers['mcp-method'] = message.method;
  if (message.method === 'tools/call' && typeof params.name === 'string') headers['mcp-name'] = params.name;
  return { message: { ...message, params: { ...params, _meta: meta } }, headers };
}

export function eraClient(era: Era): EraClient {
  const send = (url: string, message: unknown, headers: Record<string, string> = {}): Promise<RpcResponse> => {
    if (typeof message !== 'object' || message === null) return rpc(url, message, { 'mcp-protocol-version': era.version, ...headers });
    const framed = inEra(era, message as Record<string, unknown>);
    return rpc(url, framed.message, { ...framed.headers, ...headers });
  };
  return {
    era,
    rpc: send,
    request,
    callTool: (url, name, args = {}, headers = {}) => send(url, request('tools/call', { name, arguments: args }), headers),
  };
}

export async function admin(gateway: Gateway, method: string, path: string, body?: unknown, key: string | null = ADMIN_KEY): Promise<RpcResponse> {
  const headers: Record<string, string> = {};
  if (key !== null) headers.authorization = 'Bearer ' + key;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(gateway.url + path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await res.text();
  const isJson = res.headers.get('content-type') === 'application/json';
  return { status: res.status, headers: res.headers, text, json: text && isJson ? JSON.parse(text) : undefined };
}
