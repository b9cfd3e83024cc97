/**
 * The claims registry: for every key of every public policy file, whether it states a behaviour a gateway can be
 * tested for (the ids of the checks that test it), a figure backed by measurements, an organisational commitment
 * (with why no request can test it), or no claim at all. The one place these decisions live; a test walks the zod
 * schemas and fails when a key has no entry here, as the changelog's direction table does.
 */
import type { Policy } from '../model/policy.ts';
import type { CheckId } from './checks.ts';

export type Claim =
  /**
   * Tested by `slapage verify`: these checks read the field's value and fail when the gateway does otherwise. `states`
   * narrows when the field's value states the claim (default: the field is set, and a preferred boolean has its
   * stronger value); `label` names a claim narrower than the field.
   */
  | { readonly kind: 'check'; readonly checks: readonly CheckId[]; readonly states?: (policy: Policy) => boolean; readonly label?: string }
  /** A figure backed by committed measurements (content/measurements/), compared on every validate. */
  | { readonly kind: 'measured' }
  /** A promise about people and processes (or time scales a run cannot observe): the reason says why. */
  | { readonly kind: 'organisational'; readonly reason: string }
  /** Not a behaviour: names, contacts, dates, samples, wording whose behaviours other keys carry. */
  | { readonly kind: 'none'; readonly reason: string };

export type ClaimKind = Claim['kind'];

const check = (...checks: CheckId[]): Claim => ({ kind: 'check', checks });
const measured: Claim = { kind: 'measured' };
const organisational = (reason: string): Claim => ({ kind: 'organisational', reason });
const none = (reason: string): Claim => ({ kind: 'none', reason });

const BOOKKEEPING = none('version bookkeeping');
const CONTACT = none('a name or a contact, not a behaviour');
const WORDING = none('wording; the behaviours it describes are the keys beside it');
const IDENTITY = none("a list item's name");
const SAMPLE = none('an illustration of the API, promising nothing');

const SERVICE = organisational('measured over a month by external probes and settled by credits; no single run can show it');
const PEOPLE = organisational('done by people (notifications, reviews, support); no request to a gateway can show it');
const CONTRACT = organisational('a contractual term, kept by the company rather than the gateway');
const SUPPLIERS = organisational('who processes data, and where, is a matter of contracts with suppliers');
const AUDITED = organisational('attested by independent audits, not by a request');
const AT_REST = organisational('how data is stored at rest is not observable through the gateway’s API; its own test suite searches its data folder');
const RETENTION_TIME = organisational('deletion after a number of days cannot be observed in one run; the purge job is covered by the gateway’s own tests');
const NOT_A_GATEWAY_FEATURE = organisational('describes the product line or platform, not a request-level behaviour');

