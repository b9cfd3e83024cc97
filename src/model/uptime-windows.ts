/**
 * The one uptime computation: (sources, the policy versions in force, now) -> per measurement window of the policy
 * (calendar month or quarter, UTC) its availability, downtime, error budget used, met or missed and the credit owed
 * under the version in force on the window's first day. Pure and deterministic.
 *
 * Rules (README "How uptime is computed" words them for readers):
 * - Downtime is the union of every source's down intervals: overlapping outages from several sources count once.
 * - Only outages of `uptime.components` count when the version lists components; records without a component always count.
 * - Time no source vouches for is "no data": it is neither up nor down, availability is over the time with data,
 *   and the window says it is partial. Probe samples vouch for at most PROBE_SAMPLE_MAX_MS each; a list of outages
 *   vouches for everything from the start of the window of its first record up to `now`.
 * - Maintenance excludes the downtime inside it when the version's maintenance exclusion asks for notice and the
 *   maintenance was announced that many business days ahead, up to the exclusion's minutes per window.
 * - A total without times (minutes down in a day, a summary for a month) cannot be overlapped with intervals: where
 *   it exceeds the downtime the intervals give over its span, the difference is added, so nothing counts twice.
 * - availability = (time with data − downtime) / time with data; the error budget is (100 − target)% of the whole
 *   window; met when availability ≥ target (compared exactly, in integers); a window still running owes no credit yet.
 */
import type { Credits } from './credits.ts';
import type { Uptime } from './uptime.ts';
import type { Span, UptimeSource } from './uptime-history.ts';

/** A published version as the computation needs it. */
export interface VersionInForce {
  readonly version: string;
  /** meta.effective, "YYYY-MM-DD". */
  readonly effective: string;
  readonly uptime: Uptime;
  readonly credits: Credits;
}

export interface UptimeWindow {
  /** "2026-11" for a calendar month, "2026-Q4" for a quarter. */
  readonly window: string;
  readonly kind: Uptime['window'];
  /** The window's span; `end` is exclusive. */
  readonly start: number;
  readonly end: number;
  /** Where measuring stops: the window's end, or `now` while the window runs. */
  readonly measuredEnd: number;
  /** The version in force on the window's first day, whose target and credits apply. */
  readonly version: string;
  readonly target_percent: number;
  /** What that version's credit percentages are a share of (credits.basis). */
  readonly basis: string;
  /** Time some source vouches for. */
  readonly coveredMs: number;
  /** Time of the window up to measuredEnd no source vouches for. */
  readonly noDataMs: number;
  /** Downtime after exclusions. */
  readonly downtimeMs: number;
  /** Downtime excluded as announced maintenance. */
  readonly excludedMs: number;
  /** 100 × (covered − downtime) / covered, unrounded. */
  readonly availability_percent: number;
  /** Downtime the target allows over the whole window. */
  readonly budgetMs: number;
  /** 100 × downtime / budget, unrounded. */
  readonly budget_used_percent: number;
  readonly met: boolean;
  /** Credit owed, percent of the basis (capped at max_credit_percent); 0 when met; null while the window runs. */
  readonly credit_percent: number | null;
  /** The window has not ended at `now`. */
  readonly to_date: boolean;
  /** Running, or part of it without data, or it starts mid-period (the window kind changed). */
  readonly partial: boolean;
  /** Indexes into the sources of those with data in the window, ascending. */
  readonly sources: readonly number[];
}

export interface HistoryInput {
  readonly sources: readonly UptimeSource[];
  /** Published versions, any order. */
  readonly versions: readonly VersionInForce[];
  /** The end of the build day (epoch ms): nothing after it is counted. */
  readonly now: number;
}

const DAY = 86_400_000;

/** Every window from the first one any source has data in up to the one holding `now`, oldest first; windows before any version took effect, or without data, are left out. */
export function uptimeWindows({ sources, versions, now }: HistoryInput): UptimeWindow[] {
  const ordered = [...versions].sort((a, b) => (a.effective < b.effective ? -1 : a.effective > b.effective ? 1 : 0));
  if (ordered.length === 0) return [];
  const first = firstData(sources);
  if (first === undefined || first >= now) return [];
  const out: UptimeWindow[] = [];
  let cursor = first;
  let lastEnd = -Infinity;
  while (cursor < now) {
    const kind = (versionAt(ordered, cursor) ?? ordered[0]!).uptime.window;
    const periodStart = startOfPeriod(cursor, kind);
    // After a change of window kind (month to quarter) the next window starts where the last one ended.
    const start = Math.max(periodStart, lastEnd);
    const end = endOfPeriod(periodStart, kind);
    // A version in force on the window's first day governs it; one taking effect later in a window waits for the next.
    const governing = versionAt(ordered, start);
    const computed = governing ? windowFigures(sources, governing, { start, end, now, label: labelOf(periodStart, kind), kind, midPeriod: start !== periodStart }) : undefined;
    if (computed) out.push(computed);
    lastEnd = end;
    cursor = end;
  }
  return out;
}

