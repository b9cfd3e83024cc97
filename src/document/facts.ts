/**
 * The commitment lines of the #auth, #rbac, #rate-limits, #retention, #latency, #compliance and #changes sections,
 * worded once for the page and the PDF. Every line comes from a policy value (its `source` path); a value the
 * policy leaves out gives no line, so nothing is claimed that the vendor did not state.
 */
import type { Policy } from '../model/policy.ts';
import { formatValue, list, series } from '../model/units.ts';

export interface Fact {
  readonly label: string;
  readonly text: string;
  /** The policy path the line states, e.g. "auth.tokens.hashing". */
  readonly source: string;
  /** Shown in a fixed-width face (header names, field names). */
  readonly mono?: boolean;
}

const sentence = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(' ');

export const authModelText = { 'url-token': 'Per-tenant URL token', 'api-key': 'API key', 'oauth-delegation': 'Per-user OAuth delegation' } as const;
export const consentText = {
  'url-elicitation': 'URL elicitation: the MCP client is given a URL that opens the provider’s consent screen',
  'browser-redirect': 'Browser redirect to the provider’s consent screen',
  'admin-preauthorized': 'Pre-authorized by an administrator',
} as const;
export const hashingText = {
  'hmac-sha256': 'HMAC-SHA256 (keyed hash)',
  'hmac-sha512': 'HMAC-SHA512 (keyed hash)',
  argon2id: 'Argon2id',
  scrypt: 'scrypt',
  bcrypt: 'bcrypt',
  'pbkdf2-sha256': 'PBKDF2-SHA256',
  sha256: 'SHA-256',
  sha512: 'SHA-512',
} as const;
export const storageText = {
  hashed: 'Hashed',
  encrypted: 'Encrypted',
  'identity-provider': 'Held by the identity provider; the platform keeps none',
  'not-stored': 'Not stored',
} as const;
const revokerText = { 'end-user': 'the end user', 'customer-admin': 'a customer administrator', platform: 'the platform', 'upstream-provider': 'the upstream provider' } as const;
const upstreamDownText = {
  'fail-fast': 'The call fails at once with an error',
  'retry-then-fail': 'The call is retried within the retry bounds above, then fails with an error',
  failover: 'The call is sent to another route or credential',
} as const;
const cacheScopeText = { 'per-user': 'per user', 'per-tenant': 'per tenant', shared: 'shared across tenants' } as const;
const enforcementText = { 'request-time': 'request time', 'store-eviction': 'store eviction', 'purge-job': 'purge job' } as const;
const retryOnText = { 'rate-limit': 'rate limits', 'transient-error': 'transient errors', timeout: 'timeouts' } as const;
const scopingText = { methods: 'methods', tags: 'tags', toolkits: 'toolkits', tools: 'single tools', ttl: 'time to live (TTL)' } as const;
const methodText = { read: 'read', write: 'write', custom: 'custom', named: 'named operations' } as const;
const pinningText = { 'per-tenant': 'Per tenant', 'per-account': 'Per account', none: 'Not available' } as const;
export const deploymentText = { 'managed-cloud': 'Managed cloud', vpc: 'In the customer’s VPC', 'on-premises': 'On premises' } as const;

