/** latency.yaml: committed latency objectives per operation, for what the platform adds. */
import { z } from 'zod';
import { milliseconds, text } from './primitives.ts';

export const latencySchema = z.strictObject({
  /** What is committed: gateway-overhead (the platform's own added time) or end-to-end (including the upstream's time). */
  scope: z.enum(['gateway-overhead', 'end-to-end']),
  /** How the objectives are measured and what they exclude. */
  statement: text,
  /** With scope end-to-end: how much of the time is the upstream's, and what happens when the upstream is slow. */
  upstream_share: text.optional(),
  /** One objective per operation; p50 <= p95 <= p99. Left out, nothing is committed: the section shows measured figures only, or neither. */
  objectives: z
    .array(
      z.strictObject({
        /** The operation, e.g. "tools/list", "tools/call", "rate-limit-passthrough"; unique. */
        operation: z.string().regex(/^[a-z][a-z0-9-]*(\/[a-z][a-z0-9-]*)?$/, { error: 'expected an operation like "tools/call"' }),
        /** What the operation is, in a few words. */
        description: text,
        /** Median latency (added time, or end to end with scope end-to-end), milliseconds. */
        p50_ms: milliseconds,
        /** 95th percentile added latency, milliseconds. */
        p95_ms: milliseconds,
        /** 99th percentile added latency, milliseconds. */
        p99_ms: milliseconds,
      }),
    )
    .min(1)
    .optional(),
});

export type Latency = z.infer<typeof latencySchema>;
export type LatencyObjective = NonNullable<Latency['objectives']>[number];
