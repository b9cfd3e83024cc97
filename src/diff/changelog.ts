/** The changelog page's data: every version newest first, its changes grouped, each linked to its section on that version's archived page. Pure. */
import type { Policy } from '../model/policy.ts';
import { versionAnchor } from '../model/version.ts';
import type { Change } from './change.ts';
import { noticeOf } from './comparison.ts';
import { history, sectionHref } from './feeds.ts';
import { noticeStatus } from './format.ts';
import type { NoticeCheck } from './notice.ts';

export interface ChangelogChange {
  readonly summary: string;
  readonly path: string;
  readonly href: string;
  readonly material: boolean;
  readonly notice: NoticeCheck | undefined;
}

export interface ChangelogGroup {
  readonly id: 'weaker' | 'stronger' | 'other';
  readonly title: string;
  readonly changes: readonly ChangelogChange[];
}

export interface ChangelogVersion {
  readonly version: string;
  /** The version's anchor on /changelog/, e.g. v3-2. */
  readonly anchor: string;
  /** The version's archived page. */
  readonly href: string;
  readonly updated: string;
  readonly effective: string;
  /** False for the first version, which has nothing to compare with. */
  readonly compared: boolean;
  readonly noticeStatus: string | undefined;
  readonly noticeOk: boolean;
  /** Non-empty groups only: weaker (material first), stronger, other. */
  readonly groups: readonly ChangelogGroup[];
}

export function changelogView(policies: readonly Policy[]): ChangelogVersion[] {
  return history(policies).map(({ policy, comparison }) => {
    const { version, updated, effective } = policy.meta;
    const item = (change: Change): ChangelogChange => ({
      summary: change.summary,
      path: change.path,
      href: sectionHref(version, change.section),
      material: change.material,
      notice: comparison && noticeOf(comparison, change),
    });
    const groups: ChangelogGroup[] = comparison
      ? [
          { id: 'weaker' as const, title: 'Weaker for customers', changes: comparison.groups.weaker.map(item) },
          { id: 'stronger' as const, title: 'Stronger for customers', changes: comparison.groups.stronger.map(item) },
          { id: 'other' as const, title: 'Other changes', changes: comparison.groups.neutral.map(item) },
        ].filter((g) => g.changes.length > 0)
      : [];
    return {
      version,
      anchor: versionAnchor(version),
      href: `/v/${version}/`,
      updated,
      effective,
      compared: comparison !== undefined,
      noticeStatus: comparison && noticeStatus(comparison),
      noticeOk: comparison ? comparison.notice.every((n) => n.ok) : true,
      groups,
    };
  });
}
