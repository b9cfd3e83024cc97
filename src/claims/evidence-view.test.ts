import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../load/load-policy.ts';
import type { Evidence } from '../model/evidence.ts';
import { claimLines, groupedClaims, publishedClaims } from './evidence-view.ts';

const example = loadPolicy('policy').versions.find((v) => v.version === '3.2')!.policy;
const evidence = (statuses: Partial<Record<string, 'pass' | 'fail' | 'not-applicable'>>): Evidence => ({
  format: 1,
  taken_at: '2026-11-30T10:00:00Z',
  policy_version: '3.2',
  gateway: { target: 'reference', name: null, version: '0.1.0', commit: null, dirty: null },
  checks: Object.entries(statuses).map(([id, status]) => ({ id: id as Evidence['checks'][number]['id'], status: status!, claim: 'c', location: 'f:1', did: 'd', observed: {} })),
});

describe('claims beside a section', () => {
  it('says verified (with the date and check ids) only when every check of a claim passed, failed when one failed', () => {
    const groups = groupedClaims(claimLines('rbac', example, evidence({ 'method-filter': 'pass', 'tag-filter': 'fail', 'audit-trail': 'pass' })));
    expect(groups).toMatchInlineSnapshot(`
      [
        {
          "items": [
            "Method filtering (method-filter)",
            "Audit trail (audit-trail)",
          ],
          "term": "Verified on 2026-11-30",
        },
        {
          "items": [
            "Tag filtering (tag-filter)",
            "Filter enforcement on tool calls (method-filter, tag-filter)",
          ],
          "term": "Failed verification on 2026-11-30",
        },
        {
          "items": [
            "Roles",
          ],
          "term": "Organisational commitment",
        },
      ]
    `);
  });

  it('says not verified for testable claims without evidence, and lists organisational commitments with their reason in sla.json', () => {
    expect(groupedClaims(claimLines('retention', example, undefined)).map((g) => g.term)).toEqual(['Organisational commitment', 'Not verified']);
    const published = publishedClaims(example, ['incidents'], undefined);
    expect(published.evidence).toBeUndefined();
    expect(published.items[0]).toMatchInlineSnapshot(`
      {
        "backing": "organisational",
        "checks": [],
        "label": "Breach notification time",
        "path": "incidents.breach_notification_hours",
        "reason": "done by people (notifications, reviews, support); no request to a gateway can show it",
      }
    `);
  });

  it('shows no backing for a boolean that makes the weaker statement', () => {
    const weaker = { ...example, auth: { ...example.auth, secondary_auth: { available: false, statement: 'none' }, token_passthrough: true } };
    const paths = claimLines('auth', weaker, undefined).map((l) => l.path);
    expect(paths).not.toContain('auth.secondary_auth.available');
    expect(paths).not.toContain('auth.token_passthrough');
    expect(claimLines('auth', example, undefined).map((l) => l.path)).toContain('auth.token_passthrough');
  });
});
