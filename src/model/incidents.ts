/** incidents.yaml: breach notification, status page, post-mortems, response targets. */
import { z } from 'zod';
import { days, hours, httpsUrl, label, minutes, slug, text } from './primitives.ts';

export const incidentsSchema = z.strictObject({
  /** Maximum time to notify customers of a personal-data breach, hours. */
  breach_notification_hours: hours,
  /** Public status page. */
  status_page: httpsUrl,
  /** Business days until a written post-mortem for a major incident. */
  postmortem_days: days,
  /** Response targets per severity; ids unique. */
  severities: z.array(
    z.strictObject({
      /** Stable id, e.g. "sev1". */
      id: slug,
      /** Short name, e.g. "Critical". */
      name: label,
      /** What qualifies. */
      description: text,
      /** Time to first response, minutes. */
      first_response_minutes: minutes,
      /** Interval between status updates, minutes. */
      update_interval_minutes: minutes,
    }),
  ),
});

export type Incidents = z.infer<typeof incidentsSchema>;