interface Bounds {
  readonly start: number;
  readonly end: number;
  readonly now: number;
  readonly label: string;
  readonly kind: Uptime['window'];
  readonly midPeriod: boolean;
}

function windowFigures(sources: readonly UptimeSource[], v: VersionInForce, { start, end, now, label, kind, midPeriod }: Bounds): UptimeWindow | undefined {
  const measuredEnd = Math.min(end, now);
  const frame: Span = { start, end: measuredEnd };
  const counts = (component: string | undefined) => component === undefined || v.uptime.components === undefined || v.uptime.components.includes(component);
  const coverageParts: Span[] = [];
  const down: Span[] = [];
  const maintenance: Span[] = [];
  const used: number[] = [];
  sources.forEach((source, index) => {
    const covered = source.coverage ?? (source.earliest !== undefined && source.earliest < measuredEnd ? [frame] : []);
    const clipped = clip(covered, frame);
    if (clipped.length === 0) return;
    used.push(index);
    coverageParts.push(...clipped);
    for (const r of source.records) {
      if (!counts(r.component) || r.end <= start || r.start >= measuredEnd) continue;
      if (r.kind === 'down') down.push(r);
      else if (qualifies(r, v.uptime)) maintenance.push(r);
    }
  });
  const coverage = union(coverageParts);
  const coveredMs = length(coverage);
  if (coveredMs === 0) return undefined;
  const downSpans = intersect(union(down), coverage);
  const excluded = capped(intersect(downSpans, union(maintenance)), maxExcludedMs(v.uptime));
  const excludedMs = length(excluded);
  let downtimeMs = length(downSpans) - excludedMs;
  downtimeMs += totalsExtra(sources, used, counts, subtract(downSpans, excluded), frame);
  downtimeMs = Math.min(downtimeMs, coveredMs);
  const budgetMs = ((100 - v.uptime.target_percent) / 100) * (end - start);
  const to_date = end > now;
  const met = atOrAbove(coveredMs - downtimeMs, coveredMs, v.uptime.target_percent);
  return {
    window: label,
    kind,
    start,
    end,
    measuredEnd,
    version: v.version,
    target_percent: v.uptime.target_percent,
    basis: v.credits.basis,
    coveredMs,
    noDataMs: measuredEnd - start - coveredMs,
    downtimeMs,
    excludedMs,
    availability_percent: (100 * (coveredMs - downtimeMs)) / coveredMs,
    budgetMs,
    budget_used_percent: budgetMs > 0 ? (100 * downtimeMs) / budgetMs : 0,
    met,
    credit_percent: to_date ? null : creditOwed(coveredMs - downtimeMs, coveredMs, v.credits),
    to_date,
    partial: to_date || midPeriod || measuredEnd - start - coveredMs > 0,
    sources: used,
  };
}

/** Exactly: 100 × up / total ≥ percent, in integers scaled by the percent's decimals (99.95 is not exact in binary). */
function atOrAbove(upMs: number, totalMs: number, percent: number): boolean {
  const digits = decimalsOf(percent);
  const scale = 10n ** BigInt(digits);
  const p = BigInt(Math.round(percent * 10 ** digits));
  return 100n * scale * BigInt(Math.round(upMs)) >= p * BigInt(Math.round(totalMs));
}

/** The deepest tier the availability is below (tiers fall strictly), capped at max_credit_percent; 0 when none. */
function creditOwed(upMs: number, totalMs: number, credits: Credits): number {
  let credit = 0;
  for (const tier of credits.tiers) if (!atOrAbove(upMs, totalMs, tier.below_percent)) credit = tier.credit_percent;
  return Math.min(credit, credits.max_credit_percent);
}

function decimalsOf(value: number): number {
  const text = String(value);
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : text.length - dot - 1;
}

function maintenanceRule(uptime: Uptime) {
  return uptime.exclusions.find((e) => e.maintenance_notice_business_days !== undefined);
}

function qualifies(record: { start: number; announced?: number | undefined }, uptime: Uptime): boolean {
  const rule = maintenanceRule(uptime);
  if (!rule || record.announced === undefined) return false;
  return record.start >= addBusinessDays(record.announced, rule.maintenance_notice_business_days!);
}

function maxExcludedMs(uptime: Uptime): number {
  const cap = maintenanceRule(uptime)?.maintenance_max_minutes;
  return cap === undefined ? Infinity : cap * 60_000;
}

