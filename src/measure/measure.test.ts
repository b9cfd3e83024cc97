import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMeasurements } from '../load/measurements.ts';
import { AdminClient } from '../verify/http.ts';
import { startProbeUpstream, type ProbeUpstream } from '../verify/probe-upstream.ts';
import { startReference, VERIFY_INTEGRATION, type Reference } from '../verify/reference.ts';

const run = promisify(execFile);
const CLI = join(import.meta.dirname, '../cli/main.ts');
let probe: ProbeUpstream;
let reference: Reference;
let mcpUrl: string;
const project = mkdtempSync(join(tmpdir(), 'slapage-measure-'));

beforeAll(async () => {
  probe = await startProbeUpstream();
  const started = await startReference(probe);
  if ('missing' in started) throw new Error(started.missing);
  reference = started;
  const admin = new AdminClient(reference.url, reference.adminKey);
  const connection = (await admin.call('POST', '/admin/connections', { tenant: 'bench', integration: VERIFY_INTEGRATION, credential: 'c' })).json as { id: string };
  const server = (await admin.call('POST', `/admin/connections/${connection.id}/servers`, { name: 'bench', config: { methods: ['read'], tags: [] }, expires_at: new Date(Date.now() + 3600_000).toISOString() })).json as { url: string };
  mcpUrl = server.url;
});
afterAll(async () => {
  await reference?.close();
  await probe?.close();
  rmSync(project, { recursive: true, force: true });
});

// The child process must not block this one: the gateway under measurement runs here.
const cli = (...args: string[]) =>
  run(process.execPath, [CLI, 'measure', '--project', project, ...args]).then(
    (r) => ({ status: 0, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ status: e.code, out: e.stdout + e.stderr }),
  );

describe('slapage measure --gateway', () => {
  it("applies the method to any gateway and upstream and writes a measurement file the site loads, the gateway's version from its admin API", async () => {
    const r = await cli('--quick', '--gateway', mcpUrl, '--direct', `${probe.baseUrl}/echo`, '--tool', 'echo_query', '--arguments', '{}', '--rate-limited-tool', 'rate_limited', '--rate-limited-direct', `${probe.baseUrl}/ratelimited/x`, '--rate-limited-arguments', '{"dialect":"ietf"}', '--admin-key', reference.adminKey);
    expect(r.status, r.out).toBe(0);
    const { files, problems } = loadMeasurements(join(project, 'content', 'measurements'));
    expect(problems).toEqual([]);
    const m = files[0]!.measurement;
    expect(m.operations.map((o) => o.operation)).toEqual(['tools/list', 'tools/call', 'rate-limit-passthrough']);
    expect(m.provenance.gateway_version).toBe(reference.about.version);
    expect(m.throughput.gateway_cpu_us_per_request).toBeNull();
    expect(m.load.map((l) => l.path)).toEqual(['direct', 'gateway']);
  });

  it('says what is wrong with a target before sending thousands of requests, and prints usage for a missing --direct', async () => {
    const wrong = await cli('--quick', '--gateway', mcpUrl.replace(/mcp_[^/]+$/, 'mcp_nope'), '--direct', `${probe.baseUrl}/echo`, '--tool', 'echo_query', '--arguments', '{}');
    expect(wrong.status).toBe(1);
    expect(wrong.out.replace(/127\.0\.0\.1:\d+/g, 'HOST')).toMatchInlineSnapshot(`
      "cannot measure: cannot open http://HOST as an MCP server: server/discover (2026-07-28) was answered HTTP 401 {"jsonrpc":"2.0","id":null,"error":{"code":-32001,"message":"Unauthorized"}}
      "
    `);
    const usage = await cli('--gateway', mcpUrl);
    expect(usage.status).toBe(2);
    expect(usage.out.split('\n')[0]).toMatchInlineSnapshot(`"--gateway needs --direct URL: the upstream request the tool call makes, measured without the gateway"`);
  });
});

describe('measureRemote in each MCP era', () => {
  it.each(['2026-07-28', '2025-11-25', '2025-06-18'] as const)('times a %s server and records the version it spoke', async (era) => {
    const { startFakeMcp } = await import('./fake-mcp.ts');
    const { measureRemote } = await import('./remote.ts');
    const server = await startFakeMcp(era);
    try {
      const m = await measureRemote({ gateway: new URL(server.url), direct: new URL(server.url.replace(/\/mcp$/, '/direct')), tool: 'echo', arguments: { text: 'x', region: 'eu' }, warmup: 2, pairs: 10, rates: [20], seconds: 0.2, saturation: { concurrency: 2, seconds: 0.2 } });
      expect(m.provenance.mcp_protocol_version).toBe(era);
      expect(m.operations.map((o) => o.samples)).toEqual([10, 10]);
      // Every timed MCP request was accepted: no header mismatch, no missing session.
      const timed = server.requests.filter((r) => (r.body as { method?: string } | undefined)?.method === 'tools/call');
      expect(timed.length).toBeGreaterThan(10);
      expect(new Set(timed.map((r) => r.headers['mcp-protocol-version']))).toEqual(new Set([era]));
      expect(m.load.every((l) => l.errors === 0)).toBe(true);
    } finally {
      await server.close();
    }
  });
});
