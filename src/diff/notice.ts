/**
 * Notice periods: which changes between two versions need advance notice, how much the older version
 * promised, and whether the newer version's `effective - updated` gives it. Pure.
 */
import type { Policy } from '../model/policy.ts';
import type { Change } from './change.ts';
import { isNewSubprocessor } from './diff.ts';
import { addDays, daysBetween } from '../model/dates.ts';

export interface NoticeCheck {
  readonly change: Change;
  /** Days promised by the older version. */
  readonly required: number;
  /** Days between the newer version's publication (its updated date, or its release when later) and its effective date. */
  readonly given: number;
  /** The promise that applies, as `file.key`. */
  readonly rule: 'changes.material_change_notice_days' | 'subprocessors.notice_days';
  /** The first effective date that would give enough notice. */
  readonly earliest: string;
  readonly ok: boolean;
}


/**
 * One check per material change, in the order of `changes`. The notice runs from `published`: the newer version's
 * `updated`, or the day it was released when that is later (a draft released weeks after its date gave less notice).
 */
export function checkNotice(from: Policy, to: Policy, changes: readonly Change[], published: string = to.meta.updated): NoticeCheck[] {
  const start = published > to.meta.updated ? published : to.meta.updated;
  const given = daysBetween(start, to.meta.effective);
  return changes
    .filter((c) => c.material)
    .map((change) => {
      const subprocessor = isNewSubprocessor(change);
      const required = subprocessor ? from.subprocessors.notice_days : from.changes.material_change_notice_days;
      return {
        change,
        required,
        given,
        rule: subprocessor ? 'subprocessors.notice_days' : 'changes.material_change_notice_days',
        earliest: addDays(start, required),
        ok: given >= required,
      };
    });
}
