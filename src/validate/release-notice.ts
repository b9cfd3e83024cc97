/**
 * What `release` checks on the day it runs: a version released later than its `updated` date gives notice only from
 * the release, so each material change against the previous version must still get its notice period from `date`.
 */
import type { Problem } from '../errors/catalog.ts';
import { diffPolicies } from '../diff/diff.ts';
import { checkNotice } from '../diff/notice.ts';
import type { LoadedVersion } from '../load/load-version.ts';

/** Problems located at meta.yaml's `effective` of `version`; none when it is released on or before its `updated` date. */
export function releaseNoticeProblems(versions: readonly LoadedVersion[], version: string, date: string): Problem[] {
  const index = versions.findIndex((v) => v.version === version);
  const current = versions[index];
  const previous = versions[index - 1];
  const meta = current?.files.meta;
  if (!current || !previous || !meta || date <= current.policy.meta.updated) return [];
  return checkNotice(previous.policy, current.policy, diffPolicies(previous.policy, current.policy), date)
    .filter((finding) => !finding.ok)
    .map((finding) =>
      meta.problemAtPath(['effective'], 'release-notice-too-short', {
        change: finding.change.summary,
        released: date,
        effective: current.policy.meta.effective,
        given: finding.given,
        required: finding.required,
        rule: `${finding.rule} of version ${previous.version}`,
        earliest: finding.earliest,
      }),
    );
}
