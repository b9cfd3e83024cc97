/**
 * `npm run measure -- --store memory|sqlite|postgres+redis`: what durable and shared state costs, printed as figures (no file
 * written, nothing asserted). For the chosen store, beside the memory store in the same run: the added P50/P99 of tools/call
 * at concurrency 1 with a warm token cache. For postgres+redis also: how long a revocation on instance A takes to reach
 * instance B (p50/p99/max over many revocations), and a constant 1,000 req/s split across two instances for --duration
 * seconds (default 60): errors and each instance's RSS after warm-up. PostgreSQL and Redis are started in temporary folders
 * (src/testing/test-services.ts) and stopped at the end.
 */

import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { request } from 'undici';
import type { GatewayOptions } from '../src/server/server.ts';
import { startPostgres, startRedis, type TestService } from '../src/testing/test-services.ts';
import { BENCH_CREDENTIAL, type Ready, type RssReply } from './ipc.ts';
import { pairedRun, rateRun, type Target } from './load.ts';
import { progressBar } from './progress.ts';
import { exactPercentiles, histogramPercentiles, roundMs } from './stats.ts';

export const STORES = ['memory', 'sqlite', 'postgres+redis'] as const;
export type StoreChoice = (typeof STORES)[number];

export interface StorePlan {
  warmupPairs: number;
  pairs: number;
  revocations: number;
  rate: number;
  rateWarmupS: number;
  durationS: number;
}

const ADMIN_KEY = 'bench-admin-key-' + randomBytes(12).toString('hex');

interface Child {
  process: ChildProcess;
  ready: Ready;
}

function startChild(role: 'mock' | 'gateway', args: string[], options: Partial<GatewayOptions> = {}): Promise<Child> {
  const child = fork(join(import.meta.dirname, 'servers.ts'), [role, ...args], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, BENCH_GATEWAY_OPTIONS: JSON.stringify(options) },
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`benchmark ${role} process exited with ${code}`)));
    child.once('message', (m) => {
      child.removeAllListeners('exit');
      resolve({ process: child, ready: m as Ready });
    });
  });
}

async function stopChild(c: Child): Promise<void> {
  const exited = new Promise((r) => c.process.once('exit', r));
  c.process.disconnect();
  await exited;
}

function rss(c: Child): Promise<number> {
  return new Promise((resolve) => {
    const on = (m: RssReply) => {
      if (m.type !== 'rss') return;
      c.process.off('message', on);
      resolve(m.bytes);
    };
    c.process.on('message', on);
    c.process.send({ type: 'rss' });
  });
}

function targets(mockBaseUrl: string, gatewayUrl: string, token: string): { direct: Target; gateway: Target } {
  const mock = new URL(mockBaseUrl);
  const gw = new URL(gatewayUrl);
  return {
    direct: { origin: mock.origin, method: 'GET', path: mock.pathname + '/contacts/c_1', headers: { accept: 'application/json', authorization: 'Bearer ' + BENCH_CREDENTIAL }, body: null, status: 200 },
    gateway: {
      origin: gw.origin,
      method: 'POST',
      path: `/mcp/${token}`,
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'get_contact', arguments: { contact_id: 'c_1' } } }),
      status: 200,
    },
  };
}

/** Gateway options for a store; every instance of one run shares keys, database and Redis. */
function gatewayOptions(store: StoreChoice, shared: { dataDir: string; pg?: TestService; redis?: TestService; hmacKey: string; encryptionKey: string }): Partial<GatewayOptions> {
  const keys = { adminKey: ADMIN_KEY, hmacKey: shared.hmacKey, encryptionKey: shared.encryptionKey };
  if (store === 'memory') return keys;
  if (store === 'sqlite') return { ...keys, store: { kind: 'sqlite', dir: shared.dataDir } };
  return { ...keys, store: { kind: 'postgres', url: shared.pg!.url }, edge: { redisUrl: shared.redis!.url } };
}

async function addedAtC1(mock: Child, gateway: Child, plan: StorePlan, label: string) {
  const t = targets(mock.ready.mockBaseUrl!, gateway.ready.gatewayUrl!, gateway.ready.token!);
  const r = await pairedRun(t.direct, t.gateway, plan.warmupPairs, plan.pairs, progressBar(`c=1 pairs  ${label}`));
  if (r.errors > 0) throw new Error(`${label}: ${r.errors} unexpected answers at concurrency 1`);
  return exactPercentiles(r.gateway.map((g, i) => g - r.direct[i]!));
}

