/** The pages' data: the project's policy validated once per build (the CLI's own validation when it handed one over), as collection entries. */
import type { Problem } from '../errors/catalog.ts';
import type { SiteOptions } from '../build/site-options.ts';
import { hasErrors, validatePolicy } from '../validate/validate.ts';
import { takeValidation } from './build-handoff.ts';
import { policyEntries } from './policy-entries.ts';
import type { PolicyEntry } from './policy-entry.ts';

export type SiteData = { readonly entries: PolicyEntry[] } | { readonly problems: Problem[]; readonly versionCount: number };

let memo: { key: string; data: SiteData } | undefined;

/** `cache`: keep the result for the process (builds); dev validates on every request, so an edit shows at once. */
export function siteData(site: SiteOptions, cache: boolean): SiteData {
  const key = JSON.stringify([site.policyDir, site.measurementsDir, site.url, site.base]);
  if (cache && memo?.key === key) return memo.data;
  const validation = takeValidation(site.policyDir) ?? validatePolicy(site.policyDir, { measurementsDir: site.measurementsDir });
  const data: SiteData = hasErrors(validation.problems)
    ? { problems: validation.problems, versionCount: validation.versions.length }
    : { entries: policyEntries(validation.versions, site.measurementsDir, site) };
  if ('entries' in data && data.entries.length === 0) throw new Error('the policy has no versions');
  if (cache) memo = { key, data };
  return data;
}
