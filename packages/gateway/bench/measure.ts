/**
 * `npm run measure`: starts the mock upstream and the gateway in child processes on 127.0.0.1, drives them from this
 * process (concurrency-1 pairs, constant arrival rates, saturation), prints the goals table and writes one JSON file
 * per run to content/measurements/ (named by date). Flags: --quick (tiny counts, for tests), --out DIR,
 * --layout split|shared, --pin phased|apart|together|none (CPU placement), --profile DIR (gateway child runs with --cpu-prof),
 * --pairs N (override), --no-write.
 * --store memory|sqlite|postgres+redis [--duration S] instead measures what durable and shared state costs (bench/stores.ts):
 * it prints figures and writes no file.
 */

import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { applyPinning, describePinning, placementFor, PINS, type Phase, type Pin } from './affinity.ts';
import { goalsTable } from './goals.ts';
import { pairedRun, rateRun, saturate, type Target } from './load.ts';
import { provenance } from './provenance.ts';
import { BENCH_CREDENTIAL, type CpuReply, type Ready, type Role } from './ipc.ts';
import { exactPercentiles, histogramPercentiles, roundMs } from './stats.ts';
import { progressBar } from './progress.ts';
import { measureStores, STORES, type StoreChoice } from './stores.ts';

const PACKAGE_DIR = resolve(import.meta.dirname, '..');
const ROOT = resolve(PACKAGE_DIR, '../..');

const USAGE = `usage: npm run measure -- [--quick] [--out DIR] [--no-write] [--layout shared|split] [--pin phased|apart|together|none]
                         [--pairs N] [--semi-space MB] [--profile DIR]
       npm run measure -- --store memory|sqlite|postgres+redis [--duration S] [--quick]

Benchmarks the reference gateway against the mock upstream on 127.0.0.1 (about 2 minutes) and writes
content/measurements/<date>.json; --store measures what durable and shared state costs and writes nothing.
To measure your own gateway and upstream: slapage measure --gateway URL --direct URL (see slapage measure --help).`;

let parsed;
try {
  parsed = parseArgs({
    options: {
      help: { type: 'boolean', default: false },
      quick: { type: 'boolean', default: false },
      out: { type: 'string', default: join(ROOT, 'content/measurements') },
      layout: { type: 'string', default: 'shared' },
      pin: { type: 'string', default: 'phased' },
      'semi-space': { type: 'string' },
      profile: { type: 'string' },
      pairs: { type: 'string' },
      'no-write': { type: 'boolean', default: false },
      store: { type: 'string' },
      duration: { type: 'string' },
    },
  });
} catch (error) {
  // A mistyped flag is a usage error, not a crash.
  process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
  process.exit(2);
}
const { values } = parsed;
if (values.help) {
  process.stdout.write(USAGE + '\n');
  process.exit(0);
}
if (values.store !== undefined) {
  if (!STORES.includes(values.store as StoreChoice)) {
    process.stderr.write(`--store is ${STORES.join(', ')}\n`);
    process.exit(2);
  }
  const duration = values.duration === undefined ? undefined : Number(values.duration);
  await measureStores(
    values.store as StoreChoice,
    values.quick
      ? { warmupPairs: 50, pairs: 300, revocations: 20, rate: 200, rateWarmupS: 0.5, durationS: duration ?? 2 }
      : { warmupPairs: 3_000, pairs: 20_000, revocations: 500, rate: 1_000, rateWarmupS: 30, durationS: duration ?? 60 },
  );
  process.exit(0);
}
if (values.layout !== 'split' && values.layout !== 'shared') {
  process.stderr.write('--layout is split (gateway and mock in separate children) or shared (one child)\n');
  process.exit(2);
}
if (!PINS.includes(values.pin as Pin)) {
  process.stderr.write(`--pin is ${PINS.join(', ')}\n`);
  process.exit(2);
}
const pin = values.pin as Pin;
/** Node flags of the server children, recorded in the provenance's layout line. */
const serverNodeFlags = values['semi-space'] === undefined ? [] : [`--max-semi-space-size=${Number(values['semi-space'])}`];

const plan = values.quick
  ? { warmupPairs: 50, pairs: 300, rates: [200], rateWarmupS: 0.3, rateS: 0.7, concurrency: 4, satWarmupS: 0.2, satS: 0.5 }
  : { warmupPairs: 3_000, pairs: 20_000, rates: [1_000, 3_000], rateWarmupS: 2, rateS: 10, concurrency: 32, satWarmupS: 1, satS: 5 };

if (values.pairs !== undefined) plan.pairs = Number(values.pairs);

const LAYOUTS = {
  shared: 'load generator in the parent process; gateway and mock upstream together in one child process (2 processes)',
  split: 'load generator in the parent process; gateway and mock upstream each in their own child process (3 processes)',
};

// ---- child processes ----------------------------------------------------------------------------

