/** Public API of @slapage/gateway: start the gateway, call it in-process, provision, open stores; the mock upstream and test services live in @slapage/gateway/testing. */

export { startGateway, type Gateway, type GatewayOptions, type IntegrationSource } from './server/server.ts';
export { createApp, type App, type AppOptions } from './endpoint/app.ts';
export { coreRequest, toWebResponse, type CoreRequest, type CoreResponse, type RequestInit } from './http/core.ts';
export {
  Provisioner,
  DEFAULT_RETENTION,
  MAX_LIFETIME_DEFAULT_MS,
  type CreateConnectionInput,
  type CreateServerInput,
  type CreatedServer,
  type ServerView,
  type ConnectionView,
  type PurgeSummary,
  type Retention,
} from './admin/provisioning.ts';
export { optionsFromEnv, storageFromEnv, EXAMPLE_CRM_PATH, EXAMPLE_CRM_OPENAPI_PATH, MOCK_DIAGNOSTICS_PATH } from './server/config.ts';
export { loadOpenApi, type OpenApiIntegration } from './filter/openapi.ts';
export { compileIntegration, loadIntegrationFile, type Integration, type IntegrationDescription } from './filter/integration.ts';
export { MemoryStore, type ConfigStore, type ServerRecord, type ConnectionRecord, type ServerConfig, type HttpMethod } from './store/store.ts';
export { openStore, type StorageConfig } from './store/storage.ts';
export { LocalEdge, type EdgeStore } from './registry/edge.ts';
export { RedisEdge } from './registry/redis-edge.ts';
export { Sealer } from './auth/sealing.ts';
export { verifyChain, toCefLine, toJsonLine, type AuditRecord, type AuditEvent, type VerifyResult } from './audit/audit.ts';
export { ROLES, parseAdminKeys, type Role, type AdminKey } from './auth/roles.ts';
export { GatewayError } from './base/errors.ts';
export { manualClock, systemClock, type Clock, type ManualClock } from './base/clock.ts';
export { DEFAULT_LIMITS, type Limits } from './http/limits.ts';
export { SUPPORTED_PROTOCOL_VERSIONS, LATEST_PROTOCOL_VERSION } from './mcp/mcp.ts';
