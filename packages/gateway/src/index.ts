/** Public API of @slapage/gateway: start the gateway and the mock upstream, provision in-process, and the pieces tests and benchmarks reuse. */

export { startGateway, type Gateway, type GatewayOptions, type IntegrationSource } from './server.ts';
export { startMockUpstream, RATE_LIMIT_DIALECTS, type MockUpstream, type MockUpstreamOptions, type RateLimitDialect } from './mock-upstream.ts';
export { Provisioner, type CreateConnectionInput, type CreateServerInput, type CreatedServer, type ServerView, type ConnectionView } from './provisioning.ts';
export { optionsFromEnv, EXAMPLE_CRM_PATH, MOCK_DIAGNOSTICS_PATH } from './config.ts';
export { compileIntegration, loadIntegrationFile, type Integration, type IntegrationDescription } from './integration.ts';
export { MemoryStore, type ConfigStore, type ServerRecord, type ConnectionRecord, type ServerConfig, type HttpMethod } from './store.ts';
export { manualClock, systemClock, type Clock, type ManualClock } from './clock.ts';
export { DEFAULT_LIMITS, type Limits } from './limits.ts';
export { SUPPORTED_PROTOCOL_VERSIONS, LATEST_PROTOCOL_VERSION } from './mcp.ts';
