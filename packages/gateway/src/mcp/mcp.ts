/** MCP protocol constants and result framing: version negotiation, the initialize result, and tools/call results built by splicing strings (the upstream body is JSON-escaped once, nothing else is re-encoded). */

export const SUPPORTED_PROTOCOL_VERSIONS: readonly string[] = ['2025-11-25', '2025-06-18'];
export const LATEST_PROTOCOL_VERSION = '2025-11-25';
export const GATEWAY_NAME = 'slapage-mcp-gateway';
export const GATEWAY_VERSION = '0.1.0';

/** Method names the gateway knows; only these (never caller text) are written to the log. */
export const KNOWN_METHODS = new Set([
  'initialize',
  'ping',
  'tools/list',
  'tools/call',
  'notifications/initialized',
  'notifications/cancelled',
  'notifications/progress',
  'notifications/roots/list_changed',
]);

/** The server answers with the client's version when it supports it, otherwise with its latest (the client then decides). */
export function negotiateVersion(requested: unknown): string {
  return typeof requested === 'string' && SUPPORTED_PROTOCOL_VERSIONS.includes(requested) ? requested : LATEST_PROTOCOL_VERSION;
}

export function initializeResult(version: string, title: string): string {
  return JSON.stringify({
    protocolVersion: version,
    capabilities: { tools: { listChanged: false } },
    serverInfo: { name: GATEWAY_NAME, title, version: GATEWAY_VERSION },
    instructions: 'Tools call the upstream API on behalf of the tenant this URL was issued to.',
  });
}

const TEXT_PREFIX = '{"content":[{"type":"text","text":';

/** A successful tool result carrying the upstream body as text. */
export function toolSuccess(upstreamBody: string, status: number): string {
  const text = upstreamBody.length > 0 ? upstreamBody : `Upstream returned HTTP ${status} with an empty body.`;
  return TEXT_PREFIX + JSON.stringify(text) + '}],"isError":false}';
}

/** A tool error whose text the gateway wrote itself (fixed wording, no caller or upstream data). */
export function toolError(message: string): string {
  return TEXT_PREFIX + JSON.stringify(message) + '}],"isError":true}';
}

/** Upstream 4xx/5xx: the gateway's own one-line summary, then the upstream body relayed as a separate item for the model to read. */
export function toolUpstreamError(status: number, upstreamBody: string): string {
  const summary = JSON.stringify(`Upstream returned HTTP ${status}; the request was not retried.`);
  if (upstreamBody.length === 0) return TEXT_PREFIX + summary + '}],"isError":true}';
  return TEXT_PREFIX + summary + '},{"type":"text","text":' + JSON.stringify(upstreamBody) + '}],"isError":true}';
}
