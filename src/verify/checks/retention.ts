/** Checks of retention.yaml's claims: canaries in arguments and upstream responses are kept nowhere, the access log holds only the listed fields, the audit log exports in the listed formats. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describeAnswer, type Check, type Outcome } from '../context.ts';

/** Every file under a folder, recursively (the reference gateway's SQLite database, WAL and access-log day files). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

export const noPayloadRetention: Check = async (ctx): Promise<Outcome> => {
  const claim = 'request and response payloads are not retained in logs, stores or audit records';
  if (ctx.policy.retention.payloads.retained !== false) return { status: 'not-applicable', claim, did: 'retention.yaml says payloads are retained', observed: {} };
  const argument = ctx.marker('canary-argument');
  const response = ctx.marker('canary-response');
  ctx.probe.setFixed({ note: response });
  const server = await ctx.server({ methods: ['read'] });
  const sent = await ctx.mcp(server.url, 'tools/call', { name: 'echo_query', arguments: { text: argument } });
  const received = await ctx.mcp(server.url, 'tools/call', { name: 'get_fixed', arguments: {} });
  ctx.probe.setFixed({ ok: true });
  // Without the round trip the search below would prove nothing.
  if (ctx.hits(argument) === 0 || !received.text.includes(response)) {
    return { status: 'fail', claim, did: `did not carry the canaries (argument upstream: ${ctx.hits(argument) > 0}, response back: ${received.text.includes(response)}; ${describeAnswer(sent)})`, observed: {} };
  }
  const places: Record<string, string> = {
    'access log': (await ctx.admin.call('GET', '/admin/access-log')).text,
    'audit log': (await ctx.admin.call('GET', `/admin/audit?format=json&since=${encodeURIComponent(ctx.startedAt)}`)).text,
    'server records': (await ctx.admin.call('GET', '/admin/servers')).text,
    'connection records': (await ctx.admin.call('GET', '/admin/connections')).text,
  };
  let files = 0;
  if (ctx.dataDir) {
    for (const file of filesUnder(ctx.dataDir)) {
      files++;
      places[`data file ${file.slice(ctx.dataDir.length + 1)}`] = readFileSync(file).toString('latin1');
    }
  }
  const found = Object.entries(places).flatMap(([where, text]) => [
    ...(text.includes(argument) ? [`the argument canary in the ${where}`] : []),
    ...(text.includes(response) ? [`the response canary in the ${where}`] : []),
  ]);
  const searched = Object.keys(places).length - files;
  return {
    status: found.length === 0 ? 'pass' : 'fail',
    claim,
    did: found.length === 0 ? `kept neither canary in ${searched} admin exports${ctx.dataDir ? ` or ${files} data files` : ''}` : `kept ${found.join(', ')}`,
    observed: { exports_searched: searched, data_files_searched: files, found },
  };
};

export const metadataFields: Check = async (ctx): Promise<Outcome> => {
  const allowed = ctx.policy.retention.metadata.fields;
  const claim = `the access log keeps only ${allowed.join(', ')}`;
  const log = await ctx.admin.call('GET', '/admin/access-log');
  const lines = log.text.split('\n').filter(Boolean);
  if (log.status !== 200 || lines.length === 0) return { status: 'fail', claim, did: `returned no access-log lines from GET /admin/access-log (${describeAnswer(log)}), so the fields it logs cannot be checked`, observed: { lines: 0 } };
  const keys = new Set<string>();
  let unparsable = 0;
  for (const line of lines) {
    try {
      for (const k of Object.keys(JSON.parse(line) as object)) keys.add(k);
    } catch {
      unparsable++;
    }
  }
  const extra = [...keys].filter((k) => !allowed.includes(k)).sort();
  const ok = extra.length === 0 && unparsable === 0;
  return {
    status: ok ? 'pass' : 'fail',
    claim,
    did: ok ? `logged ${[...keys].join(', ')} over ${lines.length} lines` : extra.length > 0 ? `logged the unlisted field${extra.length === 1 ? '' : 's'} ${extra.join(', ')}` : `wrote ${unparsable} access-log lines that are not JSON objects`,
    observed: { lines: lines.length, fields: [...keys].sort(), unlisted: extra },
  };
};

/** What a line of each export format looks like. */
const FORMAT_LINE: Readonly<Record<string, (line: string) => boolean>> = {
  json: (line) => {
    try {
      return typeof JSON.parse(line) === 'object';
    } catch {
      return false;
    }
  },
  cef: (line) => line.startsWith('CEF:0|'),
};

export const auditExport: Check = async (ctx): Promise<Outcome> => {
  const formats = ctx.policy.retention.audit_logs.export_formats;
  const claim = `the audit log can be exported as ${formats.join(' and ')}`;
  const problems: string[] = [];
  const counts: number[] = [];
  for (const format of formats) {
    const test = FORMAT_LINE[format.toLowerCase()];
    if (!test) {
      problems.push(`cannot be asked for ${format} (verify knows json and cef)`);
      continue;
    }
    const r = await ctx.admin.call('GET', `/admin/audit?format=${encodeURIComponent(format.toLowerCase())}&since=${encodeURIComponent(ctx.startedAt)}`);
    const lines = r.text.split('\n').filter(Boolean);
    counts.push(lines.length);
    if (r.status !== 200 || lines.length === 0 || !lines.every(test)) problems.push(`answered the ${format} export with ${describeAnswer(r)}`);
  }
  return {
    status: problems.length === 0 ? 'pass' : 'fail',
    claim,
    did: problems.length === 0 ? `exported this run's records as ${formats.join(' and ')}` : problems.join('; '),
    observed: { formats, records: counts },
  };
};
