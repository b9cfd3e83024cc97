import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GatewayError } from '../base/errors.ts';
import { keyId, Sealer } from './sealing.ts';

const K1 = randomBytes(32);
const K2 = randomBytes(32);

describe('Sealer', () => {
  it('seals with AES-256-GCM under the current key id, and opens only for the same record', () => {
    const s = new Sealer(K1);
    const sealed = s.seal('secret-credential', 'conn_1');
    expect(sealed).toMatch(new RegExp(`^v1\\.${keyId(K1)}\\.[\\w-]{16}\\.[\\w-]{22}\\.[\\w-]+$`));
    expect(sealed).not.toContain('secret');
    expect(s.seal('secret-credential', 'conn_1')).not.toBe(sealed);
    expect(s.open(sealed, 'conn_1')).toBe('secret-credential');
    expect(() => s.open(sealed, 'conn_2')).toThrow(/failed authentication/);
    const parts = sealed.split('.');
    parts[4] = Buffer.from('tampered').toString('base64url');
    expect(() => s.open(parts.join('.'), 'conn_1')).toThrow(GatewayError);
  });

  it('rotates: a previous key opens old values, reseal moves them to the current key, an unknown key is named', () => {
    const old = new Sealer(K1).seal('c', 'conn_1');
    const rotated = new Sealer(K2, [K1]);
    expect(rotated.open(old, 'conn_1')).toBe('c');
    const moved = rotated.reseal(old, 'conn_1')!;
    expect(Sealer.keyIdOf(moved)).toBe(keyId(K2));
    expect(rotated.reseal(moved, 'conn_1')).toBeNull();
    expect(new Sealer(K2).open(moved, 'conn_1')).toBe('c');
    expect(() => new Sealer(K2).open(old, 'conn_1')).toThrow(`sealed with key ${keyId(K1)}, which is not configured`);
  });

  it('refuses keys that are not 32 bytes', () => {
    expect(() => new Sealer(randomBytes(16))).toThrow(/exactly 32 bytes/);
  });
});
