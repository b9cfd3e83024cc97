/** The load generator (runs in the parent process): paired requests at concurrency 1, constant arrival rate with latency from the intended send time, and closed-loop saturation; undici keep-alive clients. */

import { performance } from 'node:perf_hooks';
import { Client, Pool, type Dispatcher } from 'undici';
import type { Histogram } from 'hdr-histogram-js';
import { latencyHistogram } from './stats.ts';

/** One HTTP request, sent the same way every time. */
export interface Target {
  readonly origin: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string | null;
  /** The status a correct answer has (200, or 429 for the rate-limit path). */
  readonly status: number;
}

export type Progress = (done: number, total: number) => void;

async function send(d: Dispatcher, t: Target): Promise<boolean> {
  const res = await d.request({ origin: t.origin, method: t.method, path: t.path, headers: t.headers, body: t.body });
  // Read the whole body: the answer is complete only when its last byte has arrived.
  await res.body.arrayBuffer();
  return res.statusCode === t.status;
}

export interface PairedResult {
  /** Milliseconds per recorded pair, same index = same pair. */
  readonly direct: Float64Array;
  readonly gateway: Float64Array;
  readonly errors: number;
}

/**
 * Concurrency 1: each pair sends the direct and the gateway request one after the other, in random order,
 * so both paths see the same machine state; the first `warmup` pairs are discarded.
 */
export async function pairedRun(direct: Target, gateway: Target, warmup: number, pairs: number, progress: Progress): Promise<PairedResult> {
  const dc = new Client(direct.origin, { pipelining: 1, keepAliveTimeout: 60_000 });
  const gc = new Client(gateway.origin, { pipelining: 1, keepAliveTimeout: 60_000 });
  const d = new Float64Array(pairs);
  const g = new Float64Array(pairs);
  let errors = 0;
  let recording = false;
  const timed = async (c: Dispatcher, t: Target): Promise<number> => {
    const start = performance.now();
    const ok = await send(c, t);
    const ms = performance.now() - start;
    if (!ok && recording) errors++;
    return ms;
  };
  const total = warmup + pairs;
  for (let i = 0; i < total; i++) {
    recording = i >= warmup;
    let dm: number;
    let gm: number;
    if (Math.random() < 0.5) {
      dm = await timed(dc, direct);
      gm = await timed(gc, gateway);
    } else {
      gm = await timed(gc, gateway);
      dm = await timed(dc, direct);
    }
    if (recording) {
      d[i - warmup] = dm;
      g[i - warmup] = gm;
    }
    if ((i & 255) === 0) progress(i, total);
  }
  progress(total, total);
  await Promise.all([dc.close(), gc.close()]);
  return { direct: d, gateway: g, errors };
}

export interface RateResult {
  /** Latency from each request's intended send time, microseconds. */
  readonly histogram: Histogram;
  readonly completed: number;
  readonly errors: number;
  readonly seconds: number;
  readonly achievedPerS: number;
}

/**
 * Open model at a constant arrival rate: request i is due at start + i/rate and is sent then whether or not earlier
 * ones have answered; its latency counts from when it was due, so a stall is charged to every request it delayed
 * (coordinated-omission correction, as wrk2 does). The first `warmupS` seconds are not recorded.
 */
export async function rateRun(target: Target, ratePerS: number, warmupS: number, durationS: number, progress: Progress): Promise<RateResult> {
  const pool = new Pool(target.origin, { connections: 256, pipelining: 1, keepAliveTimeout: 60_000 });
  const histogram = latencyHistogram();
  const interval = 1000 / ratePerS;
  const warmupCount = Math.round(ratePerS * warmupS);
  const total = warmupCount + Math.round(ratePerS * durationS);
  const start = performance.now() + 5;
  const recordStart = start + warmupCount * interval;
  let next = 0;
  let finished = 0;
  let completed = 0;
  let errors = 0;
  let lastDone = recordStart;
  await new Promise<void>((resolve) => {
    const done = (i: number, due: number, ok: boolean): void => {
      const now = performance.now();
      if (i >= warmupCount) {
        if (ok) {
          completed++;
          histogram.recordValue(Math.max(1, Math.round((now - due) * 1000)));
        } else errors++;
        if (now > lastDone) lastDone = now;
      }
      if (++finished === total) resolve();
    };
    const tick = (): void => {
      const now = performance.now();
      const before = next;
      while (next < total && start + next * interval <= now) {
        const i = next++;
        const due = start + i * interval;
        send(pool, target).then(
          (ok) => done(i, due, ok),
          () => done(i, due, false),
        );
      }
      if (next !== before && ((next & 63) === 0 || next === total)) progress(next, total);
      if (next < total) setTimeout(tick, Math.max(0, Math.floor(start + next * interval - performance.now())));
    };
    tick();
  });
  await pool.close();
  const seconds = (lastDone - recordStart) / 1000;
  return { histogram, completed, errors, seconds, achievedPerS: seconds > 0 ? completed / seconds : 0 };
}

export interface SaturationResult {
  readonly completed: number;
  readonly errors: number;
  readonly seconds: number;
  /** CPU microseconds each probed process spent during the recorded window. */
  readonly cpuMicros: number[];
}

/** Closed loop: `concurrency` workers each send the next request as soon as the last answered; CPU is probed around the recorded window. */
export async function saturate(
  target: Target,
  concurrency: number,
  warmupS: number,
  durationS: number,
  cpuProbes: (() => Promise<number>)[],
  progress: Progress,
): Promise<SaturationResult> {
  const pool = new Pool(target.origin, { connections: concurrency, pipelining: 1, keepAliveTimeout: 60_000 });
  let stop = false;
  let counting = false;
  let completed = 0;
  let errors = 0;
  const worker = async (): Promise<void> => {
    while (!stop) {
      let ok = false;
      try {
        ok = await send(pool, target);
      } catch {
        ok = false;
      }
      if (counting) {
        if (ok) completed++;
        else errors++;
      }
    }
  };
  const workers = Array.from({ length: concurrency }, worker);
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const totalMs = (warmupS + durationS) * 1000;
  const began = performance.now();
  const ticker = setInterval(() => progress(Math.min(totalMs, performance.now() - began), totalMs), 250);
  await sleep(warmupS * 1000);
  const cpuBefore = await Promise.all(cpuProbes.map((p) => p()));
  const t0 = performance.now();
  counting = true;
  await sleep(durationS * 1000);
  counting = false;
  const t1 = performance.now();
  const cpuAfter = await Promise.all(cpuProbes.map((p) => p()));
  stop = true;
  await Promise.all(workers);
  clearInterval(ticker);
  progress(totalMs, totalMs);
  await pool.close();
  return { completed, errors, seconds: (t1 - t0) / 1000, cpuMicros: cpuAfter.map((a, i) => a - cpuBefore[i]!) };
}
