/**
 * What the page, the PDF and sla.json show beside a section's claims: each claim the version makes (a registry key with
 * a value), and what backs it — "Verified on DATE" with the check ids when the version's latest evidence shows them
 * holding, "Organisational commitment" when no request can test it, "Not verified" otherwise. Worded once, here. Pure.
 */
import { z } from 'zod';
import { directions } from '../diff/directions.ts';
import type { Evidence } from '../model/evidence.ts';
import type { Policy } from '../model/policy.ts';
import type { CheckId } from './checks.ts';
import { claims } from './registry.ts';

export const BACKINGS = ['verified', 'failed', 'organisational', 'not-verified'] as const;
export type Backing = (typeof BACKINGS)[number];

export interface ClaimLine {
  /** The policy path that states the claim, e.g. "auth.tokens.max_lifetime_days". */
  readonly path: string;
  /** How readers know the claim ("Maximum token lifetime"). */
  readonly label: string;
  readonly backing: Backing;
  /** The checks that test it (verified, failed and not-verified claims). */
  readonly checks: readonly CheckId[];
  /** The evidence's date, for verified and failed claims. */
  readonly date?: string;
  /** Why no request can test it (organisational commitments). */
  readonly reason?: string;
}

/** Labels where the changelog's (written for one changed item) would read oddly for the whole claim. */
const LABELS: Readonly<Record<string, string>> = {
  'auth.origin_validation': 'MCP URLs refused to pages of other sites (Origin check)',
  'auth.tokens.expiry_enforcement': 'Token expiry enforcement',
  'uptime.exclusions': 'Uptime exclusions',
  'rbac.roles': 'Roles',
  'rate-limits.headers': 'Rate-limit headers',
  'retention.metadata.fields': 'Metadata fields kept',
  'retention.audit_logs.export_formats': 'Audit log export formats',
  'retention.regions': 'Processing regions',
  'subprocessors.entries': 'Sub-processors',
  'compliance.certifications': 'Certifications',
  'incidents.severities': 'Incident severities and response times',
  'credits.tiers': 'Credit tiers',
};

/** The legend the page and the PDF show once, before the sections. */
export const EVIDENCE_LEGEND: readonly { readonly term: string; readonly text: string }[] = [
  {
    term: 'Verified on DATE (check)',
    text: 'an automated test (slapage verify) sent the requests the named check describes to the gateway on that date, and the gateway did what this page says.',
  },
  { term: 'Organisational commitment', text: 'a promise kept by people, processes or contracts (notification times, credits, sub-processors, audits), which no request to the gateway can test.' },
  { term: 'Not verified', text: 'a claim a request could test, with no passing check in the evidence published with this version.' },
];

/** The heading of each group in a section: "Verified on 2026-11-30", "Organisational commitment", … */
export function backingTerm(backing: Backing, date?: string): string {
  switch (backing) {
    case 'verified':
      return `Verified on ${date}`;
    case 'failed':
      return `Failed verification on ${date}`;
    case 'organisational':
      return 'Organisational commitment';
    case 'not-verified':
      return 'Not verified';
  }
}

/** One claim as a list item: its label, with the check ids of verified or failed claims. */
export function claimItem(line: ClaimLine): string {
  return line.checks.length > 0 && (line.backing === 'verified' || line.backing === 'failed') ? `${line.label} (${line.checks.join(', ')})` : line.label;
}

/** The claims the keys of one policy file (`kind`, e.g. "auth") make in this version, in registry order. */
export function claimLines(kind: string, policy: Policy, evidence: Evidence | undefined): ClaimLine[] {
  const lines: ClaimLine[] = [];
  for (const [path, claim] of Object.entries(claims)) {
    if (!path.startsWith(kind + '.') || path.includes('[]') || claim.kind === 'none' || claim.kind === 'measured') continue;
    if (!claimStated(policy, path)) continue;
    const label = (claim.kind === 'check' ? claim.label : undefined) ?? LABELS[path] ?? (directions[path]?.label ?? path).replace(/\{item\}/g, '').trim();
    if (claim.kind === 'organisational') {
      lines.push({ path, label, backing: 'organisational', checks: [], reason: claim.reason });
      continue;
    }
    const results = claim.checks.map((id) => evidence?.checks.find((c) => c.id === id)?.status);
    const backing: Backing = results.some((s) => s === 'fail') ? 'failed' : results.every((s) => s === 'pass') ? 'verified' : 'not-verified';
    lines.push({ path, label, backing, checks: claim.checks, ...(backing === 'verified' || backing === 'failed' ? { date: evidence!.taken_at.slice(0, 10) } : {}) });
  }
  return lines;
}

/** The lines grouped under their term, in the order verified, failed, organisational, not verified. */
export function groupedClaims(lines: readonly ClaimLine[]): { term: string; items: string[] }[] {
  return BACKINGS.flatMap((backing) => {
    const group = lines.filter((l) => l.backing === backing);
    return group.length === 0 ? [] : [{ term: backingTerm(backing, group[0]!.date), items: group.map(claimItem) }];
  });
}

/**
 * Whether the version states the claim a registry key carries: the key is set (a list non-empty), a boolean that says
 * the weaker thing (secondary_auth.available: false) claims nothing, and a check's own `states` narrows it further.
 * `slapage verify` plans its checks with this too, so a check runs only for a claim the page makes.
 */
export function claimStated(policy: Policy, path: string): boolean {
  const claim = claims[path];
  if (!claim) return false;
  const value = at(policy, path);
  if (value === undefined || (Array.isArray(value) && value.length === 0)) return false;
  const rule = directions[path]?.rule;
  if (rule?.type === 'prefer' && value !== rule.value) return false;
  return claim.kind !== 'check' || !claim.states || claim.states(policy);
}

function at(root: unknown, path: string): unknown {
  let node = root;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** sla.json's `claims`: every claim of the version with its backing, and the evidence file it rests on. */
export const publishedClaimsSchema = z.strictObject({
  /** The evidence file under content/evidence/ the verified claims rest on, when the version has one. */
  evidence: z.strictObject({ file: z.string(), taken_at: z.string(), gateway_version: z.string().nullable(), gateway_commit: z.string().nullable() }).optional(),
  items: z.array(
    z.strictObject({
      path: z.string(),
      label: z.string(),
      backing: z.enum(BACKINGS),
      checks: z.array(z.string()),
      verified_on: z.string().optional(),
      reason: z.string().optional(),
    }),
  ),
});

export function publishedClaims(policy: Policy, kinds: readonly string[], evidence: { file: string; evidence: Evidence } | undefined): z.infer<typeof publishedClaimsSchema> {
  const e = evidence?.evidence;
  return {
    ...(evidence && e ? { evidence: { file: evidence.file, taken_at: e.taken_at, gateway_version: e.gateway.version, gateway_commit: e.gateway.commit } } : {}),
    items: kinds.flatMap((kind) =>
      claimLines(kind, policy, e).map((l) => ({ path: l.path, label: l.label, backing: l.backing, checks: [...l.checks], ...(l.date ? { verified_on: l.date } : {}), ...(l.reason ? { reason: l.reason } : {}) })),
    ),
  };
}
