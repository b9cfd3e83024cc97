import { describe, expect, it } from 'vitest';
import { badges } from './evidence-badges.ts';
import type { ClaimLine } from './evidence-view.ts';

const line = (label: string, backing: ClaimLine['backing'], extra: Partial<ClaimLine> = {}): ClaimLine => ({ path: `x.${label}`, label, backing, checks: ['origin-allowlist'], ...extra });

describe('badges', () => {
  it('groups claims by backing in plain words, with the claims by label and no check ids', () => {
    const result = badges([line('Roles', 'organisational'), line('Token expiry', 'verified', { date: '2026-11-30' }), line('Origin check', 'not-verified')], { label: 'Latency', date: '2026-11-23' });
    expect(result).toEqual([
      { kind: 'verified', term: 'Verified 2026-11-30', claims: ['Token expiry'] },
      { kind: 'measured', term: 'Measured 2026-11-23', claims: ['Latency'] },
      { kind: 'organisational', term: 'Organisational commitment', claims: ['Roles'] },
      { kind: 'not-verified', term: 'Not verified', claims: ['Origin check'] },
    ]);
    expect(JSON.stringify(result)).not.toContain('origin-allowlist');
  });

  it('gives no badge for a section without claims', () => {
    expect(badges([])).toEqual([]);
  });
});
