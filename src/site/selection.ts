/**
 * Which versions a build publishes and how each stands on the build date: production builds publish released versions
 * only (`drafts` adds the others, marked); / shows the released version in force (the newest whose effective date has
 * come); released versions not yet in force are announced as upcoming. Pure: the lock's releases and "today" are given.
 */
import type { Releases } from '../load/release-lock.ts';

export type VersionStatus = 'in-force' | 'superseded' | 'upcoming' | 'draft';

export interface SelectedVersion {
  readonly version: string;
  readonly status: VersionStatus;
  /** The day it was released, when the lock records one. */
  readonly released?: string;
}

export interface Selection {
  /** The versions to publish, oldest first. */
  readonly published: readonly SelectedVersion[];
  /** The version / shows: the one in force, else (nothing in force yet) the first upcoming, else with drafts the newest draft. */
  readonly root: string | undefined;
  /** Released versions that take effect after today, oldest first: / announces them. */
  readonly upcoming: readonly string[];
}

export interface SelectionInput {
  /** Validated versions, oldest first. */
  readonly versions: readonly { readonly version: string; readonly policy: { readonly meta: { readonly effective: string } } }[];
  readonly releases: Releases;
  /** The build date, YYYY-MM-DD. */
  readonly today: string;
  /** Publish unreleased versions too (pull-request previews). */
  readonly drafts: boolean;
}

export function selectVersions({ versions, releases, today, drafts }: SelectionInput): Selection {
  const isReleased = (version: string) => Object.hasOwn(releases, version);
  const released = versions.filter((v) => isReleased(v.version));
  const inForce = released.filter((v) => v.policy.meta.effective <= today).at(-1)?.version;
  const upcoming = released.filter((v) => v.policy.meta.effective > today).map((v) => v.version);
  const published = versions
    .filter((v) => drafts || isReleased(v.version))
    .map((v): SelectedVersion => {
      const date = releases[v.version];
      const status: VersionStatus = !isReleased(v.version) ? 'draft' : v.version === inForce ? 'in-force' : upcoming.includes(v.version) ? 'upcoming' : 'superseded';
      return { version: v.version, status, ...(date ? { released: date } : {}) };
    });
  const root = inForce ?? upcoming[0] ?? (drafts ? published.filter((v) => v.status === 'draft').at(-1)?.version : undefined);
  return { published, root, upcoming };
}
