import { expect, it } from 'vitest';
import type { RateLimits } from '../model/rate-limits.ts';
import { formatHttpResponse, sampleRateLimitResponse } from './rate-limit-sample.ts';

const limits: RateLimits = {
  policy: 'pass-through',
  retries: 0,
  headers: ['ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'retry-after', 'ratelimit-policy', 'ratelimit'],
  status: 429,
  jsonrpc_error_code: -32029,
  statement: 'Passed through.',
  example: { limit: 50, window_seconds: 60, retry_after_seconds: 30 },
};

it('derives every header and the body from the policy figures', () => {
  expect(formatHttpResponse(sampleRateLimitResponse(limits))).toMatchInlineSnapshot();
});

it('shows only the headers the policy lists', () => {
  const names = sampleRateLimitResponse({ ...limits, headers: ['retry-after'] }).headers.map(([name]) => name);
  expect(names).toEqual(['content-type', 'retry-after']);
});