/** Keys are schema paths: file stem, then keys; `[]` marks the items of a list. */
export const claims: Readonly<Record<string, Claim>> = {
  'meta.version': BOOKKEEPING,
  'meta.updated': BOOKKEEPING,
  'meta.effective': BOOKKEEPING,
  'meta.product': CONTACT,
  'meta.company': CONTACT,
  'meta.url': CONTACT,
  'meta.summary': WORDING,
  'meta.contacts.security': CONTACT,
  'meta.contacts.security_policy_url': CONTACT,
  'meta.contacts.support': CONTACT,
  'meta.languages': CONTACT,

  'uptime.target_percent': SERVICE,
  'uptime.window': SERVICE,
  'uptime.scope': SERVICE,
  'uptime.measurement': SERVICE,
  'uptime.exclusions': CONTRACT,
  'uptime.exclusions[].id': IDENTITY,
  'uptime.exclusions[].text': CONTRACT,
  'uptime.exclusions[].maintenance_notice_business_days': CONTRACT,
  'uptime.exclusions[].maintenance_max_minutes': CONTRACT,
  'uptime.components': SERVICE,

  'latency.scope': WORDING,
  'latency.statement': WORDING,
  'latency.upstream_share': WORDING,
  'latency.objectives': { kind: 'check', checks: ['rate-limit-latency'], states: (policy) => policy.latency.objectives?.some((o) => o.operation === 'rate-limit-passthrough') === true, label: 'Upstream 429s surfaced within their latency objective' },
  'latency.objectives[].operation': IDENTITY,
  'latency.objectives[].description': WORDING,
  'latency.objectives[].p50_ms': measured,
  'latency.objectives[].p95_ms': measured,
  'latency.objectives[].p99_ms': measured,

  // The vendor's own words: no engine claim hangs on them (the Origin check hangs on auth.origin_validation).
  'auth.statement': WORDING,
  'auth.model': WORDING,
  'auth.tokens.storage': AT_REST,
  'auth.tokens.hashing': AT_REST,
  'auth.tokens.entropy_bits': organisational('randomness cannot be proven from a handful of tokens; the token format is in the gateway’s source'),
  'auth.tokens.tenant_binding': check('tenant-isolation'),
  'auth.tokens.max_lifetime_days': check('lifetime-cap'),
  'auth.tokens.expiry_enforcement': check('expired-token'),
  'auth.tokens.uniform_rejection': check('uniform-rejection'),
  'auth.delegation.consent': organisational('OAuth consent happens in a browser with a person, outside the MCP and admin APIs'),
  'auth.delegation.statement': WORDING,
  'auth.credentials.holder': CONTRACT,
  'auth.credentials.encrypted_at_rest': AT_REST,
  'auth.credentials.encryption': AT_REST,
  'auth.credentials.refresh': organisational('refreshing OAuth tokens needs a real identity provider and hours of time'),
  'auth.credentials.refresh_before_expiry_minutes': organisational('refreshing OAuth tokens needs a real identity provider and hours of time'),
  'auth.credentials.logged': check('no-payload-retention'),
  'auth.credentials.statement': WORDING,
  'auth.revocation.by': organisational('who may revoke a grant is a console and identity-provider feature outside the reference admin API'),
  'auth.revocation.propagation_seconds': organisational('how fast a revocation reaches every node of a distributed platform cannot be observed on one gateway'),
  'auth.revocation.statement': WORDING,
  'auth.origin_validation': check('origin-allowlist'),
  'auth.secondary_auth.available': check('secondary-bearer'),
  'auth.secondary_auth.statement': WORDING,
  'auth.token_passthrough': check('no-token-passthrough'),
  'auth.sample_provisioning_payload.name': SAMPLE,
  'auth.sample_provisioning_payload.config.methods': SAMPLE,
  'auth.sample_provisioning_payload.config.tags': SAMPLE,
  'auth.sample_provisioning_payload.config.require_api_token_auth': SAMPLE,
  'auth.sample_provisioning_payload.expires_at': SAMPLE,

  'rbac.statement': WORDING,
  'rbac.roles': organisational('who in the customer’s organisation holds which role is the customer’s and the console’s business; verify holds one admin key'),
  'rbac.roles[].name': IDENTITY,
  'rbac.roles[].description': organisational('who in the customer’s organisation holds which role is the customer’s and the console’s business; verify holds one admin key'),
  'rbac.filtering.methods': check('method-filter'),
  'rbac.filtering.tags': check('tag-filter'),
  'rbac.filtering.enforced_on_call': check('method-filter', 'tag-filter'),
  'rbac.scoping.by': check('method-filter', 'tag-filter'),
  'rbac.scoping.method_categories': check('method-filter'),
  'rbac.scoping.statement': WORDING,
  'rbac.integrations.first_party_count': NOT_A_GATEWAY_FEATURE,
  'rbac.integrations.community_count': NOT_A_GATEWAY_FEATURE,
  'rbac.integrations.community_supported': NOT_A_GATEWAY_FEATURE,
  'rbac.integrations.statement': WORDING,
  'rbac.audit_trail': check('audit-trail'),

  'rate-limits.policy': check('rate-limit-passthrough'),
  'rate-limits.retries': check('rate-limit-passthrough'),
  'rate-limits.max_retry_window_ms': organisational('the probe upstream answers every retry at once, so a run never reaches the retry window'),
  'rate-limits.retry_on': check('rate-limit-passthrough'),
  'rate-limits.failover': NOT_A_GATEWAY_FEATURE,
  'rate-limits.headers': check('rate-limit-passthrough'),
  'rate-limits.status': check('rate-limit-passthrough'),
  'rate-limits.jsonrpc_error_code': check('rate-limit-passthrough'),
  'rate-limits.upstream_down.behaviour': organisational('an upstream outage cannot be staged through the reference probe upstream in one run'),
  'rate-limits.upstream_down.status': organisational('an upstream outage cannot be staged through the reference probe upstream in one run'),
  'rate-limits.upstream_down.statement': WORDING,
  // The vendor's own contract sentence: no engine claim hangs on it (the latency of a 429 hangs on the objective).
  'rate-limits.statement': WORDING,
  'rate-limits.example.limit': SAMPLE,
  'rate-limits.example.window_seconds': SAMPLE,
  'rate-limits.example.retry_after_seconds': SAMPLE,
  'rate-limits.example.message': SAMPLE,

  'retention.payloads.retained': check('no-payload-retention'),
  'retention.payloads.statement': WORDING,
  'retention.metadata.fields': check('metadata-fields'),
  'retention.metadata.retention_days': RETENTION_TIME,
  'retention.audit_logs.retention_days': RETENTION_TIME,
  'retention.audit_logs.export_formats': check('audit-export'),
  'retention.audit_logs.siem': organisational('a SIEM integration runs in the customer’s infrastructure'),
  'retention.caching.cached': organisational('whether a response was served from a cache is not observable from outside in one run'),
  'retention.caching.ttl_seconds': organisational('cache lifetimes are longer than a run and not observable from outside'),
  'retention.caching.scope': organisational('who shares a cache entry is not observable from outside in one run'),
  'retention.caching.statement': WORDING,
  'retention.regions': SUPPLIERS,
  'retention.region_pinning.level': SUPPLIERS,
  'retention.region_pinning.statement': WORDING,
  'retention.configuration_export.available': organisational('configuration export is a console feature outside the reference admin API'),
  'retention.configuration_export.formats': organisational('configuration export is a console feature outside the reference admin API'),
  'retention.configuration_export.statement': WORDING,

  'subprocessors.notice_days': CONTRACT,
  'subprocessors.entries': SUPPLIERS,
  'subprocessors.entries[].name': IDENTITY,
  'subprocessors.entries[].purpose': SUPPLIERS,
  'subprocessors.entries[].location': SUPPLIERS,
  'subprocessors.entries[].url': CONTACT,
  'subprocessors.entries[].since': SUPPLIERS,

  'compliance.statement': WORDING,
  'compliance.certifications': AUDITED,
  'compliance.certifications[].name': IDENTITY,
  'compliance.certifications[].status': AUDITED,
  'compliance.certifications[].expected': AUDITED,
  'compliance.certifications[].scope': AUDITED,
  'compliance.certifications[].issued': AUDITED,
  'compliance.certifications[].report': PEOPLE,
  'compliance.certifications[].url': CONTACT,
  'compliance.agreements': CONTRACT,
  'compliance.agreements[].name': IDENTITY,
  'compliance.agreements[].url': CONTACT,
  'compliance.agreements[].request': PEOPLE,
  'compliance.deployment_models': NOT_A_GATEWAY_FEATURE,
  'compliance.deployment_models[].id': IDENTITY,
  'compliance.deployment_models[].compliance': AUDITED,

  'incidents.breach_notification_hours': PEOPLE,
  'incidents.status_page': CONTACT,
  'incidents.postmortem_days': PEOPLE,
  'incidents.severities': PEOPLE,
  'incidents.severities[].id': IDENTITY,
  'incidents.severities[].name': IDENTITY,
  'incidents.severities[].description': WORDING,
  'incidents.severities[].first_response_minutes': PEOPLE,
  'incidents.severities[].update_interval_minutes': PEOPLE,

  'credits.basis': CONTRACT,
  'credits.tiers': CONTRACT,
  'credits.tiers[].below_percent': CONTRACT,
  'credits.tiers[].credit_percent': CONTRACT,
  'credits.claim_window_days': CONTRACT,
  'credits.max_credit_percent': CONTRACT,
  'credits.claim_process': PEOPLE,

  'changes.material_change_notice_days': CONTRACT,
  'changes.breaking_change_notice_days': CONTRACT,
  'changes.deprecation_policy': CONTRACT,
};
