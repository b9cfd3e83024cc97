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
  /** Days between the newer version's updated and effective dates. */
  readonly given: number;
  /** The promise that applies, as `file.key`. */
  readonly rule: 'changes.material_change_notice_days' | 'subprocessors.notice_days';
  /** The first effective date that would give enough notice. */
  readonly earliest: string;
  readonly ok: boolean;
}


/** One check per material change, in the order of `changes`. */
export function checkNotice(from: Policy, to: Policy, changes: readonly Change[]): NoticeCheck[] {
  const given = daysBetween(to.meta.updated, to.meta.effective);
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
        earliest: addDays(to.meta.updated, required),
        ok: given >= required,
      };
    });
}
