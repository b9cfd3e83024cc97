/**
 * Notice periods: which changes between two versions need advance notice, how much the older version
 * promised, and whether the newer version's `effective - updated` gives it. Pure.
 */
import type { Policy } from '../model/policy.ts';
import type { Change } from './change.ts';
import { isNewSubprocessor } from './diff.ts';

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

const DAY_MS = 86_400_000;

/** Whole days from one ISO date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
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
