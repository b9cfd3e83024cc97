/** credits.yaml: service credits owed when the uptime target is missed. */
import { z } from 'zod';
import { creditPercent, days, targetPercent, text } from './primitives.ts';

export const creditsSchema = z.strictObject({
  /** What the credit percentage applies to. */
  basis: text,
  /** Tiers: below_percent strictly falling, credit_percent strictly rising. */
  tiers: z
    .array(
      z.strictObject({
        /** Monthly uptime below this percentage earns the tier; the changelog's identity key. */
        below_percent: targetPercent,
        /** Credit, percent of the basis. */
        credit_percent: creditPercent,
      }),
    )
    .min(1),
  /** Days after the period ends to file a claim. */
  claim_window_days: days.min(1),
  /** Cap on credits per period, percent of the basis. */
  max_credit_percent: creditPercent,
  /** How to claim. */
  claim_process: text,
});

export type Credits = z.infer<typeof creditsSchema>;
export type CreditTier = Credits['tiers'][number];
