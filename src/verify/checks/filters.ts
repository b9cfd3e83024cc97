/** Checks of rbac.yaml's claims: method and tag filters shape tools/list and are enforced on tools/call with no upstream request; admin actions are audited and the chain verifies. */
import { describeAnswer, refused, toolNames, type Check, type Outcome, type VerifyContext } from '../context.ts';

/** The verification integration's operations (see docs/verify.md). */
const WRITE_TOOL = 'echo_body';
const READ_TOOL = 'echo_query';
const FIXED_TOOL = 'get_fixed';

async function filtered(ctx: VerifyContext, config: { methods: string[]; tags: string[] }, hidden: string, shown: string, claim: string, what: string): Promise<Outcome> {
  const server = await ctx.server(config);
  const listed = toolNames(await ctx.mcp(server.url, 'tools/list'));
  const marker = ctx.marker('filter');
  const call = await ctx.mcp(server.url, 'tools/call', { name: hidden, arguments: { text: marker } });
  const hits = ctx.hits(marker);
  const onCall = ctx.policy.rbac.filtering?.enforced_on_call !== false;
  const problems: string[] = [];
  if (!listed.includes(shown)) problems.push(`did not list ${shown}, which ${what} allows (listed: ${listed.join(', ') || 'nothing'})`);
  if (listed.includes(hidden)) problems.push(`listed ${hidden}`);
  if (onCall && !refused(call)) problems.push(`ran a direct tools/call of ${hidden} (HTTP ${call.status}, no error)`);
  if (onCall && hits > 0) problems.push(`sent ${hits} upstream request${hits === 1 ? '' : 's'} for the filtered ${hidden}`);
  return {
    status: problems.length === 0 ? 'pass' : 'fail',
    claim,
    did: problems.length === 0 ? `listed ${listed.join(', ')}; refused tools/call of ${hidden} with no upstream request` : problems.join('; '),
    observed: { listed, call_refused: refused(call), upstream_requests: hits },
  };
}

export const methodFilter: Check = (ctx) =>
  filtered(ctx, { methods: ['read'], tags: [] }, WRITE_TOOL, READ_TOOL, 'a server configured with methods [read] exposes no write tool, listed or called', 'methods [read]');

export const tagFilter: Check = (ctx) =>
  filtered(ctx, { methods: ['read'], tags: ['fixed'] }, READ_TOOL, FIXED_TOOL, 'a server configured with tags [fixed] exposes only operations tagged fixed, listed or called', 'tags [fixed]');

interface AuditLine {
  action?: string;
  at?: string;
  actor_role?: string | null;
  actor_key_id?: string | null;
  address?: string | null;
}

export const auditTrail: Check = async (ctx): Promise<Outcome> => {
  const claim = 'every admin action is recorded (who, what, when, from which address) in an append-only, verifiable audit log';
  const exported = await ctx.admin.call('GET', `/admin/audit?format=json&since=${encodeURIComponent(ctx.startedAt)}`);
  if (exported.status !== 200) return { status: 'fail', claim, did: `refused the audit export (${describeAnswer(exported)})`, observed: { export_status: exported.status } };
  const lines = exported.text.split('\n').filter(Boolean).map((l) => {
    try {
      return JSON.parse(l) as AuditLine;
    } catch {
      return {};
    }
  });
  const complete = (l: AuditLine) => !!l.at && !!(l.actor_role ?? l.actor_key_id) && !!l.address;
  const missing = [...ctx.actions].sort().filter((action) => !lines.some((l) => l.action === action && complete(l)));
  const verified = await ctx.admin.call('POST', '/admin/audit/verify');
  const chainOk = verified.status === 200 && verified.json?.ok === true;
  const problems = [
    ...(missing.length > 0 ? [`recorded no complete audit record (actor, time, address) of ${missing.join(', ')}`] : []),
    ...(chainOk ? [] : [`reported the chain as not verifying (${describeAnswer(verified)})`]),
  ];
  return {
    status: problems.length === 0 ? 'pass' : 'fail',
    claim,
    did: problems.length === 0 ? `recorded ${[...ctx.actions].sort().join(', ')} with actor, time and address; the chain of ${verified.json.records} records verifies` : problems.join('; '),
    observed: { records_this_run: lines.length, actions: [...ctx.actions].sort(), missing, chain_ok: chainOk, chain_records: typeof verified.json?.records === 'number' ? verified.json.records : null },
  };
};
