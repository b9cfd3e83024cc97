import { describe, expect, it } from 'vitest';
import { EXAMPLE_CRM_PATH, MOCK_DIAGNOSTICS_PATH, optionsFromEnv } from './config.ts';

describe('optionsFromEnv', () => {
  it('reads keys, networks, hosts and limits from GATEWAY_* variables', () => {
    const o = optionsFromEnv({
      GATEWAY_PORT: '9000',
      GATEWAY_ADMIN_KEY: 'admin',
      GATEWAY_HMAC_KEY: 'ab'.repeat(32),
      GATEWAY_INTEGRATIONS: `${EXAMPLE_CRM_PATH},${MOCK_DIAGNOSTICS_PATH}`,
      GATEWAY_BASE_URL__EXAMPLE_CRM: 'https://crm.internal.test/v2',
      GATEWAY_ALLOW_PRIVATE_NETWORKS: '10.0.0.0/8, 127.0.0.1/32',
      GATEWAY_ALLOWED_HOSTS: 'mcp.example.com',
      GATEWAY_UPSTREAM_TIMEOUT_MS: '2500',
      GATEWAY_MAX_BODY_BYTES: '4096',
      GATEWAY_LOG: 'none',
    });
    expect(o).toMatchObject({
      host: '127.0.0.1',
      port: 9000,
      adminKey: 'admin',
      hmacKey: 'ab'.repeat(32),
      integrations: [{ file: EXAMPLE_CRM_PATH, baseUrl: 'https://crm.internal.test/v2' }, { file: MOCK_DIAGNOSTICS_PATH }],
      allowPrivateNetworks: ['10.0.0.0/8', '127.0.0.1/32'],
      allowedHosts: ['mcp.example.com'],
      limits: { upstreamTimeoutMs: 2500, maxBodyBytes: 4096 },
      log: 'none',
    });
    expect(o.integrations[1]).not.toHaveProperty('baseUrl');
  });

  it('rejects malformed numbers', () => {
    expect(() => optionsFromEnv({ GATEWAY_UPSTREAM_TIMEOUT_MS: 'soon' })).toThrow(/GATEWAY_UPSTREAM_TIMEOUT_MS/);
  });
});

describe('stores, keys, roles and retention from the environment', () => {
  it('defaults to SQLite in ./.gateway-data, PostgreSQL when a database URL is set, memory on request', () => {
    expect(optionsFromEnv({}).store).toEqual({ kind: 'sqlite', dir: './.gateway-data' });
    expect(optionsFromEnv({ GATEWAY_DATA_DIR: '/var/lib/gw' }).store).toEqual({ kind: 'sqlite', dir: '/var/lib/gw' });
    expect(optionsFromEnv({ GATEWAY_DATABASE_URL: 'postgres://db/gw' }).store).toEqual({ kind: 'postgres', url: 'postgres://db/gw' });
    expect(optionsFromEnv({ GATEWAY_STORE: 'memory' }).store).toEqual({ kind: 'memory' });
    expect(() => optionsFromEnv({ GATEWAY_STORE: 'postgres' })).toThrow(/GATEWAY_DATABASE_URL/);
    expect(() => optionsFromEnv({ GATEWAY_STORE: 'mongo' })).toThrow(/memory, sqlite or postgres/);
  });

  it('reads role keys, encryption keys, Redis, lifetime and retention', () => {
    const o = optionsFromEnv({
      GATEWAY_ADMIN_KEYS: 'owner:owner-key-0123456789, auditor:auditor-key-0123456789',
      GATEWAY_ENCRYPTION_KEY: 'cd'.repeat(32),
      GATEWAY_PREVIOUS_ENCRYPTION_KEYS: 'ef'.repeat(32),
      GATEWAY_REDIS_URL: 'redis://cache:6379',
      GATEWAY_MAX_LIFETIME_DAYS: '30',
      GATEWAY_AUDIT_RETENTION_DAYS: '400',
      GATEWAY_LOG_DIR: '/var/log/gw',
    });
    expect(o).toMatchObject({
      adminKeys: [
        { role: 'owner', key: 'owner-key-0123456789' },
        { role: 'auditor', key: 'auditor-key-0123456789' },
      ],
      encryptionKey: 'cd'.repeat(32),
      previousEncryptionKeys: ['ef'.repeat(32)],
      edge: { redisUrl: 'redis://cache:6379' },
      maxServerLifetimeMs: 30 * 24 * 3600_000,
      retention: { auditDays: 400 },
      logDir: '/var/log/gw',
    });
    expect(() => optionsFromEnv({ GATEWAY_ADMIN_KEYS: 'root:some-long-key-0123456' })).toThrow(/ROLE:KEY with ROLE one of owner, admin, developer, auditor/);
    expect(() => optionsFromEnv({ GATEWAY_ADMIN_KEYS: 'admin:short' })).toThrow(/at least 16 characters/);
  });
});
