import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Credits } from './credits.ts';
import type { Uptime } from './uptime.ts';
import type { UptimeRecord, UptimeSource } from './uptime-history.ts';
import { addBusinessDays, uptimeWindows, type VersionInForce } from './uptime-windows.ts';

const MIN = 60_000;
const T0 = Date.UTC(2026, 0, 1);
const uptime = (over: Partial<Uptime> = {}): Uptime => ({ target_percent: 99.9, window: 'calendar-month', scope: 's', measurement: 'm', exclusions: [], ...over });
const credits: Credits = {
  basis: 'fees',
  tiers: [
    { below_percent: 99.9, credit_percent: 10 },
    { below_percent: 99, credit_percent: 25 },
    { below_percent: 95, credit_percent: 50 },
  ],
  claim_window_days: 30,
  max_credit_percent: 30,
  claim_process: 'mail',
};
const version = (over: Partial<Uptime> = {}, effective = '2025-01-01'): VersionInForce => ({ version: '1.0', effective, uptime: uptime(over), credits });
const list = (records: UptimeRecord[], file = 'outages.csv'): UptimeSource => ({
  provenance: { file, format: 'outages-csv', fetched_at: '2026-04-01T00:00:00Z', sha256: '0'.repeat(64) },
  records,
  totals: [],
  earliest: records.reduce((m, r) => Math.min(m, r.start), Infinity),
});
const down = (startMin: number, minutes: number, component?: string): UptimeRecord => ({ kind: 'down', start: T0 + startMin * MIN, end: T0 + (startMin + minutes) * MIN, component });

/** The independent arithmetic: one boolean per minute of January to March 2026, then rational comparisons. */
function byMinute(sources: readonly UptimeRecord[][]): { window: string; downMinutes: number; met: boolean; credit: number }[] {
  const months = [31, 28, 31];
  const downAt = new Uint8Array(90 * 1440);
  for (const records of sources) for (const r of records) for (let m = (r.start - T0) / MIN; m < (r.end - T0) / MIN; m++) if (m >= 0 && m < downAt.length) downAt[m] = 1;
  let offset = 0;
  return months.map((days, i) => {
    const total = days * 1440;
    let downMinutes = 0;
    for (let m = offset; m < offset + total; m++) downMinutes += downAt[m]!;
    offset += total;
    // availability < p%  <=>  100 * (total - down) / total < p, with p in thousandths of a percent.
    const below = (p1000: number) => (total - downMinutes) * 100_000 < p1000 * total;
    const met = !below(99_900);
    const credit = below(95_000) ? 30 : below(99_000) ? 25 : below(99_900) ? 10 : 0;
    return { window: `2026-0${i + 1}`, downMinutes, met, credit };
  });
}

