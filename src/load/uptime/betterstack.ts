/**
 * Better Stack Uptime's API responses, saved as files (format as documented at betterstack.com/docs/uptime/api):
 * - a monitor's availability summary, GET /api/v2/monitors/{id}/sla?from=…&to=… for one calendar month:
 *   `{"data": {"type": "monitor_sla", "attributes": {"availability", "total_downtime", …}}}`. The response does not
 *   say which month, so the file's name ends with it: `sla-2026-11.json`. `total_downtime` (seconds) is a total
 *   without times: it adds only what the other sources' intervals do not already give for that month.
 * - the incident list, GET /api/v2/incidents: `{"data": [{"type": "incident", "attributes": {"name", "started_at",
 *   "resolved_at", …}}], "pagination": …}`. Each incident is downtime of the monitor it names (`attributes.name`)
 *   from started_at until resolved_at (still open: until the newest time the file states).
 */
import { z } from 'zod';
import type { Span, UptimeRecord, UptimeTotal } from '../../model/uptime-history.ts';
import { atPointer } from './located.ts';
import { ISO_WITH_OFFSET, parseShape } from './parse-json-source.ts';

const time = z.string().regex(ISO_WITH_OFFSET, { error: 'expected an ISO 8601 time like "2026-11-03T14:05:00.000Z"' });

const slaSchema = z.looseObject({
  data: z.looseObject({
    id: z.string(),
    type: z.literal('monitor_sla'),
    attributes: z.looseObject({
      availability: z.number().min(0).max(100),
      total_downtime: z.number().int().min(0),
      number_of_incidents: z.number().int().min(0),
    }),
  }),
});

const incidentsSchema = z.looseObject({
  data: z.array(
    z.looseObject({
      id: z.string(),
      type: z.literal('incident'),
      attributes: z.looseObject({ name: z.string().nullish(), started_at: time, resolved_at: time.nullish() }),
    }),
  ),
});

const MONTH_IN_NAME = /(\d{4})-(\d{2})\.json$/;

export interface SlaRead {
  readonly total: UptimeTotal;
  readonly span: Span;
}

export function readBetterStackSla(text: string, fileName: string): SlaRead {
  const data = parseShape(text, slaSchema);
  const found = MONTH_IN_NAME.exec(fileName);
  const month = found ? Number(found[2]) : 0;
  if (!found || month < 1 || month > 12) throw atPointer([], `a Better Stack availability summary does not say which month it covers: name the file after the month, e.g. sla-2026-11.json, fetched with from=2026-11-01&to=2026-11-30`);
  const span = { start: Date.UTC(Number(found[1]), month - 1, 1), end: Date.UTC(Number(found[1]), month, 1) };
  return { span, total: { ...span, downtimeMs: data.data.attributes.total_downtime * 1000 } };
}

export interface IncidentsRead {
  readonly records: UptimeRecord[];
  readonly earliest: number | undefined;
  readonly fetchedAt: number | undefined;
}

export function readBetterStackIncidents(text: string): IncidentsRead {
  const data = parseShape(text, incidentsSchema);
  let earliest: number | undefined;
  let latest: number | undefined;
  const spans = data.data.map((incident) => {
    const start = Date.parse(incident.attributes.started_at);
    const end = incident.attributes.resolved_at ? Date.parse(incident.attributes.resolved_at) : undefined;
    earliest = earliest === undefined ? start : Math.min(earliest, start);
    latest = Math.max(latest ?? start, end ?? start);
    return { start, end, component: incident.attributes.name ?? undefined };
  });
  const records = spans.map((s): UptimeRecord => ({ kind: 'down', start: s.start, end: s.end ?? latest!, ...(s.component ? { component: s.component } : {}) })).filter((r) => r.end > r.start);
  return { records, earliest, fetchedAt: latest };
}

export function looksLikeBetterStack(value: unknown): 'sla' | 'incidents' | undefined {
  const data = typeof value === 'object' && value !== null ? (value as { data?: unknown }).data : undefined;
  if (typeof data === 'object' && data !== null && !Array.isArray(data) && (data as { type?: unknown }).type === 'monitor_sla') return 'sla';
  if (Array.isArray(data) && (data.length === 0 || (data[0] as { type?: unknown } | null)?.type === 'incident')) return 'incidents';
  return undefined;
}
