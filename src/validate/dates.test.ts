import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpus, removeAll, replace } from '../../tests/fixtures/invalid/corpus.ts';
import { releaseVersion } from '../load/release-lock.ts';
import { releaseNoticeProblems } from './release-notice.ts';
import { validatePolicy } from './validate.ts';

afterAll(removeAll);

/** The example's 3.1 (updated 2026-04-01) followed by a copy 3.2 with `meta` edits. */
function twoVersions(meta: (text: string) => string) {
  const c = corpus();
  cpSync(join(c.policyDir, '3.1'), join(c.policyDir, '3.2'), { recursive: true });
  c.edit({ 'meta.yaml': (t) => meta(t.replace('version: "3.1"', 'version: "3.2"')) }, '3.2');
  return c;
}
const weaker = { 'incidents.yaml': replace(/breach_notification_hours: \d+/, 'breach_notification_hours: 200') };
const codes = (c: ReturnType<typeof corpus>, codesShown: string[], today = '2026-05-15') =>
  c.render(validatePolicy(c.policyDir, { today, measurementsDir: '/nonexistent', gatewayVersion: null }).problems.filter((p) => codesShown.includes(p.code)));

describe('versions are dated in order', () => {
  it('a back-dated draft fails at its updated line, and at effective when that is earlier too', () => {
    const c = twoVersions((t) => t.replace(/updated: "[^"]+"/, 'updated: "2026-01-02"').replace(/effective: "[^"]+"/, 'effective: "2026-01-03"'));
    expect(codes(c, ['updated-before-previous'])).toMatchInlineSnapshot(`
      "policy/3.2/meta.yaml:3:10: updated 2026-01-02 is before version 3.1's updated 2026-01-12 [updated-before-previous]
        hint: a newer version cannot be published or take effect before the one it replaces: set updated: "2026-01-12" or later
      policy/3.2/meta.yaml:4:12: effective 2026-01-03 is before version 3.1's effective 2026-02-26 [updated-before-previous]
        hint: a newer version cannot be published or take effect before the one it replaces: set effective: "2026-02-26" or later"
    `);
  });

  it('the same dates as the previous version are fine', () => {
    const c = twoVersions((t) => t);
    expect(codes(c, ['updated-before-previous'])).toBe('');
  });
});

describe('notice runs from the release when it is later than updated', () => {
  it('validate measures a released version\'s notice from its release date', () => {
    const c = twoVersions((t) => t.replace(/updated: "[^"]+"/, 'updated: "2026-05-01"').replace(/effective: "[^"]+"/, 'effective: "2026-06-01"'));
    c.edit(weaker, '3.2');
    expect(codes(c, ['notice-too-short'])).toBe('');
    releaseVersion(c.policyDir, '3.2', '2026-05-20');
    expect(codes(c, ['notice-too-short'])).toMatchInlineSnapshot(`
      "policy/3.2/incidents.yaml:2:28: Breach notification time raised from 72 hours to 200 hours: takes effect 2026-06-01, 12 days after publication, but changes.material_change_notice_days of version 3.1 requires 30 days of notice; the earliest allowed effective date is 2026-06-19 [notice-too-short]
        hint: set effective: "2026-06-19" or later in meta.yaml, or keep the previous commitment"
    `);
  });

  it('release refuses a notice that the release date makes too short, saying which dates to set', () => {
    const c = twoVersions((t) => t.replace(/updated: "[^"]+"/, 'updated: "2026-05-01"').replace(/effective: "[^"]+"/, 'effective: "2026-06-01"'));
    c.edit(weaker, '3.2');
    const { versions } = validatePolicy(c.policyDir, { today: '2026-05-20', measurementsDir: '/nonexistent', gatewayVersion: null });
    expect(c.render(releaseNoticeProblems(versions, '3.2', '2026-05-20'))).toMatchInlineSnapshot(`
      "policy/3.2/meta.yaml:4:12: Breach notification time raised from 72 hours to 200 hours: released on 2026-05-20, 12 days before it takes effect on 2026-06-01, but changes.material_change_notice_days of version 3.1 requires 30 days of notice [release-notice-too-short]
        hint: the notice runs from the release, not from an earlier updated date: set updated: "2026-05-20" and effective: "2026-06-19" or later in meta.yaml, then release again"
    `);
    expect(releaseNoticeProblems(versions, '3.2', '2026-05-01')).toEqual([]);
    expect(releaseNoticeProblems(versions, '3.2', '2026-04-20')).toEqual([]);
  });
});
