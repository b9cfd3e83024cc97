/** Service credits: which tier a measured uptime falls in, and a worked example derived from the tiers. */
import type { Credits, CreditTier } from '../model/credits.ts';
import { decimals } from './downtime.ts';

/** An illustrative monthly fee for the worked example; it is not a policy value. */
export const EXAMPLE_MONTHLY_FEE = 1000;

export interface CreditOutcome {
  /** The tier earned, or undefined when uptime met every tier. */
  readonly tier: CreditTier | undefined;
  /** Credit as percent of the basis, capped at max_credit_percent. */
  readonly credit_percent: number;
}

/** The deepest tier whose threshold the uptime is below; tiers fall strictly, as the schema requires. */
export function creditFor(uptimePercent: number, credits: Credits): CreditOutcome {
  let tier: CreditTier | undefined;
  for (const candidate of credits.tiers) if (uptimePercent < candidate.below_percent) tier = candidate;
  return { tier, credit_percent: tier ? Math.min(tier.credit_percent, credits.max_credit_percent) : 0 };
}

export interface WorkedExample extends CreditOutcome {
  readonly tier: CreditTier;
  /** A measured monthly uptime inside the first tier. */
  readonly uptime_percent: number;
  /** The next tier's threshold, which the example stays above; undefined with a single tier. */
  readonly next_below_percent: number | undefined;
  readonly fee: number;
  readonly credit_amount: number;
}

/** An uptime strictly inside the first tier (the simplest figure there), its tier and the credit on the example fee. */
export function workedExample(credits: Credits): WorkedExample {
  const [first, second] = credits.tiers;
  if (!first) throw new Error('credits need at least one tier');
  const upper = first.below_percent;
  const lower = second?.below_percent ?? upper - 1;
  const uptime = simplestBetween(lower, upper);
  const outcome = creditFor(uptime, credits);
  if (outcome.tier !== first) throw new Error(`worked example ${uptime}% did not land in the first tier`);
  return {
    tier: first,
    credit_percent: outcome.credit_percent,
    uptime_percent: uptime,
    next_below_percent: second?.below_percent,
    fee: EXAMPLE_MONTHLY_FEE,
    credit_amount: (EXAMPLE_MONTHLY_FEE * outcome.credit_percent) / 100,
  };
}

/** The midpoint of (lower, upper) with the fewest decimals that stays strictly inside. */
function simplestBetween(lower: number, upper: number): number {
  const mid = (lower + upper) / 2;
  const most = Math.max(decimals(lower), decimals(upper)) + 2;
  for (let digits = 0; digits <= most; digits++) {
    const candidate = Number(mid.toFixed(digits));
    if (candidate > lower && candidate < upper) return candidate;
  }
  return mid;
}
