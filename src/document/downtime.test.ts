import { describe, expect, it } from 'vitest';
import { duration } from '../model/units.ts';
import { allowedDowntimeSeconds, periods } from './downtime.ts';

const month = periods[0].seconds;
const week = periods[1].seconds;

describe('allowedDowntimeSeconds', () => {
  it('matches the published reference figure: 99.99% of a 30-day month is 4 min 19 s', () => {
    expect(duration(allowedDowntimeSeconds(99.99, month))).toBe('4 min 19 s');
  });

  it('is exact where floating point is not (99.95%)', () => {
    expect(allowedDowntimeSeconds(99.95, month)).toBe(1296);
    expect(allowedDowntimeSeconds(99.95, week)).toBe(302);
  });

  it('handles whole and three-decimal targets', () => {
    expect(allowedDowntimeSeconds(99, week)).toBe(6048);
    expect(allowedDowntimeSeconds(99.999, month)).toBe(25);
  });
});

describe('duration', () => {
  it('lists non-zero units largest first', () => {
    expect([0, 59, 60, 3600 * 3 + 36 * 60, 86400 + 7200 + 1].map(duration)).toEqual(['0 s', '59 s', '1 min', '3 h 36 min', '1 d 2 h 1 s']);
  });
});
