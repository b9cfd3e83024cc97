import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblems } from '../errors/format.ts';
import { loadMeasurements, measurementsByVersion } from './measurements.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'measurements-'));
  dirs.push(dir);
  return dir;
};
const valid = JSON.parse(execFileSync('cat', ['tests/fixtures/measurement-exceeds/content/measurements/2026-01-10.json'], { encoding: 'utf8' })) as Record<string, unknown>;
const text = (problems: Parameters<typeof formatProblems>[0], dir: string) => formatProblems(problems, 'text').replaceAll(relative(process.cwd(), dir), 'DIR').replace(/\n  [ >\d|].*/g, '');

describe('loadMeasurements', () => {
  it('treats a missing folder as no measurements', () => {
    expect(loadMeasurements(join(tempDir(), 'nope'))).toEqual({ files: [], problems: [] });
  });

  it('locates invalid JSON, schema issues and a misnamed file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '2026-01-01.json'), '{\n  "format": 1,\n  "taken_at": oops\n}\n');
    writeFileSync(join(dir, '2026-01-10.json'), JSON.stringify({ ...valid, throughput: { ...(valid.throughput as object), ratio: -1 } }, null, 2));
    writeFileSync(join(dir, '2026-01-11.json'), JSON.stringify(valid, null, 2));
    writeFileSync(join(dir, 'latest.json'), '{}');
    writeFileSync(join(dir, 'notes.txt'), 'not a measurement');
    const { files, problems } = loadMeasurements(dir);
    expect(files).toEqual([]);
    expect(text(problems, dir)).toMatchInlineSnapshot(`
      "DIR/2026-01-01.json:3:15: error: measurement file is invalid: not valid JSON (Unexpected token 'o') [measurement-invalid]
        hint: measurement files are written by \`slapage measure\`; do not edit them by hand

      DIR/2026-01-10.json:127:14: error: measurement file is invalid: throughput.ratio: Too small: expected number to be >=0 [measurement-invalid]
        hint: measurement files are written by \`slapage measure\`; do not edit them by hand

      DIR/2026-01-11.json:3:15: error: measurement file is invalid: taken on 2026-01-10 but the file is named 2026-01-11.json [measurement-invalid]
        hint: measurement files are written by \`slapage measure\`; do not edit them by hand

      DIR/latest.json:1:1: error: measurement file is invalid: the file name latest.json is not a date like 2026-11-23.json (or 2026-11-23-2.json for a second run that day) [measurement-invalid]
        hint: measurement files are written by \`slapage measure\`; do not edit them by hand"
    `);
  });
});

describe('measurementsByVersion', () => {
  it('maps versions to the measurement each page shows', () => {
    const files = [{ file: 'a', measurement: { taken_at: '2026-01-10T00:00:00Z' } }, { file: 'b', measurement: { taken_at: '2026-06-01T00:00:00Z' } }] as unknown as Parameters<typeof measurementsByVersion>[1];
    const versions = [{ version: '1.0', policy: { meta: { updated: '2026-01-01' } } }, { version: '1.1', policy: { meta: { updated: '2026-03-01' } } }, { version: '1.2', policy: { meta: { updated: '2026-07-01' } } }];
    expect(Object.fromEntries([...measurementsByVersion(versions, files)].map(([v, f]) => [v, f.file]))).toEqual({ '1.0': 'a', '1.1': 'b', '1.2': 'b' });
  });
});

describe('npm run measure --quick', () => {
  it('writes one file that loads as a valid measurement', () => {
    const dir = tempDir();
    execFileSync(process.execPath, ['packages/gateway/bench/measure.ts', '--quick', '--out', dir], { stdio: 'pipe' });
    expect(readdirSync(dir)).toHaveLength(1);
    const { files, problems } = loadMeasurements(dir);
    expect(problems).toEqual([]);
    expect(files[0]!.measurement.operations.map((o) => [o.operation, o.samples])).toEqual([
      ['tools/list', 300],
      ['tools/call', 300],
      ['rate-limit-passthrough', 300],
    ]);
  });
});
