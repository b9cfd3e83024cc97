import { describe, expect, it } from 'vitest';
import { completeFor429, parseRateLimit, rateLimitErrorData, renderRateLimitHeaders } from './ratelimit-headers.ts';

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);

describe('parseRateLimit', () => {
  it('reads x-ratelimit-* with an epoch-seconds reset', () => {
    const info = parseRateLimit({ 'x-ratelimit-limit': '50', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / 1000 + 30) }, NOW);
    expect(info).toEqual({ limit: 50, remaining: 0, resetSeconds: 30 });
  });

  it('reads x-rate-limit-* with a delta reset', () => {
    expect(parseRateLimit({ 'x-rate-limit-limit': '100', 'x-rate-limit-remaining': '7', 'x-rate-limit-reset': '12' }, NOW)).toEqual({
      limit: 100,
      remaining: 7,
      resetSeconds: 12,
    });
  });

  it('reads an epoch-milliseconds reset', () => {
    expect(parseRateLimit({ 'x-ratelimit-reset': String(NOW + 4_500) }, NOW)).toEqual({ resetSeconds: 5 });
  });

  it('reads ratelimit-* (older IETF drafts) including a window in the limit header', () => {
    expect(parseRateLimit({ 'ratelimit-limit': '10, 10;w=1, 1000;w=3600', 'ratelimit-remaining': '3', 'ratelimit-reset': '1' }, NOW)).toEqual({
      limit: 10,
      remaining: 3,
      resetSeconds: 1,
      windowSeconds: 1,
    });
  });

  it('reads IETF structured RateLimit-Policy and RateLimit', () => {
    expect(parseRateLimit({ 'ratelimit-policy': '"burst";q=50;w=60, "daily";q=1000;w=86400', ratelimit: '"burst";r=0;t=30' }, NOW)).toEqual({
      limit: 50,
      windowSeconds: 60,
      remaining: 0,
      resetSeconds: 30,
    });
  });

  it('reads the draft-07 RateLimit dictionary form', () => {
    expect(parseRateLimit({ ratelimit: 'limit=100, remaining=50, reset=30' }, NOW)).toEqual({ limit: 100, remaining: 50, resetSeconds: 30 });
  });

  it('reads Retry-After as seconds and as an HTTP date', () => {
    expect(parseRateLimit({ 'retry-after': '120' }, NOW)).toEqual({ retryAfterSeconds: 120 });
    expect(parseRateLimit({ 'retry-after': new Date(NOW + 30_000).toUTCString() }, NOW)).toEqual({ retryAfterSeconds: 30 });
    expect(parseRateLimit({ 'retry-after': new Date(NOW - 30_000).toUTCString() }, NOW)).toEqual({ retryAfterSeconds: 0 });
  });

  it('ignores garbage and returns nothing when no header is present', () => {
    expect(parseRateLimit({ 'x-ratelimit-limit': 'lots', 'retry-after': 'soon' }, NOW)).toEqual({});
    expect(parseRateLimit({ 'content-type': 'application/json' }, NOW)).toEqual({});
  });

  it('takes the first value of repeated headers', () => {
    expect(parseRateLimit({ 'x-ratelimit-remaining': ['4', '9'] }, NOW)).toEqual({ remaining: 4 });
  });
});

describe('rendering', () => {
  it('renders the gateway headers and IETF draft forms, omitting unknowns', () => {
    const info = completeFor429({ limit: 50, remaining: 0, resetSeconds: 30, windowSeconds: 60 });
    expect(renderRateLimitHeaders(info)).toEqual({
      'ratelimit-limit': '50',
      'ratelimit-remaining': '0',
      'ratelimit-reset': '30',
      'retry-after': '30',
      'RateLimit-Policy': '"upstream";q=50;w=60',
      RateLimit: '"upstream";r=0;t=30',
    });
    expect(renderRateLimitHeaders({ retryAfterSeconds: 5 })).toEqual({ 'retry-after': '5' });
  });

  it('fills retry-after from reset and reset from retry-after on a 429 only', () => {
    expect(completeFor429({ resetSeconds: 9 })).toEqual({ resetSeconds: 9, retryAfterSeconds: 9 });
    expect(completeFor429({ retryAfterSeconds: 4 })).toEqual({ resetSeconds: 4, retryAfterSeconds: 4 });
  });

  it('builds JSON-RPC error data with only known fields', () => {
    expect(rateLimitErrorData({ limit: 50, remaining: 0, resetSeconds: 30, retryAfterSeconds: 30 })).toEqual({
      retry_after_seconds: 30,
      limit: 50,
      remaining: 0,
      reset_seconds: 30,
    });
    expect(rateLimitErrorData({ retryAfterSeconds: 3 })).toEqual({ retry_after_seconds: 3 });
  });
});
