import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amount, days, duration, formatNumber, formatValue, list, minutes, percent, plural, series } from './units.ts';

describe('formatValue', () => {
  it('takes the unit from the key', () => {
    expect([
      formatValue('target_percent', 99.95),
      formatValue('p99_ms', 0.5),
      formatValue('notice_days', 30),
      formatValue('claim_window_days', 1),
      formatValue('breach_notification_hours', 48),
      formatValue('entropy_bits', 256),
      formatValue('limit', 1000),
    ]).toEqual(['99.95%', '0.5 ms', '30 days', '1 day', '48 hours', '256 bits', '1,000']);
  });

  it('joins lists and spells booleans', () => {
    expect(formatValue('regions', ['us', 'eu'])).toBe('us, eu');
    expect(formatValue('retained', false)).toBe('no');
  });
});

describe('the other wordings', () => {
  it('says minutes as hours when they are whole hours, on every renderer', () => {
    expect([formatValue('first_response_minutes', 15), formatValue('update_interval_minutes', 60), minutes(1440)]).toEqual(['15 minutes', '1 hour', '24 hours']);
  });

  it('words durations, plurals, lists and windows', () => {
    expect([duration(1296), duration(0), duration(93_600), plural(1, 'business day'), plural(5, 'business day'), days(1), series(['a', 'b', 'c']), list(['us', 'eu']), percent(99.9)]).toEqual([
      '21 min 36 s',
      '0 s',
      '1 d 2 h',
      '1 business day',
      '5 business days',
      '1 day',
      'a, b and c',
      'us, eu',
      '99.9%',
    ]);
    expect(formatValue('window', 'calendar-quarter')).toBe('calendar quarter');
  });
});

describe('numbers without Intl', () => {
  it('group and round exactly as en-US Intl.NumberFormat does', () => {
    const six = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });
    const two = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
    const numbers = fc.oneof(
      fc.double({ min: -1e9, max: 1e9, noNaN: true }),
      fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 7 })).map(([n, d]) => n / 10 ** d),
    );
    fc.assert(
      fc.property(numbers, (n) => {
        expect(formatNumber(n)).toBe(six.format(n));
        expect(amount(n)).toBe(two.format(n));
      }),
      { numRuns: 2000 },
    );
  });

  it('durations read as people write them: seconds from 1,000 ms, minutes for whole minutes of seconds', () => {
    expect(formatValue('max_retry_window_ms', 20000)).toBe('20 s');
    expect(formatValue('max_retry_window_ms', 1500)).toBe('1.5 s');
    expect(formatValue('max_retry_window_ms', 90000)).toBe('1 min 30 s');
    expect(formatValue('p99_ms', 850)).toBe('850 ms');
    expect(formatValue('p50_ms', 0.25)).toBe('0.25 ms');
    expect(formatValue('propagation_seconds', 300)).toBe('5 minutes');
    expect(formatValue('propagation_seconds', 3600)).toBe('1 hour');
    expect(formatValue('propagation_seconds', 90)).toBe('90 seconds');
    expect(formatValue('retry_after_seconds', 60)).toBe('60 seconds');
  });
});
