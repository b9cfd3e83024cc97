/** JSON-RPC 2.0 framing for one message per HTTP request: parse and classify an incoming body, and build response strings without re-encoding precomputed parts. */

import { REFUSALS, type Refusal } from '../base/errors.ts';

export type Incoming =
  | {
      kind: 'request';
      id: string | number;
      /** The id as JSON text, exactly as sent (integers beyond 2^53 keep every digit). */
      idJson: string;
      method: string;
      params: Record<string, unknown> | undefined;
      /** Why params are invalid (not an object, nested too deeply), or null. */
      paramsError: string | null;
    }
  | { kind: 'notification'; method: string; params: Record<string, unknown> | undefined }
  | { kind: 'response' };

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Deepest nesting accepted in params (arguments included); deeper structures would overflow the stack when re-serialized. */
export const MAX_PARAMS_DEPTH = 64;

/** True when `value` nests objects or arrays more than `max` levels deep; iterative, and stops at the first too-deep path. */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth > max) return true;
    for (const k in v) {
      const child = (v as Record<string, unknown>)[k];
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}

/** The top-level "id" exactly as written, for integer ids JSON.parse cannot hold exactly (beyond 2^53). */
function rawId(text: string): string | undefined {
  let source: string | undefined;
  let root: unknown;
  const found: Array<[unknown, string | undefined]> = [];
  root = JSON.parse(text, function (this: unknown, key: string, value: unknown, context?: { source?: string }) {
    if (key === 'id') found.push([this, context?.source]);
    return value;
  });
  for (const [holder, s] of found) if (holder === root) source = s;
  return source;
}

/** Classifies one JSON-RPC message; a refusal for anything that is not a single well-formed message. */
export function parseMessage(body: Buffer): Incoming | Refusal {
  let msg: unknown;
  const text = body.toString('utf8');
  try {
    msg = JSON.parse(text);
  } catch {
    return REFUSALS.parseError;
  }
  if (Array.isArray(msg)) return REFUSALS.batchRejected;
  if (!isPlainObject(msg) || msg.jsonrpc !== '2.0') return REFUSALS.invalidRequest;
  const method = msg.method;
  if (typeof method === 'string') {
    if (!('id' in msg)) return { kind: 'notification', method, params: isPlainObject(msg.params) ? msg.params : undefined };
    const id = msg.id;
    // MCP narrows JSON-RPC: ids are strings or integers, never null.
    if (!(typeof id === 'string' || (typeof id === 'number' && Number.isInteger(id)))) return REFUSALS.invalidRequest;
    let idJson = typeof id === 'number' ? String(id) : JSON.stringify(id);
    if (typeof id === 'number' && !Number.isSafeInteger(id)) {
      // Echo the digits the client sent, not the nearest double; refuse what is not a plain integer literal.
      const raw = rawId(text);
      if (raw === undefined || !/^-?\d+$/.test(raw)) return REFUSALS.invalidRequest;
      idJson = raw;
    }
    const params = msg.params;
    const paramsError =
      params !== undefined && !isPlainObject(params)
        ? 'Invalid params: params must be an object'
        : params !== undefined && nestedDeeperThan(params, MAX_PARAMS_DEPTH)
          ? `Invalid params: nested more than ${MAX_PARAMS_DEPTH} levels deep`
          : null;
    return {
      kind: 'request',
      id,
      idJson,
      method,
      params: paramsError === null ? (params as Record<string, unknown> | undefined) : undefined,
      paramsError,
    };
  }
  if (method === undefined && 'id' in msg && ('result' in msg || 'error' in msg)) return { kind: 'response' };
  return REFUSALS.invalidRequest;
}

/** Bytes before the id of every response; with `resultTail` a response is HEAD + id + tail, no serialization at request time. */
export const RESPONSE_HEAD = Buffer.from('{"jsonrpc":"2.0","id":');

/** The bytes after the id for a fixed result. */
export function resultTail(resultJson: string): Buffer {
  return Buffer.from(',"result":' + resultJson + '}');
}

/** `resultJson` must already be serialized JSON; it is spliced in, not re-encoded. */
export function resultResponse(idJson: string, resultJson: string): string {
  return '{"jsonrpc":"2.0","id":' + idJson + ',"result":' + resultJson + '}';
}

export function errorResponse(idJson: string, code: number, message: string, data?: Record<string, unknown>): string {
  const error = data === undefined ? { code, message } : { code, message, data };
  return '{"jsonrpc":"2.0","id":' + idJson + ',"error":' + JSON.stringify(error) + '}';
}
