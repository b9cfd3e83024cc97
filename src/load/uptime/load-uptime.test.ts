import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Credits } from '../../model/credits.ts';
import { uptimeWindows, type VersionInForce } from '../../model/uptime-windows.ts';
import { loadUptime } from './load-uptime.ts';

const FIXTURES = resolve(import.meta.dirname, '../../../tests/fixtures/uptime-sources');
const tmp = mkdtempSync(join(tmpdir(), 'uptime-load-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const credits: Credits = {
  basis: 'fees',
  tiers: [
    { below_percent: 99.95, credit_percent: 10 },
    { below_percent: 99, credit_percent: 25 },
  ],
  claim_window_days: 30,
  max_credit_percent: 100,
  claim_process: 'mail',
};
const version: VersionInForce = { version: '3.2', effective: '2026-06-15', uptime: { target_percent: 99.95, window: 'calendar-month', scope: 's', measurement: 'm', exclusions: [] }, credits };
const NOW = Date.UTC(2026, 11, 5);

function figures(dir: string) {
  const { sources, problems } = loadUptime(dir);
  expect(problems).toEqual([]);
  return uptimeWindows({ sources, versions: [version], now: NOW }).map((w) => ({ window: w.window, downtime_minutes: w.downtimeMs / 60_000, met: w.met, credit: w.credit_percent, partial: w.partial }));
}

/** One-minute probe samples from 2026-10-01 to 2026-12-04 09:00, down exactly when the outage CSV says. */
function writeProbe(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const downs = [
    [Date.UTC(2026, 9, 7, 8, 0), Date.UTC(2026, 9, 7, 8, 20)],
    [Date.UTC(2026, 10, 3, 14, 5), Date.UTC(2026, 10, 3, 15, 5)],
  ];
  const byMonth = new Map<string, string[]>();
  for (let t = Date.UTC(2026, 9, 1); t <= Date.UTC(2026, 11, 4, 23, 59); t += 60_000) {
    const iso = new Date(t).toISOString().replace('.000Z', 'Z');
    const down = downs.some(([s, e]) => t >= s! && t < e!);
    const rows = byMonth.get(iso.slice(0, 7)) ?? [];
    rows.push(down ? `${iso},down,503,8.1,http-5xx` : `${iso},up,200,12.3,`);
    byMonth.set(iso.slice(0, 7), rows);
  }
  for (const [month, rows] of byMonth) writeFileSync(join(dir, `probe-${month}.csv`), ['time,outcome,status,latency_ms,detail', ...rows, ''].join('\n'));
}

describe('uptime sources give the same monthly figures as the CSV of the same outages', () => {
  const expected = figures(join(FIXTURES, 'csv'));

  it('the CSV: October met at 20 minutes, November missed at 60 minutes (overlaps counted once), December to date', () => {
    expect(expected).toEqual([
      { window: '2026-10', downtime_minutes: 20, met: true, credit: 0, partial: false },
      { window: '2026-11', downtime_minutes: 60, met: false, credit: 10, partial: false },
      { window: '2026-12', downtime_minutes: 0, met: true, credit: null, partial: true },
    ]);
  });

  it.each(['statuspage', 'betterstack', 'upptime'])('%s', (format) => {
    expect(figures(join(FIXTURES, format))).toEqual(expected);
  });

  it('slapage probe', () => {
    writeProbe(join(tmp, 'probe'));
    expect(figures(join(tmp, 'probe'))).toEqual(expected);
  });

  it('all of them together: merged, never double-counted', () => {
    expect(figures(FIXTURES)).toEqual(expected);
  });

  it('records provenance for each file', () => {
    const { sources } = loadUptime(join(FIXTURES, 'statuspage'));
    expect(sources.map((s) => s.provenance)).toEqual([{ file: 'incidents.json', format: 'statuspage-incidents', fetched_at: '2026-12-04T09:00:00Z', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
  });
});

describe('malformed uptime files are located problems', () => {
  const problemsOf = (name: string, text: string) => {
    const dir = mkdtempSync(join(tmp, 'bad-'));
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
    return loadUptime(dir).problems.map((p) => `${p.file.split('/').slice(-1)[0]}:${p.line}:${p.column} ${p.message}`);
  };

  it('a probe row out of order or with a bad outcome', () => {
    expect(problemsOf('probe-2026-12.csv', 'time,outcome,status,latency_ms,detail\n2026-12-04T21:01:00Z,up,200,1,\n2026-12-04T21:00:00Z,up,200,1,\n')).toMatchInlineSnapshot(`
      [
        "probe-2026-12.csv:3:1 uptime source is invalid: time 2026-12-04T21:00:00Z is not after the row before; rows are appended oldest first",
      ]
    `);
    expect(problemsOf('probe-2026-12.csv', 'time,outcome,status,latency_ms,detail\n2026-12-04T21:00:00Z,sideways,200,1,\n')).toMatchInlineSnapshot(`
      [
        "probe-2026-12.csv:2:22 uptime source is invalid: outcome "sideways" is neither up nor down",
      ]
    `);
  });

  it('an outage that ends before it starts', () => {
    expect(problemsOf('outages.csv', 'start,end,component,impact\n2026-11-03T15:00:00Z,2026-11-03T14:00:00Z,API,major\n')).toMatchInlineSnapshot(`
      [
        "outages.csv:2:22 uptime source is invalid: end 2026-11-03T14:00:00Z is not after start 2026-11-03T15:00:00Z",
      ]
    `);
  });

  it('a Statuspage incident with a bad time, at its JSON pointer', () => {
    const text = JSON.stringify({ page: { id: 'p', updated_at: '2026-12-04T09:00:00Z' }, incidents: [{ id: 'i', name: 'n', impact: 'major', created_at: 'yesterday', resolved_at: null }] }, null, 2);
    expect(problemsOf('incidents.json', text)).toMatchInlineSnapshot(`
      [
        "incidents.json:11:21 uptime source is invalid: /incidents/0/created_at: expected an ISO 8601 time like "2026-11-03T14:05:00.000Z"",
      ]
    `);
  });

  it('broken JSON and unknown files', () => {
    expect(problemsOf('betterstack/sla-2026-11.json', '{"data": {"type": "monitor_sla",}')).toHaveLength(1);
    expect(problemsOf('notes.txt', 'hello')).toMatchInlineSnapshot(`
      [
        "notes.txt:1:1 \`notes.txt\` is not a format slapage reads",
      ]
    `);
  });
});
