/** Credentials encrypted at rest: AES-256-GCM under GATEWAY_ENCRYPTION_KEY, each value stamped with the id of the key that sealed it so keys can be rotated, and bound to its record id (AAD) so a sealed value cannot be moved to another row. */

import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { GatewayError } from '../base/errors.ts';

const VERSION = 'v1';

/** A key's id: the first 8 bytes of SHA-256 over "slapage-key-id" and the key, hex. Stable, and reveals nothing usable about the key. */
export function keyId(key: Buffer): string {
  return createHash('sha256').update('slapage-key-id\0').update(key).digest('hex').slice(0, 16);
}

export class Sealer {
  readonly #current: { id: string; key: Buffer };
  readonly #keys = new Map<string, Buffer>();

  /** `current` seals; `previous` keys only open values sealed before a rotation. Keys are exactly 32 bytes. */
  constructor(current: Buffer, previous: readonly Buffer[] = []) {
    for (const k of [current, ...previous]) {
      if (k.length !== 32) throw new GatewayError(500, 'config', 'encryption keys must be exactly 32 bytes (64 hex characters or base64)');
      this.#keys.set(keyId(k), k);
    }
    this.#current = { id: keyId(current), key: current };
  }

  get currentKeyId(): string {
    return this.#current.id;
  }

  /** `v1.<key id>.<iv>.<tag>.<ciphertext>`, base64url parts. */
  seal(plain: string, boundTo: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#current.key, iv);
    cipher.setAAD(Buffer.from(boundTo));
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [VERSION, this.#current.id, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
  }

  /** The key id a sealed value names, or null when the value is not in the sealed format. */
  static keyIdOf(sealed: string): string | null {
    const parts = sealed.split('.');
    return parts.length === 5 && parts[0] === VERSION ? parts[1]! : null;
  }

  /** Opens a sealed value; throws GatewayError when the key is unknown or the value was tampered with. */
  open(sealed: string, boundTo: string): string {
    const parts = sealed.split('.');
    if (parts.length !== 5 || parts[0] !== VERSION) throw new GatewayError(500, 'sealed_invalid', 'stored credential is not in the sealed format');
    const key = this.#keys.get(parts[1]!);
    if (!key) throw new GatewayError(500, 'sealed_key_unknown', `stored credential was sealed with key ${parts[1]}, which is not configured`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(parts[2]!, 'base64url'));
      decipher.setAAD(Buffer.from(boundTo));
      decipher.setAuthTag(Buffer.from(parts[3]!, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(parts[4]!, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new GatewayError(500, 'sealed_invalid', 'stored credential failed authentication');
    }
  }

  /** Re-seals under the current key; null when already sealed with it. */
  reseal(sealed: string, boundTo: string): string | null {
    if (Sealer.keyIdOf(sealed) === this.#current.id) return null;
    return this.seal(this.open(sealed, boundTo), boundTo);
  }
}
