/** subprocessors.yaml: third parties that process customer data, and the notice before adding one. */
import { z } from 'zod';
import { days, httpsUrl, isoDate, label, text } from './primitives.ts';

export const subprocessorsSchema = z.strictObject({
  /** Advance notice before a new sub-processor is used, days (GDPR Art. 28(2)). */
  notice_days: days,
  /** Sub-processors; names unique. */
  entries: z.array(
    z.strictObject({
      /** Legal name, unique; the changelog's identity key. */
      name: label,
      /** What they do for us. */
      purpose: text,
      /** Countries where they process data. */
      location: z.array(label).min(1),
      /** Their trust or privacy page. */
      url: httpsUrl,
      /** Date they were first used, if known. */
      since: isoDate.optional(),
    }),
  ),
});

export type Subprocessors = z.infer<typeof subprocessorsSchema>;
export type Subprocessor = Subprocessors['entries'][number];
