/** rate-limits.yaml: how upstream rate limits reach the customer, and the exact contract sentence. */
import { z } from 'zod';
import { label, milliseconds, text, uniqueList } from './primitives.ts';

export const rateLimitHeaders = ['ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'retry-after', 'ratelimit-policy', 'ratelimit'] as const;

/** What a call meets while its upstream API is down. */
export const upstreamDownBehaviours = ['fail-fast', 'retry-then-fail', 'failover'] as const;

export const rateLimitsSchema = z.strictObject({
  /** pass-through: upstream 429s go back at once; retry: the platform retries within a window. */
  policy: z.enum(['pass-through', 'retry']),
  /** Retries the platform makes after an upstream 429: 0 (or left out) with pass-through; with retry, at least 1, or left out when only a window is committed. */
  retries: z.int().min(0).max(10).optional(),
  /** With policy retry: the longest time spent retrying, milliseconds; a count, a window or both bound the retries. */
  max_retry_window_ms: milliseconds.optional(),
  /** With policy retry: what is retried (upstream rate limits, transient errors, timeouts). */
  retry_on: uniqueList(z.enum(['rate-limit', 'transient-error', 'timeout'])).min(1).optional(),
  /** With policy retry: whether the platform also fails over to another upstream route or credential. */
  failover: z.boolean().optional(),
  /** Headers on every rate-limited response; left out, the page names none. */
  headers: uniqueList(z.enum(rateLimitHeaders)).min(1).optional(),
  /** HTTP status of a rate-limited MCP response; left out, the page states none. */
  status: z.literal(429).optional(),
  /** JSON-RPC error code in the body of a rate-limited response; left out, the page states none. */
  jsonrpc_error_code: z.int().min(-32099).max(-32000).optional(),
  /** What happens to a call while an upstream API is down (unreachable or answering 5xx). */
  upstream_down: z
    .strictObject({
      /** fail-fast: an error at once; retry-then-fail: retried within the retry bounds, then an error; failover: sent to another route or credential. */
      behaviour: z.enum(upstreamDownBehaviours),
      /** HTTP status the MCP client then receives, e.g. 502 or 503. */
      status: z.int().min(400).max(599).optional(),
      /** How it works, in the vendor's words. */
      statement: text.optional(),
    })
    .optional(),
  /** The contract sentence in the vendor's own words; the engine claims nothing from it. */
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
