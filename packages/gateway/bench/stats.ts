/** Percentiles for the benchmark: exact nearest-rank percentiles of recorded samples (concurrency 1), and HdrHistogram for rate runs. */

import * as hdr from 'hdr-histogram-js';

export interface Percentiles {
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  p999_ms: number;
}

const QUANTILES = { p50_ms: 0.5, p95_ms: 0.95, p99_ms: 0.99, p999_ms: 0.999 } as const;

/** Rounds to 0.1 µs so files stay readable and diffs stable. */
export function roundMs(ms: number): number {
  return Math.round(ms * 10_000) / 10_000;
}

/** Nearest-rank percentiles of samples in milliseconds (sorted in place); negative values clamp to 0. */
export function exactPercentiles(samples: Float64Array): Percentiles {
  samples.sort();
  const at = (q: number): number => {
    if (samples.length === 0) return 0;
    const rank = Math.min(samples.length - 1, Math.max(0, Math.ceil(q * samples.length) - 1));
    return roundMs(Math.max(0, samples[rank]!));
  };
  return { p50_ms: at(QUANTILES.p50_ms), p95_ms: at(QUANTILES.p95_ms), p99_ms: at(QUANTILES.p99_ms), p999_ms: at(QUANTILES.p999_ms) };
}

/** A latency histogram in whole microseconds, 3 significant digits, 1 µs to 60 s. */
export function latencyHistogram(): hdr.Histogram {
  return hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: 3, useWebAssembly: false });
}

export function histogramPercentiles(h: hdr.Histogram): Percentiles & { max_ms: number } {
  const ms = (us: number): number => roundMs(us / 1000);
  return {
    p50_ms: ms(h.getValueAtPercentile(50)),
    p95_ms: ms(h.getValueAtPercentile(95)),
    p99_ms: ms(h.getValueAtPercentile(99)),
    p999_ms: ms(h.getValueAtPercentile(99.9)),
    max_ms: ms(h.maxValue),
  };
}
