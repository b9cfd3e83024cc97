/** @slapage/gateway/testing: what tests, demos and benchmarks need besides the gateway — the mock upstream and throwaway PostgreSQL and Redis servers. Not part of the gateway's public API. */

export { startMockUpstream, RATE_LIMIT_DIALECTS, type MockUpstream, type MockUpstreamOptions, type RateLimitDialect } from './testing/mock-upstream.ts';
export { MOCK_DIAGNOSTICS_PATH } from './server/config.ts';
export { startPostgres, startRedis, type TestService } from './testing/test-services.ts';
