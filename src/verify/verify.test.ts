import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckId } from '../claims/checks.ts';
import { loadPolicy } from '../load/load-policy.ts';
import type { LoadedVersion } from '../load/load-version.ts';
import { AdminClient } from './http.ts';
import { startProbeUpstream, type ProbeUpstream } from './probe-upstream.ts';
import { startReference, VERIFY_INTEGRATION, type Reference } from './reference.ts';
import { runChecks, type CheckResult } from './run.ts';
import type { EraChoice } from '../measure/mcp-client.ts';
import { startWrongGateway, type Fault } from './wrong-gateways.ts';

let probe: ProbeUpstream;
let reference: Reference;
let version: LoadedVersion;

beforeAll(async () => {
  probe = await startProbeUpstream();
  const started = await startReference(probe);
  if ('missing' in started) throw new Error(started.missing);
  reference = started;
  // A released version: immutable, so the messages below stay as pinned.
  version = loadPolicy('policy').versions.find((v) => v.version === '3.2')!;
});
afterAll(async () => {
  await reference?.close();
  await probe?.close();
});

const run = (url: string, only?: CheckId[]) => runChecks({ admin: new AdminClient(url, reference.adminKey), probe, version, integration: VERIFY_INTEGRATION, ...(only ? { only } : {}) });
const failures = (results: CheckResult[]) => results.filter((r) => r.status === 'fail').map((r) => `${r.file}:${r.line}: ${r.claim}: the gateway ${r.did} [${r.id}]`);

describe('slapage verify against the reference gateway', () => {
  it('finds every executable claim of the example policy backed', async () => {
    // Timing is asserted by the check itself, not here: on a loaded machine a median can cross a 4 ms objective.
    const results = (await run(reference.url)).filter((r) => r.id !== 'rate-limit-latency');
    expect(failures(results)).toEqual([]);
    // The example states no Origin validation key (auth.origin_validation), so that check has no claim to test.
    expect(results.map((r) => `${r.id}: ${r.status}`)).toEqual(results.map((r) => `${r.id}: ${r.id === 'origin-allowlist' ? 'not-applicable' : 'pass'}`));
  });

  it('times surfaced 429s in pairs against the rate-limit-passthrough objective, located on latency.yaml', async () => {
    const [result] = await run(reference.url, ['rate-limit-latency']);
    expect(result).toMatchObject({ file: 'policy/3.2/latency.yaml', line: 19, observed: { pairs: 40, objective_p50_ms: 4, wrong_status: 0 } });
    expect(result!.did).toMatch(/^added a median -?\d+(\.\d+)? ms over 40 paired 429s \(objective p50 4 ms\)$/);
  });
});

describe('either MCP era', () => {
  const session = async (era: EraChoice) => {
    let spoken: string | undefined;
    const results = await runChecks({ admin: new AdminClient(reference.url, reference.adminKey), probe, version, integration: VERIFY_INTEGRATION, era, onSession: (s) => (spoken = s.version), only: ['secondary-bearer', 'method-filter', 'uniform-rejection'] });
    return { version: spoken, failures: failures(results), statuses: results.map((r) => r.status) };
  };

  it('discovers the newest version the reference gateway speaks, and holds the same checks in it', async () => {
    const { SUPPORTED_PROTOCOL_VERSIONS } = await import('@slapage/gateway');
    const auto = await session('auto');
    expect(auto.version).toBe(SUPPORTED_PROTOCOL_VERSIONS.includes('2026-07-28') ? '2026-07-28' : '2025-11-25');
    expect(auto.failures).toEqual([]);
  });

  it.each(['2025-11-25', '2025-06-18'] as const)('speaks %s with an initialize handshake when told to, and the checks hold', async (era) => {
    const r = await session(era);
    expect(r.version).toBe(era);
    expect(r.failures).toEqual([]);
    expect(r.statuses).toEqual(['pass', 'pass', 'pass']);
  });
});