async function adminCall(base: string, method: string, path: string, body?: unknown): Promise<any> {
  const res = await request(base + path, {
    method: method as 'GET',
    headers: { authorization: 'Bearer ' + ADMIN_KEY, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return res.body.json();
}

async function status(url: string): Promise<number> {
  const res = await request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"jsonrpc":"2.0","id":1,"method":"ping"}' });
  await res.body.dump();
  return res.statusCode;
}

/** Revokes on A and polls B until it refuses; the time from sending the revocation to B's first 401, per revocation. */
async function revocationReach(a: Child, b: Child, n: number): Promise<Float64Array> {
  const A = a.ready.gatewayUrl!;
  const B = b.ready.gatewayUrl!;
  const { connections } = await adminCall(A, 'GET', '/admin/connections');
  const connectionId = connections[0].id as string;
  const out = new Float64Array(n);
  const progress = progressBar('revocation A -> B');
  for (let i = 0; i < n; i++) {
    const created = await adminCall(A, 'POST', `/admin/connections/${connectionId}/servers`, {
      name: 'revoke-' + i,
      config: { methods: ['GET'] },
      expires_at: new Date(Date.now() + 3_600_000).toISOString(),
    });
    const onB = `${B}/mcp/${created.token}`;
    if ((await status(onB)) !== 200) throw new Error('instance B does not serve a server provisioned on A');
    const started = performance.now();
    const revoked = adminCall(A, 'DELETE', `/admin/servers/${created.id}`);
    while ((await status(onB)) !== 401) {
      if (performance.now() - started > 10_000) throw new Error('revocation did not reach instance B within 10 s');
    }
    out[i] = performance.now() - started;
    await revoked;
    progress(i + 1, n);
  }
  return out;
}

/** Half the rate to each instance at once; RSS of both sampled every second after warm-up. */
async function twoInstanceLoad(mock: Child, a: Child, b: Child, plan: StorePlan) {
  const token = a.ready.token!;
  const ta = targets(mock.ready.mockBaseUrl!, a.ready.gatewayUrl!, token).gateway;
  const tb = targets(mock.ready.mockBaseUrl!, b.ready.gatewayUrl!, token).gateway;
  const samples: Array<[number, number]> = [];
  let sampling = true;
  const sampler = (async () => {
    await new Promise((r) => setTimeout(r, plan.rateWarmupS * 1000));
    while (sampling) {
      samples.push([await rss(a), await rss(b)]);
      await new Promise((r) => setTimeout(r, 1_000));
    }
  })();
  const half = plan.rate / 2;
  const [ra, rb] = await Promise.all([
    rateRun(ta, half, plan.rateWarmupS, plan.durationS, progressBar(`${plan.rate}/s over A+B, A`)),
    rateRun(tb, half, plan.rateWarmupS, plan.durationS, () => {}),
  ]);
  sampling = false;
  await sampler;
  const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;
  const rssOf = (i: 0 | 1) => {
    const values = samples.map((s) => s[i]);
    const first = values[0] ?? 0;
    const spread = (v: number) => Math.round(((v - first) / first) * 1000) / 10;
    return { first_mb: mb(first), min_mb: mb(Math.min(...values)), max_mb: mb(Math.max(...values)), last_mb: mb(values.at(-1) ?? 0), range_pct: [spread(Math.min(...values)), spread(Math.max(...values))] };
  };
  return {
    rate_per_s: plan.rate,
    duration_s: plan.durationS,
    completed: ra.completed + rb.completed,
    errors: ra.errors + rb.errors,
    achieved_per_s: Math.round((ra.achievedPerS + rb.achievedPerS) * 10) / 10,
    latency_a: histogramPercentiles(ra.histogram),
    latency_b: histogramPercentiles(rb.histogram),
    rss_a: rssOf(0),
    rss_b: rssOf(1),
    rss_samples: samples.length,
  };
}

/** Runs the store benchmark and prints its figures as JSON lines on stdout (progress on stderr). */
export async function measureStores(store: StoreChoice, plan: StorePlan): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'slapage-bench-'));
  const services: TestService[] = [];
  const children: Child[] = [];
  const print = (figure: Record<string, unknown>) => process.stdout.write(JSON.stringify(figure) + '\n');
  const machine = () => ({ node: process.version, cpu_count: cpus().length, cpu_model: cpus()[0]?.model ?? 'unknown', load_average: loadavg().map((l) => Math.round(l * 100) / 100) });
  print({ figure: 'machine at start', store, ...machine() });
  try {
    const shared: Parameters<typeof gatewayOptions>[1] = { dataDir, hmacKey: randomBytes(32).toString('hex'), encryptionKey: randomBytes(32).toString('hex') };
    if (store === 'postgres+redis') {
      const [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
      if ('missing' in pg) throw new Error(pg.missing);
      if ('missing' in redis) throw new Error(redis.missing);
      services.push(pg, redis);
      shared.pg = pg;
      shared.redis = redis;
    }
    const mock = await startChild('mock', []);
    children.push(mock);
    const baseline = await startChild('gateway', [mock.ready.mockBaseUrl!], gatewayOptions('memory', shared));
    children.push(baseline);
    const memory = await addedAtC1(mock, baseline, plan, 'memory');
    await stopChild(children.pop()!);
    print({ figure: 'added time, tools/call, concurrency 1, warm token cache', store: 'memory', samples: plan.pairs, ...memory });
    if (store === 'memory') return;

    const a = await startChild('gateway', [mock.ready.mockBaseUrl!], gatewayOptions(store, shared));
    children.push(a);
    const chosen = await addedAtC1(mock, a, plan, store);
    print({
      figure: 'added time, tools/call, concurrency 1, warm token cache',
      store,
      samples: plan.pairs,
      ...chosen,
      vs_memory: { p50_ratio: roundMs(chosen.p50_ms / memory.p50_ms), p99_ratio: roundMs(chosen.p99_ms / memory.p99_ms) },
    });
    if (store !== 'postgres+redis') return;

    const b = await startChild('gateway', [mock.ready.mockBaseUrl!], gatewayOptions(store, shared));
    children.push(b);
    const reach = await revocationReach(a, b, plan.revocations);
    const reachP = exactPercentiles(reach);
    print({ figure: 'revocation on instance A reaching instance B', store, revocations: plan.revocations, p50_ms: reachP.p50_ms, p99_ms: reachP.p99_ms, max_ms: roundMs(reach.at(-1)!) });
    print({ figure: 'constant rate across two instances sharing PostgreSQL and Redis', store, ...(await twoInstanceLoad(mock, a, b, plan)) });
  } finally {
    print({ figure: 'machine at end', store, ...machine() });
    for (const c of children.reverse()) await stopChild(c);
    for (const s of services) await s.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
