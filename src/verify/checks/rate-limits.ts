/** Checks of rate-limits.yaml's claims: an upstream 429 surfaced with the promised status, exactly the listed headers and the JSON-RPC code, retried no more than allowed, and within the rate-limit-passthrough objective. */
import { direct } from '../http.ts';
import type { Check, Outcome } from '../context.ts';

/** Header names of the rate-limit family: what "exactly the listed headers" is compared over. */
const RATE_LIMIT_HEADER = /^(x-)?rate-?limit|^retry-after$/i;
/** Paired samples for the timing check: enough for a median, few enough to take about a second. */
const PAIRS = 40;
/** Pairs sent first and discarded: the first requests of a path pay for connection set-up and JIT compilation. */
const WARMUP_PAIRS = 10;

export const rateLimitPassthrough: Check = async (ctx): Promise<Outcome> => {
  const rl = ctx.policy['rate-limits'];
  // Only what rate-limits.yaml states is held against the gateway: a count of retries (none with pass-through), the status, the code, the headers.
  const retries = rl.policy === 'retry' ? rl.retries : 0;
  const listed = rl.headers?.map((h) => h.toLowerCase()).sort();
  const parts = [
    rl.status !== undefined ? `as HTTP ${rl.status}` : undefined,
    rl.jsonrpc_error_code !== undefined ? `with JSON-RPC code ${rl.jsonrpc_error_code}` : undefined,
    listed ? `with the headers ${listed.join(', ')}` : undefined,
    retries !== undefined ? `after ${1 + retries} upstream request${retries === 0 ? '' : 's'}` : undefined,
  ].filter(Boolean);
  const claim = `an upstream 429 comes back ${parts.join(' ')}`;
  const server = await ctx.server({ methods: ['read'] });
  const marker = ctx.marker('429');
  const answer = await ctx.mcp(server.url, 'tools/call', { name: 'rate_limited', arguments: { dialect: 'ietf', text: marker } });
  const hits = ctx.hits(marker);
  const headers = [...answer.headers.keys()].filter((k) => RATE_LIMIT_HEADER.test(k)).map((k) => k.toLowerCase()).sort();
  const code = answer.json?.error?.code ?? null;
  const problems: string[] = [];
  if (retries !== undefined && hits !== 1 + retries) problems.push(`made ${hits} upstream request${hits === 1 ? '' : 's'} (expected ${1 + retries})`);
  if (rl.status !== undefined && answer.status !== rl.status) problems.push(`answered HTTP ${answer.status}`);
  if (rl.jsonrpc_error_code !== undefined && code !== rl.jsonrpc_error_code) problems.push(`answered JSON-RPC code ${code ?? 'none'}`);
  const extra = listed ? headers.filter((h) => !listed.includes(h)) : [];
  const absent = listed ? listed.filter((h) => !headers.includes(h)) : [];
  if (extra.length > 0) problems.push(`sent unlisted headers ${extra.join(', ')}`);
  if (absent.length > 0) problems.push(`did not send ${absent.join(', ')}`);
  return {
    status: problems.length === 0 ? 'pass' : 'fail',
    claim,
    did: problems.length === 0 ? `answered HTTP ${answer.status}, code ${code}, headers ${headers.join(', ')}, after ${hits} upstream request${hits === 1 ? '' : 's'}` : problems.join('; '),
    observed: { upstream_requests: hits, http_status: answer.status, jsonrpc_code: code, headers },
  };
};

export const rateLimitLatency: Check = async (ctx): Promise<Outcome> => {
  const objectives = ctx.policy.latency.objectives ?? [];
  const index = objectives.findIndex((o) => o.operation === 'rate-limit-passthrough');
  const objective = objectives[index];
  const claim = objective ? `an upstream 429 is surfaced within the rate-limit-passthrough objective: median added time at most ${objective.p50_ms} ms` : 'an upstream 429 is surfaced within the rate-limit-passthrough objective';
  if (!objective) return { status: 'not-applicable', claim, did: 'latency.yaml has no rate-limit-passthrough objective', observed: {} };
  const server = await ctx.server({ methods: ['read'] });
  const added: number[] = [];
  let failures = 0;
  for (let i = 0; i < WARMUP_PAIRS + PAIRS; i++) {
    const d = await direct(`${ctx.probe.baseUrl}/ratelimited/ietf`);
    const g = await ctx.mcp(server.url, 'tools/call', { name: 'rate_limited', arguments: { dialect: 'ietf' } });
    if (i < WARMUP_PAIRS) continue;
    if (g.status !== (ctx.policy['rate-limits'].status ?? 429)) failures++;
    added.push(g.ms - d.ms);
  }
  added.sort((a, b) => a - b);
  const median = Math.round(((added[(PAIRS - 1) >> 1]! + added[PAIRS >> 1]!) / 2) * 1000) / 1000;
  const ok = median <= objective.p50_ms && failures === 0;
  return {
    status: ok ? 'pass' : 'fail',
    claim,
    did: failures > 0 ? `answered ${failures} of ${PAIRS} rate-limited calls with another status than ${ctx.policy['rate-limits'].status ?? 429}` : `added a median ${median} ms over ${PAIRS} paired 429s (objective p50 ${objective.p50_ms} ms)`,
    observed: { pairs: PAIRS, median_added_ms: median, objective_p50_ms: objective.p50_ms, wrong_status: failures },
    kind: 'latency',
    path: ['objectives', index, 'p50_ms'],
  };
};

