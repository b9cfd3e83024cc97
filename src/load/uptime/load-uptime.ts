/**
 * The only code that reads content/uptime/: every file under it (sub-folders too, in name order) is recognised by
 * its name and shape, read whole or reported as one located problem (file:line:column, or the value a JSON pointer
 * names), never half-read. Formats: probe-csv.ts, outages-csv.ts, upptime.ts, betterstack.ts, statuspage.ts.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Problem } from '../../errors/catalog.ts';
import { isoSeconds, PROBE_SAMPLE_MAX_MS, type Span, type UptimeFormat, type UptimeSource } from '../../model/uptime-history.ts';
import { SourceFile } from '../source-file.ts';
import { readBetterStackIncidents, readBetterStackSla, looksLikeBetterStack } from './betterstack.ts';
import { parseJson, problemOf, UptimeFileError } from './located.ts';
import { OUTAGES_HEADER, readOutagesCsv } from './outages-csv.ts';
import { PROBE_HEADER, readProbeCsv, type ProbeRead } from './probe-csv.ts';
import { looksLikeStatuspage, readStatuspageIncidents, readStatuspageMaintenances } from './statuspage.ts';
import { readUpptimeHistory, readUpptimeSummary } from './upptime.ts';

/** Probe files of five years are ~100 MB in all; one file far larger than a year of one-second samples is not one. */
const MAX_BYTES = 512 * 1024 * 1024;

export interface UptimeLoad {
  /** Sources read, in file-name order. */
  readonly sources: UptimeSource[];
  readonly problems: Problem[];
}

/** Where uptime sources live for a policy folder: `<policy folder>/../content/uptime`. */
export function resolveUptimeDir(policyDir: string): string {
  return join(dirname(resolve(policyDir)), 'content', 'uptime');
}

/** Every source under `dir`; a missing folder means no uptime data, not an error. */
export function loadUptime(dir: string): UptimeLoad {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return { sources: [], problems: [] };
  const problems: Problem[] = [];
  const read: { rel: string; sha256: string; read: Read }[] = [];
  for (const rel of walk(dir)) {
    const path = join(dir, rel);
    const shown = relative(process.cwd(), path) || rel;
    if (statSync(path).size > MAX_BYTES) {
      problems.push(new SourceFile(shown, '').problemAtLine(1, 1, 'uptime-invalid', { detail: 'the file is too large to be an uptime source' }));
      continue;
    }
    const bytes = readFileSync(path);
    const text = bytes.toString('utf8');
    try {
      const found = readSource(rel, text);
      if (found === 'skip') continue;
      if (found === undefined) problems.push(new SourceFile(shown, text).problemAtLine(1, 1, 'uptime-unknown-file', { file: rel }));
      else read.push({ rel, sha256: createHash('sha256').update(bytes).digest('hex'), read: found });
    } catch (error) {
      if (!(error instanceof UptimeFileError)) throw error;
      problems.push(problemOf(shown, text, error));
    }
  }
  const closed = closeProbes(read.flatMap((r) => (r.read.probe ? [r.read.probe] : [])));
  const sources = read.map(({ rel, sha256, read: r }): UptimeSource => {
    const probe = r.probe ? closed.get(r.probe)! : undefined;
    return {
      provenance: { file: rel, format: r.format, fetched_at: isoSeconds(r.fetchedAt ?? 0), sha256 },
      records: probe ? probe.down.map((s) => ({ kind: 'down', start: s.start, end: s.end })) : (r.records ?? []),
      totals: r.totals ?? [],
      ...(probe ? { coverage: probe.coverage } : r.coverage ? { coverage: r.coverage } : {}),
      ...(r.earliest !== undefined ? { earliest: r.earliest } : {}),
    };
  });
  return { sources, problems };
}

interface Read {
  readonly format: UptimeFormat;
  readonly records?: UptimeSource['records'];
  readonly totals?: UptimeSource['totals'];
  readonly coverage?: UptimeSource['coverage'];
  readonly earliest?: number | undefined;
  readonly fetchedAt: number | undefined;
  readonly probe?: ProbeRead;
}

