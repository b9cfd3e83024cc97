import { afterAll, describe, expect, it } from 'vitest';
import { problemsWith, removeAll, replace } from '../../tests/fixtures/invalid/corpus.ts';

// Rules are pure, but what users see is where they point: pinned through the loader, at file:line:col.
afterAll(removeAll);

describe('rules across fields and files', () => {
  it('the version equals its folder', () => {
    expect(problemsWith({ 'meta.yaml': replace('version: "3.1"', 'version: "3.2"') })).toMatchInlineSnapshot(`
      "policy/3.1/meta.yaml:2:10: version \`3.2\` does not match its folder \`3.1\` [version-mismatch]
        hint: set version: "3.1", or rename the folder"
    `);
  });

  it('effective is on or after updated', () => {
    expect(problemsWith({ 'meta.yaml': replace('effective: "2026-02-26"', 'effective: "2026-01-11"') })).toMatchInlineSnapshot(`
      "policy/3.1/meta.yaml:4:12: effective date 2026-01-11 is before the updated date 2026-01-12 [effective-before-updated]
        hint: commitments take effect on or after the day they are published"
    `);
    expect(problemsWith({ 'meta.yaml': replace('effective: "2026-02-26"', 'effective: "2026-01-12"') })).toBe('');
  });

  it('p50 <= p95 <= p99, each break at the later percentile', () => {
    expect(problemsWith({ 'latency.yaml': replace('p95_ms: 5', 'p95_ms: 1') })).toMatchInlineSnapshot(`
      "policy/3.1/latency.yaml:10:13: tools/list: p95_ms 1 is below p50_ms 2 [latency-order]
        hint: percentiles must satisfy p50_ms <= p95_ms <= p99_ms"
    `);
    expect(problemsWith({ 'latency.yaml': replace('p99_ms: 20', 'p99_ms: 11') })).toMatchInlineSnapshot(`
      "policy/3.1/latency.yaml:16:13: tools/call: p99_ms 11 is below p95_ms 12 [latency-order]
        hint: percentiles must satisfy p50_ms <= p95_ms <= p99_ms"
    `);
    expect(problemsWith({ 'latency.yaml': replace('p95_ms: 5', 'p95_ms: 2') })).toBe('');
  });

  it('credit tiers: thresholds strictly falling', () => {
    expect(problemsWith({ 'credits.yaml': replace('below_percent: 99.0', 'below_percent: 99.95') })).toMatchInlineSnapshot(`
      "policy/3.1/credits.yaml:6:20: credit tier 2: below_percent 99.95 must be lower than the previous tier's 99.95 [credit-tier-order]
        hint: list tiers from the mildest outage to the worst: below_percent strictly falling, credit_percent strictly rising"
    `);
  });

  it('credit tiers: credits strictly rising', () => {
    expect(problemsWith({ 'credits.yaml': replace('credit_percent: 25', 'credit_percent: 10') })).toMatchInlineSnapshot(`
      "policy/3.1/credits.yaml:7:21: credit tier 2: credit_percent 10 must be higher than the previous tier's 10 [credit-tier-order]
        hint: list tiers from the mildest outage to the worst: below_percent strictly falling, credit_percent strictly rising"
    `);
  });

  it('credit tiers: the first threshold is at most the uptime target', () => {
    expect(problemsWith({ 'credits.yaml': replace('below_percent: 99.95', 'below_percent: 99.99') })).toMatchInlineSnapshot(`
      "policy/3.1/credits.yaml:4:20: the first tier starts below 99.99%, above the uptime target 99.95% [credit-first-tier-above-target]
        hint: the first tier's below_percent must be at most uptime.yaml target_percent"
    `);
  });

  it('credit tiers: no credit above max_credit_percent', () => {
    expect(problemsWith({ 'credits.yaml': replace('max_credit_percent: 100', 'max_credit_percent: 50') })).toMatchInlineSnapshot(`
      "policy/3.1/credits.yaml:11:21: credit 100% is above max_credit_percent 50% [credit-over-max]
        hint: raise max_credit_percent or lower this tier"
    `);
  });

  it('pass-through retries nothing; retry is bounded by a count, a window or both, and a count of 0 is no retry', () => {
    expect(problemsWith({ 'rate-limits.yaml': replace('retries: 0', 'retries: 2') })).toMatchInlineSnapshot(`
      "policy/3.1/rate-limits.yaml:3:10: retries is 2 but the policy is pass-through [retries-with-pass-through]
        hint: set retries: 0 (or remove it), or change policy to retry"
    `);
    expect(problemsWith({ 'rate-limits.yaml': replace('retries: 0', 'retries: 0\nmax_retry_window_ms: 20000') })).toMatchInlineSnapshot(`
      "policy/3.1/rate-limits.yaml:4:22: max_retry_window_ms is set but the policy is pass-through, which retries nothing [retry-window-with-pass-through]
        hint: remove max_retry_window_ms, or set policy: retry"
    `);
    expect(problemsWith({ 'rate-limits.yaml': replace('policy: pass-through\nretries: 0', 'policy: retry') })).toMatchInlineSnapshot(`
      "policy/3.1/rate-limits.yaml:2:9: policy retry states neither how many retries (retries) nor for how long (max_retry_window_ms) [retry-bound-missing]
        hint: add retries: the most retries after an upstream 429 (1 or more), or max_retry_window_ms: the longest time spent retrying, or both"
    `);
    expect(problemsWith({ 'rate-limits.yaml': replace('policy: pass-through', 'policy: retry') })).toMatchInlineSnapshot(`
      "policy/3.1/rate-limits.yaml:3:10: retries is 0 but the policy is retry [retry-without-retries]
        hint: set policy: pass-through if nothing is retried, or give retries the most retries the platform makes (1 or more), or remove retries and bound the retrying with max_retry_window_ms"
    `);
    expect(problemsWith({ 'rate-limits.yaml': replace('policy: pass-through\nretries: 0', 'policy: retry\nretries: 2\nmax_retry_window_ms: 2000') })).toBe('');
    expect(problemsWith({ 'rate-limits.yaml': replace('policy: pass-through\nretries: 0', 'policy: retry\nmax_retry_window_ms: 20000') })).toBe('');
    expect(problemsWith({ 'rate-limits.yaml': replace('policy: pass-through\nretries: 0', 'policy: retry\nretries: 3') })).toBe('');
    expect(problemsWith({ 'rate-limits.yaml': (t) => `${t}upstream_down:\n  behaviour: retry-then-fail\n` })).toMatchInlineSnapshot(`
      "policy/3.1/rate-limits.yaml:15:14: upstream_down.behaviour is retry-then-fail but the policy is pass-through, which retries nothing [upstream-retry-with-pass-through]
        hint: use behaviour fail-fast or failover, or set policy: retry with its bounds (retries, max_retry_window_ms)"
    `);
  });

  it('new optional keys agree with their neighbours: caching, token storage, certification dates and scope', () => {
    expect(problemsWith({ 'retention.yaml': (t) => `${t}caching:\n  cached: false\n  ttl_seconds: 60\n` })).toMatchInlineSnapshot(`
      "policy/3.1/retention.yaml:15:11: caching.cached is false, yet ttl_seconds or scope is set [cache-detail-without-cache]
        hint: remove ttl_seconds and scope, or set cached: true"
    `);
    expect(problemsWith({ 'auth.yaml': replace('  hashing: hmac-sha256', '  storage: encrypted\n  hashing: hmac-sha256') })).toMatchInlineSnapshot(`
      "policy/3.1/auth.yaml:7:12: tokens.hashing is set but tokens.storage is encrypted [hashing-without-hashed-storage]
        hint: remove hashing, or set storage: hashed"
    `);
    expect(problemsWith({ 'compliance.yaml': replace('    status: certified\n    scope: Security', '    status: certified\n    expected: "2027-01-31"\n    scope: Security') })).toMatchInlineSnapshot(`
      "policy/3.1/compliance.yaml:8:15: SOC 2 Type II: expected is set but the status is certified [expected-date-with-status]
        hint: expected is the date a planned or in-progress certification is due: remove it, or set status: planned or in-progress"
    `);
    expect(problemsWith({ 'compliance.yaml': (t) => `${t}  - name: FedRAMP\n    status: planned\n    report: none\n` })).toMatchInlineSnapshot(`
      "policy/3.1/compliance.yaml:21:5: FedRAMP: scope is missing [certification-scope-missing]
        hint: add scope: what the certification covers (only status not-offered may leave it out)"
    `);
    expect(problemsWith({ 'compliance.yaml': (t) => `${t}  - name: FedRAMP\n    status: not-offered\n    report: none\n  - name: HIPAA\n    status: planned\n    expected: "2027-03-31"\n    scope: Covered entities in the US.\n    report: none\n` })).toBe('');
  });

  it('identities are unique: exclusion ids, operations, role, sub-processor and certification names, severity ids, tiers', () => {
    expect(
      problemsWith({
        'uptime.yaml': replace('id: upstream-apis', 'id: planned-maintenance'),
        'latency.yaml': replace('operation: tools/call', 'operation: tools/list'),
        'rbac.yaml': replace('name: Admin', 'name: Owner'),
        'subprocessors.yaml': replace('name: Quillmail Ltd.', 'name: Northbeam Cloud Hosting, Inc.'),
        'compliance.yaml': replace('name: GDPR', 'name: SOC 2 Type II'),
        'incidents.yaml': replace('id: sev2', 'id: sev1'),
      }),
    ).toMatchInlineSnapshot(`
      "policy/3.1/uptime.yaml:14:9: duplicate id \`planned-maintenance\`, already used by entry 1 [duplicate-identity]
        hint: each entry needs a unique id: the changelog follows entries by it
      policy/3.1/latency.yaml:12:16: duplicate operation \`tools/list\`, already used by entry 1 [duplicate-identity]
        hint: each entry needs a unique operation: the changelog follows entries by it
      policy/3.1/rbac.yaml:8:11: duplicate name \`Owner\`, already used by entry 1 [duplicate-identity]
        hint: each entry needs a unique name: the changelog follows entries by it
      policy/3.1/subprocessors.yaml:9:11: duplicate name \`Northbeam Cloud Hosting, Inc.\`, already used by entry 1 [duplicate-identity]
        hint: each entry needs a unique name: the changelog follows entries by it
      policy/3.1/compliance.yaml:16:11: duplicate name \`SOC 2 Type II\`, already used by entry 1 [duplicate-identity]
        hint: each entry needs a unique name: the changelog follows entries by it
      policy/3.1/incidents.yaml:11:9: duplicate id \`sev1\`, already used by entry 1 [duplicate-identity]
        hint: each entry needs a unique id: the changelog follows entries by it"
    `);
  });

  it('rules wait until every file passes its schema, so they never see half-valid data', () => {
    expect(
      problemsWith({ 'latency.yaml': replace('p95_ms: 5', 'p95_ms: 1'), 'uptime.yaml': replace('window: calendar-month', 'window: monthly') }),
    ).toMatchInlineSnapshot(`
      "policy/3.1/uptime.yaml:3:9: window: \`monthly\` is not one of "calendar-month", "calendar-quarter" [invalid-value]
        hint: use one of "calendar-month", "calendar-quarter""
    `);
  });
});
