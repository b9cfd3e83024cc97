import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = resolve(import.meta.dirname, '../..');
const fixture = (name: string) => join(root, 'tests/fixtures', name);

/** Runs `node src/cli/diff.ts ARGS` with the pinned node that runs this test. */
function diff(...args: string[]) {
  const result = spawnSync(process.execPath, ['src/cli/main.ts', 'diff', ...args], { cwd: root, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run diff', () => {
  it('lists each change of the example from 3.1 to 3.2 as JSON with its direction', () => {
    const { status, stdout } = diff('3.1', '3.2', '--format', 'json');
    expect(status).toBe(0);
    const changes = JSON.parse(stdout) as { path: string; direction: string; material: boolean }[];
    expect(changes.map((c) => `${c.direction}${c.material ? '!' : ''} ${c.path}`)).toMatchInlineSnapshot(`
      [
        "stronger latency.objectives[operation=tools/call].p50_ms",
        "stronger latency.objectives[operation=tools/call].p95_ms",
        "stronger latency.objectives[operation=rate-limit-passthrough].p50_ms",
        "stronger latency.objectives[operation=rate-limit-passthrough].p95_ms",
        "stronger latency.objectives[operation=rate-limit-passthrough].p99_ms",
        "stronger rate-limits.headers[ratelimit-policy]",
        "stronger rate-limits.headers[ratelimit]",
        "neutral rate-limits.statement",
        "weaker! subprocessors.entries[name=Signalpost Observability AB]",
        "neutral compliance.certifications[name=SOC 2 Type II].issued",
        "stronger compliance.certifications[name=ISO/IEC 27001:2022].status",
        "neutral compliance.certifications[name=ISO/IEC 27001:2022].issued",
        "stronger compliance.certifications[name=ISO/IEC 27001:2022].report",
        "stronger incidents.breach_notification_hours",
      ]
    `);
  });

  it('defaults to previous -> latest', () => {
    expect(diff().stdout).toBe(diff('3.1', '3.2').stdout);
    expect(diff('3.0').stdout.split('\n')[0]).toBe('Policy changes 3.0 -> 3.2 (updated 2026-05-15, effective 2026-06-15)');
  });

  it('exits 2 with usage on an unknown version or format', () => {
    const unknown = diff('9.9');
    expect([unknown.status, unknown.stderr.split('\n')[0]]).toMatchInlineSnapshot(`
      [
        2,
        "no version "9.9"; versions: 3.0, 3.1, 3.2",
      ]
    `);
    expect(diff('--format', 'html').status).toBe(2);
  });
});

describe('the pull-request workflow, run locally', () => {
  const workflow = parse(readFileSync(join(root, '.github/workflows/policy-pr.yml'), 'utf8')) as {
    on: { pull_request: { paths: string[] } };
    jobs: { review: { steps: { name?: string; run?: string }[] } };
  };
  const steps = workflow.jobs.review.steps;
  const step = (name: string) => steps.find((s) => s.name === name)?.run ?? '';
  const temp = mkdtempSync(join(tmpdir(), 'policy-pr-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  /** Runs a step's shell line as the runner would, with the policy folder from SLA_POLICY_DIR. */
  function runStep(name: string, policy: string) {
    const result = spawnSync('bash', ['-c', step(name)], { cwd: root, encoding: 'utf8', env: { ...process.env, SLA_POLICY_DIR: policy, RUNNER_TEMP: temp } });
    return { status: result.status, stdout: result.stdout };
  }

  it('triggers on pull requests that touch policy/', () => {
    expect(workflow.on.pull_request.paths).toEqual(['policy/**']);
  });

  it('annotates the weakened uptime line when notice is too short', () => {
    const { status, stdout } = runStep('validate', fixture('notice-uptime'));
    expect(status).toBe(1);
    expect(stdout.trim().split('\n')).toMatchInlineSnapshot(`
      [
        "::error file=tests/fixtures/notice-uptime/1.1/uptime.yaml,line=2,col=17,title=notice-too-short::Uptime target lowered from 99.99%25 to 99.95%25: takes effect 2026-05-29, 14 days after publication, but changes.material_change_notice_days of version 1.0 requires 30 days of notice; the earliest allowed effective date is 2026-06-14%0Aset effective: "2026-06-14" or later in meta.yaml, or keep the previous commitment",
        "::warning file=tests/fixtures/notice-uptime/1.1/latency.yaml,line=6,col=1,title=measurement-missing::version 1.1 commits to latency objectives, and no measurement backs them yet: the page says "not measured"%0Ameasure your gateway with \`slapage measure --gateway MCP_URL --direct UPSTREAM_URL\` and commit the file it writes under content/measurements/",
        "::warning file=tests/fixtures/notice-uptime/1.1/retention.yaml,line=2,col=1,title=question-unanswered::procurement asks about "Data residency and region pinning", and version 1.1 does not answer it (#retention says nothing on it)%0Aadd \`region_pinning\` to retention.yaml to answer it, with level: per-tenant, per-account or none",
        "::warning file=tests/fixtures/notice-uptime/1.1/auth.yaml,line=2,col=1,title=question-unanswered::procurement asks about "Credential management", and version 1.1 does not answer it (#auth says nothing on it)%0Aadd \`credentials\` to auth.yaml to answer it, with holder, encrypted_at_rest and logged",
        "::warning file=tests/fixtures/notice-uptime/1.1/retention.yaml,line=2,col=1,title=question-unanswered::procurement asks about "Lock-in and portability", and version 1.1 does not answer it (#retention says nothing on it)%0Aadd \`configuration_export\` to retention.yaml to answer it, with available: true or false",
        "::warning file=tests/fixtures/notice-uptime/1.1/rbac.yaml,line=2,col=1,title=question-unanswered::procurement asks about "Integration coverage", and version 1.1 does not answer it (#rbac says nothing on it)%0Aadd \`integrations\` to rbac.yaml to answer it, with statement: your coverage in your words",
      ]
    `);
  });

  it('writes the markdown comment for the new version', () => {
    expect(runStep('diff', fixture('notice-uptime')).status).toBe(0);
    const comment = readFileSync(join(temp, 'policy-diff.md'), 'utf8');
    expect(comment.split('\n').slice(0, 5)).toMatchInlineSnapshot(`
      [
        "### Policy changes: 1.0 → 1.1",
        "",
        "Version 1.1 is published 2026-05-15 and takes effect 2026-05-29.",
        "",
        "❌ **Notice too short**: 1 material change, 1 with too little notice: 14 days given, 30 days required; the earliest allowed effective date is 2026-06-14.",
      ]
    `);
  });

  it('passes validation on the example policy', () => {
    expect(runStep('validate', join(root, 'policy')).status).toBe(0);
  });
});
