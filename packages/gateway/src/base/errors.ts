/** The one error type (GatewayError) and the one catalog of refusals the gateway sends; messages here never contain caller or upstream data. */

export class GatewayError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'GatewayError';
    this.status = status;
    this.code = code;
  }
}

/** JSON-RPC and MCP error codes used by the gateway. */
export const RPC = {
  parseError: -32700,
  invalidRequest: -32600,
  methodNotFound: -32601,
  invalidParams: -32602,
  internalError: -32603,
  // Implementation-defined server errors (-32000..-32099).
  transport: -32000,
  unauthorized: -32001,
  upstreamRateLimited: -32029,
  // Protocol-defined (2026-07-28, schema.ts): headers disagree with the body; a revision the gateway does not speak.
  headerMismatch: -32020,
  unsupportedProtocolVersion: -32022,
} as const;

export interface Refusal {
  readonly status: number;
  readonly body: Buffer;
  readonly headers: Readonly<Record<string, string>>;
}

function refusal(status: number, code: number, message: string, headers: Record<string, string> = {}): Refusal {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', id: null, error: { code, message } }));
  return { status, body, headers: { 'content-type': 'application/json', ...headers } };
}

/**
 * Transport-level refusals, serialized once. `unauthorized` is deliberately a single constant:
 * unknown, malformed, expired and revoked tokens, and a missing API token, all get these exact bytes.
 */
export const REFUSALS = {
  unauthorized: refusal(401, RPC.unauthorized, 'Unauthorized', { 'www-authenticate': 'Bearer realm="mcp"' }),
  forbidden: refusal(403, RPC.transport, 'Forbidden: Host or Origin not allowed'),
  notFound: refusal(404, RPC.transport, 'Not Found'),
  methodNotAllowed: refusal(405, RPC.transport, 'Method Not Allowed: use POST', { allow: 'POST' }),
  notAcceptable: refusal(406, RPC.transport, 'Not Acceptable: client must accept application/json'),
  unsupportedMediaType: refusal(415, RPC.transport, 'Unsupported Media Type: use application/json'),
  // No `connection: close`: closing while the client is still sending can reset the connection before it reads the 413;
  // Node discards the rest of the body instead (bounded by requestTimeout) and the connection stays usable.
  payloadTooLarge: refusal(413, RPC.transport, 'Payload Too Large'),
  parseError: refusal(400, RPC.parseError, 'Parse error'),
  batchRejected: refusal(400, RPC.invalidRequest, 'Invalid Request: JSON-RPC batches are not supported'),
  invalidRequest: refusal(400, RPC.invalidRequest, 'Invalid Request'),
  requestTimeout: refusal(408, RPC.transport, 'Request Timeout', { connection: 'close' }),
  shuttingDown: refusal(503, RPC.transport, 'Service Unavailable: shutting down', { connection: 'close' }),
  internalError: refusal(500, RPC.internalError, 'Internal error'),
} as const satisfies Record<string, Refusal>;

/** Fixed tool-error texts (returned as `isError: true` tool results). */
export const TOOL_ERRORS = {
  upstreamTimeout: 'Upstream request timed out; it was not retried.',
  upstreamUnavailable: 'Upstream could not be reached; the request was not retried.',
  upstreamRedirect: 'Upstream answered with a redirect, which the gateway does not follow.',
  upstreamTooLarge: 'Upstream response exceeded the size limit.',
  upstreamAddressRefused: 'Upstream address is in a private or loopback range that is not allowed.',
} as const;
