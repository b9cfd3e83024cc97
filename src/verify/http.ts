/** The admin API client `slapage verify` provisions through (bearer admin key), and plain GETs to the probe upstream; MCP requests go through the era-aware client (src/measure/mcp-client.ts) via VerifyContext.mcp. */
import { exchange as send, McpUnreachable, type Answer } from '../measure/mcp-client.ts';

export type { Answer } from '../measure/mcp-client.ts';

export class GatewayUnreachable extends Error {}

/** One request; a gateway that does not answer is a GatewayUnreachable (a message, not a stack trace). */
export async function exchange(url: string, init: RequestInit): Promise<Answer> {
  try {
    return await send(url, init);
  } catch (error) {
    if (error instanceof McpUnreachable) throw new GatewayUnreachable(error.message);
    throw error;
  }
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

/** A GET straight to a URL (the probe upstream, for direct timings). */
export function direct(url: string): Promise<Answer> {
  return exchange(url, { method: 'GET' });
}