describe('a gateway built wrong on purpose fails the matching check', () => {
  const against = async (fault: Fault, only: CheckId[]) => {
    const wrong = await startWrongGateway(reference.url, fault);
    try {
      return failures(await run(wrong.url, only)).map((line) => line.replace(/\d+(\.\d+)? ms/g, 'N ms'));
    } finally {
      await wrong.close();
    }
  };

  it('one that retries 429s', async () => {
    expect(await against('retries-429', ['rate-limit-passthrough'])).toMatchInlineSnapshot(`
      [
        "policy/3.2/rate-limits.yaml:2: an upstream 429 comes back as HTTP 429 with JSON-RPC code -32029 with the headers ratelimit, ratelimit-limit, ratelimit-policy, ratelimit-remaining, ratelimit-reset, retry-after after 1 upstream request: the gateway made 2 upstream requests (expected 1) [rate-limit-passthrough]",
      ]
    `);
  });

  it('one that logs a payload', async () => {
    expect(await against('logs-payload', ['no-payload-retention', 'metadata-fields'])).toMatchInlineSnapshot(`
      [
        "policy/3.2/retention.yaml:3: request and response payloads are not retained in logs, stores or audit records: the gateway kept the argument canary in the access log [no-payload-retention]",
        "policy/3.2/retention.yaml:8: the access log keeps only timestamp, tenant, tool, method, status, latency_ms, request_id: the gateway logged the unlisted field payload [metadata-fields]",
      ]
    `);
  });

  it('one that accepts 400-day tokens', async () => {
    expect(await against('accepts-400-day-tokens', ['lifetime-cap'])).toMatchInlineSnapshot(`
      [
        "policy/3.2/auth.yaml:11: an MCP server expires at most 365 days after creation: the gateway accepted a server expiring 366 days ahead (HTTP 201); the longest lifetime it accepted was 400 days [lifetime-cap]",
      ]
    `);
  });

  it('one that leaks a tool across filters', async () => {
    expect(await against('leaks-tools', ['method-filter', 'tag-filter'])).toMatchInlineSnapshot(`
      [
        "policy/3.2/rbac.yaml:15: a server configured with methods [read] exposes no write tool, listed or called: the gateway listed echo_body; ran a direct tools/call of echo_body (HTTP 200, no error); sent 1 upstream request for the filtered echo_body [method-filter]",
        "policy/3.2/rbac.yaml:18: a server configured with tags [fixed] exposes only operations tagged fixed, listed or called: the gateway listed echo_query; ran a direct tools/call of echo_query (HTTP 200, no error); sent 1 upstream request for the filtered echo_query [tag-filter]",
      ]
    `);
  });
});

describe('the command line', () => {
  it('exits 1 on a draft that promises 30-day tokens, naming the line and the lifetime the gateway accepted; validate and build then fail on the evidence', () => {
    const project = mkdtempSync(join(tmpdir(), 'slapage-verify-cli-'));
    const cli = (...args: string[]) => {
      try {
        return { status: 0, out: execFileSync(process.execPath, [join(process.cwd(), 'src/cli/main.ts'), ...args], { cwd: project, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) };
      } catch (error) {
        const e = error as { status: number; stdout: string; stderr: string };
        return { status: e.status, out: e.stdout + e.stderr };
      }
    };
    try {
      cpSync('policy', join(project, 'policy'), { recursive: true });
      expect(cli('new-version', '4.0').status).toBe(0);
      const auth = join(project, 'policy', '4.0', 'auth.yaml');
      writeFileSync(auth, readFileSync(auth, 'utf8').replace(/max_lifetime_days: \d+/, 'max_lifetime_days: 30'));
      const line = readFileSync(auth, 'utf8').split('\n').findIndex((l) => l.includes('max_lifetime_days')) + 1;

      const verify = cli('verify');
      expect(verify.status).toBe(1);
      const failed = verify.out.split('\n').filter((l) => l.includes('[lifetime-cap]'));
      expect(failed).toEqual([`policy/4.0/auth.yaml:${line}: an MCP server expires at most 30 days after creation: the gateway accepted a server expiring 31 days ahead (HTTP 201); the longest lifetime it accepted was 365 days [lifetime-cap]`]);
      const evidence = readdirSync(join(project, 'content', 'evidence'));
      expect(evidence).toHaveLength(1);
      // The version verify spoke is recorded, and printed.
      const spoken = (JSON.parse(readFileSync(join(project, 'content', 'evidence', evidence[0]!), 'utf8')) as { gateway: { mcp_protocol_version?: string } }).gateway.mcp_protocol_version;
      expect(spoken).toMatch(/^20\d\d-\d\d-\d\d$/);
      expect(verify.out).toContain(`speaking MCP ${spoken}`);

      const validate = cli('validate');
      expect(validate.status).toBe(1);
      expect(validate.out).toMatch(new RegExp(`^policy/4\\.0/auth\\.yaml:${line}:\\d+: error: an MCP server expires at most 30 days after creation: the gateway accepted a server expiring 31 days ahead .*\\[evidence-check-failed\\]`, 'm'));

      const build = cli('build', '--out', join(project, 'dist'));
      expect(build.status).toBe(1);
      expect(build.out).toContain('[evidence-check-failed]');
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});
