/**
 * The one MCP client of the gateway-facing commands (verify, measure, probe): one JSON-RPC request per POST over
 * Streamable HTTP, in either protocol era. 2026-07-28 is stateless: every request carries its version in the
 * MCP-Protocol-Version header and in `_meta`, with Mcp-Method / Mcp-Name (and Mcp-Param-*) headers mirroring the body;
 * `server/discover` tells what the server speaks. 2025-11-25 and 2025-06-18 open with an `initialize` handshake and may
 * get an Mcp-Session-Id. The era is chosen, or discovered the way the specification's backward-compatibility section
 * says: a modern request first, legacy only when the answer is not a recognised modern error.
 */
import { performance } from 'node:perf_hooks';

export const MODERN_VERSION = '2026-07-28';
export const LEGACY_VERSIONS = ['2025-11-25', '2025-06-18'] as const;
export type ProtocolVersion = typeof MODERN_VERSION | (typeof LEGACY_VERSIONS)[number];
export const ERA_CHOICES = ['auto', MODERN_VERSION, ...LEGACY_VERSIONS] as const;
export type EraChoice = (typeof ERA_CHOICES)[number];

/** HeaderMismatch, MissingRequiredClientCapability, UnsupportedProtocolVersion: the errors only a 2026-07-28 server sends. */
const MODERN_ERRORS = new Set([-32020, -32021, -32022]);
const UNSUPPORTED_PROTOCOL_VERSION = -32022;
const CLIENT_INFO = { name: 'slapage', version: '1' };
/** Methods whose `params.name` (or `params.uri`) the Mcp-Name header mirrors. */
const NAMED_METHODS = new Set(['tools/call', 'resources/read', 'prompts/get']);

export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  /** The body as sent (an SSE stream's raw text). */
  readonly text: string;
  /** The JSON-RPC response: the body parsed as JSON, or an SSE stream's response event; undefined when neither. */
  // `any` as in verify's checks, which read gateways' answers field by field as they come; this module reads it as RpcMessage.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly json: any;
  /** Milliseconds from sending to the whole body read. */
  readonly ms: number;
}

/** The server did not answer: a timeout, a refused or reset connection, a name that does not resolve. */
export class McpUnreachable extends Error {
  /** "timeout", "connection-refused", "connection-reset", "dns", "tls" or the error code in lower case. */
  readonly reason: string;
  constructor(message: string, reason: string) {
    super(message);
    this.reason = reason;
  }
}

/** The era could not be agreed, or the handshake was answered with something other than success. */
export class McpHandshakeError extends Error {
  /** The answer that ended the handshake, when there was one. */
  readonly answer: Answer | undefined;
  constructor(message: string, answer?: Answer) {
    super(message);
    this.answer = answer;
  }
}

export interface ConnectOptions {
  /** A protocol version to speak, or "auto" to discover it (default). */
  readonly era?: EraChoice;
  /** Sent with every request, the handshake included (e.g. authorization). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Per request, milliseconds (default 15 000). */
  readonly timeoutMs?: number;
}

/** What the server said about itself in server/discover or initialize. */
export interface ServerInfo {
  readonly name: string | null;
  readonly version: string | null;
}

/** The exact bytes of one request: what measure sends thousands of times. */
export interface WireRequest {
  readonly headers: Record<string, string>;
  readonly body: string;
}

const REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection-refused',
  ECONNRESET: 'connection-reset',
  UND_ERR_SOCKET: 'connection-reset',
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  TimeoutError: 'timeout',
};

/** The parts of a JSON-RPC response this module reads. */
interface RpcMessage {
  readonly result?: {
    readonly tools?: unknown;
    readonly supportedVersions?: unknown;
    readonly protocolVersion?: unknown;
    readonly serverInfo?: unknown;
    readonly _meta?: Readonly<Record<string, unknown>>;
  };
  readonly error?: { readonly code?: unknown; readonly data?: { readonly supported?: unknown } };
}

const rpc = (a: Answer): RpcMessage | undefined => (a.json !== null && typeof a.json === 'object' ? (a.json as RpcMessage) : undefined);

