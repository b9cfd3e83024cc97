/** The two clients `slapage verify` speaks through: the admin API (bearer admin key) and MCP endpoints (one JSON-RPC message per POST). */

export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The body parsed as JSON, or undefined. */
  readonly json: any;
  /** Milliseconds from sending to the whole body read. */
  readonly ms: number;
}

export class GatewayUnreachable extends Error {}

async function exchange(url: string, init: RequestInit): Promise<Answer> {
  const started = performance.now();
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(15_000) });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    throw new GatewayUnreachable(`${new URL(url).origin} did not answer (${cause})`);
  }
  const text = await res.text();
  const ms = performance.now() - started;
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json, ms };
}

export class AdminClient {
  readonly base: string;
  readonly #key: string;

  constructor(base: string, key: string) {
    this.base = base.replace(/\/+$/, '');
    this.#key = key;
  }

  call(method: string, path: string, body?: unknown): Promise<Answer> {
    const headers: Record<string, string> = { authorization: 'Bearer ' + this.#key };
    if (body !== undefined) headers['content-type'] = 'application/json';
    return exchange(this.base + path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  }
}

let nextId = 1;

/** POSTs one JSON-RPC request to an MCP URL. */
export function mcp(url: string, method: string, params?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const message = { jsonrpc: '2.0', id: nextId++, method, ...(params === undefined ? {} : { params }) };
  return exchange(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
    body: JSON.stringify(message),
  });
}

/** A GET straight to a URL (the probe upstream, for direct timings). */
export function direct(url: string): Promise<Answer> {
  return exchange(url, { method: 'GET' });
}
