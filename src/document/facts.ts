/**
 * The commitment lines of the #auth, #rbac, #rate-limits, #retention, #latency, #compliance and #changes sections,
 * worded once for the page and the PDF. Every line comes from a policy value (its `source` path); a value the
 * policy leaves out gives no line, so nothing is claimed that the vendor did not state.
 */
import { statementLabel } from '../claims/statements.ts';
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
  const add = (text: string, source: string) => facts.push({ label: statementLabel(source), text, source });
  if (auth.model) add(authModelText[auth.model], 'auth.model');
  if (auth.delegation) add(sentence(`${consentText[auth.delegation.consent]}.`, auth.delegation.statement), 'auth.delegation');
  const t = auth.tokens;
  if (t) {
    // Storage as done (hashed, encrypted, …); the hash only when the vendor names one.
    if (t.storage) add(t.storage === 'hashed' && t.hashing ? `${storageText.hashed}: ${hashingText[t.hashing]}` : storageText[t.storage], 'auth.tokens.storage');
    else if (t.hashing) add(hashingText[t.hashing], 'auth.tokens.hashing');
    if (t.entropy_bits !== undefined) add(formatValue('entropy_bits', t.entropy_bits), 'auth.tokens.entropy_bits');
    if (t.max_lifetime_days !== undefined) add(formatValue('max_lifetime_days', t.max_lifetime_days), 'auth.tokens.max_lifetime_days');
    if (t.expiry_enforcement) add(list(t.expiry_enforcement.map((e) => enforcementText[e])), 'auth.tokens.expiry_enforcement');
    if (t.uniform_rejection !== undefined)
      add(t.uniform_rejection ? 'Invalid, expired, revoked and unknown tokens get the same answer' : 'No', 'auth.tokens.uniform_rejection');
    if (t.tenant_binding) add(t.tenant_binding, 'auth.tokens.tenant_binding');
  }
  const c = auth.credentials;
  if (c) {
    add(c.holder === 'platform' ? 'The platform' : 'The customer', 'auth.credentials.holder');
    add(c.encrypted_at_rest ? sentence('Yes', c.encryption ? `(${c.encryption})` : undefined) : 'No', 'auth.credentials.encrypted_at_rest');
    if (c.refresh)
      add(c.refresh === 'before-expiry'
          ? `Before expiry${c.refresh_before_expiry_minutes !== undefined ? `, ${formatValue('refresh_before_expiry_minutes', c.refresh_before_expiry_minutes)} ahead` : ''}`
          : 'When a call needs one',
        'auth.credentials.refresh',
      );
    add(c.logged ? 'May appear in logs' : 'Never logged', 'auth.credentials.logged');
    if (c.statement) add(c.statement, 'auth.credentials.statement');
  }
  const r = auth.revocation;
  if (r) {
    add(sentence(`By ${series(r.by.map((b) => revokerText[b]))}.`, r.propagation_seconds !== undefined ? `Takes effect everywhere within ${formatValue('propagation_seconds', r.propagation_seconds)}.` : undefined, r.statement), 'auth.revocation');
  }
  if (auth.origin_validation !== undefined)
    add(auth.origin_validation ? 'Refused: the Origin header is checked (DNS-rebinding protection)' : 'Not refused: the Origin header is not checked', 'auth.origin_validation');
  if (auth.secondary_auth) add(sentence(auth.secondary_auth.available ? 'Available.' : 'Not available.', auth.secondary_auth.statement), 'auth.secondary_auth');
  if (auth.token_passthrough !== undefined)
    add(auth.token_passthrough ? 'Yes: client tokens are passed through to upstream APIs' : 'Never (no token passthrough)', 'auth.token_passthrough');
  return facts;
}

export function rbacFacts({ rbac }: Policy): Fact[] {
  const facts: Fact[] = [];
  const add = (text: string, source: string) => facts.push({ label: statementLabel(source), text, source });
  if (rbac.scoping) {
    add(list(rbac.scoping.by.map((b) => scopingText[b])), 'rbac.scoping.by');
    if (rbac.scoping.method_categories) add(list(rbac.scoping.method_categories.map((m) => methodText[m])), 'rbac.scoping.method_categories');
    if (rbac.scoping.statement) add(rbac.scoping.statement, 'rbac.scoping.statement');
  }
  const f = rbac.filtering;
  if (f) {
    if (f.methods) add(f.methods, 'rbac.filtering.methods');
    if (f.tags) add(f.tags, 'rbac.filtering.tags');
    add(f.enforced_on_call ? 'Yes, not only when tools are listed' : 'No: filters apply when tools are listed', 'rbac.filtering.enforced_on_call');
  }
  const i = rbac.integrations;
  if (i) {
    if (i.first_party_count !== undefined) add(i.first_party_count.toLocaleString('en-US'), 'rbac.integrations.first_party_count');
    if (i.community_count !== undefined) add(i.community_count.toLocaleString('en-US'), 'rbac.integrations.community_count');
    if (i.community_supported !== undefined) add(i.community_supported ? 'Yes' : 'No, not covered by support', 'rbac.integrations.community_supported');
    add(i.statement, 'rbac.integrations.statement');
  }
  add(rbac.audit_trail, 'rbac.audit_trail');
  return facts;
}