export function authFacts({ auth }: Policy): Fact[] {
  const facts: Fact[] = [];
  const add = (label: string, text: string, source: string) => facts.push({ label, text, source });
  if (auth.model) add('Authentication model', authModelText[auth.model], 'auth.model');
  if (auth.delegation) add('User consent', sentence(`${consentText[auth.delegation.consent]}.`, auth.delegation.statement), 'auth.delegation');
  const t = auth.tokens;
  if (t) {
    // Storage as done (hashed, encrypted, …); the hash only when the vendor names one.
    if (t.storage) add('Token storage at rest', t.storage === 'hashed' && t.hashing ? `${storageText.hashed}: ${hashingText[t.hashing]}` : storageText[t.storage], 'auth.tokens.storage');
    else if (t.hashing) add('Token storage at rest', hashingText[t.hashing], 'auth.tokens.hashing');
    if (t.entropy_bits !== undefined) add('Token entropy', formatValue('entropy_bits', t.entropy_bits), 'auth.tokens.entropy_bits');
    if (t.max_lifetime_days !== undefined) add('Maximum token lifetime', formatValue('max_lifetime_days', t.max_lifetime_days), 'auth.tokens.max_lifetime_days');
    if (t.expiry_enforcement) add('Expiry enforced at', list(t.expiry_enforcement.map((e) => enforcementText[e])), 'auth.tokens.expiry_enforcement');
    if (t.uniform_rejection !== undefined)
      add('Uniform rejection', t.uniform_rejection ? 'Invalid, expired, revoked and unknown tokens get the same answer' : 'No', 'auth.tokens.uniform_rejection');
    if (t.tenant_binding) add('Tenant binding', t.tenant_binding, 'auth.tokens.tenant_binding');
  }
  const c = auth.credentials;
  if (c) {
    add('Upstream credentials held by', c.holder === 'platform' ? 'The platform' : 'The customer', 'auth.credentials.holder');
    add('Credentials encrypted at rest', c.encrypted_at_rest ? sentence('Yes', c.encryption ? `(${c.encryption})` : undefined) : 'No', 'auth.credentials.encrypted_at_rest');
    if (c.refresh)
      add(
        'Access token refresh',
        c.refresh === 'before-expiry'
          ? `Before expiry${c.refresh_before_expiry_minutes !== undefined ? `, ${formatValue('refresh_before_expiry_minutes', c.refresh_before_expiry_minutes)} ahead` : ''}`
          : 'When a call needs one',
        'auth.credentials.refresh',
      );
    add('Tokens in logs', c.logged ? 'May appear in logs' : 'Never logged', 'auth.credentials.logged');
    if (c.statement) add('Credential storage', c.statement, 'auth.credentials.statement');
  }
  const r = auth.revocation;
  if (r) {
    add('Revocation', sentence(`By ${series(r.by.map((b) => revokerText[b]))}.`, r.propagation_seconds !== undefined ? `Takes effect everywhere within ${formatValue('propagation_seconds', r.propagation_seconds)}.` : undefined, r.statement), 'auth.revocation');
  }
  if (auth.origin_validation !== undefined)
    add('Requests from pages of other sites', auth.origin_validation ? 'Refused: the Origin header is checked (DNS-rebinding protection)' : 'Not refused: the Origin header is not checked', 'auth.origin_validation');
  if (auth.secondary_auth) add('Secondary bearer authentication', sentence(auth.secondary_auth.available ? 'Available.' : 'Not available.', auth.secondary_auth.statement), 'auth.secondary_auth');
  if (auth.token_passthrough !== undefined)
    add('Client tokens sent upstream', auth.token_passthrough ? 'Yes: client tokens are passed through to upstream APIs' : 'Never (no token passthrough)', 'auth.token_passthrough');
  return facts;
}

export function rbacFacts({ rbac }: Policy): Fact[] {
  const facts: Fact[] = [];
  const add = (label: string, text: string, source: string) => facts.push({ label, text, source });
  if (rbac.scoping) {
    add('Tools scoped by', list(rbac.scoping.by.map((b) => scopingText[b])), 'rbac.scoping.by');
    if (rbac.scoping.method_categories) add('Method filters', list(rbac.scoping.method_categories.map((m) => methodText[m])), 'rbac.scoping.method_categories');
    if (rbac.scoping.statement) add('How scoping works', rbac.scoping.statement, 'rbac.scoping.statement');
  }
  const f = rbac.filtering;
  if (f) {
    if (f.methods) add('Method filtering', f.methods, 'rbac.filtering.methods');
    if (f.tags) add('Tag filtering', f.tags, 'rbac.filtering.tags');
    add('Filters enforced when a tool is called', f.enforced_on_call ? 'Yes, not only when tools are listed' : 'No: filters apply when tools are listed', 'rbac.filtering.enforced_on_call');
  }
  const i = rbac.integrations;
  if (i) {
    if (i.first_party_count !== undefined) add('First-party integrations', i.first_party_count.toLocaleString('en-US'), 'rbac.integrations.first_party_count');
    if (i.community_count !== undefined) add('Community integrations', i.community_count.toLocaleString('en-US'), 'rbac.integrations.community_count');
    if (i.community_supported !== undefined) add('Community integrations supported', i.community_supported ? 'Yes' : 'No, not covered by support', 'rbac.integrations.community_supported');
    add('Integration coverage', i.statement, 'rbac.integrations.statement');
  }
  add('Audit trail', rbac.audit_trail, 'rbac.audit_trail');
  return facts;
}

