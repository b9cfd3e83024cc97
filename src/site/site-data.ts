/** The pages' data: the project's policy validated once per build (from the validation cache when `slapage build` validated it already), as collection entries. */
import { pdfBrand } from './brand.ts';
import type { Problem } from '../errors/catalog.ts';
import type { SiteOptions } from './site-options.ts';
import { join, relative } from 'node:path';
import { LOCK_FILE } from '../load/release-lock.ts';
import { loadProse } from '../load/prose.ts';
import { SourceFile } from '../load/source-file.ts';
import { hasErrors, type Validation } from '../validate/validate.ts';
import { validateCached } from '../validate/validation-cache.ts';
import { policyEntries } from './policy-entries.ts';
import type { PolicyEntry } from './policy-entry.ts';

export type SiteData = { readonly entries: PolicyEntry[] } | { readonly problems: Problem[]; readonly versionCount: number };

/** The published entries, or the problem that nothing is publishable (no released version and no --drafts). */
function publishedData(validation: Validation, site: SiteOptions): SiteData {
  const entries = policyEntries(validation.versions, site.measurementsDir, { url: site.url, base: site.base, releases: validation.releases, drafts: site.drafts, brand: pdfBrand(site, validation.versions.at(-1)?.policy.meta.company ?? ''), prose: loadProse(join(site.root, 'content'), site.root) });
  if (entries.length > 0) return { entries };
  return { problems: [nothingReleased(site.policyDir, validation)], versionCount: validation.versions.length };
}

/** The problem of a production build with no released version, located at the release lock. */
export function nothingReleased(policyDir: string, validation: Validation): Problem {
  const lock = new SourceFile(relative(process.cwd(), join(policyDir, LOCK_FILE)), '');
  return lock.problemAtLine(0, 0, 'nothing-released', { latest: validation.versions.at(-1)?.version ?? '1.0' });
}

let memo: { key: string; data: SiteData } | undefined;

/** `cache`: keep the result for the process (builds); dev validates on every request, so an edit shows at once. */
export function siteData(site: SiteOptions, cache: boolean): SiteData {
  const key = JSON.stringify([site.policyDir, site.measurementsDir, site.url, site.base, site.drafts]);
  if (cache && memo?.key === key) return memo.data;
  // The CLI's build validated this folder already: unchanged inputs are answered from the cache.
  const validation = validateCached(site.policyDir, { measurementsDir: site.measurementsDir });
  const data: SiteData = hasErrors(validation.problems)
    ? { problems: validation.problems, versionCount: validation.versions.length }
    : publishedData(validation, site);
  if (cache) memo = { key, data };
  return data;
}