export function rateLimitFacts(policy: Policy): Fact[] {
  const r = policy['rate-limits'];
  const facts: Fact[] = [];
  const add = (text: string, source: string, mono?: boolean) => facts.push({ label: statementLabel(source), text, source, ...(mono ? { mono } : {}) });
  add(r.policy === 'pass-through'
      ? 'Pass-through: upstream 429s are returned at once'
      : `Retry${r.retry_on ? ` on ${list(r.retry_on.map((c) => retryOnText[c]))}` : ''}${r.failover ? ', with failover' : ''}`,
    'rate-limits.policy',
  );
  // Each line only when its key is stated: a vendor may bound retries by a count, a window or both, and name no header or code.
  if (r.retries !== undefined) add(String(r.retries), 'rate-limits.retries');
  if (r.max_retry_window_ms !== undefined) add(formatValue('max_retry_window_ms', r.max_retry_window_ms), 'rate-limits.max_retry_window_ms');
  if (r.status !== undefined) add(String(r.status), 'rate-limits.status');
  if (r.jsonrpc_error_code !== undefined) add(String(r.jsonrpc_error_code), 'rate-limits.jsonrpc_error_code');
  if (r.headers) add(list(r.headers), 'rate-limits.headers', true);
  const down = r.upstream_down;
  if (down) add(sentence(`${upstreamDownText[down.behaviour]}${down.status !== undefined ? ` (HTTP ${down.status})` : ''}.`, down.statement), 'rate-limits.upstream_down');
  return facts;
}

export function retentionFacts({ retention: r }: Policy): Fact[] {
  const facts: Fact[] = [];
  const add = (text: string, source: string, mono?: boolean) => facts.push({ label: statementLabel(source), text, source, ...(mono ? { mono } : {}) });
  add(r.payloads.retained ? 'Retained' : 'Never stored (zero payload retention)', 'retention.payloads.retained');
  add(list(r.metadata.fields), 'retention.metadata.fields', true);
  add(formatValue('retention_days', r.metadata.retention_days), 'retention.metadata.retention_days');
  add(formatValue('retention_days', r.audit_logs.retention_days), 'retention.audit_logs.retention_days');
  add(list(r.audit_logs.export_formats.map((f) => f.toUpperCase())), 'retention.audit_logs.export_formats');
  if (r.audit_logs.siem) add(list(r.audit_logs.siem), 'retention.audit_logs.siem');
  const c = r.caching;
  if (c) {
    const detail = [c.ttl_seconds !== undefined ? `for at most ${formatValue('ttl_seconds', c.ttl_seconds)}` : undefined, c.scope ? cacheScopeText[c.scope] : undefined].filter(Boolean).join(', ');
    add(sentence(c.cached ? `Yes${detail ? `, ${detail}` : ''}.` : 'No: responses are not cached.', c.statement), 'retention.caching');
  }
  add(list(r.regions), 'retention.regions');
  if (r.region_pinning) add(sentence(`${pinningText[r.region_pinning.level]}.`, r.region_pinning.statement), 'retention.region_pinning');
  const e = r.configuration_export;
  if (e) add(e.available ? sentence(`Available${e.formats ? ` as ${list(e.formats)}` : ''}.`, e.statement) : sentence('Not available.', e.statement), 'retention.configuration_export');
  return facts;
}

/** The latency scope as the policy states it. */
export function latencyScopeFact({ latency }: Policy): Fact {
  return latency.scope === 'gateway-overhead'
    ? { label: statementLabel('latency.scope'), text: 'The time the platform adds (gateway overhead); the upstream API’s own time is not included.', source: 'latency.scope' }
    : { label: statementLabel('latency.scope'), text: sentence('End to end, including the upstream API’s time.', latency.upstream_share), source: 'latency.scope' };
}

export function deploymentFacts({ compliance }: Policy): Fact[] {
  return (compliance.deployment_models ?? []).map((m) => ({ label: deploymentText[m.id], text: m.compliance, source: `compliance.deployment_models[id=${m.id}]` }));
}

export function changesFacts({ changes }: Policy): Fact[] {
  return [
    { label: statementLabel('changes.material_change_notice_days'), text: formatValue('material_change_notice_days', changes.material_change_notice_days), source: 'changes.material_change_notice_days' },
    { label: statementLabel('changes.breaking_change_notice_days'), text: formatValue('breaking_change_notice_days', changes.breaking_change_notice_days), source: 'changes.breaking_change_notice_days' },
    { label: statementLabel('changes.deprecation_policy'), text: changes.deprecation_policy, source: 'changes.deprecation_policy' },
  ];
}
