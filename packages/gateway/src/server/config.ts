/** Gateway options from environment variables (GATEWAY_*), for the start script; programmatic callers pass GatewayOptions directly. */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GatewayError } from '../base/errors.ts';
import type { Limits } from '../http/limits.ts';
import { parseAdminKeys } from '../auth/roles.ts';
import type { GatewayOptions, IntegrationSource } from './server.ts';
import type { StorageConfig } from '../store/storage.ts';

export const EXAMPLE_CRM_PATH = fileURLToPath(new URL('../../integrations/example-crm.json', import.meta.url));
export const EXAMPLE_CRM_OPENAPI_PATH = fileURLToPath(new URL('../../integrations/example-crm.openapi.json', import.meta.url));
export const MOCK_DIAGNOSTICS_PATH = fileURLToPath(new URL('../../integrations/mock-diagnostics.json', import.meta.url));

type Env = Record<string, string | undefined>;

function list(v: string | undefined): string[] | undefined {
  if (v === undefined || v.trim() === '') return undefined;
  return v.split(',').map((s) => s.trim()).filter(Boolean);
}

function int(env: Env, name: string): number | undefined {
  const v = env[name];
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new GatewayError(500, 'config', `${name} must be a non-negative integer`);
  return n;
}

const LIMIT_VARS: Array<[keyof Limits, string]> = [
  ['maxBodyBytes', 'GATEWAY_MAX_BODY_BYTES'],
  ['headersTimeoutMs', 'GATEWAY_HEADERS_TIMEOUT_MS'],
  ['requestTimeoutMs', 'GATEWAY_REQUEST_TIMEOUT_MS'],
  ['idleTimeoutMs', 'GATEWAY_IDLE_TIMEOUT_MS'],
  ['keepAliveTimeoutMs', 'GATEWAY_KEEP_ALIVE_TIMEOUT_MS'],
  ['maxHeaderBytes', 'GATEWAY_MAX_HEADER_BYTES'],
  ['upstreamTimeoutMs', 'GATEWAY_UPSTREAM_TIMEOUT_MS'],
  ['maxUpstreamResponseBytes', 'GATEWAY_MAX_UPSTREAM_RESPONSE_BYTES'],
  ['upstreamConnections', 'GATEWAY_UPSTREAM_CONNECTIONS'],
  ['shutdownGraceMs', 'GATEWAY_SHUTDOWN_GRACE_MS'],
];

const DAY_MS = 24 * 3600 * 1000;

/** Where configuration records live: GATEWAY_STORE, else PostgreSQL when GATEWAY_DATABASE_URL is set, else SQLite under GATEWAY_DATA_DIR. */
export function storageFromEnv(env: Env = process.env): StorageConfig {
  const kind = env.GATEWAY_STORE ?? (env.GATEWAY_DATABASE_URL ? 'postgres' : 'sqlite');
  if (kind === 'memory') return { kind };
  if (kind === 'sqlite') return { kind, dir: env.GATEWAY_DATA_DIR || './.gateway-data' };
  if (kind === 'postgres') {
    if (!env.GATEWAY_DATABASE_URL) throw new GatewayError(500, 'config', 'GATEWAY_STORE=postgres needs GATEWAY_DATABASE_URL=postgres://…');
    return { kind, url: env.GATEWAY_DATABASE_URL };
  }
  throw new GatewayError(500, 'config', 'GATEWAY_STORE must be memory, sqlite or postgres');
}

/**
 * GATEWAY_INTEGRATIONS lists description files (default: the example CRM); GATEWAY_BASE_URL__<NAME> overrides one
 * integration's base URL, NAME being the integration name upper-cased with "-" as "_" (e.g. GATEWAY_BASE_URL__EXAMPLE_CRM).
 */
