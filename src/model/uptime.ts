/** uptime.yaml: the availability commitment, how it is measured and what is excluded. */
import { z } from 'zod';
import { slug, targetPercent, text } from './primitives.ts';

export const uptimeSchema = z.strictObject({
  /** Monthly or quarterly availability commitment, e.g. 99.95. */
  target_percent: targetPercent,
  /** The period availability is computed over. */
  window: z.enum(['calendar-month', 'calendar-quarter']),
  /** What is covered; upstream third-party APIs are not. */
  scope: text,
  /** How availability is measured. */
  measurement: text,
  /** Events that do not count as downtime, each with a stable id. */
  exclusions: z.array(
    z.strictObject({
      /** Stable identity for the changelog, e.g. "planned-maintenance". */
      id: slug,
      /** The exclusion as worded in the contract. */
      text: text,
    }),
  ),
});

export type Uptime = z.infer<typeof uptimeSchema>;
