/** uptime.yaml: the availability commitment, how it is measured and what is excluded. */
import { z } from 'zod';
import { days, minutes, slug, targetPercent, text } from './primitives.ts';

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
      /** Set on the scheduled-maintenance exclusion: maintenance counts as excluded only when announced at least this many business days (Monday to Friday, UTC) before it starts. */
      maintenance_notice_business_days: days.optional(),
      /** With maintenance_notice_business_days: at most this many minutes of maintenance are excluded per window; downtime beyond counts. */
      maintenance_max_minutes: minutes.optional(),
    }),
  ),
  /** The monitored components (as the uptime sources name them, e.g. a Statuspage component) whose outages count; absent: every component's. */
  components: z.array(z.string().trim().min(1).max(200)).min(1).optional(),
});

export type Uptime = z.infer<typeof uptimeSchema>;