interface Child {
  readonly process: ChildProcess;
  readonly ready: Ready;
  cpu(): Promise<number>;
}

async function startChild(role: Role, args: string[], profile: boolean): Promise<Child> {
  const execArgv = [...serverNodeFlags, ...(profile && values.profile ? ['--cpu-prof', '--cpu-prof-dir', resolve(values.profile)] : [])];
  const child = fork(join(import.meta.dirname, 'servers.ts'), [role, ...args], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv });
  const ready = await new Promise<Ready>((resolveReady, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`benchmark ${role} process exited with ${code}`)));
    child.once('message', (m) => resolveReady(m as Ready));
  });
  child.removeAllListeners('exit');
  return {
    process: child,
    ready,
    cpu: () =>
      new Promise<number>((r) => {
        const on = (m: CpuReply) => {
          if (m.type !== 'cpu') return;
          child.off('message', on);
          r(m.micros);
        };
        child.on('message', on);
        child.send({ type: 'cpu' });
      }),
  };
}

async function stopChild(c: Child): Promise<void> {
  const exited = new Promise((r) => c.process.once('exit', r));
  c.process.disconnect();
  await exited;
}

// ---- requests -------------------------------------------------------------------------------------

function operations(mockBaseUrl: string, gatewayUrl: string, token: string) {
  const mock = new URL(mockBaseUrl);
  const gw = new URL(gatewayUrl);
  const directHeaders = { accept: 'application/json', authorization: 'Bearer ' + BENCH_CREDENTIAL };
  const direct = (path: string, status = 200): Target => ({ origin: mock.origin, method: 'GET', path: mock.pathname + path, headers: directHeaders, body: null, status });
  const mcp = (method: string, params: object, status = 200): Target => ({
    origin: gw.origin,
    method: 'POST',
    path: `/mcp/${token}`,
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
    status,
  });
  return [
    {
      operation: 'tools/list' as const,
      direct_request: "GET /api/v1/fixed on the mock upstream, its minimal endpoint: tools/list is answered by the gateway itself, so one loopback HTTP round trip is subtracted",
      direct: direct('/fixed'),
      gateway: mcp('tools/list', {}),
    },
    {
      operation: 'tools/call' as const,
      direct_request: 'GET /api/v1/contacts/c_1 on the mock upstream: the request the tool call get_contact {contact_id: "c_1"} makes',
      direct: direct('/contacts/c_1'),
      gateway: mcp('tools/call', { name: 'get_contact', arguments: { contact_id: 'c_1' } }),
    },
    {
      operation: 'rate-limit-passthrough' as const,
      direct_request: 'GET /api/v1/ratelimited/ratelimit on the mock upstream: a 429 with RateLimit-* headers, which the gateway surfaces as HTTP 429',
      direct: direct('/ratelimited/ratelimit', 429),
      gateway: mcp('tools/call', { name: 'rate_limited', arguments: { dialect: 'ratelimit' } }, 429),
    },
  ];
}

// ---- run ------------------------------------------------------------------------------------------

const began = performance.now();
let children: Child[];
let gatewayChild: Child;
let mockChild: Child;
if (values.layout === 'split') {
  mockChild = await startChild('mock', [], false);
  gatewayChild = await startChild('gateway', [mockChild.ready.mockBaseUrl!], true);
  children = [gatewayChild, mockChild];
} else {
  gatewayChild = await startChild('both', [], true);
  mockChild = gatewayChild;
  children = [gatewayChild];
}
const placements = new Map<Phase, string>();
/** Places the processes for a phase and records the placement achieved. */
const place = (phase: Phase): void => {
  const placement = placementFor(pin, phase);
  placements.set(phase, describePinning(placement, applyPinning(placement, process.pid, children.map((c) => c.process.pid!))));
};
const PHASE_NAMES: Record<Phase, string> = { pairs: 'concurrency-1 pairs', rate: 'constant arrival rate', saturation: 'saturation' };
const placementText = (): string => {
  const distinct = [...new Set(placements.values())];
  if (distinct.length === 1) return distinct[0]!;
  return distinct.map((d) => `${[...placements].filter(([, v]) => v === d).map(([k]) => PHASE_NAMES[k]).join(' and ')}: ${d}`).join('; ');
};
const nodeFlagsText = serverNodeFlags.length ? `; server processes run with ${serverNodeFlags.join(' ')}` : '';
const prov = provenance(ROOT, PACKAGE_DIR, `${LAYOUTS[values.layout]}; --pin ${pin}${nodeFlagsText}`);
const ops = operations(mockChild.ready.mockBaseUrl!, gatewayChild.ready.gatewayUrl!, gatewayChild.ready.token!);
const callOp = ops[1]!;

process.stderr.write(`measuring gateway ${prov.gateway_version} on ${prov.cpu_count}× ${prov.cpu_model}, Node ${prov.node_version}, load ${prov.load_average.join(' ')}\n${prov.layout}\n`);

