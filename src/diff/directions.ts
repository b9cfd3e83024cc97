/**
 * The direction table: for every key of every public policy file, which way is stronger for the
 * customer, and the words a change summary uses. The one place these decisions live; a test walks
 * the zod schemas and fails when a key has no entry here.
 */
import type { Direction } from './change.ts';

export type Rule =
  /** A higher number is stronger (uptime, credits, notice). */
  | { readonly type: 'higher' }
  /** A lower number is stronger (latency, retention, response times). */
  | { readonly type: 'lower' }
  /** This boolean value is the stronger one. */
  | { readonly type: 'prefer'; readonly value: boolean }
  /** Enum values, strongest first. */
  | { readonly type: 'rank'; readonly order: readonly string[] }
  /** Wording: neutral, but listed so readers see the sentence changed. */
  | { readonly type: 'prose' }
  /** A fact that is no commitment (names, URLs, sample values): neutral, listed. */
  | { readonly type: 'neutral' }
  /** Version bookkeeping shown in each version's heading, never as a change. */
  | { readonly type: 'ignore' }
  /** A list of distinct values; an added value goes `added`, a removed one the other way. */
  | { readonly type: 'set'; readonly added: Direction }
  /** A list of objects followed by their identity `key`; an added item goes `added`. */
  | { readonly type: 'keyed'; readonly key: string; readonly added: Direction }
  /** Credit tiers keyed by below_percent, judged by the credit the whole schedule pays at the tier's threshold. */
  | { readonly type: 'credit-tiers'; readonly key: 'below_percent' }
  /** The identity key inside a keyed list item: it names the item, it never changes. */
  | { readonly type: 'identity' };

export interface Entry {
  readonly rule: Rule;
  /** Subject of the summary sentence; `{item}` stands for the list item's name. */
  readonly label: string;
  /** For keyed lists: how an item is named in sentences (defaults to its key's value). */
  readonly item?: (key: string | number) => string;
}

const higher = (label: string): Entry => ({ rule: { type: 'higher' }, label });
const lower = (label: string): Entry => ({ rule: { type: 'lower' }, label });
const prefer = (value: boolean, label: string): Entry => ({ rule: { type: 'prefer', value }, label });
const rank = (order: readonly string[], label: string): Entry => ({ rule: { type: 'rank', order }, label });
const prose = (label: string): Entry => ({ rule: { type: 'prose' }, label });
const neutral = (label: string): Entry => ({ rule: { type: 'neutral' }, label });
const ignore = (label: string): Entry => ({ rule: { type: 'ignore' }, label });
const set = (added: Direction, label: string): Entry => ({ rule: { type: 'set', added }, label });
const keyed = (key: string, added: Direction, label: string): Entry => ({ rule: { type: 'keyed', key, added }, label });
const identity: Entry = { rule: { type: 'identity' }, label: '' };

