import { describe, expect, it } from 'vitest';
import type { UptimeWindow } from '../model/uptime-windows.ts';
import { plainText, type Block } from './blocks.ts';
import { uptimeHistoryBlocks, uptimeHistoryJson, publishedUptime, CHART_WINDOWS } from './uptime-history.ts';

const MONTH = 30 * 86_400_000;
const window = (over: Partial<UptimeWindow> = {}): UptimeWindow => ({
  window: '2026-11',
  kind: 'calendar-month',
  start: Date.UTC(2026, 10, 1),
  end: Date.UTC(2026, 11, 1),
  measuredEnd: Date.UTC(2026, 11, 1),
  version: '1.0',
  target_percent: 99.95,
  basis: 'the monthly fees',
  coveredMs: MONTH,
  noDataMs: 0,
  downtimeMs: 0,
  excludedMs: 0,
  availability_percent: 100,
  budgetMs: MONTH * 0.0005,
  budget_used_percent: 0,
  met: true,
  credit_percent: 0,
  to_date: false,
  partial: false,
  sources: [0],
  ...over,
});
const sources = [{ file: 'outages.csv', format: 'outages-csv' as const, fetched_at: '2026-12-01T00:00:00Z', sha256: 'a'.repeat(64) }];
const words = (blocks: readonly Block[]) => blocks.map((b) => ('runs' in b ? plainText(b.runs) : b.type === 'list' ? b.items.map(plainText).join('\n') : b.type === 'table' ? b.rows.map((r) => r.map(plainText).join(' | ')).join('\n') : '')).join('\n');

describe('uptime history in the Document', () => {
  it('says nothing without data', () => {
    expect(uptimeHistoryBlocks(undefined)).toEqual([]);
    expect(publishedUptime([], sources)).toBeUndefined();
  });

  it('rounds availability down, so a window just below target never reads as the target', () => {
    // 21.61 minutes down in a 30-day month: 99.94997…%, missed.
    const w = window({ downtimeMs: 21.61 * 60_000, met: false, credit_percent: 10 });
    const [item] = uptimeHistoryJson({ windows: [w], sources });
    expect(item).toMatchObject({ availability_percent: 99.949, downtime_minutes: 21.61, met: false, credit_percent: 10 });
    expect(words(uptimeHistoryBlocks({ windows: [w], sources }))).toContain('2026-11: 99.949% measured against the 99.95% target of version 1.0 (21 min 37 s of downtime); credit owed: 10% of the monthly fees.');
  });

  it('shows the last 12 windows and keeps every one for sla.json', () => {
    const windows = Array.from({ length: 15 }, (_, i) => window({ window: `w${i}` }));
    const chart = uptimeHistoryBlocks({ windows, sources }).find((b) => b.type === 'uptime-chart');
    expect(chart && chart.type === 'uptime-chart' ? chart.bars.map((b) => b.label) : []).toEqual(windows.slice(-CHART_WINDOWS).map((w) => w.window));
    expect(uptimeHistoryJson({ windows, sources })).toHaveLength(15);
  });

  it('says why a window is partial', () => {
    const w = window({ to_date: true, partial: true, credit_percent: null, noDataMs: 90 * 60_000, measuredEnd: Date.UTC(2026, 10, 5) });
    expect(words(uptimeHistoryBlocks({ windows: [w], sources }))).toContain('Partial windows: 2026-11: running, measured through 2026-11-04; 90 minutes without data, left out of the availability.');
  });

  it('keeps an archived version to the windows that ended before its successor took effect', () => {
    const windows = [window({ window: '2026-10', end: Date.UTC(2026, 10, 1) }), window()];
    expect(publishedUptime(windows, sources, '2026-11-15')?.windows.map((w) => w.window)).toEqual(['2026-10']);
  });
});
