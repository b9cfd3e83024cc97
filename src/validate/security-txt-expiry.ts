/**
 * security.txt's Expires is derived from the latest version's `updated` date, so builds are deterministic;
 * this check warns when that date is within 30 days of today (or past), so a new version gets published in time.
 */
import type { Problem } from '../errors/catalog.ts';
import type { VersionsCheck } from './versions-check.ts';
import { addDays, daysBetween } from '../model/dates.ts';

/** RFC 9116 recommends an Expires less than a year ahead: 364 days after publication, at midnight UTC. */
export const SECURITY_TXT_LIFETIME_DAYS = 364;

/** Warn this many days before Expires. */
export const SECURITY_TXT_WARNING_DAYS = 30;

/** The Expires value for a version published on `updated` ("2026-05-15" -> "2027-05-14T00:00:00Z"). */
export function securityTxtExpires(updated: string): string {
  return `${addDays(updated, SECURITY_TXT_LIFETIME_DAYS)}T00:00:00Z`;
}

export const checkSecurityTxtExpiry: VersionsCheck = (versions, { today }) => {
  const latest = versions.at(-1);
  const file = latest?.files.meta;
  if (!latest || !file) return [];
  const expires = securityTxtExpires(latest.policy.meta.updated);
  const days = daysBetween(today, expires);
  if (days > SECURITY_TXT_WARNING_DAYS) return [];
  const problem: Problem = file.problemAtPath(['updated'], 'security-txt-expiring', { version: latest.version, expires: expires.slice(0, 10), days, today });
  return [problem];
};