/** Keys are schema paths: file stem, then keys; `[]` marks the items of a list. */
export const directions: Readonly<Record<string, Entry>> = {
  // meta.yaml: bookkeeping and contacts, no commitments.
  'meta.version': ignore('Version'),
  'meta.updated': ignore('Publication date'),
  'meta.effective': ignore('Effective date'),
  'meta.product': neutral('Product name'),
  'meta.company': neutral('Contracting company'),
  'meta.url': neutral('Page URL'),
  'meta.summary': prose('Summary'),
  'meta.contacts.security': neutral('Security contact'),
  'meta.contacts.security_policy_url': neutral('Vulnerability disclosure policy URL'),
  'meta.contacts.support': neutral('Support contact'),
  'meta.languages': set('neutral', 'Security contact language'),

  'uptime.target_percent': higher('Uptime target'),
  // A month-long window cannot dilute a bad week with good weeks the way a quarter can.
  'uptime.window': rank(['calendar-month', 'calendar-quarter'], 'Uptime window'),
  'uptime.scope': prose('Uptime scope'),
  'uptime.measurement': prose('Uptime measurement'),
  // Every exclusion is downtime that earns no credit.
  'uptime.exclusions': keyed('id', 'weaker', 'Uptime exclusion'),
  'uptime.exclusions[].id': identity,
  'uptime.exclusions[].text': prose('Wording of uptime exclusion {item}'),
  // More notice before maintenance is excluded, and fewer excluded minutes, count more downtime: stronger.
  'uptime.exclusions[].maintenance_notice_business_days': higher('Maintenance notice (business days) of exclusion {item}'),
  'uptime.exclusions[].maintenance_max_minutes': lower('Maintenance minutes excluded per window by exclusion {item}'),
  'uptime.components': set('stronger', 'Component whose outages count'),

  // Neither scope is the stronger promise: end-to-end covers more time, but time the platform does not control.
  'latency.scope': neutral('Latency scope'),
  'latency.statement': prose('Latency statement'),
  'latency.upstream_share': prose('Upstream share of latency'),
  'latency.objectives': keyed('operation', 'stronger', 'Latency objective'),
  'latency.objectives[].operation': identity,
  'latency.objectives[].description': prose('Description of latency objective {item}'),
  'latency.objectives[].p50_ms': lower('p50 latency objective for {item}'),
  'latency.objectives[].p95_ms': lower('p95 latency objective for {item}'),
  'latency.objectives[].p99_ms': lower('p99 latency objective for {item}'),

  'auth.statement': prose('Authentication statement'),
  // A different model is a different design, not a better or worse promise; its parts are judged below.
  'auth.model': neutral('Authentication model'),
  // Keyed hashes first (a copied database alone is useless), then slow password hashes, then plain digests.
  'auth.tokens.storage': neutral('Token storage at rest'),
  'auth.tokens.hashing': rank(['hmac-sha512', 'hmac-sha256', 'argon2id', 'scrypt', 'bcrypt', 'pbkdf2-sha256', 'sha512', 'sha256'], 'Token hashing'),
  'auth.tokens.entropy_bits': higher('Token entropy'),
  'auth.tokens.tenant_binding': prose('Tenant binding'),
  // A leaked token is useful for less time.
  'auth.tokens.max_lifetime_days': lower('Maximum token lifetime'),
  'auth.tokens.expiry_enforcement': set('stronger', 'Token expiry enforcement layer'),
  'auth.tokens.uniform_rejection': prefer(true, 'Uniform rejection of invalid tokens'),
  'auth.revocation.by': set('stronger', 'Who can revoke a grant'),
  'auth.revocation.propagation_seconds': lower('Revocation propagation time'),
  'auth.revocation.statement': prose('Revocation statement'),
  'auth.origin_validation': prefer(true, 'Requests from pages of other sites refused'),
  'auth.secondary_auth.available': prefer(true, 'Secondary bearer authentication'),
  'auth.secondary_auth.statement': prose('Secondary authentication statement'),
  'auth.delegation.consent': neutral('OAuth consent mode'),
  'auth.delegation.statement': prose('OAuth delegation statement'),
  'auth.credentials.holder': neutral('Holder of upstream credentials'),
  'auth.credentials.encrypted_at_rest': prefer(true, 'Encryption of stored credentials at rest'),
  'auth.credentials.encryption': neutral('Credential encryption'),
  // Refreshing ahead of expiry means a call never waits on, or fails for, an expired access token.
  'auth.credentials.refresh': rank(['before-expiry', 'just-in-time'], 'Access token refresh'),
  'auth.credentials.refresh_before_expiry_minutes': neutral('Access token refresh lead time'),
  'auth.credentials.logged': prefer(false, 'Credentials in logs'),
  'auth.credentials.statement': prose('Credential storage statement'),
  'auth.token_passthrough': prefer(false, 'Token passthrough'),
  // The sample payload illustrates the API; it promises nothing.
  'auth.sample_provisioning_payload.name': neutral('Sample provisioning payload name'),
  'auth.sample_provisioning_payload.config.methods': set('neutral', 'Sample provisioning payload method'),
  'auth.sample_provisioning_payload.config.tags': set('neutral', 'Sample provisioning payload tag'),
  'auth.sample_provisioning_payload.config.require_api_token_auth': neutral('Sample provisioning payload API token requirement'),
  'auth.sample_provisioning_payload.expires_at': neutral('Sample provisioning payload expiry'),

  'rbac.statement': prose('Access control statement'),
  'rbac.roles': keyed('name', 'neutral', 'Role'),
  'rbac.roles[].name': identity,
  'rbac.roles[].description': prose('Description of role {item}'),
  'rbac.filtering.methods': prose('Method filtering'),
  'rbac.filtering.tags': prose('Tag filtering'),
  'rbac.filtering.enforced_on_call': prefer(true, 'Filter enforcement on tool calls'),
  // Each scoping dimension is a way to grant less.
  'rbac.scoping.by': set('stronger', 'Tool scoping dimension'),
  'rbac.scoping.method_categories': set('stronger', 'Method filter'),
  'rbac.scoping.statement': prose('Tool scoping statement'),
  'rbac.integrations.first_party_count': higher('First-party integrations'),
  'rbac.integrations.community_count': higher('Community integrations'),
  'rbac.integrations.community_supported': prefer(true, 'Support for community integrations'),
  'rbac.integrations.statement': prose('Integration coverage statement'),
  'rbac.audit_trail': prose('Audit trail'),

  // Retries hide the upstream's answer and add latency: pass-through with none is stronger.
  'rate-limits.policy': rank(['pass-through', 'retry'], 'Rate-limit policy'),
  'rate-limits.retries': lower('Retries after an upstream 429'),
  'rate-limits.max_retry_window_ms': lower('Maximum retry window'),
  // Each retried condition is one more answer the client does not see at once.
  'rate-limits.retry_on': set('weaker', 'Retried condition'),
  'rate-limits.failover': neutral('Failover on rate limits'),
  // Clients rely on the headers they are promised; dropping one breaks them.
  'rate-limits.headers': set('stronger', 'Rate-limit header'),
  'rate-limits.status': neutral('Rate-limited HTTP status'),
  'rate-limits.jsonrpc_error_code': neutral('Rate-limited JSON-RPC error code'),
  'rate-limits.upstream_down.behaviour': neutral('Behaviour when an upstream API is down'),
  'rate-limits.upstream_down.status': neutral('HTTP status when an upstream API is down'),
  'rate-limits.upstream_down.statement': prose('Upstream outage statement'),
  'rate-limits.statement': prose('Rate-limit statement'),
  'rate-limits.example.limit': neutral('Sample rate limit'),
  'rate-limits.example.window_seconds': neutral('Sample rate-limit window'),
  'rate-limits.example.retry_after_seconds': neutral('Sample retry-after'),
  'rate-limits.example.message': neutral('Sample rate-limit message'),

  'retention.payloads.retained': prefer(false, 'Payload retention'),
  'retention.payloads.statement': prose('Payload retention statement'),
  // Every field kept is more data about the customer's traffic.
  'retention.metadata.fields': set('weaker', 'Metadata field kept'),
  'retention.metadata.retention_days': lower('Metadata retention'),
  // Audit logs are the customer's own evidence: keeping them longer serves the customer.
  'retention.audit_logs.retention_days': higher('Audit log retention'),
  'retention.audit_logs.export_formats': set('stronger', 'Audit log export format'),
  'retention.audit_logs.siem': set('stronger', 'Audit log SIEM integration'),
  // Customers pick one region; more choice, and a dropped region may be theirs.
  'retention.caching.cached': prefer(false, 'Responses cached in transit'),
  'retention.caching.ttl_seconds': lower('Cache lifetime of responses in transit'),
  'retention.caching.scope': rank(['per-user', 'per-tenant', 'shared'], 'Scope of cached responses'),
  'retention.caching.statement': prose('Caching statement'),
  'retention.regions': set('stronger', 'Processing region'),
  'retention.region_pinning.level': rank(['per-tenant', 'per-account', 'none'], 'Region pinning'),
  'retention.region_pinning.statement': prose('Region pinning statement'),
  'retention.configuration_export.available': prefer(true, 'Configuration export'),
  'retention.configuration_export.formats': set('stronger', 'Configuration export format'),
  'retention.configuration_export.statement': prose('Configuration export statement'),

  'subprocessors.notice_days': higher('Sub-processor notice period'),
  'subprocessors.entries': keyed('name', 'weaker', 'Sub-processor'),
  'subprocessors.entries[].name': identity,
  'subprocessors.entries[].purpose': prose('Purpose of sub-processor {item}'),
  'subprocessors.entries[].location': set('weaker', 'Processing location of sub-processor {item}'),
  'subprocessors.entries[].url': neutral('URL of sub-processor {item}'),
  'subprocessors.entries[].since': neutral('Start date of sub-processor {item}'),

  'compliance.statement': prose('Compliance statement'),
  'compliance.certifications': keyed('name', 'stronger', 'Certification'),
  'compliance.certifications[].name': identity,
  'compliance.certifications[].status': rank(['certified', 'in-progress', 'planned', 'not-offered'], 'Status of {item}'),
  'compliance.certifications[].expected': neutral('Expected date of {item}'),
  'compliance.certifications[].scope': prose('Scope of {item}'),
  // A new report date is a renewal, not a change of commitment.
  'compliance.certifications[].issued': neutral('Report date of {item}'),
  'compliance.certifications[].report': rank(['public', 'on-request', 'under-nda', 'none'], 'Report availability of {item}'),
  'compliance.certifications[].url': neutral('URL of {item}'),
  'compliance.agreements': keyed('name', 'stronger', 'Agreement'),
  'compliance.agreements[].name': identity,
  'compliance.agreements[].url': neutral('Link to {item}'),
  'compliance.agreements[].request': prose('How to request {item}'),
  'compliance.deployment_models': keyed('id', 'stronger', 'Deployment model'),
  'compliance.deployment_models[].id': identity,
  'compliance.deployment_models[].compliance': prose('Compliance of deployment model {item}'),

  'incidents.breach_notification_hours': lower('Breach notification time'),
  'incidents.status_page': neutral('Status page'),
  'incidents.postmortem_days': lower('Post-mortem deadline'),
  'incidents.severities': keyed('id', 'stronger', 'Incident severity'),
  'incidents.severities[].id': identity,
  'incidents.severities[].name': neutral('Name of severity {item}'),
  'incidents.severities[].description': prose('Description of severity {item}'),
  'incidents.severities[].first_response_minutes': lower('First response target for {item}'),
  'incidents.severities[].update_interval_minutes': lower('Status update interval for {item}'),

  'credits.basis': prose('Credit basis'),
  'credits.tiers': { rule: { type: 'credit-tiers', key: 'below_percent' }, label: 'Credit tier', item: (below) => `uptime below ${below}%` },
  'credits.tiers[].below_percent': identity,
  'credits.tiers[].credit_percent': higher('Credit for {item}'),
  'credits.claim_window_days': higher('Credit claim window'),
  'credits.max_credit_percent': higher('Credit cap'),
  'credits.claim_process': prose('Credit claim process'),

  'changes.material_change_notice_days': higher('Notice for material changes'),
  'changes.breaking_change_notice_days': higher('Notice for breaking API changes'),
  'changes.deprecation_policy': prose('Deprecation policy'),
};
