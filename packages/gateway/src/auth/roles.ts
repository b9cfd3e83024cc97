/** Admin roles and what each may do (the example policy's #rbac): Owner and Admin everything, Developer read-only servers and reading configuration, Auditor reading configuration and the audit log; keys are held as HMACs and compared in constant time. */

import { GatewayError } from '../base/errors.ts';
import { digestsEqual, type TokenHasher } from './tokens.ts';

export const ROLES = ['owner', 'admin', 'developer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** Permissions the admin API checks, one per kind of action. */
export type Permission =
  | 'config.read'
  | 'connection.create'
  | 'server.create'
  | 'server.create.readonly'
  | 'server.revoke'
  | 'purge'
  | 'audit.read'
  | 'log.read';

const GRANTS: Record<Role, ReadonlySet<Permission>> = {
  owner: new Set(['config.read', 'connection.create', 'server.create', 'server.create.readonly', 'server.revoke', 'purge', 'audit.read', 'log.read']),
  admin: new Set(['config.read', 'connection.create', 'server.create', 'server.create.readonly', 'server.revoke', 'purge', 'audit.read', 'log.read']),
  // The example policy's Developer "reads metadata logs".
  developer: new Set(['config.read', 'server.create.readonly', 'log.read']),
  auditor: new Set(['config.read', 'audit.read']),
};

export function allows(role: Role, permission: Permission): boolean {
  return GRANTS[role].has(permission);
}

export interface AdminKey {
  role: Role;
  key: string;
}

/** Who presented a valid key: the role and a short fingerprint of the key (for the audit log). */
export interface Actor {
  role: Role;
  keyId: string;
}

/** Parses `owner:KEY,admin:KEY,...` (GATEWAY_ADMIN_KEYS); a key may not contain a comma. */
export function parseAdminKeys(text: string): AdminKey[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const i = entry.indexOf(':');
      const role = entry.slice(0, i).trim().toLowerCase();
      const key = entry.slice(i + 1).trim();
      if (i < 0 || !(ROLES as readonly string[]).includes(role)) {
        throw new GatewayError(500, 'config', `GATEWAY_ADMIN_KEYS: each entry must be ROLE:KEY with ROLE one of ${ROLES.join(', ')}`);
      }
      if (key.length < 16) throw new GatewayError(500, 'config', `GATEWAY_ADMIN_KEYS: the ${role} key must be at least 16 characters`);
      return { role: role as Role, key };
    });
}

export class AdminKeys {
  readonly #hasher: TokenHasher;
  readonly #keys: Array<{ role: Role; hash: Buffer; id: string }>;

  constructor(hasher: TokenHasher, keys: readonly AdminKey[]) {
    this.#hasher = hasher;
    this.#keys = keys.map((k) => {
      const hash = hasher.hash(k.key);
      return { role: k.role, hash, id: hash.toString('base64url').slice(0, 10) };
    });
  }

  get enabled(): boolean {
    return this.#keys.length > 0;
  }

  /** The actor for a presented key, or null. Every configured key is compared, so timing does not tell which one matched. */
  identify(presented: string): Actor | null {
    const h = this.#hasher.hash(presented);
    let found: Actor | null = null;
    for (const k of this.#keys) if (digestsEqual(h, k.hash) && found === null) found = { role: k.role, keyId: k.id };
    return found;
  }
}
