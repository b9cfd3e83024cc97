/** startGateway(): wires store, edge, sealing, registry, upstreams, admin API, log and purge job around the request -> response core (app.ts), serves it through the node:http adapter, and returns the bound URL and close(). */

import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { AddressPolicy } from '../upstream/address-policy.ts';
import { AdminApi } from '../admin/admin-api.ts';
import { createApp, type App, type HostPolicy } from '../endpoint/app.ts';
import { systemClock, type Clock } from '../base/clock.ts';
import { LocalEdge, type EdgeStore } from '../registry/edge.ts';
import { GatewayError } from '../base/errors.ts';
import { compileIntegration, loadIntegrationFile, type Integration } from '../filter/integration.ts';
import { DEFAULT_LIMITS, type Limits } from '../http/limits.ts';
import { AccessLog, directorySink, nullSink, purgeLogFiles, stdoutSink, type LogSink } from '../audit/log.ts';
import { createNodeServer } from '../endpoint/node-adapter.ts';
import { DEFAULT_RETENTION, MAX_LIFETIME_DEFAULT_MS, Provisioner, type Retention } from '../admin/provisioning.ts';
import { startPurgeJob } from '../admin/purge.ts';
import { RedisEdge } from '../registry/redis-edge.ts';
import { loadOpenApi } from '../filter/openapi.ts';
import { Registry } from '../registry/registry.ts';
import { AdminKeys, type AdminKey } from '../auth/roles.ts';
import { Sealer } from '../auth/sealing.ts';
import { describe, openStore, type StorageConfig } from '../store/storage.ts';
import type { ConfigStore } from '../store/store.ts';
import { parseKey, TokenHasher } from '../auth/tokens.ts';
import { Upstreams } from '../upstream/upstream.ts';

export type IntegrationSource =
  | Integration
  | { file: string; baseUrl?: string }
  | { description: unknown; baseUrl?: string }
  /** An OpenAPI 3 document (path, URL or object); the name defaults to x-slapage-integration or the title. */
  | { openapi: string | object; baseUrl?: string; name?: string };

export interface GatewayOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (an ephemeral port; read the real one from the result). */
  port?: number;
  /** External base URL (e.g. https://mcp.example.com) used in provisioned URLs and the default Host/Origin allowlist. */
  publicUrl?: string;
  /** Enables the /admin provisioning API with this key as Owner. */
  adminKey?: string;
  /** Keys per role (owner, admin, developer, auditor); with adminKey, enable the /admin API. */
  adminKeys?: AdminKey[];
  /** HMAC key for tokens (>= 32 bytes; hex or base64 when a string). Random per process when omitted (memory store only). */
  hmacKey?: Buffer | string;
  /** AES-256-GCM key sealing upstream credentials (32 bytes; hex or base64). Random per process when omitted (memory store only). */
  encryptionKey?: Buffer | string;
  /** Keys that only open credentials sealed before a rotation. */
  previousEncryptionKeys?: Array<Buffer | string>;
  integrations: IntegrationSource[];
  /** Base URLs by integration NAME (upper-cased, "-" as "_"), applied to OpenAPI sources without their own baseUrl (GATEWAY_BASE_URL__<NAME>). */
  baseUrlOverrides?: Record<string, string>;
  /** IPs/CIDRs upstreams may resolve to even though they are private or loopback, e.g. ["127.0.0.1/32"]. */
  allowPrivateNetworks?: string[];
  /** Accepted Host header values ("host:port"); "*" accepts any. Defaults to loopback names when bound to loopback, plus publicUrl's host. */
  allowedHosts?: string[] | '*';
  /** Accepted Origin header values; requests without Origin are accepted. Defaults to http(s)://<each allowed host> plus publicUrl's origin. */
  allowedOrigins?: string[];
  limits?: Partial<Limits>;
  clock?: Clock;
  /** Configuration records: an open store, or where to open one (`memory` default, `sqlite` in a folder, `postgres` by URL). */
  store?: ConfigStore | StorageConfig;
  /** The shared edge token store: an open one, or a Redis URL; in-process when omitted. */
  edge?: EdgeStore | { redisUrl: string };
  /** Retention the purge job enforces (defaults: metadata 30 days, audit 365 days, as in the example policy). */
  retention?: Partial<Retention>;
  /** Write the access log as day files in this folder (deleted after the metadata retention) instead of `log`. */
  logDir?: string;
  /** Where access-log lines go: 'stdout' (default), 'none', or a function receiving batches of JSON lines. */
  log?: LogSink | 'stdout' | 'none';
  /** How often the purge job deletes expired/revoked server records. Default 60 s. */
  purgeIntervalMs?: number;
  /** How long a token stays in the in-memory token store before being re-read from the store. Default 30 s. */
  tokenCacheTtlMs?: number;
  /** The `ttlMs` caching hint of 2026-07-28 tools/list and server/discover results (both `cacheScope: private`). Default 60 s. */
  resultTtlMs?: number;
  /** Upper bound on expires_at - now at creation. Default 365 days (the example policy's max_lifetime_days). */
  maxServerLifetimeMs?: number;
  /** Called with internal errors (never with payloads); default writes the error name to stderr. */
  onError?: (err: unknown) => void;
  /** Access-log lines kept in memory for GET /admin/access-log. Default 2000, 0 when `log` is 'none' (benchmarks). */
  recentLogLines?: number;
  /** The commit GET /admin/about reports (GATEWAY_COMMIT). */
  commit?: string;
}

