/** Runs every check of the catalogue against one gateway for one policy version: sets up two tenants and a short-lived server, runs the checks (those that wait for expiry last), locates each claim at its file:line, and revokes what it created. */
import { CHECK_IDS, CHECKS, type CheckId } from '../claims/checks.ts';
import { claimStated } from '../claims/evidence-view.ts';
import type { LoadedVersion } from '../load/load-version.ts';
import type { FileKind } from '../model/policy.ts';
import { auditExport, metadataFields, noPayloadRetention } from './checks/retention.ts';
import { expiredToken, lifetimeCap, noTokenPassthrough, originAllowlist, secondaryBearer, tenantIsolation, uniformRejection } from './checks/auth.ts';
import { auditTrail, methodFilter, tagFilter } from './checks/filters.ts';
import { rateLimitLatency, rateLimitPassthrough } from './checks/rate-limits.ts';
import { VerifyContext, VerifySetupError, type Check, type Observed } from './context.ts';
import { connect, McpHandshakeError, McpUnreachable, type EraChoice, type McpSession } from '../measure/mcp-client.ts';
import { GatewayUnreachable, type AdminClient } from './http.ts';
import type { ProbeUpstream } from './probe-upstream.ts';

/** The checks in the order they run: expiry waits for the short-lived server, the audit checks read every earlier action. */
const RUN_ORDER: readonly [CheckId, Check][] = [
  ['lifetime-cap', lifetimeCap],
  ['secondary-bearer', secondaryBearer],
  ['no-token-passthrough', noTokenPassthrough],
  ['tenant-isolation', tenantIsolation],
  ['origin-allowlist', originAllowlist],
  ['method-filter', methodFilter],
  ['tag-filter', tagFilter],
  ['rate-limit-passthrough', rateLimitPassthrough],
  ['rate-limit-latency', rateLimitLatency],
  ['no-payload-retention', noPayloadRetention],
  ['expired-token', expiredToken],
  ['uniform-rejection', uniformRejection],
  ['metadata-fields', metadataFields],
  ['audit-trail', auditTrail],
  ['audit-export', auditExport],
];

/** How long the short-lived server lives: long enough to be created and used once, short enough not to slow the run. */
const SHORT_LIFETIME_MS = 2000;

export interface CheckResult {
  readonly id: CheckId;
  readonly status: 'pass' | 'fail' | 'not-applicable';
  readonly claim: string;
  /** The policy field's location, e.g. "policy/3.2/auth.yaml", line, column. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly did: string;
  readonly observed: Readonly<Record<string, Observed>>;
}

export interface RunOptions {
  readonly admin: AdminClient;
  readonly probe: ProbeUpstream;
  readonly version: LoadedVersion;
  /** The integration whose operations the checks call (the probe upstream behind it). */
  readonly integration: string;
  /** The reference gateway's data folder when verify started it. */
  readonly dataDir?: string;
  /** The MCP era to speak: a protocol version, or "auto" to discover it (default). */
  readonly era?: EraChoice;
  /** Told the session once the era is known (the evidence records its version). */
  readonly onSession?: (session: McpSession) => void;
  /** Only these checks (tests). */
  readonly only?: readonly CheckId[];
}

export async function runChecks(o: RunOptions): Promise<CheckResult[]> {
  const ctx = new VerifyContext({ admin: o.admin, probe: o.probe, policy: o.version.policy, integration: o.integration, ...(o.dataDir ? { dataDir: o.dataDir } : {}) });
  ctx.tenantA = await ctx.connect('slapage-verify-a');
  ctx.tenantB = await ctx.connect('slapage-verify-b');
  ctx.shortLived = await ctx.server({ lifetimeMs: SHORT_LIFETIME_MS });
  const results = new Map<CheckId, CheckResult>();
  try {
    try {
      ctx.session = await connect(ctx.shortLived.url, { era: o.era ?? 'auto' });
    } catch (error) {
      if (error instanceof McpUnreachable) throw new GatewayUnreachable(error.message);
      if (error instanceof McpHandshakeError) throw new VerifySetupError(`cannot open an MCP server of the gateway (${o.era && o.era !== 'auto' ? `--era ${o.era}` : 'era discovery'}): ${error.message}`);
      throw error;
    }
    o.onSession?.(ctx.session);
    ctx.shortLivedStatus = (await ctx.mcp(ctx.shortLived.url, 'tools/list')).status;
    for (const [id, check] of RUN_ORDER) {
      if (o.only && !o.only.includes(id)) continue;
      // The plan: a check runs only for a claim the version states (src/claims/registry.ts), never for prose.
      const field = CHECKS[id].field;
      if (!claimStated(o.version.policy, field)) {
        results.set(id, { id, ...locate(o.version, id), status: 'not-applicable', claim: CHECKS[id].claim, did: `${field.split('.')[0]}.yaml does not state ${field.split('.').slice(1).join('.')}`, observed: {} });
        continue;
      }
      let outcome;
      try {
        outcome = await check(ctx);
      } catch (error) {
        if (!(error instanceof VerifySetupError)) throw error;
        outcome = { status: 'fail' as const, claim: CHECKS[id].claim, did: error.message, observed: {} };
      }
      results.set(id, { id, ...locate(o.version, id, outcome.kind, outcome.path), status: outcome.status, claim: outcome.claim, did: outcome.did, observed: outcome.observed });
    }
  } finally {
    await ctx.closeSessions();
    for (const id of ctx.created) await o.admin.call('DELETE', `/admin/servers/${id}`).catch(() => undefined);
  }
  return CHECK_IDS.flatMap((id) => results.get(id) ?? []);
}

/** The file:line:column of a check's field in this version (or of the outcome's own path). */
function locate(version: LoadedVersion, id: CheckId, kind?: string, path?: readonly (string | number)[]): { file: string; line: number; column: number } {
  const [stem, ...keys] = CHECKS[id].field.split('.');
  const source = version.files[(kind ?? stem) as FileKind];
  if (!source) return { file: `${version.dir}/${kind ?? stem}.yaml`, line: 0, column: 0 };
  const { line, column } = source.position(source.locate(path ?? keys.map((k) => k.replace('[]', '')).filter(Boolean)));
  return { file: source.path, line, column };
}
