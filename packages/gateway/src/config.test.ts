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
