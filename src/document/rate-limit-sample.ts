/** The sample rate-limited response shown in #rate-limits, derived from rate-limits.yaml (status, error code, headers, example figures and message); none without `example` and `status`, and only the headers and body fields the policy states. */
import type { RateLimits } from '../model/rate-limits.ts';

/** The policy name the gateway puts in IETF RateLimit-Policy / RateLimit headers. */
const POLICY_NAME = 'upstream';

export interface SampleResponse {
  readonly status: number;
  /** Header name and value, in the order the policy lists them. */
  readonly headers: readonly (readonly [string, string])[];
  readonly body: unknown;
}

/** The response a client sees when the upstream has used up its quota: nothing remaining, retry after the example delay. */
export function sampleRateLimitResponse(limits: RateLimits): SampleResponse | undefined {
  if (!limits.example || limits.status === undefined) return undefined;
  const { limit, window_seconds: window, retry_after_seconds: retryAfter, message } = limits.example;
  const values: Record<NonNullable<RateLimits['headers']>[number], string> = {
    'ratelimit-limit': String(limit),
    'ratelimit-remaining': '0',
    'ratelimit-reset': String(retryAfter),
    'retry-after': String(retryAfter),
    'ratelimit-policy': `"${POLICY_NAME}";q=${limit};w=${window}`,
    ratelimit: `"${POLICY_NAME}";r=0;t=${retryAfter}`,
  };
  return {
    status: limits.status,
    headers: [['content-type', 'application/json'], ...(limits.headers ?? []).map((name) => [name, values[name]] as const)],
    // Only what the policy states: its error code and its message, each when it gives one.
    body: { jsonrpc: '2.0', id: 1, error: { ...(limits.jsonrpc_error_code !== undefined ? { code: limits.jsonrpc_error_code } : {}), ...(message ? { message } : {}) } },
  };
}

/** The response as HTTP/1.1 text, for a code block. */
export function formatHttpResponse(response: SampleResponse): string {
  const head = [`HTTP/1.1 ${response.status} Too Many Requests`, ...response.headers.map(([name, value]) => `${name}: ${value}`)];
  return `${head.join('\n')}\n\n${JSON.stringify(response.body, null, 2)}`;
}
