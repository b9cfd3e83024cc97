import { describe, expect, it } from 'vitest';
import { allowedDowntimeSeconds, downtimePeriods, formatMinutes, formatSeconds, joinList, percent } from './figures.ts';

describe('allowed downtime', () => {
  it('matches the published reference figure: 99.99% of a 30-day month is 4 min 19 s', () => {
    expect(formatSeconds(allowedDowntimeSeconds(99.99, downtimePeriods[0].seconds))).toBe('4 min 19 s');
  });
  it('is exact where floats are not (100 - 99.95)', () => {
    expect(allowedDowntimeSeconds(99.95, 30 * 86_400)).toBe(1296);
    expect(formatSeconds(1296)).toBe('21 min 36 s');
    expect(allowedDowntimeSeconds(99.9, 7 * 86_400)).toBe(604);
  });
});

describe('formatting', () => {
  it('formats durations and lists', () => {
    expect(formatSeconds(0)).toBe('0 s');
    expect(formatSeconds(90_061)).toBe('1 d 1 h 1 min 1 s');
    expect(formatMinutes(15)).toBe('15 minutes');
    expect(formatMinutes(60)).toBe('1 hour');
    expect(formatMinutes(1440)).toBe('24 hours');
    expect(joinList(['json', 'cef', 'csv'])).toBe('json, cef and csv');
    expect(percent(99.95)).toBe('99.95%');
    expect(percent(0.1 + 0.2)).toBe('0.3%');
  });
});
