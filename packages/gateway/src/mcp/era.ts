/**
 * Which MCP era one request is in, and whether the headers it mirrors from its body agree with the body
 * (2026-07-28 Streamable HTTP, "Request Metadata" and "Server Validation"); pure, no I/O.
 */

import { RPC } from '../base/errors.ts';
import { META_PROTOCOL_VERSION, MODERN_PROTOCOL_VERSIONS, SUPPORTED_PROTOCOL_VERSIONS } from './mcp.ts';

export type EraVerdict =
  | { ok: true; modern: boolean }
  | { ok: false; status: 400; code: number; message: string; data?: Record<string, unknown> };

/** The body field each named method mirrors into `Mcp-Name` (the spec's list; the gateway serves only tools/call). */
const NAME_SOURCE: Readonly<Record<string, string>> = { 'tools/call': 'name', 'prompts/get': 'name', 'resources/read': 'uri' };

type Header = string | string[] | undefined;
const first = (h: Header): string | undefined => (Array.isArray(h) ? h[0] : h);

const SENTINEL = /^=\?base64\?([A-Za-z0-9+/]*={0,2})\?=$/;

/** A header value with the Base64 sentinel (`=?base64?…?=`) decoded; undefined when the sentinel holds no valid Base64. */
export function decodeHeaderValue(value: string): string | undefined {
  if (!value.startsWith('=?base64?')) return value;
  const m = SENTINEL.exec(value);
  if (m === null || m[1]!.length % 4 !== 0) return undefined;
  return Buffer.from(m[1]!, 'base64').toString('utf8');
}

// Fixed texts: a mismatch never quotes the header or body values (caller data is not echoed or logged).
const mismatch = (what: string): EraVerdict => ({ ok: false, status: 400, code: RPC.headerMismatch, message: `Header mismatch: ${what}` });

const LEGACY: EraVerdict = { ok: true, modern: false };
const MODERN: EraVerdict = { ok: true, modern: true };

/**
 * The era from the MCP-Protocol-Version header and the body's `_meta` version, which must agree; then, on requests,
 * `Mcp-Method` and `Mcp-Name` against `method` and the named field. Modern requests must carry both headers; legacy ones
 * may omit them, but a header that is sent must agree in either era, so nothing routing or filtering on headers in front
 * of the gateway sees another method or tool than the one the gateway executes.
 */
export function classifyEra(headers: Readonly<Record<string, Header>>, method: string, params: Record<string, unknown> | undefined, isRequest: boolean): EraVerdict {
  const headerVersion = first(headers['mcp-protocol-version']);
  if (headerVersion !== undefined && !SUPPORTED_PROTOCOL_VERSIONS.includes(headerVersion)) {
    return { ok: false, status: 400, code: RPC.unsupportedProtocolVersion, message: 'Unsupported protocol version', data: { supported: SUPPORTED_PROTOCOL_VERSIONS, requested: headerVersion } };
  }
  const meta = params?._meta;
  const bodyVersion = typeof meta === 'object' && meta !== null ? (meta as Record<string, unknown>)[META_PROTOCOL_VERSION] : undefined;
  if (bodyVersion !== undefined) {
    if (headerVersion === undefined) return mismatch('MCP-Protocol-Version header is missing');
    if (bodyVersion !== headerVersion) return mismatch('MCP-Protocol-Version header does not match the body');
  }
  const modern = headerVersion !== undefined && MODERN_PROTOCOL_VERSIONS.includes(headerVersion);
  if (modern && bodyVersion === undefined) return mismatch('the body carries no protocol version in _meta');
  if (!isRequest) return modern ? MODERN : LEGACY;
  const headerMethod = first(headers['mcp-method']);
  if (headerMethod === undefined) {
    if (modern) return mismatch('Mcp-Method header is missing');
  } else if (headerMethod !== method) return mismatch('Mcp-Method header does not match the body');
  const source = NAME_SOURCE[method];
  const rawName = first(headers['mcp-name']);
  if (source === undefined) {
    // A method without a name field has nothing for Mcp-Name to mirror.
    if (rawName !== undefined) return mismatch('Mcp-Name header on a method without a name');
    return modern ? MODERN : LEGACY;
  }
  if (rawName === undefined) return modern ? mismatch('Mcp-Name header is missing') : LEGACY;
  const name = decodeHeaderValue(rawName);
  if (name === undefined) return mismatch('Mcp-Name header is not valid Base64');
  if (params?.[source] !== name) return mismatch('Mcp-Name header does not match the body');
  return modern ? MODERN : LEGACY;
}
