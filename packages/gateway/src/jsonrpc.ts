/** JSON-RPC 2.0 framing for one message per HTTP request: parse and classify an incoming body, and build response strings without re-encoding precomputed parts. */

import { REFUSALS, type Refusal } from './errors.ts';

export type Incoming =
  | { kind: 'request'; id: string | number; idJson: string; method: string; params: Record<string, unknown> | undefined; paramsValid: boolean }
  | { kind: 'notification'; method: string }
  | { kind: 'response' };

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Classifies one JSON-RPC message; a refusal for anything that is not a single well-formed message. */
export function parseMessage(body: Buffer): Incoming | Refusal {
  let msg: unknown;
  try {
    msg = JSON.parse(body.toString('utf8'));
  } catch {
    return REFUSALS.parseError;
  }
  if (Array.isArray(msg)) return REFUSALS.batchRejected;
  if (!isPlainObject(msg) || msg.jsonrpc !== '2.0') return REFUSALS.invalidRequest;
  const method = msg.method;
  if (typeof method === 'string') {
    if (!('id' in msg)) return { kind: 'notification', method };
    const id = msg.id;
    // MCP narrows JSON-RPC: ids are strings or integers, never null.
    if (!(typeof id === 'string' || (typeof id === 'number' && Number.isInteger(id)))) return REFUSALS.invalidRequest;
    const params = msg.params;
    const paramsValid = params === undefined || isPlainObject(params);
    return {
      kind: 'request',
      id,
      idJson: typeof id === 'number' ? String(id) : JSON.stringify(id),
      method,
      params: paramsValid ? (params as Record<string, unknown> | undefined) : undefined,
      paramsValid,
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