/** One POST (or DELETE); network failures become McpUnreachable with a short reason. */
export async function exchange(url: string, init: RequestInit, timeoutMs = 15_000): Promise<Answer> {
  const started = performance.now();
  let res: Response;
  let text: string;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    text = await res.text();
  } catch (error) {
    const e = error as { name?: string; cause?: { code?: string; name?: string } };
    const code = e.name === 'TimeoutError' ? 'TimeoutError' : (e.cause?.code ?? e.cause?.name ?? e.name ?? 'Error');
    const reason = REASONS[code] ?? (/CERT|SSL|TLS/i.test(code) ? 'tls' : code.toLowerCase().replace(/[^a-z0-9]+/g, '-'));
    throw new McpUnreachable(`${new URL(url).origin} did not answer (${reason === 'timeout' ? `no answer within ${timeoutMs / 1000} s` : code})`, reason);
  }
  return { status: res.status, headers: res.headers, text, json: parseBody(text, res.headers.get('content-type')), ms: performance.now() - started };
}

/** A JSON body, or the JSON-RPC response (the last event carrying a result or an error) of an SSE stream. */
export function parseBody(text: string, contentType: string | null): unknown {
  if (contentType?.toLowerCase().includes('text/event-stream')) {
    let response: unknown;
    for (const event of text.split(/\r?\n\r?\n/)) {
      const data = event
        .split(/\r?\n/)
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).replace(/^ /, ''))
        .join('\n');
      const message = tryJson(data) as { result?: unknown; error?: unknown } | undefined;
      if (message && (message.result !== undefined || message.error !== undefined)) response = message;
    }
    return response;
  }
  return tryJson(text);
}

function tryJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A header value as the transport requires: plain when visible ASCII without edge spaces, else the Base64 sentinel. */
export function headerValue(value: string): string {
  const plain = /^[\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?$/.test(value) && !/^=\?base64\?.*\?=$/.test(value);
  return plain ? value : `=?base64?${Buffer.from(value, 'utf8').toString('base64')}?=`;
}

/** The Mcp-Param-{Name} headers a tool's inputSchema asks for (`x-mcp-header` on a property), from the call's arguments. */
export function paramHeaders(schema: unknown, args: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (node: unknown, value: unknown): void => {
    const properties = (node as { properties?: Record<string, unknown> } | null)?.properties;
    if (!properties || typeof properties !== 'object') return;
    for (const [key, child] of Object.entries(properties)) {
      const v = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
      const name = (child as { 'x-mcp-header'?: unknown } | null)?.['x-mcp-header'];
      if (typeof name === 'string' && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')) out[`mcp-param-${name.toLowerCase()}`] = headerValue(String(v));
      walk(child, v);
    }
  };
  walk(schema, args);
  return out;
}

let nextId = 1;

/** One endpoint spoken to in one protocol version; legacy sessions carry their Mcp-Session-Id. */
export class McpSession {
  readonly url: string;
  readonly version: ProtocolVersion;
  readonly sessionId: string | undefined;
  readonly server: ServerInfo;
  readonly #headers: Readonly<Record<string, string>>;
  readonly #timeoutMs: number;
  /** Tools' input schemas from the last tools/list answer: for the Mcp-Param-* headers of tools/call. */
  readonly #schemas = new Map<string, unknown>();

  constructor(o: { url: string; version: ProtocolVersion; sessionId?: string; server?: ServerInfo; headers?: Readonly<Record<string, string>>; timeoutMs?: number }) {
    this.url = o.url;
    this.version = o.version;
    this.sessionId = o.sessionId;
    this.server = o.server ?? { name: null, version: null };
    this.#headers = o.headers ?? {};
    this.#timeoutMs = o.timeoutMs ?? 15_000;
  }

  get modern(): boolean {
    return this.version === MODERN_VERSION;
  }

  /** The headers and body of a request, exactly as `send` puts them on the wire. */
  wire(method: string, params?: Record<string, unknown>, headers: Readonly<Record<string, string>> = {}, id: number = nextId++): WireRequest {
    const base = { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': this.version, ...this.#headers };
    if (!this.modern) {
      const message = { jsonrpc: '2.0', id, method, ...(params === undefined ? {} : { params }) };
      return { headers: { ...base, ...(this.sessionId ? { 'mcp-session-id': this.sessionId } : {}), ...headers }, body: JSON.stringify(message) };
    }
    return modernWire(method, params, { ...base, ...headers }, id, this.#schemas);
  }

  async send(method: string, params?: Record<string, unknown>, headers?: Readonly<Record<string, string>>): Promise<Answer> {
    const w = this.wire(method, params, headers);
    const answer = await exchange(this.url, { method: 'POST', headers: w.headers, body: w.body }, this.#timeoutMs);
    const tools = rpc(answer)?.result?.tools;
    if (method === 'tools/list' && Array.isArray(tools)) for (const t of tools as { name?: unknown; inputSchema?: unknown }[]) if (typeof t.name === 'string') this.#schemas.set(t.name, t.inputSchema);
    return answer;
  }

  /** Ends a legacy session the server opened (HTTP DELETE, as 2025-11-25 asks); nothing to do otherwise. */
  async close(): Promise<void> {
    if (!this.sessionId) return;
    await exchange(this.url, { method: 'DELETE', headers: { ...this.#headers, 'mcp-protocol-version': this.version, 'mcp-session-id': this.sessionId } }, this.#timeoutMs).catch(() => undefined);
  }

  /** Another endpoint of the same server (verify's other MCP URLs) in this session's version; see `openSibling`. */
  sibling(url: string, headers: Readonly<Record<string, string>> = {}): Promise<McpSession> {
    return openSibling(url, this.version, { headers: { ...this.#headers, ...headers }, timeoutMs: this.#timeoutMs });
  }
}

function modernWire(method: string, params: Record<string, unknown> | undefined, headers: Record<string, string>, id: number, schemas: ReadonlyMap<string, unknown>): WireRequest {
  const meta = {
    'io.modelcontextprotocol/protocolVersion': MODERN_VERSION,
    'io.modelcontextprotocol/clientCapabilities': {},
    'io.modelcontextprotocol/clientInfo': CLIENT_INFO,
    ...((params?._meta as Record<string, unknown> | undefined) ?? {}),
  };
  const body = { jsonrpc: '2.0', id, method, params: { ...params, _meta: meta } };
  const name = params?.name ?? params?.uri;
  const named = NAMED_METHODS.has(method) && typeof name === 'string';
  const custom = method === 'tools/call' && typeof params?.name === 'string' ? paramHeaders(schemas.get(params.name), params.arguments) : {};
  return { headers: { ...headers, 'mcp-method': method, ...(named ? { 'mcp-name': headerValue(name) } : {}), ...custom }, body: JSON.stringify(body) };
}

/** The code of a recognised modern error in an answer, if it carries one. */
function modernError(a: Answer): number | undefined {
  const code = rpc(a)?.error?.code;
  return typeof code === 'number' && MODERN_ERRORS.has(code) ? code : undefined;
}

function describe(a: Answer): string {
  const body = a.text.length > 160 ? a.text.slice(0, 157) + '...' : a.text;
  return `HTTP ${a.status}${body ? ' ' + body.replace(/\s+/g, ' ') : ''}`;
}

/**
 * Opens `url` in the era `o.era` asks for. "auto" and 2026-07-28 send `server/discover` in 2026-07-28 first: a discovery
 * result or a modern error identifies a modern server; an empty or legacy 400, 404 or other 4xx, or a JSON-RPC
 * method-not-found, a legacy one, which "auto" then opens with initialize (a refused credential, 429 or 5xx is reported as
 * it is: it says nothing of the era). A legacy version chosen by name goes straight to initialize and
 * must be the version the server agrees to. Throws McpHandshakeError (with the answer) or McpUnreachable.
 */
export async function connect(url: string, o: ConnectOptions = {}): Promise<McpSession> {
  const era = o.era ?? 'auto';
  const timeoutMs = o.timeoutMs ?? 15_000;
  const headers = o.headers ?? {};
  if (era === 'auto' || era === MODERN_VERSION) {
    const w = modernWire('server/discover', undefined, { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': MODERN_VERSION, ...headers }, nextId++, new Map());
    const a = await exchange(url, { method: 'POST', headers: w.headers, body: w.body }, timeoutMs);
    const result = rpc(a)?.result;
    const versions = result?.supportedVersions;
    if (a.status === 200 && Array.isArray(versions)) {
      if (!versions.includes(MODERN_VERSION)) throw new McpHandshakeError(`server/discover lists ${JSON.stringify(versions)}, not ${MODERN_VERSION}`, a);
      const info = result?._meta?.['io.modelcontextprotocol/serverInfo'];
      return new McpSession({ url, version: MODERN_VERSION, server: serverInfo(info), headers, timeoutMs });
    }
    const code = modernError(a);
    if (code === UNSUPPORTED_PROTOCOL_VERSION) {
      const listed = rpc(a)?.error?.data?.supported;
      const supported: unknown[] = Array.isArray(listed) ? listed : [];
      const legacy = LEGACY_VERSIONS.find((v) => supported.includes(v));
      if (era === 'auto' && legacy) return initialize(url, legacy, headers, timeoutMs, false);
      throw new McpHandshakeError(`the server does not speak ${MODERN_VERSION} (it supports ${supported.join(', ') || 'no version it names'})`, a);
    }
    if (code !== undefined) throw new McpHandshakeError(`server/discover was refused with a ${MODERN_VERSION} error: ${describe(a)}`, a);
    // Credentials refused, throttled or a server error say nothing of the era: the same answer would come to initialize.
    if (a.status >= 500 || [401, 403, 407, 429].includes(a.status)) throw new McpHandshakeError(`server/discover (${MODERN_VERSION}) was answered ${describe(a)}`, a);
    if (era === MODERN_VERSION) throw new McpHandshakeError(`the server does not speak ${MODERN_VERSION}: server/discover answered ${describe(a)}`, a);
    return initialize(url, LEGACY_VERSIONS[0], headers, timeoutMs, false);
  }
  return initialize(url, era, headers, timeoutMs, true);
}

/**
 * Another endpoint of a server whose era is known: nothing to send in 2026-07-28; in a legacy version the handshake,
 * where a refusal is not an error (verify sends requests to revoked and unknown URLs on purpose: the request itself,
 * sent without a session, gets the answer the check looks at).
 */
export async function openSibling(url: string, version: ProtocolVersion, o: { headers?: Readonly<Record<string, string>>; timeoutMs?: number } = {}): Promise<McpSession> {
  const headers = o.headers ?? {};
  if (version === MODERN_VERSION) return new McpSession({ url, version, headers, ...(o.timeoutMs ? { timeoutMs: o.timeoutMs } : {}) });
  try {
    return await initialize(url, version, headers, o.timeoutMs ?? 15_000, true);
  } catch (error) {
    if (error instanceof McpHandshakeError) return new McpSession({ url, version, headers, ...(o.timeoutMs ? { timeoutMs: o.timeoutMs } : {}) });
    throw error;
  }
}

async function initialize(url: string, version: ProtocolVersion, headers: Readonly<Record<string, string>>, timeoutMs: number, exact: boolean): Promise<McpSession> {
  const base = { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers };
  const message = { jsonrpc: '2.0', id: nextId++, method: 'initialize', params: { protocolVersion: version, capabilities: {}, clientInfo: CLIENT_INFO } };
  const a = await exchange(url, { method: 'POST', headers: base, body: JSON.stringify(message) }, timeoutMs);
  const agreed = rpc(a)?.result?.protocolVersion;
  if (a.status !== 200 || typeof agreed !== 'string') throw new McpHandshakeError(`initialize (${version}) was answered ${describe(a)}`, a);
  const known = (LEGACY_VERSIONS as readonly string[]).includes(agreed);
  if (!known || (exact && agreed !== version)) throw new McpHandshakeError(`initialize asked for ${version} and the server offered ${agreed}`, a);
  const sessionId = a.headers.get('mcp-session-id') ?? undefined;
  const session = new McpSession({ url, version: agreed as ProtocolVersion, ...(sessionId ? { sessionId } : {}), server: serverInfo(rpc(a)?.result?.serverInfo), headers, timeoutMs });
  // The handshake ends with notifications/initialized; a server that refuses it still answers requests or says why then.
  const done = { jsonrpc: '2.0', method: 'notifications/initialized' };
  await exchange(url, { method: 'POST', headers: { ...base, 'mcp-protocol-version': session.version, ...(sessionId ? { 'mcp-session-id': sessionId } : {}) }, body: JSON.stringify(done) }, timeoutMs);
  return session;
}

function serverInfo(info: unknown): ServerInfo {
  const s = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  const i = info as { name?: unknown; version?: unknown } | undefined;
  return { name: s(i?.name), version: s(i?.version) };
}

/** "2026-07-28 (stateless)" or "2025-11-25 (initialize, session)": how the commands print the era they used. */
export function describeEra(session: McpSession): string {
  return session.modern ? `${session.version} (stateless)` : `${session.version} (initialize${session.sessionId ? ', session' : ', no session'})`;
}
