/**
 * The notice check: a version whose changes against the previous version are material must be
 * published at least the previous version's notice period before it takes effect. One error per
 * change, located at the changed value in the newer version's file.
 */
import type { Problem } from '../errors/catalog.ts';
import { diffPolicies } from '../diff/diff.ts';
import { checkNotice } from '../diff/notice.ts';
import type { VersionsCheck } from './versions-check.ts';

export const checkNoticePeriods: VersionsCheck = (versions, { releases }) => {
  const problems: Problem[] = [];
  versions.forEach((current, index) => {
    const previous = versions[index - 1];
    if (!previous) return;
    const released = releases[current.version] ?? undefined;
    for (const finding of checkNotice(previous.policy, current.policy, diffPolicies(previous.policy, current.policy), released)) {
      if (finding.ok) continue;
      const [kind, ...path] = finding.change.at;
      const file = current.files[kind];
      if (!file) continue; // every public file is loaded for a version that validated
      problems.push(
        file.problemAtPath(path, 'notice-too-short', {
          change: finding.change.summary,
          effective: current.policy.meta.effective,
          given: finding.given,
          required: finding.required,
          rule: `${finding.rule} of version ${previous.version}`,
          earliest: finding.earliest,
        }),
      );
    }
  });
  return problems;
};
