/** Bearer secrets: generation, shape check, HMAC-SHA256 under a server-side key (the only form ever stored), and constant-time comparison. */

import { createHmac, createSecretKey, hash, randomBytes, timingSafeEqual, type KeyObject } from 'node:crypto';
import { GatewayError } from '../base/errors.ts';

/** `mcp_` tokens go in the MCP URL; `mat_` tokens are the optional API token sent as `Authorization: Bearer`. */
export type TokenKind = 'mcp' | 'mat';

const TOKEN_BODY_CHARS = 43; // 32 random bytes, base64url without padding
const TOKEN_LENGTH = 4 + TOKEN_BODY_CHARS;
const TOKEN_PATTERN = /^(?:mcp|mat)_[A-Za-z0-9_-]{43}$/;

export function generateToken(kind: TokenKind): string {
  return kind + '_' + randomBytes(32).toString('base64url');
}

export function isWellFormedToken(token: string, kind: TokenKind): boolean {
  return token.length === TOKEN_LENGTH && token.startsWith(kind) && TOKEN_PATTERN.test(token);
}

export const MIN_HMAC_KEY_BYTES = 32;

const SHA256_BLOCK = 64;
// Inputs up to this many UTF-8 bytes take the one-shot path; tokens are 47 bytes.
const FAST_INPUT_MAX = 256;

/**
 * HMAC-SHA256 under the server-side key. It is the hot path's one HMAC, so short inputs use the RFC 2104 construction
 * over two one-shot `crypto.hash` calls with precomputed padded keys (about 1.6x faster than createHmac per call);
 * longer inputs use createHmac. Both give identical digests (pinned by tokens.test.ts).
 */
export class TokenHasher {
  readonly #key: KeyObject;
  // [ipad-key | message] and [opad-key | inner digest]; reused because hashing is synchronous.
  readonly #inner = Buffer.alloc(SHA256_BLOCK + FAST_INPUT_MAX);
  readonly #outer = Buffer.alloc(SHA256_BLOCK + 32);

  constructor(key: Buffer) {
    if (key.length < MIN_HMAC_KEY_BYTES) {
      throw new GatewayError(500, 'config', `HMAC key must be at least ${MIN_HMAC_KEY_BYTES} bytes`);
    }
    this.#key = createSecretKey(key);
    const k = key.length > SHA256_BLOCK ? hash('sha256', key, 'buffer') : key;
    for (let i = 0; i < SHA256_BLOCK; i++) {
      const b = i < k.length ? k[i]! : 0;
      this.#inner[i] = b ^ 0x36;
      this.#outer[i] = b ^ 0x5c;
    }
  }

  /** HMAC-SHA256(token) under the server-side key: 32 bytes. */
  hash(token: string): Buffer {
    if (token.length <= FAST_INPUT_MAX / 3 || Buffer.byteLength(token) <= FAST_INPUT_MAX) {
      const n = this.#inner.write(token, SHA256_BLOCK, 'utf8');
      hash('sha256', this.#inner.subarray(0, SHA256_BLOCK + n), 'buffer').copy(this.#outer, SHA256_BLOCK);
      return hash('sha256', this.#outer, 'buffer');
    }
    return createHmac('sha256', this.#key).update(token).digest();
  }
}

/** Constant-time equality for equal-length digests; different lengths are unequal (digests here always have the same length). */
export function digestsEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Parses a key given as hex (64+ chars) or base64/base64url; throws if it decodes to fewer than 32 bytes. */
export function parseKey(text: string, what: string): Buffer {
  const trimmed = text.trim();
  const buf = /^[0-9a-fA-F]+$/.test(trimmed) && trimmed.length % 2 === 0 ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (buf.length < MIN_HMAC_KEY_BYTES) {
    throw new GatewayError(500, 'config', `${what} must decode to at least ${MIN_HMAC_KEY_BYTES} bytes (hex or base64)`);
  }
  return buf;
}
