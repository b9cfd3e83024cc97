import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Policy } from '../model/policy.ts';
import { validatePolicy } from '../validate/validate.ts';
import { diffPolicies } from './diff.ts';
import { addDays, daysBetween } from '../model/dates.ts';
import { checkNotice } from './notice.ts';

const example = validatePolicy(resolve(import.meta.dirname, '../../policy'), { today: '2026-05-15' });
const v32 = example.versions.at(-1)!.policy;

/** A next version of 3.2 published on 2026-07-01 with `edit` applied, taking effect `days` later. */
function next(days: number, edit: (p: Policy) => void): Policy {
  const p = structuredClone(v32);
  edit(p);
  Object.assign(p.meta, { version: '3.3', updated: '2026-07-01', effective: addDays('2026-07-01', days) });
  return p;
}
const check = (to: Policy) => checkNotice(v32, to, diffPolicies(v32, to)).map(({ rule, required, given, earliest, ok }) => ({ rule, required, given, earliest, ok }));

describe('checkNotice', () => {
  const weaker = (p: Policy) => (p.incidents.breach_notification_hours = 96);

  it('accepts exactly the notice promised, refuses a day less', () => {
    expect(check(next(30, weaker))).toEqual([{ rule: 'changes.material_change_notice_days', required: 30, given: 30, earliest: '2026-07-31', ok: true }]);
    expect(check(next(29, weaker))).toEqual([{ rule: 'changes.material_change_notice_days', required: 30, given: 29, earliest: '2026-07-31', ok: false }]);
  });

  it('takes the notice from the previous version, not the new one', () => {
    expect(check(next(10, (p) => (weaker(p), (p.changes.material_change_notice_days = 5))))[0]).toMatchObject({ required: 30, ok: false });
  });

  it('holds a new sub-processor to subprocessors.notice_days', () => {
    const base = structuredClone(v32);
    base.subprocessors.notice_days = 45;
    const to = next(40, (p) => (p.subprocessors.notice_days = 45) && p.subprocessors.entries.push({ name: 'New Co', purpose: 'Email', location: ['Norway'], url: 'https://new.example' }));
    expect(checkNotice(base, to, diffPolicies(base, to)).map((n) => [n.rule, n.required, n.ok])).toEqual([['subprocessors.notice_days', 45, false]]);
  });

  it('ignores changes that are not material', () => {
    expect(check(next(0, (p) => (p.uptime.target_percent = 99.99)))).toEqual([]);
  });

  it('counts calendar days across month ends', () => {
    expect(daysBetween('2026-01-31', '2026-03-01')).toBe(29);
    expect(addDays('2026-05-15', 30)).toBe('2026-06-14');
  });
});
