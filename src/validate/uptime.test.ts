import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblems } from '../errors/format.ts';
import { validatePolicy } from './validate.ts';

const FIXTURE = 'tests/fixtures/vendor-uptime';
const tmp = mkdtempSync(join(tmpdir(), 'uptime-check-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const uptimeProblems = (problems: Parameters<typeof formatProblems>[0]) => formatProblems(problems.filter((p) => p.code.startsWith('uptime-')), 'text').replace(/\n  [ >\d|].*/g, '');

describe('checkUptime', () => {
  it('warns for a finished window below target that no incident record accounts for, and not for one at target', () => {
    const { problems } = validatePolicy(`${FIXTURE}/policy`, { today: '2026-12-04' });
    expect(uptimeProblems(problems)).toMatchInlineSnapshot(`
      "tests/fixtures/vendor-uptime/content/uptime/outages.csv:1:1: warning: 2026-11: availability 99.861% is below the 99.95% target of version 1.0, and incidents.yaml records no incidents (it holds response targets, not a list of past incidents) [uptime-missed-no-incident]
        hint: incidents.yaml holds response targets, not a list of past incidents: publish the post-mortem on your status page (incidents.status_page) so buyers can match the missed window to it, and check the uptime data if there was no incident"
    `);
  });

  it('warns for records after the build date and before the first version took effect', () => {
    writeFileSync(join(tmp, 'outages.csv'), 'start,end,component,impact\n2025-06-01T00:00:00Z,2025-06-01T00:10:00Z,API,major\n2027-01-01T00:00:00Z,2027-01-01T00:10:00Z,API,major\n');
    const { problems } = validatePolicy(`${FIXTURE}/policy`, { today: '2026-12-04', uptimeDir: tmp });
    expect(problems.filter((p) => p.code.startsWith('uptime-')).map((p) => p.message)).toMatchInlineSnapshot(`
      [
        "outages.csv records 2027-01-01T00:00:00Z, after the build date 2026-12-04; it is not counted",
        "outages.csv records 2025-06-01T00:00:00Z, before version 1.0 (the first published) took effect on 2026-02-01; no target applies, so it is not counted",
      ]
    `);
  });

  it('fails on a malformed source, located', () => {
    writeFileSync(join(tmp, 'outages.csv'), 'start,end,component,impact\n2026-11-03T14:05:00Z,,API,severe\n');
    const { problems } = validatePolicy(`${FIXTURE}/policy`, { today: '2026-12-04', uptimeDir: tmp });
    const bad = problems.filter((p) => p.code === 'uptime-invalid');
    expect(bad.map((p) => [p.line, p.column, p.severity, p.message])).toEqual([[2, 27, 'error', 'uptime source is invalid: impact "severe" is not one of none, minor, major, critical, maintenance']]);
  });
});
