/** Rules that span fields or files of one version. Pure: returns issues by file kind and path. */
import type { ErrorCode, ProblemParams } from '../errors/catalog.ts';
import type { FileKind, Policy } from './policy.ts';

export interface RuleIssue {
  readonly kind: FileKind;
  readonly path: readonly (string | number)[];
  readonly code: ErrorCode;
  readonly params: ProblemParams;
}

/** Every cross-field rule for one version's public policy; `folder` is the version's folder name. */
export function checkRules(policy: Policy, folder: string): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const add = (kind: FileKind, path: RuleIssue['path'], code: ErrorCode, params: ProblemParams = {}) => issues.push({ kind, path, code, params });
  const { meta, latency, credits, uptime } = policy;

  if (meta.version !== folder) add('meta', ['version'], 'version-mismatch', { version: meta.version, folder });
  if (meta.effective < meta.updated) add('meta', ['effective'], 'effective-before-updated', { effective: meta.effective, updated: meta.updated });

  (latency.objectives ?? []).forEach((o, i) => {
    if (o.p50_ms > o.p95_ms) add('latency', ['objectives', i, 'p95_ms'], 'latency-order', { operation: o.operation, detail: `p95_ms ${o.p95_ms} is below p50_ms ${o.p50_ms}` });
    if (o.p95_ms > o.p99_ms) add('latency', ['objectives', i, 'p99_ms'], 'latency-order', { operation: o.operation, detail: `p99_ms ${o.p99_ms} is below p95_ms ${o.p95_ms}` });
  });

  credits.tiers.forEach((tier, i) => {
    const previous = credits.tiers[i - 1];
    if (previous && tier.below_percent >= previous.below_percent) {
      add('credits', ['tiers', i, 'below_percent'], 'credit-tier-order', { index: i + 1, detail: `below_percent ${tier.below_percent} must be lower than the previous tier's ${previous.below_percent}` });
    }
    if (previous && tier.credit_percent <= previous.credit_percent) {
      add('credits', ['tiers', i, 'credit_percent'], 'credit-tier-order', { index: i + 1, detail: `credit_percent ${tier.credit_percent} must be higher than the previous tier's ${previous.credit_percent}` });
    }
    if (tier.credit_percent > credits.max_credit_percent) add('credits', ['tiers', i, 'credit_percent'], 'credit-over-max', { credit: tier.credit_percent, max: credits.max_credit_percent });
  });
  const first = credits.tiers[0];
  if (first && first.below_percent > uptime.target_percent) {
    add('credits', ['tiers', 0, 'below_percent'], 'credit-first-tier-above-target', { below: first.below_percent, target: uptime.target_percent });
  }

  const limits = policy['rate-limits'];
  if (limits.policy === 'pass-through') {
    if (limits.retries !== undefined && limits.retries !== 0) add('rate-limits', ['retries'], 'retries-with-pass-through', { retries: limits.retries });
    if (limits.max_retry_window_ms !== undefined) add('rate-limits', ['max_retry_window_ms'], 'retry-window-with-pass-through');
    if (limits.retry_on !== undefined) add('rate-limits', ['retry_on'], 'retry-on-with-pass-through');
  } else {
    // A retry policy is bounded by a count, a window or both; a count of 0 retries nothing.
    if (limits.retries === 0) add('rate-limits', ['retries'], 'retry-without-retries');
    else if (limits.retries === undefined && limits.max_retry_window_ms === undefined) add('rate-limits', ['policy'], 'retry-bound-missing');
  }
  if (limits.upstream_down?.behaviour === 'retry-then-fail' && limits.policy === 'pass-through') add('rate-limits', ['upstream_down', 'behaviour'], 'upstream-retry-with-pass-through');
  const caching = policy.retention.caching;
  if (caching && !caching.cached && (caching.ttl_seconds !== undefined || caching.scope !== undefined)) add('retention', ['caching', 'cached'], 'cache-detail-without-cache');
  const tokens = policy.auth.tokens;
  if (tokens?.hashing !== undefined && tokens.storage !== undefined && tokens.storage !== 'hashed') add('auth', ['tokens', 'hashing'], 'hashing-without-hashed-storage', { storage: tokens.storage });
  policy.compliance.certifications.forEach((c, i) => {
    if (c.expected !== undefined && c.status !== 'planned' && c.status !== 'in-progress') add('compliance', ['certifications', i, 'expected'], 'expected-date-with-status', { name: c.name, status: c.status });
    if (c.scope === undefined && c.status !== 'not-offered') add('compliance', ['certifications', i], 'certification-scope-missing', { name: c.name });
  });
  if (latency.scope === 'end-to-end' && latency.upstream_share === undefined) add('latency', ['scope'], 'latency-upstream-share-missing');
  const { auth } = policy;
  if (auth.model === 'oauth-delegation' && !auth.delegation) add('auth', ['model'], 'auth-model-incomplete', { model: auth.model, key: 'delegation', what: 'how users give consent (consent) and a statement' });
  if ((auth.model === 'url-token' || auth.model === 'api-key') && !auth.tokens) add('auth', ['model'], 'auth-model-incomplete', { model: auth.model, key: 'tokens', what: 'how tokens are kept at rest (storage: hashed, encrypted, identity-provider or not-stored)' });

  unique(add, 'uptime', ['exclusions'], uptime.exclusions, 'id');
  unique(add, 'latency', ['objectives'], latency.objectives ?? [], 'operation');
  unique(add, 'rbac', ['roles'], policy.rbac.roles, 'name');
  unique(add, 'subprocessors', ['entries'], policy.subprocessors.entries, 'name');
  unique(add, 'compliance', ['certifications'], policy.compliance.certifications, 'name');
  unique(add, 'compliance', ['agreements'], policy.compliance.agreements ?? [], 'name');
  unique(add, 'incidents', ['severities'], policy.incidents.severities, 'id');
  // Credit tiers need no identity check: strictly falling thresholds are already unique.
  return issues;
}

function unique<T extends Record<string, unknown>>(
  add: (kind: FileKind, path: RuleIssue['path'], code: ErrorCode, params: ProblemParams) => void,
  kind: FileKind,
  path: readonly string[],
  items: readonly T[],
  key: keyof T & string,
): void {
  const firstIndex = new Map<unknown, number>();
  items.forEach((item, i) => {
    const value = item[key];
    const seen = firstIndex.get(value);
    if (seen === undefined) firstIndex.set(value, i);
    else add(kind, [...path, i, key], 'duplicate-identity', { key, value: String(value), first: seen + 1 });
  });
}
