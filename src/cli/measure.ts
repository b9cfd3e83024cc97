/** `slapage measure`: the reference gateway's benchmark (packages/gateway/bench, when installed), or with --gateway the same added-latency method against a vendor's own gateway and upstream; writes a measurement file into the project. Exit 0 written, 1 failed run, 2 usage. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveProject } from '../load/project.ts';
import { parse, projectOptions, UsageError } from './args.ts';
import { parseEra } from './verify.ts';

export const usage = `usage: slapage measure [--project DIR] [--quick] [--no-write]
       slapage measure --gateway MCP_URL --direct URL [--token TOKEN] [--api-token TOKEN] [--tool NAME]
                       [--arguments JSON] [--rate-limited-tool NAME --rate-limited-direct URL [--rate-limited-arguments JSON]]
                       [--admin-key KEY] [--era auto|2026-07-28|2025-11-25|2025-06-18]
                       [--pairs N] [--warmup N] [--rates R,R] [--seconds S] [--quick]
                       [--project DIR] [--no-write]

Measures the time a gateway adds to MCP requests and writes content/measurements/<date>.json in the project,
which #latency and sla.json show beside the committed objectives.

Without --gateway: runs the reference gateway's benchmark (npm run measure; needs @slapage/gateway installed).
With --gateway: the same method against your own gateway and upstream API:
  concurrency 1, --warmup pairs discarded (default 3000) then --pairs pairs (default 20000) in random order,
  each the direct request and the same call through the gateway; added = gateway − direct within each pair;
  then a constant arrival rate per --rates (default 100 req/s) for --seconds (default 10), latency counted from
  each request's intended send time (coordinated-omission corrected); then 32 requests in flight for 5 s.

  --gateway MCP_URL          an MCP server's URL on your gateway (its token included), e.g. https://mcp.example.com/mcp/mcp_…
  --direct URL               the upstream request the tool call makes, e.g. https://api.example.com/v1/contacts/c_1
  --token TOKEN              sent to the upstream as Authorization: Bearer (the tenant's own credential)
  --api-token TOKEN          the MCP server's secondary bearer, when it requires one
  --tool NAME, --arguments   the tools/call that makes the direct request (default get_contact {"contact_id":"c_1"})
  --rate-limited-tool NAME, --rate-limited-direct URL, --rate-limited-arguments JSON
                             a tool call and upstream URL that answer 429, to measure rate-limit-passthrough
  --admin-key KEY            read the gateway's version and commit from GET /admin/about for the provenance
  --era VERSION              the MCP protocol version to speak (default auto: server/discover, else initialize);
                             the measurement file records the version used
Exit status: 0 measured (and written), 1 the run failed, 2 usage error.`;

export async function main(args: readonly string[]): Promise<number> {
  const { values } = parse({
    args: [...args],
    options: {
      ...projectOptions,
      gateway: { type: 'string' },
      direct: { type: 'string' },
      token: { type: 'string' },
      'api-token': { type: 'string' },
      tool: { type: 'string', default: 'get_contact' },
      arguments: { type: 'string', default: '{"contact_id":"c_1"}' },
      'rate-limited-tool': { type: 'string' },
      'rate-limited-direct': { type: 'string' },
      'rate-limited-arguments': { type: 'string', default: '{}' },
      'admin-key': { type: 'string' },
      era: { type: 'string' },
      pairs: { type: 'string' },
      warmup: { type: 'string' },
      rates: { type: 'string' },
      seconds: { type: 'string' },
      quick: { type: 'boolean' },
      'no-write': { type: 'boolean' },
    },
  });
  const paths = resolveProject({ project: values.project, policy: values.policy });
  if (values.gateway === undefined) {
    if (values.direct !== undefined) throw new UsageError('--direct goes with --gateway');
    if (values.era !== undefined) throw new UsageError('--era goes with --gateway (the reference benchmark chooses its own)');
    return reference(paths.measurementsDir, values.quick === true, values['no-write'] === true);
  }
  if (values.direct === undefined) throw new UsageError('--gateway needs --direct URL: the upstream request the tool call makes, measured without the gateway');
  const url = (flag: string, text: string): URL => {
    try {
      const u = new URL(text);
      if (u.protocol === 'http:' || u.protocol === 'https:') return u;
    } catch {
      // fall through to the usage error
    }
    throw new UsageError(`${flag} must be an http(s) URL, got ${JSON.stringify(text)}`);
  };
  const count = (flag: string, text: string | undefined, fallback: number): number => {
    if (text === undefined) return fallback;
    const n = Number(text);
    if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} must be a positive number, got ${JSON.stringify(text)}`);
    return n;
  };
  const json = (flag: string, text: string): unknown => {
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed;
    } catch {
      // fall through to the usage error
    }
    throw new UsageError(`${flag} must be a JSON object, got ${JSON.stringify(text)}`);
  };
  const toolArguments = json('--arguments', values.arguments);
  if ((values['rate-limited-tool'] === undefined) !== (values['rate-limited-direct'] === undefined)) throw new UsageError('--rate-limited-tool and --rate-limited-direct go together');
  const quick = values.quick === true;
  const { measureRemote } = await import('../measure/remote.ts');
  const { measurementSchema } = await import('../model/measurement.ts');
  const rates = values.rates === undefined ? [quick ? 50 : 100] : values.rates.split(',').map((r) => count('--rates', r, 0));
  let measurement;
  try {
    measurement = measurementSchema.parse(
      await measureRemote({
        gateway: url('--gateway', values.gateway),
        direct: url('--direct', values.direct),
        ...(values.token ? { token: values.token } : {}),
        ...(values['api-token'] ? { apiToken: values['api-token'] } : {}),
        tool: values.tool,
        arguments: toolArguments,
        ...(values['rate-limited-tool'] ? { rateLimited: { tool: values['rate-limited-tool'], arguments: json('--rate-limited-arguments', values['rate-limited-arguments']), direct: url('--rate-limited-direct', values['rate-limited-direct']!) } } : {}),
        ...(values['admin-key'] ? { adminKey: values['admin-key'] } : {}),
        era: parseEra(values.era),
        warmup: count('--warmup', values.warmup, quick ? 20 : 3000),
        pairs: count('--pairs', values.pairs, quick ? 100 : 20000),
        rates,
        seconds: count('--seconds', values.seconds, quick ? 0.5 : 10),
        saturation: quick ? { concurrency: 4, seconds: 0.5 } : { concurrency: 32, seconds: 5 },
      }),
    );
  } catch (error) {
    if (error instanceof Error && error.name === 'MeasureError') {
      process.stderr.write(`cannot measure: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  for (const o of measurement.operations) process.stdout.write(`${o.operation.padEnd(24)} added P50 ${o.p50_ms} ms, P95 ${o.p95_ms} ms, P99 ${o.p99_ms} ms over ${o.samples} pairs\n`);
  for (const l of measurement.load) process.stdout.write(`${l.path.padEnd(8)} ${l.rate_per_s}/s: P50 ${l.p50_ms} ms, P99 ${l.p99_ms} ms, ${l.errors} errors${l.valid ? '' : ' (invalid run)'}\n`);
  if (values['no-write']) return 0;
  const { writeMeasurement } = await import('../measure/remote.ts');
  process.stdout.write(`wrote ${writeMeasurement(paths.measurementsDir, measurement)}\n`);
  return 0;
}

/** The reference benchmark, run as its own process (it pins CPUs and forks servers). */
async function reference(out: string, quick: boolean, noWrite: boolean): Promise<number> {
  let script: string;
  try {
    script = join(dirname(dirname(fileURLToPath(import.meta.resolve('@slapage/gateway')))), 'bench', 'measure.ts');
  } catch {
    script = '';
  }
  if (!script || !existsSync(script)) {
    process.stderr.write('the reference gateway (@slapage/gateway) is not installed in this project: measure your own with --gateway MCP_URL --direct URL (see --help)\n');
    return 2;
  }
  const { spawnSync } = await import('node:child_process');
  const result = spawnSync(process.execPath, [script, '--out', out, ...(quick ? ['--quick'] : []), ...(noWrite ? ['--no-write'] : [])], { stdio: 'inherit' });
  return result.status === 0 ? 0 : 1;
}
