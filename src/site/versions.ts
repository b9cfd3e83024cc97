/** The validated versions for pages, oldest first, read from the content layer (the only Astro-bound module in src/site). */
import { getCollection } from 'astro:content';
import type { Problem } from '../errors/catalog.ts';
import { PolicyValidationError } from './policy-error.ts';
import { POLICY_ERROR_ID, type PolicyEntry } from './policy-entry.ts';

export async function policyVersions(): Promise<PolicyEntry[]> {
  // Typed here rather than by generated types, so a clean checkout typechecks before `astro sync`.
  const entries: { id: string; data: unknown }[] = await getCollection('policy');
  const failed = entries.find((entry) => entry.id === POLICY_ERROR_ID);
  if (failed) {
    const { problems, versionCount } = failed.data as { problems: Problem[]; versionCount: number };
    throw new PolicyValidationError(problems, versionCount);
  }
  const versions = entries.map((entry) => entry.data as PolicyEntry).sort((a, b) => a.order - b.order);
  if (versions.length === 0) throw new Error('the policy collection is empty');
  return versions;
}

export async function latestVersion(): Promise<PolicyEntry> {
  const versions = await policyVersions();
  return versions[versions.length - 1] as PolicyEntry;
}
