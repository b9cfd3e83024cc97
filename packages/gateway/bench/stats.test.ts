import { describe, expect, it } from 'vitest';
import { exactPercentiles, histogramPercentiles, latencyHistogram } from './stats.ts';

describe('exactPercentiles', () => {
  it('takes nearest-rank percentiles of 1..1000 ms', () => {
    const samples = Float64Array.from({ length: 1000 }, (_, i) => 1000 - i);
    expect(exactPercentiles(samples)).toEqual({ p50_ms: 500, p95_ms: 950, p99_ms: 990, p999_ms: 999 });
  });

  it('clamps negative added times to 0', () => {
    expect(exactPercentiles(Float64Array.from([-0.5, -0.2, 0.1])).p50_ms).toBe(0);
  });
});

describe('histogramPercentiles', () => {
  it('reads microsecond values back as milliseconds', () => {
    const h = latencyHistogram();
    for (let i = 1; i <= 1000; i++) h.recordValue(i * 10);
    const p = histogramPercentiles(h);
    expect(p.p50_ms).toBeCloseTo(5, 2);
    expect(p.max_ms).toBeCloseTo(10, 1);
  });
});
