/** The built example site shows the newest committed measurement on / (#latency and sla.json) and none on archived versions published before it. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMeasurements } from '../src/load/measurements.ts';
import { applicableMeasurement } from '../src/model/measurement.ts';

const ROOT = resolve(import.meta.dirname, '..');
const tmp = mkdtempSync(join(tmpdir(), 'measurements-page-'));
const out = join(tmp, 'dist');
const newest = applicableMeasurement(loadMeasurements(join(ROOT, 'content/measurements')).files, undefined);
const latencySection = (html: string) => html.slice(html.indexOf('id="latency"'), html.indexOf('id="auth"'));

beforeAll(
  () =>
    new Promise<void>((done, fail) => {
      execFile(process.execPath, ['src/cli/main.ts', 'build', '--out', out], { cwd: ROOT, maxBuffer: 1 << 24 }, (error, stdout, stderr) => (error ? fail(new Error(stdout + stderr)) : done()));
    }),
  180_000,
);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe.runIf(newest !== undefined)('the committed measurement on the built page', () => {
  it('shows the measured percentiles beside the objectives, with provenance', () => {
    const section = latencySection(readFileSync(join(out, 'index.html'), 'utf8'));
    for (const o of newest!.measurement.operations) {
      const shown = [o.p50_ms, o.p95_ms, o.p99_ms].map((ms) => `${(Math.round(ms * 1000) / 1000).toLocaleString('en-US', { maximumFractionDigits: 6 })} ms`).join(' / ');
      expect(section).toContain(shown);
    }
    expect(section).toContain(`Measured on ${newest!.measurement.taken_at.slice(0, 10)}, ${newest!.measurement.method.pairs.toLocaleString('en-US')} samples per operation, Node ${newest!.measurement.provenance.node_version}`);
    expect(section).toContain('upstream time is not included');
  });

  it('carries the same measurement in sla.json', () => {
    const json = JSON.parse(readFileSync(join(out, 'sla.json'), 'utf8')) as { measurement: Record<string, unknown> };
    expect(json.measurement).toEqual({ file: newest!.file.split('/').at(-1), ...newest!.measurement });
  });

  it('leaves archived versions published before it as they were: not measured', () => {
    const section = latencySection(readFileSync(join(out, 'v/3.1/index.html'), 'utf8'));
    expect(section).toContain('not measured');
    expect(section).not.toContain('Measured on');
  });
});
