/**
 * What the uptime sources under content/uptime/ become once read (src/load/uptime/): per file, down and maintenance
 * intervals, totals without times, the time the file covers and its provenance. Times are UTC epoch milliseconds.
 * Pure types, constants and the zod shape sla.json publishes; no I/O.
 */
import { z } from 'zod';

/** The source formats slapage reads, each a versioned input (see README "Uptime sources"). */
export const UPTIME_FORMATS = ['probe-csv', 'outages-csv', 'upptime-summary', 'upptime-history', 'betterstack-sla', 'betterstack-incidents', 'statuspage-incidents'] as const;
export type UptimeFormat = (typeof UPTIME_FORMATS)[number];

/** How each format reads on the page and in sla.json's `source`. */
export const UPTIME_FORMAT_NAMES: Readonly<Record<UptimeFormat, string>> = {
  'probe-csv': 'slapage probe',
  'outages-csv': 'outage list (CSV)',
  'upptime-summary': 'Upptime',
  'upptime-history': 'Upptime',
  'betterstack-sla': 'Better Stack',
  'betterstack-incidents': 'Better Stack',
  'statuspage-incidents': 'Atlassian Statuspage',
};

/**
 * A probe sample stands for the time until the next sample, at most this long: a longer gap is "no data", neither
 * up nor down (a probe that stopped running says nothing about the service).
 */
export const PROBE_SAMPLE_MAX_MS = 5 * 60_000;

/** A half-open span [start, end), epoch milliseconds. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** An outage or a maintenance window one source records. */
export interface UptimeRecord extends Span {
  /** `down`: the service was unavailable; `maintenance`: announced maintenance (it excludes downtime, never adds any). */
  readonly kind: 'down' | 'maintenance';
  /** The component as the source names it; undefined when the source has none. */
  readonly component?: string | undefined;
  /** When a maintenance window was announced; undefined when the source does not say (no notice is assumed). */
  readonly announced?: number | undefined;
}

/** Downtime a source states as a total over a span without times (Upptime's minutes down per day, Better Stack's SLA summary). */
export interface UptimeTotal extends Span {
  readonly downtimeMs: number;
  readonly component?: string | undefined;
}

/** Where a source's figures came from, as every figure derived from it says. */
export interface UptimeProvenance {
  /** The file under content/uptime/, e.g. "probe-2026-11.csv" or "statuspage/incidents.json". */
  readonly file: string;
  readonly format: UptimeFormat;
  /** The newest time the file itself states (its last sample, `lastUpdated`, `page.updated_at`, …), ISO 8601 UTC: it was fetched no earlier. */
  readonly fetched_at: string;
  /** SHA-256 of the file's bytes, hex. */
  readonly sha256: string;
}

/** One source file, read. */
export interface UptimeSource {
  readonly provenance: UptimeProvenance;
  readonly records: readonly UptimeRecord[];
  readonly totals: readonly UptimeTotal[];
  /**
   * The time the source vouches for, sorted and disjoint. Probe results: where samples stand (gaps are no data).
   * `undefined` for lists of outages, which say nothing about quiet time: they are taken as complete from the
   * start of the window of their first record up to the build date.
   */
  readonly coverage?: readonly Span[] | undefined;
  /** The earliest time the source mentions (for lists of outages, where their coverage starts); undefined when it mentions none. */
  readonly earliest?: number | undefined;
}

/** ISO 8601 UTC, second precision: "2026-12-04T21:00:00Z". */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** One window as sla.json's `uptime.history[]` publishes it (figures rounded as the page shows them). */
export const uptimeHistoryItemSchema = z.strictObject({
  /** "2026-11" (calendar month) or "2026-Q4" (calendar quarter), UTC. */
  window: z.string().regex(/^\d{4}-(\d{2}|Q[1-4])$/),
  /** First instant of the window and the instant after its last, ISO 8601 UTC. */
  start: z.string(),
  end: z.string(),
  /** The policy version in force on the window's first day, whose target and credit tiers apply. */
  version: z.string(),
  /** That version's uptime target. */
  target_percent: z.number(),
  /** Availability over the time with data, percent, rounded down to 3 decimals. */
  availability_percent: z.number().min(0).max(100),
  /** Downtime after exclusions, minutes, rounded up to 2 decimals. */
  downtime_minutes: z.number().min(0),
  /** Downtime as a share of the downtime the target allows over the whole window, percent, 1 decimal. */
  budget_used_percent: z.number().min(0),
  /** Availability at or above the target. */
  met: z.boolean(),
  /** Credit owed under that version's tiers and cap, percent of its basis; 0 when met; null while the window runs. */
  credit_percent: z.number().min(0).max(100).nullable(),
  /** The window is still running, started mid-period, or had time without data. */
  partial: z.boolean(),
  /** Minutes of the window up to the build date that no source covers. */
  no_data_minutes: z.number().min(0),
  /** The products the figures come from, e.g. ["slapage probe", "Atlassian Statuspage"]. */
  source: z.array(z.string()),
  /** Each input file the window's figures are derived from. */
  provenance: z.array(
    z.strictObject({
      file: z.string(),
      format: z.enum(UPTIME_FORMATS),
      fetched_at: z.string(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
});

export type UptimeHistoryItem = z.infer<typeof uptimeHistoryItemSchema>;
