import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startFakeMcp, type FakeEra, type FakeMcp } from './fake-mcp.ts';
import { appendSample, PROBE_HEADER, Prober, probeRow, type ProbeSample } from './probe.ts';

const started: FakeMcp[] = [];
const fake = async (era: FakeEra, o?: { bearer?: string }) => {
  const f = await startFakeMcp(era, o);
  started.push(f);
  return f;
};
afterEach(async () => {
  for (const f of started.splice(0)) await f.close();
});
const dir = mkdtempSync(join(tmpdir(), 'slapage-probe-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const prober = (url: string, o: { timeoutMs?: number; headers?: Record<string, string> } = {}) => new Prober({ endpoint: url, era: 'auto', method: 'tools/list', timeoutMs: o.timeoutMs ?? 2000, ...(o.headers ? { headers: o.headers } : {}) });
/** The row with its latency replaced: the figure is measured. */
const shape = (s: ProbeSample) => probeRow(s).replace(/,\d+\.\d,/, ',N,');
const at = new Date('2026-12-04T21:00:00.456Z');

describe('one check', () => {
  it.each(['2026-07-28', '2025-11-25', '2025-06-18'] as const)('is up when a %s server lists its tools, and says which version it spoke', async (era) => {
    const server = await fake(era);
    const p = prober(server.url);
    const first = await p.check(at);
    expect(shape(first)).toBe('2026-12-04T21:00:00Z,up,200,N,');
    expect(first.version).toBe(era);
    // The era is kept: no second discovery, a 2025 server gets a fresh handshake per check.
    await p.check(at);
    const methods = server.requests.map((r) => (r.body as { method?: string } | undefined)?.method ?? r.method);
    expect(methods.filter((m) => m === 'server/discover')).toHaveLength(1);
    expect(methods.filter((m) => m === 'tools/list')).toHaveLength(2);
  });

  it('is down on a 5xx, on a timeout (latency = the timeout) and on a refused connection', async () => {
    const server = await fake('2026-07-28');
    server.failWith(503);
    expect(shape(await prober(server.url).check(at))).toBe('2026-12-04T21:00:00Z,down,503,N,http-5xx');
    server.failWith(null);
    server.delay(400);
    expect(probeRow(await prober(server.url, { timeoutMs: 150 }).check(at))).toBe('2026-12-04T21:00:00Z,down,,150.0,timeout');
    const gone = await startFakeMcp('2026-07-28');
    await gone.close();
    expect(shape(await prober(gone.url).check(at))).toBe('2026-12-04T21:00:00Z,down,,N,connection-refused');
  });

  it('is up, with a note, when the service answers but refuses the token', async () => {
    const server = await fake('2026-07-28', { bearer: 'right' });
    const refused = await prober(server.url, { headers: { authorization: 'Bearer wrong' } }).check(at);
    expect(shape(refused)).toBe('2026-12-04T21:00:00Z,up,401,N,');
    expect(refused.note).toMatch(/401/);
    expect(shape(await prober(server.url, { headers: { authorization: 'Bearer right' } }).check(at))).toBe('2026-12-04T21:00:00Z,up,200,N,');
  });
});

describe('the CSV', () => {
  const sample = (time: string, outcome: 'up' | 'down' = 'up'): ProbeSample => ({ time, outcome, status: outcome === 'up' ? 200 : 503, latencyMs: 12.34, detail: outcome === 'up' ? '' : 'http-5xx', note: '', version: '2026-07-28' });

  it('creates each month with its header and appends rows, leaving no temporary file', () => {
    appendSample(dir, sample('2026-11-30T23:59:59Z'));
    appendSample(dir, sample('2026-12-01T00:00:00Z'));
    appendSample(dir, sample('2026-12-01T00:01:00Z', 'down'));
    expect(readdirSync(dir).sort()).toEqual(['probe-2026-11.csv', 'probe-2026-12.csv']);
    expect(readFileSync(join(dir, 'probe-2026-12.csv'), 'utf8')).toBe(`${PROBE_HEADER}\n2026-12-01T00:00:00Z,up,200,12.3,\n2026-12-01T00:01:00Z,down,503,12.3,http-5xx\n`);
  });

  it('refuses to append to a file that is not a probe file, naming it', () => {
    writeFileSync(join(dir, 'probe-2027-01.csv'), 'start,end\n');
    expect(() => appendSample(dir, sample('2027-01-01T00:00:00Z'))).toThrow(/probe-2027-01\.csv:1: not a probe file/);
    expect(readFileSync(join(dir, 'probe-2027-01.csv'), 'utf8')).toBe('start,end\n');
  });
});

describe('slapage probe', () => {
  const run = promisify(execFile);
  const cli = (...args: string[]) =>
    run(process.execPath, [join(import.meta.dirname, '../cli/main.ts'), 'probe', ...args], { env: { ...process.env, SLAPAGE_PROBE_ENDPOINT: '', SLAPAGE_PROBE_TOKEN: '', SLAPAGE_PROBE_BEARER: '' } }).then(
      (r) => ({ status: 0, out: r.stdout + r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ status: e.code, out: e.stdout + e.stderr }),
    );

  it('runs a bounded loop and appends one row per check to content/uptime/probe-YYYY-MM.csv, the token filled into the URL', async () => {
    const server = await fake('2025-11-25');
    const project = mkdtempSync(join(tmpdir(), 'slapage-probe-cli-'));
    try {
      const r = await cli('--endpoint', server.url.replace(/\/mcp$/, '/{token}'), '--token', 'mcp', '--count', '3', '--interval', '0.2', '--project', project);
      expect(r.status, r.out).toBe(0);
      expect(r.out).not.toContain('/mcp');
      const [file] = readdirSync(join(project, 'content', 'uptime'));
      expect(file).toMatch(/^probe-\d{4}-\d{2}\.csv$/);
      const lines = readFileSync(join(project, 'content', 'uptime', file!), 'utf8').trimEnd().split('\n');
      expect(lines[0]).toBe(PROBE_HEADER);
      expect(lines.slice(1)).toHaveLength(3);
      for (const line of lines.slice(1)) expect(line).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z,up,200,\d+\.\d,$/);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });

  it('refuses plain http to another host, a {token} without a token, and no endpoint', async () => {
    expect((await cli('--endpoint', 'http://mcp.example.com/mcp')).out.split('\n')[0]).toBe('--endpoint must be an https URL (http only for 127.0.0.1 or localhost), got http://mcp.example.com');
    expect((await cli('--endpoint', 'https://mcp.example.com/mcp/{token}')).out.split('\n')[0]).toBe('the endpoint has a {token} placeholder: give --token TOKEN (or $SLAPAGE_PROBE_TOKEN)');
    const none = await cli();
    expect([none.status, none.out.split('\n')[0]]).toEqual([2, 'probe needs --endpoint URL (or $SLAPAGE_PROBE_ENDPOINT): the MCP endpoint to check']);
  });
});