export function optionsFromEnv(env: Env = process.env): GatewayOptions {
  const files = list(env.GATEWAY_INTEGRATIONS) ?? [EXAMPLE_CRM_PATH];
  const integrations: IntegrationSource[] = files.map((file) => {
    // OpenAPI documents (YAML, or JSON with an "openapi" field) are read when the gateway starts.
    if (/\.ya?ml$/i.test(file)) return { openapi: file };
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; openapi?: unknown };
    if (doc.openapi !== undefined) return { openapi: file };
    const name = doc.name;
    const baseUrl = typeof name === 'string' ? env['GATEWAY_BASE_URL__' + name.toUpperCase().replace(/-/g, '_')] : undefined;
    return baseUrl ? { file, baseUrl } : { file };
  });
  const options: GatewayOptions = { integrations };
  const overrides: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (k.startsWith('GATEWAY_BASE_URL__') && v) overrides[k.slice('GATEWAY_BASE_URL__'.length)] = v;
  if (Object.keys(overrides).length > 0) options.baseUrlOverrides = overrides;
  options.host = env.GATEWAY_HOST ?? '127.0.0.1';
  options.port = int(env, 'GATEWAY_PORT') ?? 8787;
  if (env.GATEWAY_PUBLIC_URL) options.publicUrl = env.GATEWAY_PUBLIC_URL;
  if (env.GATEWAY_ADMIN_KEY) options.adminKey = env.GATEWAY_ADMIN_KEY;
  if (env.GATEWAY_ADMIN_KEYS) options.adminKeys = parseAdminKeys(env.GATEWAY_ADMIN_KEYS);
  if (env.GATEWAY_HMAC_KEY) options.hmacKey = env.GATEWAY_HMAC_KEY;
  if (env.GATEWAY_ENCRYPTION_KEY) options.encryptionKey = env.GATEWAY_ENCRYPTION_KEY;
  const previous = list(env.GATEWAY_PREVIOUS_ENCRYPTION_KEYS);
  if (previous) options.previousEncryptionKeys = previous;
  options.store = storageFromEnv(env);
  if (env.GATEWAY_REDIS_URL) options.edge = { redisUrl: env.GATEWAY_REDIS_URL };
  if (env.GATEWAY_LOG_DIR) options.logDir = env.GATEWAY_LOG_DIR;
  if (env.GATEWAY_COMMIT) options.commit = env.GATEWAY_COMMIT;
  const lifetime = int(env, 'GATEWAY_MAX_LIFETIME_DAYS');
  if (lifetime !== undefined) options.maxServerLifetimeMs = lifetime * DAY_MS;
  const metadataDays = int(env, 'GATEWAY_METADATA_RETENTION_DAYS');
  const auditDays = int(env, 'GATEWAY_AUDIT_RETENTION_DAYS');
  options.retention = { ...(metadataDays === undefined ? {} : { metadataDays }), ...(auditDays === undefined ? {} : { auditDays }) };
  const allowPrivate = list(env.GATEWAY_ALLOW_PRIVATE_NETWORKS);
  if (allowPrivate) options.allowPrivateNetworks = allowPrivate;
  const hosts = list(env.GATEWAY_ALLOWED_HOSTS);
  if (hosts) options.allowedHosts = hosts.includes('*') ? '*' : hosts;
  const origins = list(env.GATEWAY_ALLOWED_ORIGINS);
  if (origins) options.allowedOrigins = origins;
  if (env.GATEWAY_LOG === 'none' || env.GATEWAY_LOG === 'stdout') options.log = env.GATEWAY_LOG;
  const purge = int(env, 'GATEWAY_PURGE_INTERVAL_MS');
  if (purge !== undefined) options.purgeIntervalMs = purge;
  const ttl = int(env, 'GATEWAY_TOKEN_CACHE_TTL_MS');
  if (ttl !== undefined) options.tokenCacheTtlMs = ttl;
  const resultTtl = int(env, 'GATEWAY_RESULT_TTL_MS');
  if (resultTtl !== undefined) options.resultTtlMs = resultTtl;
  const limits: Partial<Limits> = {};
  for (const [key, name] of LIMIT_VARS) {
    const v = int(env, name);
    if (v !== undefined) limits[key] = v;
  }
  options.limits = limits;
  return options;
}
