import { describe, expect, it } from 'vitest';
import { formatMinutes, joinList, percent } from './figures.ts';

describe('formatting', () => {
  it('formats durations and lists', () => {
    expect(formatMinutes(15)).toBe('15 minutes');
    expect(formatMinutes(60)).toBe('1 hour');
    expect(formatMinutes(1440)).toBe('24 hours');
    expect(joinList(['json', 'cef', 'csv'])).toBe('json, cef and csv');
    expect(percent(99.95)).toBe('99.95%');
    expect(percent(0.1 + 0.2)).toBe('0.3%');
  });
});
