/** The format only grows: the example's released versions and every fixture keep validating as before, and the new keys' rules and warnings. */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpus, removeAll, replace } from '../../tests/fixtures/invalid/corpus.ts';
import { loadPolicy } from '../load/load-policy.ts';
import { validatePolicy } from './validate.ts';

afterAll(removeAll);

const root = resolve(import.meta.dirname, '../..');
const fixtures = resolve(root, 'tests/fixtures');
const options = { today: '2026-05-15', gatewayVersion: null } as const;

/** The fixtures that existed before the format grew, and the vendors added with it. */
const known = ['measurement-exceeds', 'notice-subprocessor', 'notice-uptime', 'site-hostile', 'site-invalid', 'vendor-arcade', 'vendor-minimal'];

/** Those policy folders under tests/fixtures: the fixture itself when it holds version folders, else its policy/. */
function policyFolders(): string[] {
  return readdirSync(fixtures)
    .filter((name) => known.includes(name))
    .map((name) => join(fixtures, name))
    .flatMap((dir) => (readdirSync(dir).some((n) => /^\d+\.\d+$/.test(n)) ? [dir] : existsSync(join(dir, 'policy')) ? [join(dir, 'policy')] : []));
}

describe('existing policies keep validating unchanged', () => {
  it('the example: every version loads, released versions match the lock, no errors', () => {
    const result = validatePolicy(join(root, 'policy'), options);
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.versions.map((v) => v.version)).toEqual(['3.0', '3.1', '3.2']);
    expect(Object.keys(result.releases)).toEqual(['3.0', '3.1', '3.2']);
  });

  it('every fixture gives the same errors as before the format grew', () => {
    const errors = Object.fromEntries(
      policyFolders().map((dir) => [
        dir.slice(fixtures.length + 1),
        validatePolicy(dir, options)
          .problems.filter((p) => p.severity === 'error')
          .map((p) => p.code),
      ]),
    );
    expect(errors).toMatchInlineSnapshot(`
      {
        "measurement-exceeds/policy": [
          "measurement-exceeds-objective",
        ],
        "notice-subprocessor": [
          "notice-too-short",
        ],
        "notice-uptime": [
          "notice-too-short",
        ],
        "site-hostile": [],
        "site-invalid": [
          "out-of-range",
        ],
        "vendor-arcade/policy": [],
        "vendor-minimal/policy": [],
      }
    `);
  });
});

describe('rules of the added keys', () => {
  const load = (edits: Parameters<typeof corpus>[0]) => {
    const c = corpus(edits);
    return c.render(loadPolicy(c.policyDir).problems);
  };

  it('end-to-end latency needs the upstream share; OAuth delegation needs its consent; retry_on needs policy retry', () => {
    expect(
      load({
        'latency.yaml': replace('scope: gateway-overhead', 'scope: end-to-end'),
        'auth.yaml': (t) => `${t}model: oauth-delegation\n`,
        'rate-limits.yaml': (t) => `${t}retry_on: [rate-limit]\n`,
      }),
    ).toMatchInlineSnapshot(`
      "policy/3.1/rate-limits.yaml:14:11: retry_on is set but the policy is pass-through, which retries nothing [retry-on-with-pass-through]
        hint: remove retry_on, or change policy to retry
      policy/3.1/latency.yaml:2:8: scope end-to-end needs upstream_share [latency-upstream-share-missing]
        hint: add upstream_share: how much of the committed time is the upstream API's, and what happens when it is slow
      policy/3.1/auth.yaml:27:8: model oauth-delegation needs \`delegation\` [auth-model-incomplete]
        hint: add \`delegation:\` with how users give consent (consent) and a statement"
    `);
  });

  it('end-to-end latency and token passthrough are warnings, not errors', () => {
    const c = corpus({
      'latency.yaml': replace('scope: gateway-overhead', 'scope: end-to-end\nupstream_share: The upstream API answers in about 80% of the time.'),
      'auth.yaml': replace('token_passthrough: false', 'token_passthrough: true'),
    });
    const problems = validatePolicy(c.policyDir, options).problems.filter((p) => p.code !== 'question-unanswered' && p.code !== 'measurement-missing');
    expect(c.render(problems)).toMatchInlineSnapshot(`
      "policy/3.1/latency.yaml:2:8: latency objectives cover end-to-end time, which includes upstream APIs the platform does not control [latency-end-to-end]
        hint: consider scope: gateway-overhead (the time the platform adds), which the platform can keep; keep upstream_share honest if not
      policy/3.1/auth.yaml:19:20: token_passthrough is true: MCP clients' tokens reach upstream APIs [token-passthrough-on]
        hint: the MCP specification forbids passing a client's token upstream; issue upstream credentials per connection instead"
    `);
  });

  it('a minimal vendor gets one warning per procurement question it leaves open, naming the file and key', () => {
    const problems = validatePolicy(join(fixtures, 'vendor-minimal/policy'), options).problems.filter((p) => p.code === 'question-unanswered');
    expect(problems.map((p) => `${p.file.replace(/^.*fixtures\//, '')}:${p.line} ${p.severity} ${p.hint}`)).toMatchInlineSnapshot(`
      [
        "vendor-minimal/policy/1.0/retention.yaml:2 warning add \`region_pinning\` to retention.yaml in the next version to answer it, with level: per-tenant, per-account or none",
        "vendor-minimal/policy/1.0/auth.yaml:2 warning add \`credentials\` to auth.yaml in the next version to answer it, with holder, encrypted_at_rest and logged",
        "vendor-minimal/policy/1.0/auth.yaml:2 warning add \`revocation\` to auth.yaml in the next version to answer it, with by: who can revoke (end-user, customer-admin, platform, upstream-provider); propagation_seconds optional",
        "vendor-minimal/policy/1.0/compliance.yaml:3 warning add \`certifications\` to compliance.yaml in the next version to answer it, with one entry with name, status (certified, in-progress, planned or not-offered) and report",
        "vendor-minimal/policy/1.0/retention.yaml:2 warning add \`configuration_export\` to retention.yaml in the next version to answer it, with available: true or false",
        "vendor-minimal/policy/1.0/rbac.yaml:2 warning add \`integrations\` to rbac.yaml in the next version to answer it, with statement: your coverage in your words",
      ]
    `);
  });
});
