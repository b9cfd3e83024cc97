/** changes.yaml: notice given before commitments change. */
import { z } from 'zod';
import { days, text } from './primitives.ts';

export const changesSchema = z.strictObject({
  /** A weakened commitment is published at least this long before it takes effect, days. */
  material_change_notice_days: days,
  /** Notice before a breaking API change, days. */
  breaking_change_notice_days: days,
  /** How deprecations are announced and run. */
  deprecation_policy: text,
});

export type Changes = z.infer<typeof changesSchema>;