export interface Gateway {
  /** Base URL of the bound listener, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  readonly port: number;
  readonly provisioner: Provisioner;
  readonly store: ConfigStore;
  readonly edge: EdgeStore;
  readonly registry: Registry;
  /** The request -> response core: `await gateway.app.request('/healthz')` answers in-process, without a socket. */
  readonly app: App;
  /** The MCP endpoint for a token. */
  mcpUrl(token: string): string;
  /** Flushes pending access-log lines now. */
  flushLog(): void;
  /** Stops accepting connections, lets in-flight requests finish (up to shutdownGraceMs), then releases everything. */
  close(): Promise<void>;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

/** This package's version, reported by GET /admin/about. */
export const GATEWAY_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

async function resolveIntegration(src: IntegrationSource, overrides: Readonly<Record<string, string>>): Promise<Integration> {
  if ('tools' in src) return src;
  if ('openapi' in src) {
    const baseUrlFor = (name: string): string | undefined => overrides[name.toUpperCase().replace(/-/g, '_')];
    return (await loadOpenApi(src.openapi, { ...(src.baseUrl === undefined ? {} : { baseUrl: src.baseUrl }), ...(src.name === undefined ? {} : { name: src.name }), baseUrlFor })).integration;
  }
  if ('file' in src) return loadIntegrationFile(src.file, src.baseUrl === undefined ? {} : { baseUrl: src.baseUrl });
  return compileIntegration(src.description, src.baseUrl === undefined ? {} : { baseUrl: src.baseUrl });
}

function defaultOnError(err: unknown): void {
  // Name and code only: messages of transport errors can quote request bytes.
  const code = (err as { code?: unknown } | null)?.code;
  const name = err instanceof Error ? err.name : typeof err;
  process.stderr.write(`gateway internal error: ${name}${typeof code === 'string' ? ' ' + code : ''}\n`);
}

const key = (k: Buffer | string, what: string): Buffer => (typeof k === 'string' ? parseKey(k, what) : k);

function isStore(s: ConfigStore | StorageConfig): s is ConfigStore {
  return typeof (s as ConfigStore).putServer === 'function';
}

export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const clock = options.clock ?? systemClock;
  const onError = options.onError ?? defaultOnError;
  const owned: Array<() => Promise<void>> = [];
  const store = options.store === undefined || !isStore(options.store) ? await openStore(options.store ?? { kind: 'memory' }) : options.store;
  if (options.store === undefined || !isStore(options.store)) owned.push(() => store.close());
  try {
    if (store.persistent && (options.hmacKey === undefined || options.encryptionKey === undefined)) {
      throw new GatewayError(
        500,
        'config',
        `the ${store.kind} store keeps servers and credentials across restarts, so it needs fixed keys: set GATEWAY_HMAC_KEY and GATEWAY_ENCRYPTION_KEY ` +
          '(each 32 random bytes as hex, e.g. `openssl rand -hex 32`), or GATEWAY_STORE=memory for a gateway that forgets everything on exit',
      );
    }
    return await start(options, limits, clock, onError, store, owned);
  } catch (err) {
    for (const close of owned) await close().catch(() => {});
    throw err;
  }
}

