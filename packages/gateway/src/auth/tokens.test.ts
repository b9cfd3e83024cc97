import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { digestsEqual, generateToken, isWellFormedToken, parseKey, TokenHasher } from './tokens.ts';

const KEY = Buffer.alloc(32, 7);

describe('tokens', () => {
  it('generates distinct, well-formed tokens of each kind', () => {
    const a = generateToken('mcp');
    const b = generateToken('mcp');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^mcp_[A-Za-z0-9_-]{43}$/);
    expect(isWellFormedToken(a, 'mcp')).toBe(true);
    expect(isWellFormedToken(a, 'mat')).toBe(false);
    expect(isWellFormedToken(generateToken('mat'), 'mat')).toBe(true);
  });

  it('rejects malformed tokens', () => {
    const t = generateToken('mcp');
    for (const bad of ['', t.slice(0, -1), t + 'x', t.replace('mcp_', 'mcq_'), t.slice(0, -1) + '/', t.slice(0, -1) + '%']) {
      expect(isWellFormedToken(bad, 'mcp')).toBe(false);
    }
  });

  it('hashes with HMAC-SHA256 under the server key', () => {
    const hasher = new TokenHasher(KEY);
    const token = generateToken('mcp');
    const expected = createHmac('sha256', KEY).update(token).digest();
    expect(hasher.hash(token).equals(expected)).toBe(true);
    expect(new TokenHasher(Buffer.alloc(32, 8)).hash(token).equals(expected)).toBe(false);
  });

  it('the fast path gives exactly createHmac digests for every input length and key length', () => {
    for (const keyLength of [32, 64, 65, 100]) {
      const key = Buffer.alloc(keyLength, 0).map((_, i) => (i * 31 + keyLength) & 0xff);
      const hasher = new TokenHasher(Buffer.from(key));
      for (const input of ['', 'a', generateToken('mcp'), 'é'.repeat(100), 'x'.repeat(256), 'x'.repeat(257), '€'.repeat(90), 'z'.repeat(5000)]) {
        expect(hasher.hash(input).equals(createHmac('sha256', Buffer.from(key)).update(input).digest()), `${keyLength}/${input.length}`).toBe(true);
      }
    }
  });

  it('refuses short keys and parses hex or base64 keys', () => {
    expect(() => new TokenHasher(Buffer.alloc(16))).toThrow(/at least 32 bytes/);
    expect(parseKey('ab'.repeat(32), 'k')).toHaveLength(32);
    expect(parseKey(Buffer.alloc(48, 1).toString('base64'), 'k')).toHaveLength(48);
    expect(() => parseKey('abcd', 'k')).toThrow(/at least 32 bytes/);
  });

  it('compares digests for equality only when lengths match', () => {
    const a = Buffer.alloc(32, 1);
    expect(digestsEqual(a, Buffer.alloc(32, 1))).toBe(true);
    expect(digestsEqual(a, Buffer.alloc(32, 2))).toBe(false);
    expect(digestsEqual(a, Buffer.alloc(31, 1))).toBe(false);
  });
});
