/** MCP protocol constants and result framing per era: version negotiation, the initialize and server/discover results, and tools/call results built by splicing strings (the upstream body is JSON-escaped once, nothing else is re-encoded). */

/** Modern revisions: stateless, the version in every request's `_meta` and the MCP-Protocol-Version header. */
export const MODERN_PROTOCOL_VERSIONS: readonly string[] = ['2026-07-28'];
/** Legacy revisions: an `initialize` handshake negotiates one of these. */
export const LEGACY_PROTOCOL_VERSIONS: readonly string[] = ['2025-11-25', '2025-06-18'];
/** Every revision served, newest first: the `supported` list of -32022 and `supportedVersions` of server/discover. */
export const SUPPORTED_PROTOCOL_VERSIONS: readonly string[] = [...MODERN_PROTOCOL_VERSIONS, ...LEGACY_PROTOCOL_VERSIONS];
/** The newest legacy revision: what `initialize` answers when the client asks for one the gateway does not speak. */
export const LATEST_PROTOCOL_VERSION = '2025-11-25';
export const LATEST_MODERN_PROTOCOL_VERSION = '2026-07-28';

/** `_meta` keys of a modern request (schema/2026-07-28 RequestMetaObject). */
export const META_PROTOCOL_VERSION = 'io.modelcontextprotocol/protocolVersion';
export const META_CLIENT_CAPABILITIES = 'io.modelcontextprotocol/clientCapabilities';
export const META_SERVER_INFO = 'io.modelcontextprotocol/serverInfo';
export const GATEWAY_NAME = 'slapage-mcp-gateway';
export const GATEWAY_VERSION = '0.1.0';

/** Method names the gateway knows; only these (never caller text) are written to the log. */
export const KNOWN_METHODS = new Set([
  'initialize',
  'ping',
  'server/discover',
  'tools/list',
  'tools/call',
  'notifications/initialized',
  'notifications/cancelled',
  'notifications/progress',
  'notifications/roots/list_changed',
]);

/**
 * `initialize` answers with the client's version when it is a legacy one the gateway speaks, otherwise with the latest
 * legacy one (the client then decides): a modern revision is never negotiated by a handshake.
 */
export function negotiateVersion(requested: unknown): string {
  return typeof requested === 'string' && LEGACY_PROTOCOL_VERSIONS.includes(requested) ? requested : LATEST_PROTOCOL_VERSION;
}

const INSTRUCTIONS = 'Tools call the upstream API on behalf of the tenant this URL was issued to.';

/**
 * The server/discover result (2026-07-28). Its caching hints: `private`, since the title is the tenant's server name
 * and the URL is the tenant's credential; `ttlMs` is the gateway's own (`cacheTtlMs`), the gateway has no upstream MCP
 * server whose hints it could relay.
 */
export function discoverResult(title: string, ttlMs: number): string {
  return JSON.stringify({
    resultType: 'complete',
    supportedVersions: SUPPORTED_PROTOCOL_VERSIONS,
    capabilities: { tools: { listChanged: false } },
    _meta: { [META_SERVER_INFO]: { name: GATEWAY_NAME, title, version: GATEWAY_VERSION } },
    instructions: INSTRUCTIONS,
    ttlMs,
    cacheScope: 'private',
  });
}

export function initializeResult(version: string, title: string): string {
  return JSON.stringify({
    protocolVersion: version,
    capabilities: { tools: { listChanged: false } },
    serverInfo: { name: GATEWAY_NAME, title, version: GATEWAY_VERSION },
    instructions: INSTRUCTIONS,
  });
}

/** How a result opens in each era: 2026-07-28 results carry `resultType` (a tools/call result is never cacheable). */
const TEXT_PREFIX = '{"content":[{"type":"text","text":';
const MODERN_TEXT_PREFIX = '{"resultType":"complete","content":[{"type":"text","text":';
const prefix = (modern: boolean): string => (modern ? MODERN_TEXT_PREFIX : TEXT_PREFIX);

/** A successful tool result carrying the upstream body as text. */
export function toolSuccess(upstreamBody: string, status: number, modern = false): string {
  const text = upstreamBody.length > 0 ? upstreamBody : `Upstream returned HTTP ${status} with an empty body.`;
  return prefix(modern) + JSON.stringify(text) + '}],"isError":false}';
}

/** A tool error whose text the gateway wrote itself (fixed wording, no caller or upstream data). */
export function toolError(message: string, modern = false): string {
  return prefix(modern) + JSON.stringify(message) + '}],"isError":true}';
}

/** Upstream 4xx/5xx: the gateway's own one-line summary, then the upstream body relayed as a separate item for the model to read. */
export function toolUpstreamError(status: number, upstreamBody: string, modern = false): string {
  const summary = JSON.stringify(`Upstream returned HTTP ${status}; the request was not retried.`);
  if (upstreamBody.length === 0) return prefix(modern) + summary + '}],"isError":true}';
  return prefix(modern) + summary + '},{"type":"text","text":' + JSON.stringify(upstreamBody) + '}],"isError":true}';
}
