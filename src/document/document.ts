/**
 * (Policy, measurement, page links, prose) -> Document: each section of src/model/sections.ts, in order, as the blocks
 * its prose lays out (a frozen or overriding project file, else the engine's default). Pure and deterministic.
 */
import type { Policy } from '../model/policy.ts';
import { sections } from '../model/sections.ts';
import type { Document } from './blocks.ts';
import { defaultProse } from './default-prose.ts';
import type { PublishedMeasurement } from './measured-latency.ts';
import type { PageLinks } from './parts.ts';
import { proseBlocks, type ProseSource } from './prose.ts';
import { uptimeHistoryBlocks, type PublishedUptime } from './uptime-history.ts';

export interface DocumentInput {
  readonly policy: Policy;
  /** The committed measurement the version's #latency shows. */
  readonly measurement?: PublishedMeasurement | undefined;
  /** The page's links to the version's other outputs; the PDF passes none. */
  readonly links?: PageLinks | undefined;
  /** The project's prose for this version, by section anchor (see src/load/prose.ts). */
  readonly prose?: Readonly<Record<string, ProseSource>> | undefined;
  /** Measured availability for #uptime (content/uptime/); none: nothing about it is said. */
  readonly uptime?: PublishedUptime | undefined;
}

export function buildDocument({ policy, measurement, links, prose = {}, uptime }: DocumentInput): Document {
  return {
    sections: sections.map((section) => {
      const blocks = proseBlocks(prose[section.id] ?? defaultProse(section.id), { section: section.id, policy, measurement, links, uptime });
      // Prose written before measured availability existed (a project's or a frozen version's) gets it at the section's end.
      const placed = blocks.some((b) => b.type === 'uptime-chart');
      return { ...section, blocks: section.id === 'uptime' && !placed ? [...blocks, ...uptimeHistoryBlocks(uptime)] : blocks };
    }),
  };
}
