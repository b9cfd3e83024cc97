/**
 * The added-latency method of `npm run measure` (packages/gateway/bench), for any gateway and upstream: paired requests
 * at concurrency 1 in random order with warm-up discarded (added = gateway − direct within each pair), constant arrival
 * rate with latency counted from each request's intended send time (coordinated-omission corrected), and closed-loop
 * saturation. Exact percentiles over the recorded samples.
 */
import { performance } from 'node:perf_hooks';
import { sender, type Target } from './client.ts';

export interface Percentiles {
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  p999_ms: number;
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

/** Nearest-rank percentiles of `samples` (sorted in place). */
export function percentiles(samples: number[]): Percentiles {
  samples.sort((a, b) => a - b);
  const at = (q: number) => round(samples[Math.min(samples.length - 1, Math.max(0, Math.ceil(q * samples.length) - 1))] ?? 0);
  return { p50_ms: at(0.5), p95_ms: at(0.95), p99_ms: at(0.99), p999_ms: at(0.999) };
}

export interface Paired {
  readonly added: Percentiles;
  readonly direct: Percentiles;
  readonly gateway: Percentiles;
  readonly errors: number;
}

export async function pairedRun(direct: Target, gateway: Target, warmup: number, pairs: number): Promise<Paired> {
  const d = sender(direct, 1);
  const g = sender(gateway, 1);
  const added: number[] = [];
  const ds: number[] = [];
  const gs: number[] = [];
  let errors = 0;
  try {
    for (let i = 0; i < warmup + pairs; i++) {
      // Random order, so neither path always runs on a machine the other just warmed.
      const first = Math.random() < 0.5;
      const a = await (first ? d : g).send();
      const b = await (first ? g : d).send();
      const [dr, gr] = first ? [a, b] : [b, a];
      if (i < warmup) continue;
      if (!dr.ok || !gr.ok) errors++;
      ds.push(dr.ms);
      gs.push(gr.ms);
      added.push(gr.ms - dr.ms);
    }
  } finally {
    d.close();
    g.close();
  }
  return { added: percentiles(added), direct: percentiles(ds), gateway: percentiles(gs), errors };
}

export interface RateRun extends Percentiles {
  readonly completed: number;
  readonly errors: number;
  readonly achieved_per_s: number;
  readonly max_ms: number;
}

/** Sends at `rate` per second for warm-up then `seconds`; each latency counts from the request's intended send time. */
export async function rateRun(target: Target, rate: number, warmupS: number, seconds: number): Promise<RateRun> {
  const s = sender(target, 256);
  const latencies: number[] = [];
  let errors = 0;
  const total = Math.round((warmupS + seconds) * rate);
  const warm = Math.round(warmupS * rate);
  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  let recordStart = 0;
  let recordEnd = 0;
  for (let i = 0; i < total; i++) {
    const intended = start + (i * 1000) / rate;
    const wait = intended - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    if (i === warm) recordStart = intended;
    const recording = i >= warm;
    inFlight.push(
      s.send().then(
        (r) => {
          if (!recording) return;
          latencies.push(performance.now() - intended);
          recordEnd = Math.max(recordEnd, performance.now());
          if (!r.ok) errors++;
        },
        () => {
          if (recording) errors++;
        },
      ),
    );
  }
  await Promise.all(inFlight);
  s.close();
  const completed = latencies.length - errors;
  const elapsed = Math.max(seconds, (recordEnd - recordStart) / 1000);
  const max = latencies.reduce((m, x) => Math.max(m, x), 0);
  return { completed, errors, achieved_per_s: Math.round((completed / elapsed) * 10) / 10, ...percentiles(latencies), max_ms: round(max) };
}

/** Closed loop: `concurrency` requests in flight for `seconds`; completed requests per second. */
export async function saturate(target: Target, concurrency: number, seconds: number): Promise<number> {
  const s = sender(target, concurrency);
  let completed = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const r = await s.send().catch(() => ({ ok: false }));
        if (r.ok) completed++;
      }
    }),
  );
  s.close();
  return Math.round(completed / seconds);
}