function readSource(rel: string, text: string): Read | 'skip' | undefined {
  const name = rel.split('/').at(-1)!;
  if (name.startsWith('.') || name.endsWith('.md')) return 'skip';
  if (/(^|\/)api\/[^/]+\/[^/]+\.json$/.test(rel)) return 'skip';
  if (/(^|\/)history\/summary\.json$/.test(rel)) {
    const r = readUpptimeSummary(text);
    return { format: 'upptime-summary', totals: r.totals, earliest: r.earliest, fetchedAt: r.latest };
  }
  const history = /(^|\/)history\/([^/]+)\.ya?ml$/.exec(rel);
  if (history) {
    const r = readUpptimeHistory(text, history[2]!);
    return { format: 'upptime-history', records: r.records, coverage: r.coverage, fetchedAt: r.fetchedAt };
  }
  if (name.endsWith('.csv')) {
    const header = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n')).replace(/\r$/, '');
    if (header === PROBE_HEADER) {
      const probe = readProbeCsv(text);
      return { format: 'probe-csv', records: [], coverage: probe.coverage, fetchedAt: probe.last?.time, probe };
    }
    if (header.startsWith(OUTAGES_HEADER)) {
      const r = readOutagesCsv(text);
      return { format: 'outages-csv', records: r.records, earliest: r.earliest, fetchedAt: r.latest };
    }
    throw new UptimeFileError({ line: 1, column: 1 }, `a CSV here starts with the probe header ${PROBE_HEADER} or the outage header ${OUTAGES_HEADER}`);
  }
  if (name.endsWith('.json')) {
    const value = parseJson(text);
    const statuspage = looksLikeStatuspage(value);
    if (statuspage === 'incidents') {
      const r = readStatuspageIncidents(text);
      return { format: 'statuspage-incidents', records: r.records, earliest: r.earliest, fetchedAt: r.fetchedAt };
    }
    if (statuspage === 'maintenances') {
      const r = readStatuspageMaintenances(text);
      return { format: 'statuspage-incidents', records: r.records, fetchedAt: r.fetchedAt };
    }
    const betterStack = looksLikeBetterStack(value);
    if (betterStack === 'sla') {
      const r = readBetterStackSla(text, name);
      return { format: 'betterstack-sla', totals: [r.total], coverage: [r.span], fetchedAt: r.span.end };
    }
    if (betterStack === 'incidents') {
      const r = readBetterStackIncidents(text);
      return { format: 'betterstack-incidents', records: r.records, earliest: r.earliest, fetchedAt: r.fetchedAt };
    }
  }
  return undefined;
}

/** Each probe file's last sample stands until the next file's first sample, at most PROBE_SAMPLE_MAX_MS. */
function closeProbes(probes: readonly ProbeRead[]): Map<ProbeRead, { coverage: Span[]; down: Span[] }> {
  const ordered = [...probes].sort((a, b) => (a.first ?? 0) - (b.first ?? 0));
  const out = new Map<ProbeRead, { coverage: Span[]; down: Span[] }>();
  ordered.forEach((read, i) => {
    const coverage = read.coverage.map((s) => ({ ...s }));
    const down = read.down.map((s) => ({ ...s }));
    if (read.last) {
      const next = ordered[i + 1]?.first;
      const span = { start: read.last.time, end: Math.min(read.last.time + PROBE_SAMPLE_MAX_MS, next !== undefined && next > read.last.time ? next : Infinity) };
      appendSpan(coverage, span);
      if (read.last.down) appendSpan(down, span);
    }
    out.set(read, { coverage, down });
  });
  return out;
}

function appendSpan(spans: { start: number; end: number }[], span: { start: number; end: number }): void {
  const last = spans.at(-1);
  if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
  else spans.push({ ...span });
}

function walk(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...walk(dir, rel));
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}
