/** What the pages know of one published version. */
import type { Policy } from '../model/policy.ts';
import type { PublicSource } from '../pdf/editions.ts';
import type { PublishedMeasurement } from './measured-latency.ts';

export interface PolicyEntry {
  readonly version: string;
  /** 0 for the oldest version. */
  readonly order: number;
  readonly latest: boolean;
  /** The validated public model: nothing from nda.yaml by construction. */
  readonly policy: Policy;
  /** The public YAML files as written, which the PDF embeds; never nda.yaml. */
  readonly sources: readonly PublicSource[];
  /** The committed gateway measurement this version's #latency shows (content/measurements/), if any. */
  readonly measurement?: PublishedMeasurement;
}
