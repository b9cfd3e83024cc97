/** The measured availability every page of a build shows: content/uptime/ read once, computed under the published versions, then cut per version (archived pages stay as published). */
import { addDays } from '../model/dates.ts';
import { uptimeWindows, type UptimeWindow, type VersionInForce } from '../model/uptime-windows.ts';
import type { UptimeProvenance } from '../model/uptime-history.ts';
import { loadUptime } from '../load/uptime/load-uptime.ts';
import type { LoadedVersion } from '../load/load-version.ts';

export interface SiteUptime {
  readonly windows: readonly UptimeWindow[];
  readonly sources: readonly UptimeProvenance[];
}

/** The versions whose targets apply: `versions` are the published ones with their effective dates. */
export function versionsInForce(versions: readonly Pick<LoadedVersion, 'version' | 'policy'>[]): VersionInForce[] {
  return versions.map((v) => ({ version: v.version, effective: v.policy.meta.effective, uptime: v.policy.uptime, credits: v.policy.credits }));
}

/** "Now" for uptime: the end of the build day (SLA_TODAY honoured by the caller), so the same inputs give the same windows. */
export function endOfDay(today: string): number {
  return Date.parse(`${addDays(today, 1)}T00:00:00Z`);
}

/** Reads and computes; a folder that does not validate has already stopped the build (validatePolicy reports it). */
export function siteUptime(dir: string, versions: readonly Pick<LoadedVersion, 'version' | 'policy'>[], today: string): SiteUptime {
  const { sources } = loadUptime(dir);
  return { windows: uptimeWindows({ sources, versions: versionsInForce(versions), now: endOfDay(today) }), sources: sources.map((s) => s.provenance) };
}
