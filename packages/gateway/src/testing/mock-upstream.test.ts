import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_LIMIT_DIALECTS, startMockUpstream, type MockUpstream } from './mock-upstream.ts';

let mock: MockUpstream;
let slow: MockUpstream;
beforeAll(async () => {
  mock = await startMockUpstream({ now: () => Date.UTC(2026, 0, 1) });
  slow = await startMockUpstream({ latencyMs: 60, record: false });
});
afterAll(async () => {
  await mock.close();
  await slow.close();
});

describe('mock upstream', () => {
  it('serves the example CRM and records requests', async () => {
    const res = await fetch(mock.baseUrl + '/contacts/c_1', { headers: { authorization: 'Bearer x' } });
    expect(await res.json()).toMatchObject({ id: 'c_1' });
    expect(mock.requests.at(-1)).toMatchObject({ method: 'GET', url: '/api/v1/contacts/c_1' });
  });

  it('answers 429 in every header dialect', async () => {
    const seen: Record<string, string[]> = {};
    for (const d of RATE_LIMIT_DIALECTS) {
      const res = await fetch(`${mock.baseUrl}/ratelimited/${d}`);
      expect(res.status).toBe(429);
      seen[d] = [...res.headers.keys()].filter((k) => /rate|retry/.test(k));
    }
    expect(seen['x-ratelimit']).toEqual(['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset']);
    expect(seen['x-rate-limit']).toEqual(['x-rate-limit-limit', 'x-rate-limit-remaining', 'x-rate-limit-reset']);
    expect(seen['ietf']).toEqual(['ratelimit', 'ratelimit-policy']);
    expect(seen['retry-after-date']).toEqual(['retry-after']);
    expect(seen['none']).toEqual([]);
  });

  it('answers any status, redirects without following, and adds configured latency', async () => {
    expect((await fetch(mock.baseUrl + '/status/503')).status).toBe(503);
    const r = await fetch(mock.baseUrl + '/redirect', { redirect: 'manual' });
    expect(r.status).toBe(302);
    expect(r.headers.get('location')).toContain('169.254.169.254');
    const t = performance.now();
    await (await fetch(slow.baseUrl + '/fixed')).text();
    expect(performance.now() - t).toBeGreaterThanOrEqual(55);
  });
});
