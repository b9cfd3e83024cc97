/** Versions are dated in order: a version's `updated` and `effective` are not before the previous version's. */
import type { Problem } from '../errors/catalog.ts';
import type { VersionsCheck } from './versions-check.ts';

export const checkDateOrder: VersionsCheck = (versions) => {
  const problems: Problem[] = [];
  versions.forEach((current, index) => {
    const previous = versions[index - 1];
    const meta = current.files.meta;
    if (!previous || !meta) return;
    for (const key of ['updated', 'effective'] as const) {
      const date = current.policy.meta[key];
      const previousDate = previous.policy.meta[key];
      if (date < previousDate) problems.push(meta.problemAtPath([key], 'updated-before-previous', { key, date, previous: previous.version, previousDate }));
    }
  });
  return problems;
};
