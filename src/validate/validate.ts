/**
 * The one validation path: `npm run validate`, the site build and every other command call this.
 * Loads every version, then runs the checks that span versions and files outside the policy.
 */
import type { Problem } from '../errors/catalog.ts';
import { loadPolicy } from '../load/load-policy.ts';
import type { LoadedVersion } from '../load/load-version.ts';
import { annexReleasesOf, checkLock, readLock, releasesOf, type Releases } from '../load/release-lock.ts';
import { versionAnnex, type LoadedAnnex } from '../load/nda-annexes.ts';
import type { ValidateOptions, VersionsCheck } from './versions-check.ts';
import { checkCompleteness } from './completeness.ts';
import { checkDateOrder } from './date-order.ts';
import { checkNoticePeriods } from './notice.ts';
import { checkAnnexFontCoverage, checkFontCoverage } from './font-coverage.ts';
import { checkSecurityTxtExpiry } from './security-txt-expiry.ts';
import { checkMeasurements } from './measurements.ts';
import { currentGatewayVersion, resolveMeasurementsDir } from '../load/measurements.ts';
import { checkEvidence } from './evidence.ts';
import { resolveEvidenceDir } from '../load/evidence.ts';
import { checkUptime } from './uptime.ts';
import { resolveUptimeDir } from '../load/uptime/load-uptime.ts';

export interface Validation {
  readonly dir: string;
  /** Versions that loaded, oldest first; the last is the latest. */
  readonly versions: LoadedVersion[];
  /** Which versions the release lock records as released, and when; the others are drafts. */
  readonly releases: Releases;
  /** Every NDA annex that loaded: the annex files policy/nda/<N>.yaml, then each version's nda.yaml. Never public. */
  readonly annexes: LoadedAnnex[];
  /** Which annex files the release lock records as released, and when; the others are drafts. */
  readonly annexReleases: Readonly<Record<string, string>>;
  /** Errors and warnings, in the order found. */
  readonly problems: Problem[];
}

const checks: VersionsCheck[] = [checkFontCoverage, checkDateOrder, checkNoticePeriods, checkSecurityTxtExpiry, checkMeasurements, checkCompleteness, checkEvidence, checkUptime];

export function validatePolicy(dir: string, options: ValidateOptions = {}): Validation {
  const loaded = loadPolicy(dir);
  const problems = [...loaded.problems, ...checkLock(dir, loaded.folders)];
  const lock = readLock(dir);
  const releases = releasesOf(lock.lock);
  const annexes = [...loaded.annexes, ...loaded.versions.flatMap((v) => versionAnnex(v) ?? [])];
  const resolved = {
    releases,
    today: options.today ?? today(),
    measurementsDir: options.measurementsDir ?? resolveMeasurementsDir(dir),
    evidenceDir: options.evidenceDir ?? resolveEvidenceDir(dir),
    uptimeDir: options.uptimeDir ?? resolveUptimeDir(dir),
    gatewayVersion: options.gatewayVersion === undefined ? currentGatewayVersion(dir) : options.gatewayVersion,
  };
  // Cross-version checks need every version loaded, or they would compare against the wrong neighbour.
  if (loaded.versions.length === loaded.folders.length) {
    for (const check of checks) problems.push(...check(loaded.versions, resolved));
  }
  problems.push(...checkAnnexFontCoverage(loaded.annexes));
  return { dir, versions: loaded.versions, releases, annexes, annexReleases: annexReleasesOf(lock.annexes), problems };
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** Today's date, or SLA_TODAY (YYYY-MM-DD) so CI and tests get the same date-dependent results every day. */
export function today(): string {
  const fixed = process.env.SLA_TODAY;
  return fixed && /^\d{4}-\d{2}-\d{2}$/.test(fixed) ? fixed : new Date().toISOString().slice(0, 10);
}