async function start(
  options: GatewayOptions,
  limits: Limits,
  clock: Clock,
  onError: (err: unknown) => void,
  store: ConfigStore,
  owned: Array<() => Promise<void>>,
): Promise<Gateway> {
  const hasher = new TokenHasher(options.hmacKey === undefined ? randomBytes(32) : key(options.hmacKey, 'hmacKey'));
  const sealer = new Sealer(
    options.encryptionKey === undefined ? randomBytes(32) : key(options.encryptionKey, 'encryptionKey'),
    (options.previousEncryptionKeys ?? []).map((k) => key(k, 'previousEncryptionKeys')),
  );
  let edge: EdgeStore;
  if (options.edge === undefined) edge = new LocalEdge();
  else if ('redisUrl' in options.edge) {
    const redis = await RedisEdge.connect(options.edge.redisUrl).catch((err: unknown) => {
      throw new GatewayError(500, 'config', `cannot reach Redis (GATEWAY_REDIS_URL): ${describe(err)}`);
    });
    owned.push(() => redis.close());
    edge = redis;
  } else edge = options.edge;
  const policy = new AddressPolicy(options.allowPrivateNetworks ?? []);
  const upstreams = new Upstreams({
    timeoutMs: limits.upstreamTimeoutMs,
    maxResponseBytes: limits.maxUpstreamResponseBytes,
    connectionsPerOrigin: limits.upstreamConnections,
    policy,
  });
  const integrations = new Map<string, Integration>();
  for (const src of options.integrations) {
    const integration = await resolveIntegration(src, options.baseUrlOverrides ?? {});
    // Creating the pool validates an IP-literal base URL against the SSRF policy now rather than on first call.
    upstreams.poolFor(integration);
    integrations.set(integration.name, integration);
  }
  const sink: LogSink =
    options.logDir !== undefined
      ? directorySink(options.logDir, () => clock.now())
      : options.log === undefined || options.log === 'stdout'
        ? stdoutSink
        : options.log === 'none'
          ? nullSink
          : options.log;
  const log = new AccessLog(sink, options.recentLogLines ?? (sink === nullSink ? 0 : 2000));
  const resultTtlMs = options.resultTtlMs ?? 60_000;
  const registry = new Registry({ store, edge, sealer, hasher, clock, integrations, upstreams, cacheTtlMs: options.tokenCacheTtlMs ?? 30_000, resultTtlMs });

  let baseUrl = '';
  const publicUrl = options.publicUrl?.replace(/\/+$/, '');
  const mcpUrl = (token: string): string => (publicUrl ?? baseUrl) + '/mcp/' + token;
  const logDir = options.logDir;
  const provisioner = new Provisioner({
    store,
    edge,
    sealer,
    hasher,
    clock,
    registry,
    integrations,
    mcpUrl,
    maxLifetimeMs: options.maxServerLifetimeMs ?? MAX_LIFETIME_DEFAULT_MS,
    retention: { ...DEFAULT_RETENTION, ...options.retention },
    ...(logDir === undefined ? {} : { purgeMetadata: (before: number) => purgeLogFiles(logDir, before) }),
  });
  const adminKeys: AdminKey[] = [...(options.adminKey ? [{ role: 'owner' as const, key: options.adminKey }] : []), ...(options.adminKeys ?? [])];
  const admin = new AdminApi({
    provisioner,
    store,
    keys: new AdminKeys(hasher, adminKeys),
    clock,
    maxBodyBytes: limits.maxBodyBytes,
    onError,
    recentLog: () => {
      log.flush();
      return log.recent();
    },
    about: { name: '@slapage/gateway', version: GATEWAY_VERSION, commit: options.commit ?? null },
  });

  const hostPolicy: HostPolicy = { anyHost: false, hosts: new Set(), origins: new Set(options.allowedOrigins ?? []) };
  let closing = false;
  const app = createApp({
    registry,
    upstreams,
    admin,
    log,
    clock,
    limits,
    hostPolicy,
    resultTtlMs,
    audit: (event) => void store.appendAudit(event).catch(onError),
    onError,
    closing: () => closing,
  });
  const server = createNodeServer(app, { limits, log, clock, onError, closing: () => closing });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  baseUrl = `http://${hostForUrl}:${address.port}`;

  const allowedHosts = hostPolicy.hosts;
  if (options.allowedHosts === '*') hostPolicy.anyHost = true;
  else if (options.allowedHosts !== undefined) for (const h of options.allowedHosts) allowedHosts.add(h.toLowerCase());
  else {
    const bound = options.host ?? '127.0.0.1';
    if (LOOPBACK_HOSTS.has(bound)) for (const h of ['127.0.0.1', 'localhost', '[::1]']) allowedHosts.add(`${h}:${address.port}`);
    else if (publicUrl === undefined) hostPolicy.anyHost = true;
    else allowedHosts.add(`${hostForUrl}:${address.port}`);
    if (publicUrl !== undefined) allowedHosts.add(new URL(publicUrl).host);
  }
  // In-process requests (app.request) carry Host 127.0.0.1 by default.
  if (LOOPBACK_HOSTS.has(options.host ?? '127.0.0.1')) allowedHosts.add('127.0.0.1');
  if (options.allowedOrigins === undefined) {
    for (const h of allowedHosts) {
      hostPolicy.origins.add(`http://${h}`);
      hostPolicy.origins.add(`https://${h}`);
    }
    if (publicUrl !== undefined) hostPolicy.origins.add(new URL(publicUrl).origin);
  }

  const stopPurge = startPurgeJob(clock, options.purgeIntervalMs ?? 60_000, () => provisioner.purge(), onError);

  let closed: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closed ??= (async () => {
      closing = true;
      stopPurge();
      const done = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      let forced = false;
      const force = setTimeout(() => {
        forced = true;
        server.closeAllConnections();
      }, limits.shutdownGraceMs);
      await done;
      clearTimeout(force);
      registry.close();
      // After a forced cut, handlers may still await upstream calls whose callers are gone: abort them.
      await upstreams.close(forced);
      log.flush();
      for (const c of owned.reverse()) await c().catch(onError);
    })();
    return closed;
  };

  return { url: baseUrl, port: address.port, provisioner, store, edge, registry, app, mcpUrl, flushLog: () => log.flush(), close };
}
