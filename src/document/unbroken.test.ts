import { describe, expect, it } from 'vitest';
import { keepTogether, unbroken } from './unbroken.ts';

describe('keepTogether', () => {
  it('keeps figures with units and dates on one line, lets prose wrap', () => {
    expect(['120 ms', '99.95%', '30 days', '2026-05-15', '1,000 requests per minute'].map(keepTogether)).toEqual([true, true, true, true, false]);
    expect(keepTogether('Errors, slowness or rate limits of the customer’s upstream APIs')).toBe(false);
    expect(keepTogether('Roles')).toBe(false);
  });

  it('makes the spaces of a kept value non-breaking, and only those', () => {
    expect(unbroken('120 ms')).toBe('120\u00a0ms');
    expect(unbroken('Listing the tools of an MCP server')).toBe('Listing the tools of an MCP server');
  });
});
