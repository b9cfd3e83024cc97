/** What #latency and sla.json show of the measurement that applies to a version: per-operation measured percentiles and a provenance sentence. Pure. */
import { basename } from 'node:path';
import { measuredOn, type Measurement, type MeasurementFile } from '../model/measurement.ts';

/** A version's measurement as pages carry it: the file's name (not its path) and its contents. */
export interface PublishedMeasurement {
  /** The measurement file's name, e.g. "2026-11-23.json" (committed under content/measurements/). */
  readonly file: string;
  readonly measurement: Measurement;
}

export function publishedMeasurement(found: MeasurementFile | undefined): PublishedMeasurement | undefined {
  return found ? { file: basename(found.file), measurement: found.measurement } : undefined;
}

export interface MeasuredPercentiles {
  readonly p50_ms: number;
  readonly p95_ms: number;
  readonly p99_ms: number;
}

// Shown to the microsecond: finer digits are below the run-to-run noise.
const micro = (ms: number) => Math.round(ms * 1000) / 1000;

/** Measured added time per operation, keyed like latency.yaml's `operation`. */
export function measuredByOperation(m: Measurement): Record<string, MeasuredPercentiles> {
  return Object.fromEntries(m.operations.map((o) => [o.operation, { p50_ms: micro(o.p50_ms), p95_ms: micro(o.p95_ms), p99_ms: micro(o.p99_ms) }]));
}

/** "Measured on 2026-11-23, 20,000 samples per operation, Node v24.21.0, CPU 2 × Intel Xeon, ..." */
export function provenanceSentence({ file, measurement: m }: PublishedMeasurement): string {
  const p = m.provenance;
  return (
    `Measured on ${measuredOn(m)}, ${m.method.pairs.toLocaleString('en-US')} samples per operation, Node ${p.node_version}, ` +
    `CPU ${p.cpu_count} × ${p.cpu_model}, ${p.kernel}, gateway ${p.gateway_version} at commit ${p.git_commit.slice(0, 12)}` +
    ` (load average ${p.load_average[0]} at the start; ${file}).`
  );
}

/** What the measured figures are, in one sentence. */
export const MEASURED_WHAT =
  'Measured figures are the time the platform adds at concurrency 1: for each pair of identical requests, one sent through the gateway and one straight to the upstream API, the difference between the two; upstream time is not included.';
