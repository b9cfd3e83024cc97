/** Committed verification evidence (content/evidence/*.json, written by `slapage verify`), and which file applies to a version. Pure zod, no I/O. */
import { z } from 'zod';
import { CHECK_IDS } from './check-ids.ts';

const observedValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.union([z.string(), z.number()]))]);

export const CHECK_STATUSES = ['pass', 'fail', 'not-applicable'] as const;

export const evidenceSchema = z.strictObject({
  /** Format of this file; bumped when fields change meaning. */
  format: z.literal(1),
  /** When the run finished, UTC, e.g. "2026-11-30T10:40:12Z"; the file is named after its date. */
  taken_at: z.iso.datetime({ error: 'expected a UTC timestamp like "2026-11-30T10:40:12Z"' }),
  /** The policy version whose claims were checked. */
  policy_version: z.string().regex(/^\d+\.\d+$/, { error: 'expected a version like "3.2"' }),
  /** The gateway that was checked, as it described itself (GET /admin/about) or as verify started it. */
  gateway: z.strictObject({
    /** "reference" when verify started packages/gateway itself, "remote" for a gateway given by URL. */
    target: z.enum(['reference', 'remote']),
    name: z.string().min(1).nullable(),
    version: z.string().min(1).nullable(),
    /** The commit the gateway runs, when it says. */
    commit: z.string().regex(/^[0-9a-f]{7,40}$/, { error: 'expected a git commit hash' }).nullable(),
    /** True when the reference gateway ran from a working tree with uncommitted changes under packages/gateway. */
    dirty: z.boolean().nullable(),
    /** The MCP protocol version verify spoke: "2026-07-28" (stateless) or the 2025 version initialize agreed; absent in files written before it was recorded. */
    mcp_protocol_version: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected an MCP protocol version like "2026-07-28"' }).optional(),
  }),
  /** One entry per check of the catalogue, in catalogue order. */
  checks: z
    .array(
      z.strictObject({
        /** The check's id (src/model/check-ids.ts; the catalogue is src/claims/checks.ts). */
        id: z.enum(CHECK_IDS),
        status: z.enum(CHECK_STATUSES),
        /** The claim as the policy stated it at the time. */
        claim: z.string().min(1),
        /** Where the claim sat: "policy/3.2/auth.yaml:11". */
        location: z.string().regex(/^.+:\d+$/, { error: 'expected FILE:LINE' }),
        /** What the gateway did, in one sentence. */
        did: z.string().min(1),
        /** The values the check observed. */
        observed: z.record(z.string(), observedValue),
      }),
    )
    .min(1),
});

export type Evidence = z.infer<typeof evidenceSchema>;
export type EvidenceCheck = Evidence['checks'][number];

/** Evidence with the file it came from (as shown to users). */
export interface EvidenceFile {
  readonly file: string;
  readonly evidence: Evidence;
}

/** The date (UTC) a verification ran, "YYYY-MM-DD". */
export function verifiedOn(e: Evidence): string {
  return e.taken_at.slice(0, 10);
}

/** The newest evidence for a version (by taken_at, then file name), or undefined. */
export function latestEvidence<T extends EvidenceFile>(files: readonly T[], version: string): T | undefined {
  let best: T | undefined;
  for (const f of files) {
    if (f.evidence.policy_version !== version) continue;
    if (best === undefined || f.evidence.taken_at > best.evidence.taken_at || (f.evidence.taken_at === best.evidence.taken_at && f.file > best.file)) best = f;
  }
  return best;
}
