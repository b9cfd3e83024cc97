import { describe, expect, it } from 'vitest';
import { formatValue } from './units.ts';

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
