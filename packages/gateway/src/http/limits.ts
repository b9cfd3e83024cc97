/** Resource limits with their defaults (body cap, header/request/idle timeouts, upstream timeout and size cap, shutdown grace) and the capped request-body reader. */

import type { IncomingMessage } from 'node:http';

export interface Limits {
  /** Largest accepted request body; larger gets 413. */
  maxBodyBytes: number;
  /** Time allowed to receive all request headers (slowloris). */
  headersTimeoutMs: number;
  /** Time allowed to receive the whole request, headers and body (slow POST). */
  requestTimeoutMs: number;
  /** A socket with no traffic for this long is destroyed (slow readers, dead peers). */
  idleTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxHeaderBytes: number;
  upstreamTimeoutMs: number;
  maxUpstreamResponseBytes: number;
  upstreamConnections: number;
  /** On close(), in-flight requests get this long to finish before connections are cut. */
  shutdownGraceMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxBodyBytes: 1024 * 1024,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  idleTimeoutMs: 60_000,
  keepAliveTimeoutMs: 5_000,
  maxHeaderBytes: 16 * 1024,
  upstreamTimeoutMs: 10_000,
  maxUpstreamResponseBytes: 8 * 1024 * 1024,
  upstreamConnections: 64,
  shutdownGraceMs: 10_000,
};

export const TOO_LARGE = Symbol('too-large');
/** The request ended without a complete body: the client went away, or Node cut it off at requestTimeout (and answered 408 itself). */
export const INCOMPLETE = Symbol('incomplete');

/** Reads a request body up to `max` bytes; TOO_LARGE as soon as the declared or received size exceeds it; always settles. */
export function readBody(req: IncomingMessage, max: number): Promise<Buffer | typeof TOO_LARGE | typeof INCOMPLETE> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > max) return Promise.resolve(TOO_LARGE);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > max) {
        req.off('data', onData);
        resolve(TOO_LARGE);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)));
    // Settling on close/error keeps a handler from waiting forever on a body that will never arrive.
    req.on('error', () => resolve(INCOMPLETE));
    req.on('close', () => {
      if (!req.complete) resolve(INCOMPLETE);
    });
  });
}