export function rateLimitFacts(policy: Policy): Fact[] {
  const r = policy['rate-limits'];
  const facts: Fact[] = [];
  const add = (label: string, text: string, source: string, mono?: boolean) => facts.push({ label, text, source, ...(mono ? { mono } : {}) });
  add(
    'Policy',
    r.policy === 'pass-through'
      ? 'Pass-through: upstream 429s are returned at once'
      : `Retry${r.retry_on ? ` on ${list(r.retry_on.map((c) => retryOnText[c]))}` : ''}${r.failover ? ', with failover' : ''}`,
    'rate-limits.policy',
  );
  // Each line only when its key is stated: a vendor may bound retries by a count, a window or both, and name no header or code.
  if (r.retries !== undefined) add('Retries by the platform', String(r.retries), 'rate-limits.retries');
  if (r.max_retry_window_ms !== undefined) add('Longest retry window', formatValue('max_retry_window_ms', r.max_retry_window_ms), 'rate-limits.max_retry_window_ms');
  if (r.status !== undefined) add('HTTP status', String(r.status), 'rate-limits.status');
  if (r.jsonrpc_error_code !== undefined) add('JSON-RPC error code', String(r.jsonrpc_error_code), 'rate-limits.jsonrpc_error_code');
  if (r.headers) add('Headers on every rate-limited response', list(r.headers), 'rate-limits.headers', true);
  const down = r.upstream_down;
  if (down) add('When an upstream API is down', sentence(`${upstreamDownText[down.behaviour]}${down.status !== undefined ? ` (HTTP ${down.status})` : ''}.`, down.statement), 'rate-limits.upstream_down');
  return facts;
}

export function retentionFacts({ retention: r }: Policy): Fact[] {
  const facts: Fact[] = [];
  const add = (label: string, text: string, source: string, mono?: boolean) => facts.push({ label, text, source, ...(mono ? { mono } : {}) });
  add('Request and response payloads', r.payloads.retained ? 'Retained' : 'Never stored (zero payload retention)', 'retention.payloads.retained');
  add('Metadata kept per request', list(r.metadata.fields), 'retention.metadata.fields', true);
  add('Metadata retention', formatValue('retention_days', r.metadata.retention_days), 'retention.metadata.retention_days');
  add('Audit log retention', formatValue('retention_days', r.audit_logs.retention_days), 'retention.audit_logs.retention_days');
  add('Audit log export formats', list(r.audit_logs.export_formats.map((f) => f.toUpperCase())), 'retention.audit_logs.export_formats');
  if (r.audit_logs.siem) add('Audit log export to SIEM', list(r.audit_logs.siem), 'retention.audit_logs.siem');
  const c = r.caching;
  if (c) {
    const detail = [c.ttl_seconds !== undefined ? `for at most ${formatValue('ttl_seconds', c.ttl_seconds)}` : undefined, c.scope ? cacheScopeText[c.scope] : undefined].filter(Boolean).join(', ');
    add('Responses cached in transit', sentence(c.cached ? `Yes${detail ? `, ${detail}` : ''}.` : 'No: responses are not cached.', c.statement), 'retention.caching');
  }
  add('Processing regions (customer’s choice)', list(r.regions), 'retention.regions');
  if (r.region_pinning) add('Data plane pinned to a region', sentence(`${pinningText[r.region_pinning.level]}.`, r.region_pinning.statement), 'retention.region_pinning');
  const e = r.configuration_export;
  if (e) add('Configuration export', e.available ? sentence(`Available${e.formats ? ` as ${list(e.formats)}` : ''}.`, e.statement) : sentence('Not available.', e.statement), 'retention.configuration_export');
  return facts;
}

/** The latency scope as the policy states it. */
export function latencyScopeFact({ latency }: Policy): Fact {
  return latency.scope === 'gateway-overhead'
    ? { label: 'Scope', text: 'The time the platform adds (gateway overhead); the upstream API’s own time is not included.', source: 'latency.scope' }
    : { label: 'Scope', text: sentence('End to end, including the upstream API’s time.', latency.upstream_share), source: 'latency.scope' };
}

export function deploymentFacts({ compliance }: Policy): Fact[] {
  return (compliance.deployment_models ?? []).map((m) => ({ label: deploymentText[m.id], text: m.compliance, source: `compliance.deployment_models[id=${m.id}]` }));
}

export function changesFacts({ changes }: Policy): Fact[] {
  return [
    { label: 'Notice before a weakened commitment takes effect', text: formatValue('material_change_notice_days', changes.material_change_notice_days), source: 'changes.material_change_notice_days' },
    { label: 'Notice before a breaking API change', text: formatValue('breaking_change_notice_days', changes.breaking_change_notice_days), source: 'changes.breaking_change_notice_days' },
    { label: 'Deprecations', text: changes.deprecation_policy, source: 'changes.deprecation_policy' },
  ];
}
