/** `slapage probe --endpoint URL [--count N --interval S]`: synthetic MCP checks of a vendor's endpoint, each appended as one row to content/uptime/probe-YYYY-MM.csv; exit 0 when every sample was written (up or down), 1 a write failed, 2 usage. */
import { join, relative, resolve } from 'node:path';
import { resolveProject } from '../load/project.ts';
import { parse, projectOptions, UsageError } from './args.ts';
import { parseEra } from './verify.ts';

export const usage = `usage: slapage probe --endpoint URL [--token TOKEN] [--bearer TOKEN] [--method NAME] [--params JSON]
                     [--timeout S] [--count N] [--interval S] [--era auto|2026-07-28|2025-11-25|2025-06-18]
                     [--out DIR] [--project DIR] [--no-write]

Sends one MCP request (tools/list by default) to the endpoint and appends the outcome to
content/uptime/probe-YYYY-MM.csv in the project (the UTC month of the sample), one row per check:
  time,outcome,status,latency_ms,detail
Down: no answer within --timeout (detail timeout), an HTTP 5xx (http-5xx), or no connection
(connection-refused, connection-reset, dns, tls). Up: every other answer, a 4xx or a JSON-RPC error
included (the terminal line says so): the usual uptime definition counts only timeouts and 5xx.

  --endpoint URL     the MCP endpoint (or $SLAPAGE_PROBE_ENDPOINT); https, or http for 127.0.0.1/localhost.
                     A literal {token} in it is replaced by --token (for gateways with the token in the URL)
  --token TOKEN      fills {token} in the endpoint (or $SLAPAGE_PROBE_TOKEN)
  --bearer TOKEN     sent as Authorization: Bearer (or $SLAPAGE_PROBE_BEARER)
  --method NAME      the MCP method to call (default tools/list); --params JSON its params
  --timeout S        seconds before a check counts as a timeout (default 10)
  --count N          checks to run (default 1); --interval S seconds between their starts (default 60)
  --era VERSION      the MCP protocol version to speak (default auto: server/discover, else initialize)
  --out DIR          where the CSV files go (default <project>/content/uptime)
  --no-write         print the samples only
Exit status: 0 every sample written (whatever its outcome), 1 a sample could not be written, 2 usage error.`;

const LOCAL = new Set(['127.0.0.1', 'localhost', '[::1]']);

export async function main(args: readonly string[]): Promise<number> {
  const { values } = parse({
    args: [...args],
    options: {
      ...projectOptions,
      endpoint: { type: 'string' },
      token: { type: 'string' },
      bearer: { type: 'string' },
      method: { type: 'string', default: 'tools/list' },
      params: { type: 'string' },
      timeout: { type: 'string' },
      count: { type: 'string' },
      interval: { type: 'string' },
      era: { type: 'string' },
      out: { type: 'string' },
      'no-write': { type: 'boolean' },
    },
  });
  const template = values.endpoint ?? process.env.SLAPAGE_PROBE_ENDPOINT;
  if (!template) throw new UsageError('probe needs --endpoint URL (or $SLAPAGE_PROBE_ENDPOINT): the MCP endpoint to check');
  const token = values.token ?? process.env.SLAPAGE_PROBE_TOKEN;
  const bearer = values.bearer ?? process.env.SLAPAGE_PROBE_BEARER;
  if (template.includes('{token}') && !token) throw new UsageError('the endpoint has a {token} placeholder: give --token TOKEN (or $SLAPAGE_PROBE_TOKEN)');
  if (values.token !== undefined && !template.includes('{token}')) throw new UsageError('--token fills a {token} placeholder in the endpoint, which has none: use --bearer TOKEN for an Authorization header');
  const endpoint = token ? template.replaceAll('{token}', encodeURIComponent(token)) : template;
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new UsageError(`--endpoint must be a URL, got ${JSON.stringify(template)}`);
  }
  if (!(url.protocol === 'https:' || (url.protocol === 'http:' && LOCAL.has(url.hostname)))) throw new UsageError(`--endpoint must be an https URL (http only for 127.0.0.1 or localhost), got ${url.protocol}//${url.host}`);
  const number = (flag: string, text: string | undefined, fallback: number, integer = false): number => {
    if (text === undefined) return fallback;
    const n = Number(text);
    if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) throw new UsageError(`${flag} must be a positive ${integer ? 'whole ' : ''}number, got ${JSON.stringify(text)}`);
    return n;
  };
  const count = number('--count', values.count, 1, true);
  const intervalS = number('--interval', values.interval, 60);
  const timeoutS = number('--timeout', values.timeout, 10);
  let params: Record<string, unknown> | undefined;
  if (values.params !== undefined) {
    try {
      params = JSON.parse(values.params) as Record<string, unknown>;
    } catch {
      params = undefined;
    }
    if (params === null || typeof params !== 'object' || Array.isArray(params)) throw new UsageError(`--params must be a JSON object, got ${JSON.stringify(values.params)}`);
  }
  const era = parseEra(values.era);
  const paths = resolveProject({ project: values.project, policy: values.policy });
  const out = values.out ? resolve(values.out) : join(paths.contentDir, 'uptime');

  const { appendSample, Prober, ProbeError, probeRow } = await import('../measure/probe.ts');
  const prober = new Prober({ endpoint: url.href, era, method: values.method, timeoutMs: timeoutS * 1000, ...(params ? { params } : {}), ...(bearer ? { headers: { authorization: 'Bearer ' + bearer } } : {}) });
  // The origin only: the path may carry the tenant's token.
  process.stdout.write(`probing ${url.origin} with ${values.method}, ${count} check${count === 1 ? '' : 's'}${count > 1 ? ` every ${intervalS} s` : ''}, timeout ${timeoutS} s\n`);
  const first = Date.now();
  for (let i = 0; i < count; i++) {
    const wait = first + i * intervalS * 1000 - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const sample = await prober.check();
    const row = probeRow(sample);
    process.stdout.write(`${row}${sample.version ? ` (MCP ${sample.version})` : ''}${sample.note ? `  ${sample.note}` : ''}\n`);
    if (values['no-write']) continue;
    try {
      const file = appendSample(out, sample);
      if (i === count - 1) process.stdout.write(`appended to ${relative(process.cwd(), file) || file}\n`);
    } catch (error) {
      if (error instanceof ProbeError || (error as { code?: string }).code !== undefined) {
        process.stderr.write(`cannot record the sample: ${(error as Error).message}\n`);
        return 1;
      }
      throw error;
    }
  }
  return 0;
}
