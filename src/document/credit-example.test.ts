import { describe, expect, it } from 'vitest';
import type { Credits } from '../model/credits.ts';
import { creditFor, workedExample } from './credit-example.ts';

const credits: Credits = {
  basis: 'monthly fees',
  tiers: [
    { below_percent: 99.95, credit_percent: 10 },
    { below_percent: 99.0, credit_percent: 25 },
    { below_percent: 95.0, credit_percent: 50 },
  ],
  claim_window_days: 30,
  max_credit_percent: 40,
  claim_process: 'Email support.',
};

describe('creditFor', () => {
  it('picks the deepest tier the uptime is below, capped at the maximum', () => {
    expect(creditFor(99.95, credits)).toEqual({ tier: undefined, credit_percent: 0 });
    expect(creditFor(99.94, credits).credit_percent).toBe(10);
    expect(creditFor(99.0, credits).credit_percent).toBe(10);
    expect(creditFor(98.99, credits).credit_percent).toBe(25);
    expect(creditFor(50, credits).credit_percent).toBe(40);
  });
});

describe('workedExample', () => {
  it('lands strictly inside the first tier with the simplest figure', () => {
    expect(workedExample(credits)).toMatchObject({ uptime_percent: 99.5, credit_percent: 10, next_below_percent: 99, fee: 1000, credit_amount: 100 });
  });

  it('follows the tiers when they change', () => {
    const example = workedExample({ ...credits, tiers: [{ below_percent: 99.9, credit_percent: 15 }, { below_percent: 99.8, credit_percent: 30 }] });
    expect(example).toMatchObject({ uptime_percent: 99.85, credit_percent: 15, credit_amount: 150 });
  });

  it('works with a single tier', () => {
    expect(workedExample({ ...credits, tiers: [{ below_percent: 99.9, credit_percent: 5 }] })).toMatchObject({ uptime_percent: 99, next_below_percent: undefined });
  });
});
