/** A comparison of two versions: their dates, their changes grouped by direction, and the notice status. Pure. */
import type { Policy } from '../model/policy.ts';
import type { Change } from './change.ts';
import { diffPolicies } from './diff.ts';
import { daysBetween } from '../model/dates.ts';
import { checkNotice, type NoticeCheck } from './notice.ts';

export interface VersionInfo {
  readonly version: string;
  readonly updated: string;
  readonly effective: string;
}

export interface Comparison {
  readonly from: VersionInfo;
  readonly to: VersionInfo;
  /** Days between the newer version's updated and effective dates. */
  readonly noticeGiven: number;
  readonly changes: readonly Change[];
  /** Weaker first (material before the rest), then stronger, then neutral; each in diff order. */
  readonly groups: { readonly weaker: readonly Change[]; readonly stronger: readonly Change[]; readonly neutral: readonly Change[] };
  /** One check per material change. */
  readonly notice: readonly NoticeCheck[];
}

export function infoOf(policy: Policy): VersionInfo {
  const { version, updated, effective } = policy.meta;
  return { version, updated, effective };
}

export function comparePolicies(from: Policy, to: Policy): Comparison {
  const changes = diffPolicies(from, to);
  const by = (direction: Change['direction']) => changes.filter((c) => c.direction === direction);
  const weaker = by('weaker');
  return {
    from: infoOf(from),
    to: infoOf(to),
    noticeGiven: daysBetween(to.meta.updated, to.meta.effective),
    changes,
    groups: { weaker: [...weaker.filter((c) => c.material), ...weaker.filter((c) => !c.material)], stronger: by('stronger'), neutral: by('neutral') },
    notice: checkNotice(from, to, changes),
  };
}

/** The notice check of a change, when it is material. */
export function noticeOf(comparison: Comparison, change: Change): NoticeCheck | undefined {
  return comparison.notice.find((n) => n.change === change);
}
