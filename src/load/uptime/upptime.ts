/**
 * Upptime's committed files (format as its repositories write them, github.com/upptime/upptime):
 * - `history/summary.json`: one entry per site with `slug` and `dailyMinutesDown` ({"2026-11-03": 12}): minutes
 *   down per UTC day, a total without times. The summary vouches for every day from the first month it records.
 * - `history/<slug>.yml`: the site's current `status` (up, down, degraded) since `startTime`, as of `lastUpdated`:
 *   it vouches for that span, and when down, the span is downtime.
 * - `api/<slug>/*.json`: shields.io badges of rolling percentages (last 24 hours, 7, 30, 365 days) with no period
 *   boundaries: read by nobody here (they cannot be placed in a calendar window), and not an error.
 * Sites are components by slug.
 */
import { parse } from 'yaml';
import { z } from 'zod';
import type { Span, UptimeRecord, UptimeTotal } from '../../model/uptime-history.ts';
import { atLine, atPointer } from './located.ts';
import { ISO_WITH_OFFSET, parseShape } from './parse-json-source.ts';

const summarySchema = z.array(
  z.looseObject({
    slug: z.string().min(1),
    dailyMinutesDown: z.record(z.iso.date({ error: 'expected a day like "2026-11-03"' }), z.number().min(0).max(1440)),
  }),
);

export interface SummaryRead {
  readonly totals: UptimeTotal[];
  readonly earliest: number | undefined;
  readonly latest: number | undefined;
}

export function readUpptimeSummary(text: string): SummaryRead {
  const sites = parseShape(text, summarySchema);
  const totals: UptimeTotal[] = [];
  const starts: number[] = [];
  for (const site of sites) {
    for (const [day, minutes] of Object.entries(site.dailyMinutesDown)) {
      const start = Date.parse(`${day}T00:00:00Z`);
      starts.push(start);
      if (minutes > 0) totals.push({ start, end: start + 86_400_000, downtimeMs: minutes * 60_000, component: site.slug });
    }
  }
  return { totals, earliest: starts.length > 0 ? Math.min(...starts) : undefined, latest: starts.length > 0 ? Math.max(...starts) + 86_400_000 : undefined };
}

const historySchema = z.looseObject({
  status: z.enum(['up', 'down', 'degraded']),
  startTime: z.string().regex(ISO_WITH_OFFSET, { error: 'expected an ISO 8601 time like "2026-11-03T14:05:00.000Z"' }),
  lastUpdated: z.string().regex(ISO_WITH_OFFSET, { error: 'expected an ISO 8601 time like "2026-11-03T14:05:00.000Z"' }),
});

export interface HistoryRead {
  readonly records: UptimeRecord[];
  readonly coverage: Span[];
  readonly fetchedAt: number;
}

export function readUpptimeHistory(text: string, slug: string): HistoryRead {
  let value: unknown;
  try {
    value = parse(text, { prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    const pos = (error as { linePos?: { line: number; col: number }[] }).linePos?.[0];
    throw atLine(pos?.line ?? 1, pos?.col ?? 1, `not valid YAML (${String((error as Error).message).split('\n')[0]})`);
  }
  // The yaml package reads unquoted ISO times as strings (YAML 1.2 core schema), as Upptime writes them.
  const parsed = historySchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw atPointer(issue.path.filter((p): p is string | number => typeof p !== 'symbol'), issue.message);
  }
  const start = Date.parse(parsed.data.startTime);
  const end = Date.parse(parsed.data.lastUpdated);
  if (end < start) throw atPointer(['lastUpdated'], `lastUpdated ${parsed.data.lastUpdated} is before startTime ${parsed.data.startTime}`);
  const span = { start, end };
  return { coverage: end > start ? [span] : [], records: parsed.data.status === 'down' && end > start ? [{ kind: 'down', ...span, component: slug }] : [], fetchedAt: end };
}