/** `ms` plus `n` business days (Monday to Friday, UTC), keeping the time of day. */
export function addBusinessDays(ms: number, n: number): number {
  let at = ms;
  for (let left = n; left > 0; ) {
    at += DAY;
    const day = new Date(at).getUTCDay();
    if (day !== 0 && day !== 6) left--;
  }
  return at;
}

/** Downtime that totals without times add beyond what the intervals give over their spans, finest spans first. */
function totalsExtra(sources: readonly UptimeSource[], used: readonly number[], counts: (c: string | undefined) => boolean, net: readonly Span[], frame: Span): number {
  // Several components' totals over one span: the largest (their union is at least that; more is unknowable without times).
  const bySpan = new Map<string, { span: Span; downtimeMs: number }>();
  for (const index of used) {
    for (const t of sources[index]!.totals) {
      if (!counts(t.component) || t.start < frame.start || t.end > frame.end || t.start >= frame.end) continue;
      const key = `${t.start}-${t.end}`;
      const found = bySpan.get(key);
      if (!found || found.downtimeMs < t.downtimeMs) bySpan.set(key, { span: { start: t.start, end: t.end }, downtimeMs: t.downtimeMs });
    }
  }
  const spans = [...bySpan.values()].sort((a, b) => a.span.end - a.span.start - (b.span.end - b.span.start) || a.span.start - b.span.start);
  const added: { span: Span; extra: number }[] = [];
  let total = 0;
  for (const { span, downtimeMs } of spans) {
    const inside = length(intersect(net, [span])) + added.filter((a) => a.span.start >= span.start && a.span.end <= span.end).reduce((sum, a) => sum + a.extra, 0);
    const extra = Math.max(0, Math.min(downtimeMs, span.end - span.start) - inside);
    added.push({ span, extra });
    total += extra;
  }
  return total;
}

// --- spans: sorted, disjoint, half-open ---

/** Sorted and merged: overlapping or touching spans become one. */
export function union(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out.at(-1);
    if (last && s.start <= last.end) out[out.length - 1] = { start: last.start, end: Math.max(last.end, s.end) };
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

/** Intersection of two unions. */
export function intersect(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i]!.start, b[j]!.start);
    const end = Math.min(a[i]!.end, b[j]!.end);
    if (end > start) out.push({ start, end });
    if (a[i]!.end < b[j]!.end) i++;
    else j++;
  }
  return out;
}

function subtract(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const s of a) {
    let pieces: Span[] = [s];
    for (const cut of b) {
      if (cut.end <= s.start || cut.start >= s.end) continue;
      pieces = pieces.flatMap((p) => [
        ...(cut.start > p.start ? [{ start: p.start, end: Math.min(cut.start, p.end) }] : []),
        ...(cut.end < p.end ? [{ start: Math.max(cut.end, p.start), end: p.end }] : []),
      ]);
    }
    out.push(...pieces.filter((p) => p.end > p.start));
  }
  return out;
}

function clip(spans: readonly Span[], frame: Span): Span[] {
  return intersect(union(spans), [frame]);
}

export function length(spans: readonly Span[]): number {
  return spans.reduce((sum, s) => sum + (s.end - s.start), 0);
}

/** The first `limitMs` of the spans, in time order. */
function capped(spans: readonly Span[], limitMs: number): Span[] {
  const out: Span[] = [];
  let left = limitMs;
  for (const s of spans) {
    if (left <= 0) break;
    const take = Math.min(s.end - s.start, left);
    out.push({ start: s.start, end: s.start + take });
    left -= take;
  }
  return out;
}

function firstData(sources: readonly UptimeSource[]): number | undefined {
  let first: number | undefined;
  for (const s of sources) {
    const at = s.coverage ? s.coverage[0]?.start : s.earliest;
    if (at !== undefined && (first === undefined || at < first)) first = at;
  }
  return first;
}

function versionAt(ordered: readonly VersionInForce[], ms: number): VersionInForce | undefined {
  const day = new Date(ms).toISOString().slice(0, 10);
  let found: VersionInForce | undefined;
  for (const v of ordered) if (v.effective <= day) found = v;
  return found;
}

// --- calendar periods, UTC ---

export function startOfPeriod(ms: number, kind: Uptime['window']): number {
  const d = new Date(ms);
  const month = kind === 'calendar-quarter' ? d.getUTCMonth() - (d.getUTCMonth() % 3) : d.getUTCMonth();
  return Date.UTC(d.getUTCFullYear(), month, 1);
}

export function endOfPeriod(periodStart: number, kind: Uptime['window']): number {
  const d = new Date(periodStart);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + (kind === 'calendar-quarter' ? 3 : 1), 1);
}

function labelOf(periodStart: number, kind: Uptime['window']): string {
  const d = new Date(periodStart);
  const year = d.getUTCFullYear();
  return kind === 'calendar-quarter' ? `${year}-Q${Math.floor(d.getUTCMonth() / 3) + 1}` : `${year}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}
