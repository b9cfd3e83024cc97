/**
 * The declaration of every commitment line the engine words (src/document/facts.ts, for the page and the PDF): its
 * label, and the registry keys (src/claims/registry.ts) that state it. A line is published only when the vendor's YAML
 * states one of its keys; the acceptance test (statements.test.ts) derives its expectations from this table.
 */

export interface Statement {
  /** The words the line is known by on the page and in the PDF, e.g. "Maximum token lifetime". */
  readonly label: string;
  /** The schema paths whose values state the line; absent all of them, nothing of it is published. */
  readonly keys: readonly string[];
}

/** Keyed by the line's source: the policy path the line cites on the page (a key, or the object holding its keys). */
export const statements: Readonly<Record<string, Statement>> = {
  'auth.model': { label: 'Authentication model', keys: ['auth.model'] },
  'auth.delegation': { label: 'User consent', keys: ['auth.delegation.consent', 'auth.delegation.statement'] },
  'auth.tokens.storage': { label: 'Token storage at rest', keys: ['auth.tokens.storage', 'auth.tokens.hashing'] },
  'auth.tokens.hashing': { label: 'Token storage at rest', keys: ['auth.tokens.hashing'] },
  'auth.tokens.entropy_bits': { label: 'Token entropy', keys: ['auth.tokens.entropy_bits'] },
  'auth.tokens.max_lifetime_days': { label: 'Maximum token lifetime', keys: ['auth.tokens.max_lifetime_days'] },
  'auth.tokens.expiry_enforcement': { label: 'Expiry enforced at', keys: ['auth.tokens.expiry_enforcement'] },
  'auth.tokens.uniform_rejection': { label: 'Uniform rejection', keys: ['auth.tokens.uniform_rejection'] },
  'auth.tokens.tenant_binding': { label: 'Tenant binding', keys: ['auth.tokens.tenant_binding'] },
  'auth.credentials.holder': { label: 'Upstream credentials held by', keys: ['auth.credentials.holder'] },
  'auth.credentials.encrypted_at_rest': { label: 'Credentials encrypted at rest', keys: ['auth.credentials.encrypted_at_rest'] },
  'auth.credentials.refresh': { label: 'Access token refresh', keys: ['auth.credentials.refresh'] },
  'auth.credentials.logged': { label: 'Tokens in logs', keys: ['auth.credentials.logged'] },
  'auth.credentials.statement': { label: 'Credential storage', keys: ['auth.credentials.statement'] },
  'auth.revocation': { label: 'Revocation', keys: ['auth.revocation.by', 'auth.revocation.propagation_seconds', 'auth.revocation.statement'] },
  'auth.origin_validation': { label: 'Requests from pages of other sites', keys: ['auth.origin_validation'] },
  'auth.secondary_auth': { label: 'Secondary bearer authentication', keys: ['auth.secondary_auth.available', 'auth.secondary_auth.statement'] },
  'auth.token_passthrough': { label: 'Client tokens sent upstream', keys: ['auth.token_passthrough'] },
  'rbac.scoping.by': { label: 'Tools scoped by', keys: ['rbac.scoping.by'] },
  'rbac.scoping.method_categories': { label: 'Method filters', keys: ['rbac.scoping.method_categories'] },
  'rbac.scoping.statement': { label: 'How scoping works', keys: ['rbac.scoping.statement'] },
  'rbac.filtering.methods': { label: 'Method filtering', keys: ['rbac.filtering.methods'] },
  'rbac.filtering.tags': { label: 'Tag filtering', keys: ['rbac.filtering.tags'] },
  'rbac.filtering.enforced_on_call': { label: 'Filters enforced when a tool is called', keys: ['rbac.filtering.enforced_on_call'] },
  'rbac.integrations.first_party_count': { label: 'First-party integrations', keys: ['rbac.integrations.first_party_count'] },
  'rbac.integrations.community_count': { label: 'Community integrations', keys: ['rbac.integrations.community_count'] },
  'rbac.integrations.community_supported': { label: 'Community integrations supported', keys: ['rbac.integrations.community_supported'] },
  'rbac.integrations.statement': { label: 'How integrations are covered', keys: ['rbac.integrations.statement'] },
  'rbac.audit_trail': { label: 'Audit trail', keys: ['rbac.audit_trail'] },
  'rate-limits.policy': { label: 'Policy', keys: ['rate-limits.policy'] },
  'rate-limits.retries': { label: 'Retries by the platform', keys: ['rate-limits.retries'] },
  'rate-limits.max_retry_window_ms': { label: 'Longest retry window', keys: ['rate-limits.max_retry_window_ms'] },
  'rate-limits.status': { label: 'HTTP status', keys: ['rate-limits.status'] },
  'rate-limits.jsonrpc_error_code': { label: 'JSON-RPC error code', keys: ['rate-limits.jsonrpc_error_code'] },
  'rate-limits.headers': { label: 'Headers on every rate-limited response', keys: ['rate-limits.headers'] },
  'rate-limits.upstream_down': { label: 'When an upstream API is down', keys: ['rate-limits.upstream_down.behaviour', 'rate-limits.upstream_down.status', 'rate-limits.upstream_down.statement'] },
  'retention.payloads.retained': { label: 'Request and response payloads', keys: ['retention.payloads.retained'] },
  'retention.metadata.fields': { label: 'Metadata kept per request', keys: ['retention.metadata.fields'] },
  'retention.metadata.retention_days': { label: 'Metadata retention', keys: ['retention.metadata.retention_days'] },
  'retention.audit_logs.retention_days': { label: 'Audit log retention', keys: ['retention.audit_logs.retention_days'] },
  'retention.audit_logs.export_formats': { label: 'Audit log export formats', keys: ['retention.audit_logs.export_formats'] },
  'retention.audit_logs.siem': { label: 'Audit log export to SIEM', keys: ['retention.audit_logs.siem'] },
  'retention.caching': { label: 'Responses cached in transit', keys: ['retention.caching.cached', 'retention.caching.ttl_seconds', 'retention.caching.scope', 'retention.caching.statement'] },
  'retention.regions': { label: 'Processing regions (customer’s choice)', keys: ['retention.regions'] },
  'retention.region_pinning': { label: 'Data plane pinned to a region', keys: ['retention.region_pinning.level', 'retention.region_pinning.statement'] },
  'retention.configuration_export': { label: 'Configuration export', keys: ['retention.configuration_export.available', 'retention.configuration_export.formats', 'retention.configuration_export.statement'] },
  'latency.scope': { label: 'Scope', keys: ['latency.scope'] },
  'changes.material_change_notice_days': { label: 'Notice before a weakened commitment takes effect', keys: ['changes.material_change_notice_days'] },
  'changes.breaking_change_notice_days': { label: 'Notice before a breaking API change', keys: ['changes.breaking_change_notice_days'] },
  'changes.deprecation_policy': { label: 'Deprecations', keys: ['changes.deprecation_policy'] },
};

/** The label of a line, by its source; a source without a declaration is a programming error. */
export function statementLabel(source: string): string {
  const statement = statements[source];
  if (!statement) throw new Error(`no statement declared for ${source} in src/claims/statements.ts`);
  return statement.label;
}
