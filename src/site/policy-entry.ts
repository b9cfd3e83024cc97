/** What the pages know of one published version. */
import type { PdfBrand } from '../pdf/brand.ts';
import type { Policy } from '../model/policy.ts';
import type { ProseFile } from '../load/prose.ts';
import type { PublicSource } from '../pdf/editions.ts';
import type { PublishedMeasurement } from '../document/measured-latency.ts';
import type { VersionStatus } from './selection.ts';
import type { EvidenceFile } from '../model/evidence.ts';
import type { PublishedUptime } from '../document/uptime-history.ts';

/** A released version that takes effect after the build date, as / announces it. */
export interface UpcomingVersion {
  readonly version: string;
  readonly effective: string;
}

export interface PolicyEntry {
  readonly version: string;
  /** 0 for the oldest version. */
  readonly order: number;
  /** True for the version / shows: the released version in force on the build date (see selectVersions). */
  readonly latest: boolean;
  /** in-force, superseded, upcoming (released, effective later) or draft (unreleased, published by build --drafts only). */
  readonly status: VersionStatus;
  /** The day it was released, when the lock records one. */
  readonly released?: string;
  /** Released versions not yet in force on the build date, oldest first (the same list on every entry). */
  readonly upcoming: readonly UpcomingVersion[];
  /** The validated public model: nothing from nda.yaml by construction. */
  readonly policy: Policy;
  /** The public YAML files as written, which the PDF embeds; never nda.yaml. */
  readonly sources: readonly PublicSource[];
  /** The committed gateway measurement this version's #latency shows (content/measurements/), if any. */
  readonly measurement?: PublishedMeasurement;
  /** Measured availability this version's #uptime shows (content/uptime/), if any. */
  readonly uptime?: PublishedUptime;
  /** The latest verification evidence of this version (content/evidence/, `file` its name), if any. */
  readonly evidence?: EvidenceFile;
  /** The project's section prose for this version, by anchor (src/load/prose.ts); the page and the PDF both lay it out. */
  readonly prose?: Readonly<Record<string, ProseFile>>;
  /** Unreleased: its PDF carries the draft watermark. */
  readonly draft?: boolean;
  /** The vendor's logo and accent for the PDF. */
  readonly brand?: PdfBrand;
}