describe('uptimeWindows', () => {
  it('matches a minute-by-minute count of merged outages from several sources', () => {
    const outage = fc.record({ start: fc.integer({ min: 0, max: 90 * 1440 - 1 }), minutes: fc.integer({ min: 1, max: 600 }) });
    fc.assert(
      fc.property(fc.array(fc.array(outage, { maxLength: 8 }), { minLength: 1, maxLength: 3 }), (raw) => {
        const records = raw.map((rs) => rs.map((o) => down(o.start, o.minutes)));
        // Every source is taken to start on 2026-01-01, so all of them cover January to March.
        const sources = records.map((rs, i) => ({ ...list(rs, `s${i}.csv`), earliest: T0 }));
        const got = uptimeWindows({ sources, versions: [version()], now: Date.UTC(2026, 3, 1) });
        const want = byMinute(records);
        expect(got.map((w) => ({ window: w.window, downMinutes: w.downtimeMs / MIN, met: w.met, credit: w.credit_percent }))).toEqual(want);
      }),
      { numRuns: 200 },
    );
  });

  it('counts an outage reported by two sources once', () => {
    const a = list([down(100, 60)], 'a.csv');
    const b = list([down(130, 60)], 'b.csv');
    const [jan] = uptimeWindows({ sources: [a, b], versions: [version()], now: Date.UTC(2026, 1, 1) });
    expect(jan!.downtimeMs / MIN).toBe(90);
    expect(jan!.sources).toEqual([0, 1]);
  });

  it('owes the credit of the tier a missed month falls in, none at the target exactly', () => {
    // 99.9% of January (44,640 minutes) allows 44.64 minutes: 44.64 min down is met, 45 min is not.
    const at = uptimeWindows({ sources: [list([{ kind: 'down', start: T0, end: T0 + 44.64 * MIN }])], versions: [version()], now: Date.UTC(2026, 1, 1) });
    expect(at[0]).toMatchObject({ window: '2026-01', met: true, credit_percent: 0 });
    const below = uptimeWindows({ sources: [list([down(0, 45)])], versions: [version()], now: Date.UTC(2026, 1, 1) });
    expect(below[0]).toMatchObject({ met: false, credit_percent: 10 });
    expect(below[0]!.budget_used_percent).toBeCloseTo((45 / 44.64) * 100, 9);
  });

  it('caps the credit at max_credit_percent and uses the version in force on the first day', () => {
    const sources = [list([down(0, 5 * 1440), down(31 * 1440, 60)])];
    const later: VersionInForce = { ...version({ target_percent: 99.5 }, '2026-02-01'), version: '2.0' };
    const [jan, feb] = uptimeWindows({ sources, versions: [version(), later], now: Date.UTC(2026, 2, 1) });
    expect(jan).toMatchObject({ version: '1.0', credit_percent: 30 });
    expect(feb).toMatchObject({ version: '2.0', target_percent: 99.5, met: true });
  });

  it('leaves probe gaps as no data and marks the window partial', () => {
    const probe: UptimeSource = {
      provenance: { file: 'probe-2026-01.csv', format: 'probe-csv', fetched_at: '2026-01-31T23:59:00Z', sha256: '0'.repeat(64) },
      records: [down(60, 10)],
      totals: [],
      coverage: [{ start: T0, end: T0 + 10 * 1440 * MIN }],
    };
    const [jan] = uptimeWindows({ sources: [probe], versions: [version()], now: Date.UTC(2026, 1, 1) });
    expect(jan).toMatchObject({ partial: true, noDataMs: 21 * 1440 * MIN, downtimeMs: 10 * MIN });
    expect(jan!.availability_percent).toBeCloseTo(100 * (1 - 10 / (10 * 1440)), 9);
  });

  it('says a running window is to date and owes nothing yet', () => {
    const [jan] = uptimeWindows({ sources: [list([down(0, 600)])], versions: [version()], now: T0 + 2 * 1440 * MIN });
    expect(jan).toMatchObject({ to_date: true, partial: true, credit_percent: null, met: false });
  });

  it('excludes maintenance announced with the notice the exclusion asks, up to its minutes', () => {
    const rule = { exclusions: [{ id: 'planned-maintenance', text: 'x', maintenance_notice_business_days: 5, maintenance_max_minutes: 30 }] };
    // 2026-01-12 is a Monday; announced on Monday 2026-01-05 at 00:00 is exactly 5 business days ahead.
    const start = Date.UTC(2026, 0, 12);
    const maint = (announced: number): UptimeRecord => ({ kind: 'maintenance', start, end: start + 60 * MIN, announced });
    const outage: UptimeRecord = { kind: 'down', start, end: start + 60 * MIN };
    const run = (announced: number) => uptimeWindows({ sources: [list([outage, maint(announced)])], versions: [version(rule)], now: Date.UTC(2026, 1, 1) })[0]!;
    expect(run(Date.UTC(2026, 0, 5))).toMatchObject({ excludedMs: 30 * MIN, downtimeMs: 30 * MIN });
    expect(run(Date.UTC(2026, 0, 5, 1))).toMatchObject({ excludedMs: 0, downtimeMs: 60 * MIN });
    // Without the optional keys (released versions) maintenance excludes nothing.
    expect(uptimeWindows({ sources: [list([outage, maint(0)])], versions: [version()], now: Date.UTC(2026, 1, 1) })[0]).toMatchObject({ excludedMs: 0 });
  });

  it('adds a total without times only where it exceeds the intervals over its span', () => {
    const day = Date.UTC(2026, 0, 3);
    const totals: UptimeSource = { ...list([], 'upptime/history/summary.json'), totals: [{ start: day, end: day + 1440 * MIN, downtimeMs: 30 * MIN }], earliest: day };
    const [jan] = uptimeWindows({ sources: [list([{ kind: 'down', start: day, end: day + 20 * MIN }]), totals], versions: [version()], now: Date.UTC(2026, 1, 1) });
    expect(jan!.downtimeMs / MIN).toBe(30);
  });

  it('counts only the listed components', () => {
    const [jan] = uptimeWindows({ sources: [list([down(0, 60, 'API'), down(100, 60, 'Docs')])], versions: [version({ components: ['API'] })], now: Date.UTC(2026, 1, 1) });
    expect(jan!.downtimeMs / MIN).toBe(60);
  });

  it('computes calendar quarters', () => {
    const windows = uptimeWindows({ sources: [list([down(0, 60)])], versions: [version({ window: 'calendar-quarter' })], now: Date.UTC(2026, 6, 1) });
    expect(windows.map((w) => w.window)).toEqual(['2026-Q1', '2026-Q2']);
  });

  it('adds business days over weekends', () => {
    expect(new Date(addBusinessDays(Date.UTC(2026, 0, 9, 10), 1)).toISOString()).toBe('2026-01-12T10:00:00.000Z');
  });
});
