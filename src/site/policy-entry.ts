/** The shape of a `policy` collection entry, and the reserved id of the entry that carries validation errors in dev. */
import type { Policy } from '../model/policy.ts';

export interface PolicyEntry {
  readonly version: string;
  /** 0 for the oldest version. */
  readonly order: number;
  readonly latest: boolean;
  /** The validated public model: nothing from nda.yaml by construction. */
  readonly policy: Policy;
}

export const POLICY_ERROR_ID = '__policy-errors';
