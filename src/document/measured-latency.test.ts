import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { measurementSchema } from '../model/measurement.ts';
import { measuredByOperation, provenanceSentence, publishedMeasurement } from './measured-latency.ts';

const FILE = 'tests/fixtures/measurement-exceeds/content/measurements/2026-01-10.json';
const measurement = measurementSchema.parse(JSON.parse(readFileSync(FILE, 'utf8')));

describe('measured latency on the page', () => {
  it('keys the added-time percentiles by operation, to the microsecond', () => {
    expect(measuredByOperation(measurement)['tools/call']).toEqual({ p50_ms: 0.11, p95_ms: 0.18, p99_ms: 0.31 });
  });

  it('states date, samples, Node, CPU, kernel, gateway and file', () => {
    expect(provenanceSentence(publishedMeasurement({ file: FILE, measurement })!)).toMatchInlineSnapshot(`"Measured on 2026-01-10, 20,000 samples per operation, Node v24.21.0, CPU 2 × Fixture CPU, Linux 6.0.0, gateway 0.1.0 at commit 0123456789ab (load average 0.1 at the start; 2026-01-10.json)."`);
  });

  it('publishes only the file name, never a local path', () => {
    expect(publishedMeasurement({ file: FILE, measurement })?.file).toBe('2026-01-10.json');
    expect(publishedMeasurement(undefined)).toBeUndefined();
  });
});
