/** The ids of the executable checks (src/claims/checks.ts has each one's claim, field and exchange): here, below load, because the evidence schema names them. */

export const CHECK_IDS = [
  'lifetime-cap',
  'expired-token',
  'uniform-rejection',
  'secondary-bearer',
  'no-token-passthrough',
  'tenant-isolation',
  'origin-allowlist',
  'method-filter',
  'tag-filter',
  'rate-limit-passthrough',
  'rate-limit-latency',
  'no-payload-retention',
  'metadata-fields',
  'audit-trail',
  'audit-export',
] as const;

export type CheckId = (typeof CHECK_IDS)[number];
