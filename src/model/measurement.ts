/** A committed gateway measurement (content/measurements/*.json, written by `npm run measure`), and which one applies to a version. Pure zod, no I/O. */
import { z } from 'zod';

/** Non-negative milliseconds, fractions allowed (measured figures are sub-millisecond). */
const ms = z.number().min(0).max(600_000);

/** Percentiles of one latency distribution, milliseconds. */
export const percentilesSchema = z.strictObject({
  /** Median. */
  p50_ms: ms,
  /** 95th percentile. */
  p95_ms: ms,
  /** 99th percentile. */
  p99_ms: ms,
  /** 99.9th percentile. */
  p999_ms: ms,
});

/** The operations a measurement covers; they are the `operation` names of latency.yaml's objectives. */
export const MEASURED_OPERATIONS = ['tools/list', 'tools/call', 'rate-limit-passthrough'] as const;

export const measurementSchema = z.strictObject({
  /** Format of this file; bumped when fields change meaning. */
  format: z.literal(1),
  /** When the run finished, UTC, e.g. "2026-11-23T23:40:12Z"; the file is named after its date. */
  taken_at: z.iso.datetime({ error: 'expected a UTC timestamp like "2026-11-23T23:40:12Z"' }),
  /** Where and on what the figures were taken. */
  provenance: z.strictObject({
    /** Commit of the repository the gateway ran from. */
    git_commit: z.string().regex(/^[0-9a-f]{7,40}$/, { error: 'expected a git commit hash' }),
    /** True when the working tree had uncommitted changes under packages/gateway. */
    git_dirty: z.boolean(),
    /** The gateway package's version (packages/gateway/package.json). */
    gateway_version: z.string().min(1),
    /** `process.version` of the Node that ran gateway, mock and client, e.g. "v24.21.0". */
    node_version: z.string().regex(/^v\d+\.\d+\.\d+/),
    /** CPU model as the OS reports it. */
    cpu_model: z.string().min(1),
    /** Logical CPUs available. */
    cpu_count: z.int().positive(),
    /** OS and kernel release, e.g. "Linux 6.18.44". */
    kernel: z.string().min(1),
    /** 1, 5 and 15 minute load averages when the run started: other work on the machine skews figures. */
    load_average: z.tuple([z.number().min(0), z.number().min(0), z.number().min(0)]),
    /** Which process runs what (client, gateway, mock upstream). */
    layout: z.string().min(1),
    /** The MCP protocol version the requests spoke: "2026-07-28" (stateless) or the 2025 version initialize agreed; absent in files written before it was recorded. */
    mcp_protocol_version: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected an MCP protocol version like "2026-07-28"' }).optional(),
  }),
  /** How the figures were taken, in words and counts. */
  method: z.strictObject({
    /** One paragraph a reader can check the figures against. */
    summary: z.string().min(1),
    /** Paired requests discarded before recording, per operation. */
    warmup_pairs: z.int().min(0),
    /** Paired requests recorded per operation at concurrency 1. */
    pairs: z.int().positive(),
  }),
  /**
   * Per operation, the time the gateway ADDS at concurrency 1: the distribution of (through the gateway − direct)
   * over paired requests sent in random order. These are the figures compared with latency.yaml's objectives.
   */
  operations: z
    .array(
      z.strictObject({
        /** An objective's `operation` in latency.yaml. */
        operation: z.enum(MEASURED_OPERATIONS),
        /** What "direct" is for this operation (the same request straight to the upstream, or its minimal endpoint). */
        direct_request: z.string().min(1),
        /** Paired samples recorded. */
        samples: z.int().positive(),
        /** Percentiles of the per-pair added time (gateway − direct): what latency.yaml commits to. */
        ...percentilesSchema.shape,
        /** Percentiles of the direct path alone. */
        direct: percentilesSchema,
        /** Percentiles of the path through the gateway. */
        gateway: percentilesSchema,
      }),
    )
    .min(1),
  /** Constant arrival rate runs (open model, latency from the intended send time: coordinated-omission corrected). */
  load: z.array(
    z.strictObject({
      /** The operation sent at this rate. */
      operation: z.enum(MEASURED_OPERATIONS),
      /** Which path: straight to the upstream or through the gateway. */
      path: z.enum(['direct', 'gateway']),
      /** Offered rate, requests per second. */
      rate_per_s: z.number().positive(),
      /** Length of the recorded run, seconds. */
      duration_s: z.number().positive(),
      /** Requests sent and answered. */
      completed: z.int().min(0),
      /** Requests that failed or got an unexpected status. */
      errors: z.int().min(0),
      /** Completed requests per second of the recorded run. */
      achieved_per_s: z.number().min(0),
      /** False when under 99% of the offered rate was achieved or over 0.1% of requests failed. */
      valid: z.boolean(),
      ...percentilesSchema.shape,
      /** Largest latency seen. */
      max_ms: ms,
    }),
  ),
  /** Closed-loop saturation: as many requests as `concurrency` clients can push. */
  throughput: z.strictObject({
    /** The operation sent. */
    operation: z.enum(MEASURED_OPERATIONS),
    /** Requests in flight at once. */
    concurrency: z.int().positive(),
    /** Length of each run, seconds. */
    duration_s: z.number().positive(),
    /** Requests per second straight to the upstream. */
    direct_per_s: z.number().min(0),
    /** Requests per second through the gateway. */
    gateway_per_s: z.number().min(0),
    /** gateway_per_s / direct_per_s. */
    ratio: z.number().min(0),
    /** CPU time (user + system) the gateway process spent per request at saturation, microseconds; null when the gateway ran elsewhere (`slapage measure --gateway`). */
    gateway_cpu_us_per_request: z.number().min(0).nullable(),
    /** CPU time the mock upstream process spent per request at saturation, microseconds (the floor of any hop); null when the upstream ran elsewhere. */
    upstream_cpu_us_per_request: z.number().min(0).nullable(),
  }),
});

export type Measurement = z.infer<typeof measurementSchema>;
export type MeasuredOperation = Measurement['operations'][number];
export type Percentiles = z.infer<typeof percentilesSchema>;

/** A measurement with the file it came from (as shown to users). */
export interface MeasurementFile {
  readonly file: string;
  readonly measurement: Measurement;
}

/** The date (UTC) a measurement was taken, "YYYY-MM-DD". */
export function measuredOn(m: Measurement): string {
  return m.taken_at.slice(0, 10);
}

/**
 * The measurement a version's page shows: for the latest version (no successor) the newest one; for an archived
 * version the newest taken before its successor's `updated` date, so an archived page stays as it was published.
 * `files` may be in any order; undefined when none qualifies.
 */
export function applicableMeasurement<T extends MeasurementFile>(files: readonly T[], successorUpdated: string | undefined): T | undefined {
  let best: T | undefined;
  for (const f of files) {
    if (successorUpdated !== undefined && measuredOn(f.measurement) >= successorUpdated) continue;
    if (best === undefined || f.measurement.taken_at > best.measurement.taken_at || (f.measurement.taken_at === best.measurement.taken_at && f.file > best.file)) best = f;
  }
  return best;
}