// First, while the processes have no pinning history: run after the pinned pairs, the unpinned rate runs measured
// worse than in wholly unpinned runs (the scheduler's placement history is the likely cause).
place('rate');
const load = [];
for (const rate of plan.rates) {
  for (const path of ['direct', 'gateway'] as const) {
    const r = await rateRun(callOp[path], rate, plan.rateWarmupS, plan.rateS, progressBar(`${rate}/s ${path.padEnd(7)} tools/call`));
    const valid = r.achievedPerS >= 0.99 * rate && r.errors <= 0.001 * (r.completed + r.errors);
    load.push({
      operation: callOp.operation,
      path,
      rate_per_s: rate,
      duration_s: plan.rateS,
      completed: r.completed,
      errors: r.errors,
      achieved_per_s: Math.round(r.achievedPerS * 10) / 10,
      valid,
      ...histogramPercentiles(r.histogram),
    });
  }
}

place('pairs');
const measured = [];
for (const op of ops) {
  const r = await pairedRun(op.direct, op.gateway, plan.warmupPairs, plan.pairs, progressBar(`c=1 pairs  ${op.operation}`));
  if (r.errors > 0) throw new Error(`${op.operation}: ${r.errors} unexpected answers at concurrency 1`);
  const added = r.gateway.map((g, i) => g - r.direct[i]!);
  measured.push({ operation: op.operation, direct_request: op.direct_request, samples: plan.pairs, ...exactPercentiles(added), direct: exactPercentiles(r.direct), gateway: exactPercentiles(r.gateway) });
}

place('saturation');
const sat = {} as Record<'direct' | 'gateway', Awaited<ReturnType<typeof saturate>>>;
for (const path of ['direct', 'gateway'] as const) {
  sat[path] = await saturate(callOp[path], plan.concurrency, plan.satWarmupS, plan.satS, children.map((c) => () => c.cpu()), progressBar(`saturation ${path.padEnd(7)} c=${plan.concurrency}`));
}
const perS = (s: { completed: number; seconds: number }) => Math.round(s.completed / s.seconds);
// children[0] runs the gateway (and, in the shared layout, the mock too); the mock's CPU per request comes from the
// direct run, and in the shared layout it is subtracted from the process's CPU per gateway request.
const mockUs = sat.direct.cpuMicros[children.length - 1]! / sat.direct.completed;
const gatewayProcessUs = sat.gateway.cpuMicros[0]! / sat.gateway.completed;
const throughput = {
  operation: callOp.operation,
  concurrency: plan.concurrency,
  duration_s: plan.satS,
  direct_per_s: perS(sat.direct),
  gateway_per_s: perS(sat.gateway),
  ratio: Math.round((perS(sat.gateway) / perS(sat.direct)) * 1000) / 1000,
  gateway_cpu_us_per_request: roundMs(values.layout === 'shared' ? gatewayProcessUs - mockUs : gatewayProcessUs),
  upstream_cpu_us_per_request: roundMs(mockUs),
};

for (const c of children) await stopChild(c);
const layout = `${LAYOUTS[values.layout]}; ${placementText()}${nodeFlagsText}`;
prov.layout = layout;

const takenAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
const measurement = {
  format: 1,
  taken_at: takenAt,
  provenance: prov,
  method: {
    summary:
      `One run, all on 127.0.0.1 (${layout}); undici keep-alive clients; the mock upstream answers at once. ` +
      `Concurrency 1: per operation ${plan.warmupPairs} warm-up pairs discarded, then ${plan.pairs} pairs, each a direct request and the same request through the gateway in random order; ` +
      `the added time is gateway minus direct within each pair, timed from sending the request to the last byte of the answer. ` +
      `Constant arrival rate (${plan.rates.join(' and ')} req/s, ${plan.rateWarmupS} s warm-up, ${plan.rateS} s recorded, tools/call): latency counts from each request's intended send time (coordinated-omission corrected), HdrHistogram; a run under 99% of the offered rate or over 0.1% errors is invalid. ` +
      `Saturation: ${plan.concurrency} requests in flight for ${plan.satS} s per path; CPU time from process.cpuUsage of the server processes.`,
    warmup_pairs: plan.warmupPairs,
    pairs: plan.pairs,
  },
  operations: measured,
  load,
  throughput,
};

const seconds = (performance.now() - began) / 1000;
process.stdout.write(goalsTable(measurement) + '\n');
process.stdout.write(`\nrun time ${seconds.toFixed(0)} s\n`);

if (!values['no-write']) {
  const dir = resolve(values.out);
  mkdirSync(dir, { recursive: true });
  const date = takenAt.slice(0, 10);
  let name = `${date}.json`;
  for (let n = 2; existsSync(join(dir, name)); n++) name = `${date}-${n}.json`;
  writeFileSync(join(dir, name), JSON.stringify(measurement, null, 2) + '\n');
  process.stdout.write(`wrote ${relative(process.cwd(), join(dir, name))}\n`);
}
