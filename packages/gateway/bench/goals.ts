/** The gateway's performance goals (issue 7) checked against one measurement, as a Markdown table: figure, goal, measured, met. */

import type { Percentiles } from './stats.ts';

interface Run {
  operations: readonly (Percentiles & { operation: string })[];
  load: readonly (Percentiles & { path: string; rate_per_s: number; valid: boolean })[];
  throughput: { ratio: number; gateway_cpu_us_per_request: number; concurrency: number };
}

export interface Goal {
  figure: string;
  goal: string;
  measured: string;
  met: boolean;
}

const µs = (ms: number) => `${Math.round(ms * 1000)} µs`;

export function goals(run: Run): Goal[] {
  const op = (name: string) => run.operations.find((o) => o.operation === name)!;
  const call = op('tools/call');
  const limited = op('rate-limit-passthrough');
  const out: Goal[] = [
    { figure: 'tools/call added P50, c=1', goal: '≤ 150 µs', measured: µs(call.p50_ms), met: call.p50_ms <= 0.15 },
    { figure: 'tools/call added P99, c=1', goal: '≤ 250 µs', measured: µs(call.p99_ms), met: call.p99_ms <= 0.25 },
  ];
  for (const rate of [...new Set(run.load.map((l) => l.rate_per_s))]) {
    const d = run.load.find((l) => l.rate_per_s === rate && l.path === 'direct')!;
    const g = run.load.find((l) => l.rate_per_s === rate && l.path === 'gateway')!;
    const added = g.p99_ms - d.p99_ms;
    const valid = d.valid && g.valid;
    out.push({
      figure: `tools/call added P99 at ${rate.toLocaleString('en-US')} req/s (P99 gateway − P99 direct)`,
      goal: rate === 1000 ? '≤ 1 ms' : '—',
      measured: `${(added).toFixed(3)} ms${valid ? '' : ' (run invalid)'}`,
      met: rate === 1000 ? valid && added <= 1 : true,
    });
  }
  out.push({ figure: `throughput at saturation (c=${run.throughput.concurrency}), gateway / direct`, goal: '≥ 0.5', measured: run.throughput.ratio.toFixed(2), met: run.throughput.ratio >= 0.5 });
  out.push({
    figure: '429 surfaced vs tools/call, added P50 / P99',
    goal: '≤ tools/call',
    measured: `${µs(limited.p50_ms)} / ${µs(limited.p99_ms)} vs ${µs(call.p50_ms)} / ${µs(call.p99_ms)}`,
    met: limited.p50_ms <= call.p50_ms && limited.p99_ms <= call.p99_ms,
  });
  out.push({ figure: 'gateway CPU per tools/call', goal: '—', measured: `${Math.round(run.throughput.gateway_cpu_us_per_request)} µs`, met: true });
  return out;
}

export function goalsTable(run: Run): string {
  const rows = goals(run).map((g) => `| ${g.figure} | ${g.goal} | ${g.measured} | ${g.goal === '—' ? '' : g.met ? 'met' : 'NOT met'} |`);
  return ['| Figure | Goal | Measured | |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
