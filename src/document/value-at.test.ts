import { describe, expect, it } from 'vitest';
import { valueAt } from './value-at.ts';

describe('valueAt', () => {
  it('follows a dotted path and fails loudly on a typo', () => {
    expect(valueAt({ uptime: { target_percent: 99.9 } }, 'uptime.target_percent')).toBe(99.9);
    expect(() => valueAt({ uptime: {} }, 'uptime.target')).toThrowErrorMatchingInlineSnapshot(`[Error: no policy value at "uptime.target"]`);
  });
});
