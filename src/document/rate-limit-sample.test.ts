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
  expect(formatHttpResponse(sampleRateLimitResponse(limits)!)).toMatchInlineSnapshot(`
    "HTTP/1.1 429 Too Many Requests
    content-type: application/json
    ratelimit-limit: 50
    ratelimit-remaining: 0
    ratelimit-reset: 30
    retry-after: 30
    ratelimit-policy: "upstream";q=50;w=60
    ratelimit: "upstream";r=0;t=30

    {
      "jsonrpc": "2.0",
      "id": 1,
      "error": {
        "code": -32029
      }
    }"
  `);
});

it('puts the policy\'s own message in the body, and shows no sample without example figures', () => {
  expect(sampleRateLimitResponse({ ...limits, example: { ...limits.example!, message: 'Upstream rate limit reached' } })?.body).toEqual({ jsonrpc: '2.0', id: 1, error: { code: -32029, message: 'Upstream rate limit reached' } });
  expect(sampleRateLimitResponse({ ...limits, example: undefined })).toBeUndefined();
});

it('shows only the headers the policy lists', () => {
  const names = sampleRateLimitResponse({ ...limits, headers: ['retry-after'] })!.headers.map(([name]) => name);
  expect(names).toEqual(['content-type', 'retry-after']);
});
