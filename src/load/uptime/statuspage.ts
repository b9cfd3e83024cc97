/**
 * Atlassian Statuspage's public API v2, saved as files: `incidents.json` (GET /api/v2/incidents.json: `page`, then
 * `incidents[]` with `started_at` or `created_at`, `resolved_at`, `impact` none/minor/major/critical, `components[]`
 * and `incident_updates[]`) and `scheduled-maintenances.json` (GET /api/v2/scheduled-maintenances.json:
 * `scheduled_maintenances[]` with `scheduled_for`, `scheduled_until`, `created_at`). Format as documented by
 * Atlassian (developer.statuspage.io); unknown keys are ignored. An incident of major or critical impact is downtime
 * of each component it lists (or of the whole service when it lists none) from its start until resolved (an
 * unresolved one lasts until the page's `updated_at`); minor and none are not downtime. A maintenance window was
 * announced at its `created_at`.
 */
import { z } from 'zod';
import type { UptimeRecord } from '../../model/uptime-history.ts';
import { ISO_WITH_OFFSET, parseShape } from './parse-json-source.ts';

const time = z.string().regex(ISO_WITH_OFFSET, { error: 'expected an ISO 8601 time like "2026-11-03T14:05:00.000Z"' });
const page = z.looseObject({ id: z.string(), updated_at: time });
const component = z.looseObject({ name: z.string().min(1) });

const incidentsSchema = z.looseObject({
  page,
  incidents: z.array(
    z.looseObject({
      id: z.string(),
      name: z.string(),
      impact: z.enum(['none', 'minor', 'major', 'critical', 'maintenance']),
      created_at: time,
      started_at: time.nullish(),
      resolved_at: time.nullable(),
      components: z.array(component).optional(),
      incident_updates: z.array(z.looseObject({ status: z.string(), created_at: time })).optional(),
    }),
  ),
});

const maintenancesSchema = z.looseObject({
  page,
  scheduled_maintenances: z.array(
    z.looseObject({
      id: z.string(),
      created_at: time,
      scheduled_for: time,
      scheduled_until: time,
      components: z.array(component).optional(),
    }),
  ),
});

export interface StatuspageRead {
  readonly records: UptimeRecord[];
  readonly earliest: number | undefined;
  readonly fetchedAt: number;
}

const perComponent = (components: readonly { name: string }[] | undefined, record: Omit<UptimeRecord, 'component'>): UptimeRecord[] =>
  components && components.length > 0 ? components.map((c) => ({ ...record, component: c.name })) : [record];

export function readStatuspageIncidents(text: string): StatuspageRead {
  const data = parseShape(text, incidentsSchema);
  const fetchedAt = Date.parse(data.page.updated_at);
  const records: UptimeRecord[] = [];
  let earliest: number | undefined;
  for (const incident of data.incidents) {
    const start = Date.parse(incident.started_at ?? incident.created_at);
    earliest = earliest === undefined ? start : Math.min(earliest, start);
    if (incident.impact !== 'major' && incident.impact !== 'critical') continue;
    const end = incident.resolved_at ? Date.parse(incident.resolved_at) : fetchedAt;
    if (end > start) records.push(...perComponent(incident.components, { kind: 'down', start, end }));
  }
  return { records, earliest, fetchedAt };
}

export function readStatuspageMaintenances(text: string): StatuspageRead {
  const data = parseShape(text, maintenancesSchema);
  const records = data.scheduled_maintenances.flatMap((m) =>
    perComponent(m.components, { kind: 'maintenance', start: Date.parse(m.scheduled_for), end: Date.parse(m.scheduled_until), announced: Date.parse(m.created_at) }),
  );
  // Maintenance windows say nothing about outages: they add no coverage.
  return { records, earliest: undefined, fetchedAt: Date.parse(data.page.updated_at) };
}

export const looksLikeStatuspage = (value: unknown): 'incidents' | 'maintenances' | undefined => {
  if (typeof value !== 'object' || value === null || !('page' in value)) return undefined;
  if ('incidents' in value) return 'incidents';
  if ('scheduled_maintenances' in value) return 'maintenances';
  return undefined;
};
