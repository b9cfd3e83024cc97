/** The validated versions for pages, oldest first, from the project the integration names (the only Astro-bound module in src/site). */
import { configProblems, site } from 'virtual:slapage/site';
import { PolicyValidationError } from './policy-error.ts';
import type { PolicyEntry } from './policy-entry.ts';
import { siteData } from './site-data.ts';

/** A promise, as the routes' getStaticPaths await it; a policy with errors rejects with the located problems. */
export function policyVersions(): Promise<PolicyEntry[]> {
  if (configProblems.length > 0) return Promise.reject(new PolicyValidationError([...configProblems], 0));
  const data = siteData(site, !import.meta.env.DEV);
  if ('problems' in data) return Promise.reject(new PolicyValidationError(data.problems, data.versionCount));
  return Promise.resolve(data.entries);
}

/** The version / shows: the released version in force on the build date. */
export async function latestVersion(): Promise<PolicyEntry> {
  const versions = await policyVersions();
  return versions.find((v) => v.latest) ?? (versions[versions.length - 1] as PolicyEntry);
}
