/**
 * A project with uptime sources (tests/fixtures/vendor-uptime: an outage CSV and a Statuspage export of the same
 * outages) built end to end: a month below target shows its credit on the page, in the PDF's text and in sla.json,
 * a month at target shows none, sla.json validates against the site's schema, and two builds are byte-identical.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSlaJson } from '../src/check/sla-json.ts';

const ROOT = resolve(import.meta.dirname, '..');
const PROJECT = join(ROOT, 'tests/fixtures/vendor-uptime');
const tmp = mkdtempSync(join(tmpdir(), 'uptime-page-'));
const outs = [join(tmp, 'a'), join(tmp, 'b')];
const env = { ...process.env, SLA_TODAY: '2026-12-04' };

const build = (out: string) =>
  new Promise<void>((done, fail) => {
    execFile(process.execPath, ['src/cli/main.ts', 'build', '--project', PROJECT, '--out', out], { cwd: ROOT, env, maxBuffer: 1 << 24 }, (error, stdout, stderr) => (error ? fail(new Error(stdout + stderr)) : done()));
  });

beforeAll(async () => {
  await build(outs[0]!);
  await build(outs[1]!);
}, 240_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const uptimeSection = (html: string) => html.slice(html.indexOf('id="uptime"'), html.indexOf('id="latency"'));
const squash = (s: string) => s.replace(/\s+/g, ' ');
let pdftotext = true;
try {
  execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
} catch {
  pdftotext = false;
}

describe('measured availability in the built site', () => {
  it('#uptime: a static SVG chart with title and description, the data table, the missed month with its credit', () => {
    const section = uptimeSection(readFileSync(join(outs[0]!, 'index.html'), 'utf8'));
    expect(section).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="uptime-chart-title uptime-chart-desc"/);
    expect(section).toContain('<title id="uptime-chart-title">Measured availability per calendar month against the 99.95% target</title>');
    expect(section).toContain('2026-11 99.861%, missed, credit owed 10%');
    expect(section).not.toContain('<script');
    const rows = [...section.matchAll(/<tr>(.*?)<\/tr>/gs)].map((m) => squash(m[1]!.replace(/<[^>]+>/g, ' ')).trim());
    expect(rows).toContain('2026-10 99.955% 99.95% met 20 min 89.6% none');
    expect(rows).toContain('2026-11 99.861% 99.95% missed 1 h 277.8% 10% of the monthly fees');
    expect(squash(section.replace(/<[^>]+>/g, ''))).toContain('2026-11: 99.861% measured against the 99.95% target of version 1.0 (1 h of downtime); credit owed: 10% of the monthly fees.');
    expect(section).not.toMatch(/2026-10:[^<]*credit owed/);
    expect(section).toContain('SHA-256 f1c8c00f');
  });

  it.runIf(pdftotext)('the PDF has the same figures and the credit owed', () => {
    const text = squash(execFileSync('pdftotext', [join(outs[0]!, 'sla.pdf'), '-'], { encoding: 'utf8' }));
    expect(text).toContain('2026-11: 99.861% measured against the 99.95% target of version 1.0 (1 h of downtime); credit owed: 10% of the monthly fees.');
    expect(text).toContain('99.955%');
    expect(text).not.toMatch(/2026-10: [^•]*credit owed/);
  });

  it('sla.json carries uptime.history[] and validates against the site’s schema', () => {
    const json = JSON.parse(readFileSync(join(outs[0]!, 'sla.json'), 'utf8')) as { uptime: { target_percent: number; history: { window: string; credit_percent: number | null; met: boolean; availability_percent: number }[] } };
    expect(json.uptime.target_percent).toBe(99.95);
    expect(json.uptime.history.map((h) => [h.window, h.availability_percent, h.met, h.credit_percent])).toEqual([
      ['2026-10', 99.955, true, 0],
      ['2026-11', 99.861, false, 10],
      ['2026-12', 100, true, null],
    ]);
    expect(checkSlaJson(outs[0]!, ['sla.json', 'sla.schema.json'])).toEqual([]);
  });

  it('is deterministic: two builds of the same inputs are byte-identical', () => {
    for (const file of ['index.html', 'sla.json', 'sla.pdf']) expect(readFileSync(join(outs[1]!, file)).equals(readFileSync(join(outs[0]!, file))), file).toBe(true);
  });
});
