/** rate-limits.yaml: how upstream rate limits reach the customer, and the exact contract sentence. */
import { z } from 'zod';
import { label, milliseconds, text, uniqueList } from './primitives.ts';

export const rateLimitHeaders = ['ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'retry-after', 'ratelimit-policy', 'ratelimit'] as const;

export const rateLimitsSchema = z.strictObject({
  /** pass-through: upstream 429s go back at once; retry: the platform retries within a window. */
  policy: z.enum(['pass-through', 'retry']),
  /** Retries the platform makes after an upstream 429; 0 for pass-through. */
  retries: z.int().min(0).max(10),
  /** With policy retry: the longest time spent retrying, milliseconds. */
  max_retry_window_ms: milliseconds.optional(),
  /** With policy retry: what is retried (upstream rate limits, transient errors, timeouts). */
  retry_on: uniqueList(z.enum(['rate-limit', 'transient-error', 'timeout'])).min(1).optional(),
  /** With policy retry: whether the platform also fails over to another upstream route or credential. */
  failover: z.boolean().optional(),
  /** Headers on every rate-limited response. */
  headers: uniqueList(z.enum(rateLimitHeaders)).min(1),
  /** HTTP status of a rate-limited MCP response. */
  status: z.literal(429),
  /** JSON-RPC error code in the body of a rate-limited response. */
  jsonrpc_error_code: z.int().min(-32099).max(-32000),
  /** The exact contract sentence. */
  statement: text,
  /** Illustrative figures for the sample 429 response on the page; without them no sample is shown. */
  example: z
    .strictObject({
    /** Requests allowed per window by the upstream. */
    limit: z.int().min(1),
    /** Window length, seconds. */
    window_seconds: z.int().min(1),
    /** Seconds until the client may retry. */
    retry_after_seconds: z.int().min(0),
    /** The JSON-RPC error message clients receive; without it the sample shows none. */
    message: label.optional(),
  })
    .optional(),
});

export type RateLimits = z.infer<typeof rateLimitsSchema>;
