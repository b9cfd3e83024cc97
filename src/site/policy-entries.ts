/**
 * The pages' entries from validated versions: the versions the build publishes (released ones, plus drafts with
 * `drafts`), oldest first, each with its status on the build date, its public sources and the measurement its page shows.
 */
import type { LoadedVersion } from '../load/load-version.ts';
import { loadMeasurements, measurementsByVersion } from '../load/measurements.ts';
import { proseFor, type ProjectProse } from '../load/prose.ts';
import type { Releases } from '../load/release-lock.ts';
import type { PdfBrand } from '../pdf/brand.ts';
import { publicSources } from '../pdf/published.ts';
import { today as buildDate } from '../validate/validate.ts';
import { publishedMeasurement } from '../document/measured-latency.ts';
import type { PolicyEntry } from './policy-entry.ts';
import { publishedAt, type SiteAddress } from './address.ts';
import { selectVersions } from './selection.ts';
import { basename, dirname, join } from 'node:path';
import { loadEvidence } from '../load/evidence.ts';
import { latestEvidence } from '../model/evidence.ts';
import { resolveUptimeDir } from '../load/uptime/load-uptime.ts';
import { publishedUptime } from '../document/uptime-history.ts';
import { siteUptime } from './uptime-history.ts';

export interface EntriesOptions extends SiteAddress {
  /** The release lock's versions (Validation.releases); undefined treats every version as released. */
  readonly releases?: Releases;
  /** Publish unreleased versions too, marked as drafts. */
  readonly drafts?: boolean;
  /** The build date; default today (SLA_TODAY honoured). */
  readonly today?: string;
  /** The vendor's logo and accent for the PDFs. */
  readonly brand?: PdfBrand | undefined;
  /** The project's section prose (loadProse); none: the engine's own for every section. */
  readonly prose?: ProjectProse | undefined;
  /** Committed verification evidence; default content/evidence beside the policy folder. */
  readonly evidenceDir?: string;
  /** Uptime sources; default content/uptime beside the policy folder. */
  readonly uptimeDir?: string;
}

/** Only for versions that passed validation: `validatePolicy` has checked the measurement files too. Absolute URLs follow the address. */
export function policyEntries(versions: readonly LoadedVersion[], measurementsDir: string, options: EntriesOptions = { url: undefined, base: '/' }): PolicyEntry[] {
  const releases = options.releases ?? Object.fromEntries(versions.map((v) => [v.version, null]));
  const selection = selectVersions({ versions, releases, today: options.today ?? buildDate(), drafts: options.drafts ?? false });
  const statusOf = new Map(selection.published.map((s) => [s.version, s]));
  const published = versions.filter((v) => statusOf.has(v.version));
  // Archived pages show the measurement taken before their successor among the published versions.
  const measured = measurementsByVersion(published, loadMeasurements(measurementsDir).files);
  const evidence = loadEvidence(options.evidenceDir ?? (versions[0] ? join(dirname(dirname(versions[0].dir)), 'content', 'evidence') : '')).files;
  // Targets apply from released versions only, unless the build publishes nothing else (drafts preview).
  const inForce = published.filter((v) => statusOf.get(v.version)!.status !== 'draft');
  const today = options.today ?? buildDate();
  const uptime = siteUptime(options.uptimeDir ?? (versions[0] ? resolveUptimeDir(dirname(versions[0].dir)) : ''), inForce.length > 0 ? inForce : published, today);
  const upcoming = selection.upcoming.map((version) => ({ version, effective: versions.find((v) => v.version === version)!.policy.meta.effective }));
  return published.map((loaded, index) => {
    const { version, policy } = loaded;
    const selected = statusOf.get(version)!;
    const measurement = publishedMeasurement(measured.get(version));
    const verified = latestEvidence(evidence, version);
    const availability = publishedUptime(uptime.windows, uptime.sources, published[index + 1]?.policy.meta.effective);
    return {
      version,
      order: index,
      latest: version === selection.root,
      status: selected.status,
      ...(selected.released ? { released: selected.released } : {}),
      upcoming,
      policy: publishedAt(policy, options),
      sources: publicSources(loaded),
      ...(measurement ? { measurement } : {}),
      ...(availability ? { uptime: availability } : {}),
      ...(verified ? { evidence: { file: basename(verified.file), evidence: verified.evidence } } : {}),
      ...(selected.status === 'draft' ? { draft: true } : {}),
      ...(options.brand ? { brand: options.brand } : {}),
      ...(options.prose ? { prose: proseFor(options.prose, version) } : {}),
    };
  });
}
