/** The `policy` collection's entries from validated versions (oldest first): each with its public sources and the measurement its page shows. */
import type { LoadedVersion } from '../load/load-version.ts';
import { loadMeasurements, measurementsByVersion } from '../load/measurements.ts';
import { publicSources } from '../pdf/published.ts';
import { publishedMeasurement } from './measured-latency.ts';
import type { PolicyEntry } from './policy-entry.ts';
import { publishedAt, type SiteAddress } from './address.ts';

/** Only for versions that passed validation: `validatePolicy` has checked the measurement files too. Absolute URLs follow `address`. */
export function policyEntries(versions: readonly LoadedVersion[], measurementsDir: string, address: SiteAddress = { url: undefined, base: '/' }): PolicyEntry[] {
  const measured = measurementsByVersion(versions, loadMeasurements(measurementsDir).files);
  return versions.map((loaded, index) => {
    const { version, policy } = loaded;
    const measurement = publishedMeasurement(measured.get(version));
    return { version, order: index, latest: index === versions.length - 1, policy: publishedAt(policy, address), sources: publicSources(loaded), ...(measurement ? { measurement } : {}) };
  });
}
