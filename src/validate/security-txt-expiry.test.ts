import { describe, expect, it } from 'vitest';
import { formatProblems } from '../errors/format.ts';
import { checkSecurityTxtExpiry, securityTxtExpires } from './security-txt-expiry.ts';
import { validatePolicy } from './validate.ts';

const { versions } = validatePolicy('policy', { today: '2026-05-15' });

describe('securityTxtExpires', () => {
  it('is 364 days after publication at midnight UTC, under RFC 9116\'s one year', () => {
    expect(securityTxtExpires('2026-05-15')).toBe('2027-05-14T00:00:00Z');
    expect(securityTxtExpires('2028-02-29')).toBe('2029-02-27T00:00:00Z');
  });
});

describe('checkSecurityTxtExpiry', () => {
  it('is quiet while Expires is more than 30 days away', () => {
    expect(checkSecurityTxtExpiry(versions, { today: '2027-04-13', releases: {} })).toEqual([]);
  });

  it('warns at the latest version\'s updated date 30 days before Expires', () => {
    const problems = checkSecurityTxtExpiry(versions, { today: '2027-04-14', releases: {} });
    expect(formatProblems(problems, 'text').replace(/\n  [ >\d|].*/g, '')).toMatchInlineSnapshot(`
      "policy/3.2/meta.yaml:3:10: warning: security.txt for 3.2 expires on 2027-05-14, 30 days from 2027-04-14 [security-txt-expiring]
        hint: publish a new version: Expires is derived from the latest version's updated date"
    `);
  });

  it('runs as part of validatePolicy', () => {
    const codes = validatePolicy('policy', { today: '2027-06-01' }).problems.map((p) => p.code);
    expect(codes).toContain('security-txt-expiring');
  });
});
