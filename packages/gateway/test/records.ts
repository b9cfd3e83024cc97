/** Test helper: a server record of the store's shape, with a name and expiry, and anything else overridden. */
import type { ServerRecord } from '../src/store/store.ts';

export function serverRecord(id: string, expires_at: number, over: Partial<ServerRecord> = {}): ServerRecord {
  return {
    id,
    name: id,
    tenant: 't',
    connection_id: 'conn_1',
    integration: 'i',
    config: { methods: ['GET'], tags: [], require_api_token_auth: false },
    token_hash: 'h-' + id,
    api_token_hash: null,
    created_at: 0,
    expires_at,
    revoked_at: null,
    ...over,
  };
}
