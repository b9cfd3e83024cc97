/** `slapage measure --gateway`: runs the added-latency method against a vendor's gateway and upstream and returns a measurement (format 1) with this machine's provenance and the gateway's own version when its admin API says. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, relative } from 'node:path';
import type { Measurement } from '../model/measurement.ts';
import { sender, type Target } from './client.ts';
import { connect, describeEra, McpHandshakeError, McpUnreachable, type EraChoice } from './mcp-client.ts';
import { pairedRun, rateRun, saturate } from './method.ts';

export class MeasureError extends Error {
  override name = 'MeasureError';
}

export interface RemoteOptions {
  readonly gateway: URL;
  readonly direct: URL;
  readonly token?: string;
  readonly apiToken?: string;
  readonly tool: string;
  readonly arguments: unknown;
  readonly rateLimited?: { readonly tool: string; readonly arguments: unknown; readonly direct: URL };
  readonly adminKey?: string;
  /** The MCP era to speak (default: discovered). */
  readonly era?: EraChoice;
  readonly warmup: number;
  readonly pairs: number;
  readonly rates: readonly number[];
  readonly seconds: number;
  readonly saturation: { readonly concurrency: number; readonly seconds: number };
}

export async function measureRemote(o: RemoteOptions): Promise<Measurement> {
  const directTarget = (url: URL, status: number): Target => ({ url, method: 'GET', headers: { accept: 'application/json', ...(o.token ? { authorization: 'Bearer ' + o.token } : {}) }, body: null, status });
  // The era once, before any timing: a 2025 handshake is not what the figures are about.
  let session;
  try {
    session = await connect(o.gateway.href, { era: o.era ?? 'auto', ...(o.apiToken ? { headers: { authorization: 'Bearer ' + o.apiToken } } : {}) });
  } catch (error) {
    if (error instanceof McpUnreachable || error instanceof McpHandshakeError) throw new MeasureError(`cannot open ${o.gateway.origin} as an MCP server: ${error.message}`);
    throw error;
  }
  // tools/list first, so a tools/call carries the Mcp-Param-* headers its tool's schema asks for (2026-07-28).
  await session.send('tools/list').catch(() => undefined);
  const mcp = (method: string, params: Record<string, unknown>, status: number): Target => ({ url: o.gateway, method: 'POST', ...session.wire(method, params, {}, 1), status });
  const call = { operation: 'tools/call' as const, direct_request: `GET ${o.direct.origin}${o.direct.pathname}: the request the tool call ${o.tool} makes`, direct: directTarget(o.direct, 200), gateway: mcp('tools/call', { name: o.tool, arguments: o.arguments }, 200) };
  const ops = [
    { operation: 'tools/list' as const, direct_request: `GET ${o.direct.origin}${o.direct.pathname}: tools/list is answered by the gateway itself, so one upstream round trip is subtracted`, direct: directTarget(o.direct, 200), gateway: mcp('tools/list', {}, 200) },
    call,
    ...(o.rateLimited
      ? [{ operation: 'rate-limit-passthrough' as const, direct_request: `GET ${o.rateLimited.direct.origin}${o.rateLimited.direct.pathname}: an upstream 429, which the gateway surfaces`, direct: directTarget(o.rateLimited.direct, 429), gateway: mcp('tools/call', { name: o.rateLimited.tool, arguments: o.rateLimited.arguments }, 429) }]
      : []),
  ];
  // One request each first: a wrong URL or token is a message, not 20,000 errors.
  for (const op of ops) {
    for (const path of ['direct', 'gateway'] as const) {
      const s = sender(op[path], 1);
      const r = await s.send().catch((error: Error) => {
        throw new MeasureError(`${path} ${op.operation} request to ${op[path].url.origin} failed (${(error as { code?: string }).code ?? error.message})`);
      });
      s.close();
      if (!r.ok) throw new MeasureError(`${path} ${op.operation} request to ${op[path].url.origin} answered HTTP ${r.status}, expected ${op[path].status}`);
    }
  }
  const load = [];
  for (const rate of o.rates) {
    for (const path of ['direct', 'gateway'] as const) {
      const r = await rateRun(call[path], rate, Math.min(2, o.seconds), o.seconds);
      const valid = r.achieved_per_s >= 0.99 * rate && r.errors <= 0.001 * (r.completed + r.errors);
      load.push({ operation: call.operation, path, rate_per_s: rate, duration_s: o.seconds, completed: r.completed, errors: r.errors, achieved_per_s: r.achieved_per_s, valid, p50_ms: r.p50_ms, p95_ms: r.p95_ms, p99_ms: r.p99_ms, p999_ms: r.p999_ms, max_ms: r.max_ms });
    }
  }
  const operations = [];
  for (const op of ops) {
    const r = await pairedRun(op.direct, op.gateway, o.warmup, o.pairs);
    if (r.errors > 0) throw new MeasureError(`${op.operation}: ${r.errors} unexpected answers at concurrency 1`);
    operations.push({ operation: op.operation, direct_request: op.direct_request, samples: o.pairs, ...r.added, direct: r.direct, gateway: r.gateway });
  }
  const directPerS = await saturate(call.direct, o.saturation.concurrency, o.saturation.seconds);
  const gatewayPerS = await saturate(call.gateway, o.saturation.concurrency, o.saturation.seconds);
  const about = o.adminKey ? await gatewayAbout(o.gateway, o.adminKey) : {};
  await session.close();
  const layout = `load generator on this machine; gateway at ${o.gateway.origin} spoken to in MCP ${describeEra(session)}, upstream at ${o.direct.origin} (remote: their CPU time is not measured)`;
  const [one, five, fifteen] = os.loadavg().map((l) => Math.round(l * 100) / 100) as [number, number, number];
  return {
    format: 1,
    taken_at: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    provenance: {
      // The gateway's own commit when its admin API reports one; zeros mean unknown, as in npm run measure outside git.
      git_commit: about.commit ?? '0000000',
      git_dirty: false,
      gateway_version: about.version ?? 'unknown',
      node_version: process.version,
      cpu_model: os.cpus()[0]?.model.trim() || 'unknown',
      cpu_count: os.availableParallelism(),
      kernel: `${os.type()} ${os.release()}`,
      load_average: [one, five, fifteen],
      layout,
      mcp_protocol_version: session.version,
    },
    method: {
      summary:
        `slapage measure --gateway (${layout}); node:http keep-alive clients. ` +
        `Concurrency 1: per operation ${o.warmup} warm-up pairs discarded, then ${o.pairs} pairs, each the direct request and the same request through the gateway in random order; the added time is gateway minus direct within each pair, timed from sending the request to the last byte of the answer. ` +
        `Constant arrival rate (${o.rates.join(' and ')} req/s, ${Math.min(2, o.seconds)} s warm-up, ${o.seconds} s recorded, tools/call): latency counts from each request's intended send time (coordinated-omission corrected); a run under 99% of the offered rate or over 0.1% errors is invalid. ` +
        `Saturation: ${o.saturation.concurrency} requests in flight for ${o.saturation.seconds} s per path.`,
      warmup_pairs: o.warmup,
      pairs: o.pairs,
    },
    operations,
    load,
    throughput: {
      operation: 'tools/call',
      concurrency: o.saturation.concurrency,
      duration_s: o.saturation.seconds,
      direct_per_s: directPerS,
      gateway_per_s: gatewayPerS,
      ratio: directPerS === 0 ? 0 : Math.round((gatewayPerS / directPerS) * 1000) / 1000,
      gateway_cpu_us_per_request: null,
      upstream_cpu_us_per_request: null,
    },
  };
}

async function gatewayAbout(gateway: URL, key: string): Promise<{ version?: string; commit?: string }> {
  try {
    const res = await fetch(new URL('/admin/about', gateway), { headers: { authorization: 'Bearer ' + key }, signal: AbortSignal.timeout(10_000) });
    const body = (await res.json()) as { version?: unknown; commit?: unknown };
    return {
      ...(typeof body.version === 'string' && body.version ? { version: body.version } : {}),
      ...(typeof body.commit === 'string' && /^[0-9a-f]{7,40}$/.test(body.commit) ? { commit: body.commit } : {}),
    };
  } catch {
    return {};
  }
}

/** Writes `<dir>/<date>.json` (or <date>-2.json, …) and returns its path relative to the working directory. */
export function writeMeasurement(dir: string, measurement: Measurement): string {
  mkdirSync(dir, { recursive: true });
  const date = measurement.taken_at.slice(0, 10);
  let name = `${date}.json`;
  for (let n = 2; existsSync(join(dir, name)); n++) name = `${date}-${n}.json`;
  writeFileSync(join(dir, name), JSON.stringify(measurement, null, 2) + '\n');
  return relative(process.cwd(), join(dir, name)) || name;
}
