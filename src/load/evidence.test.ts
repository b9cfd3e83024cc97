import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblems } from '../errors/format.ts';
import { latestEvidence, type Evidence } from '../model/evidence.ts';
import { evidenceFileName, loadEvidence } from './evidence.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'evidence-'));
  dirs.push(dir);
  return dir;
};
const text = (problems: Parameters<typeof formatProblems>[0], dir: string) => formatProblems(problems, 'text').replaceAll(relative(process.cwd(), dir), 'DIR').replace(/\n  [ >\d|].*/g, '');

const valid: Evidence = {
  format: 1,
  taken_at: '2026-11-30T10:00:00Z',
  policy_version: '3.2',
  gateway: { target: 'reference', name: '@slapage/gateway', version: '0.1.0', commit: 'abc1234', dirty: false },
  checks: [{ id: 'lifetime-cap', status: 'pass', claim: 'an MCP server expires at most 365 days after creation', location: 'policy/3.2/auth.yaml:11', did: 'refused 366 days', observed: { refused_days: 366 } }],
};

describe('loadEvidence', () => {
  it('treats a missing folder as no evidence', () => {
    expect(loadEvidence(join(tempDir(), 'nope'))).toEqual({ files: [], problems: [] });
  });

  it('loads a valid file and locates invalid JSON, schema issues, a misnamed file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '2026-11-29.json'), '{\n  "format": 1,\n  "taken_at": oops\n}\n');
    writeFileSync(join(dir, '2026-11-30.json'), JSON.stringify(valid, null, 2));
    writeFileSync(join(dir, '2026-11-30-2.json'), JSON.stringify({ ...valid, checks: [{ ...valid.checks[0], id: 'made-up', status: 'maybe' }] }, null, 2));
    writeFileSync(join(dir, '2026-12-01.json'), JSON.stringify(valid, null, 2));
    writeFileSync(join(dir, 'latest.json'), '{}');
    const { files, problems } = loadEvidence(dir);
    expect(files.map((f) => f.file.replace(relative(process.cwd(), dir), 'DIR'))).toEqual(['DIR/2026-11-30.json']);
    expect(text(problems, dir)).toMatchInlineSnapshot(`
      "DIR/2026-11-29.json:3:15: error: evidence file is invalid: not valid JSON (Unexpected token 'o') [evidence-invalid]
        hint: evidence files are written by \`slapage verify\`; do not edit them by hand

      DIR/2026-11-30-2.json:14:13: error: evidence file is invalid: checks.0.id: Invalid option: expected one of "lifetime-cap"|"expired-token"|"uniform-rejection"|"secondary-bearer"|"no-token-passthrough"|"tenant-isolation"|"origin-allowlist"|"method-filter"|"tag-filter"|"rate-limit-passthrough"|"rate-limit-latency"|"no-payload-retention"|"metadata-fields"|"audit-trail"|"audit-export" [evidence-invalid]
        hint: evidence files are written by \`slapage verify\`; do not edit them by hand

      DIR/2026-11-30-2.json:15:17: error: evidence file is invalid: checks.0.status: Invalid option: expected one of "pass"|"fail"|"not-applicable" [evidence-invalid]
        hint: evidence files are written by \`slapage verify\`; do not edit them by hand

      DIR/2026-12-01.json:3:15: error: evidence file is invalid: taken on 2026-11-30 but the file is named 2026-12-01.json [evidence-invalid]
        hint: evidence files are written by \`slapage verify\`; do not edit them by hand

      DIR/latest.json:1:1: error: evidence file is invalid: the file name latest.json is not a date like 2026-11-23.json (or 2026-11-23-2.json for a second run that day) [evidence-invalid]
        hint: evidence files are written by \`slapage verify\`; do not edit them by hand"
    `);
  });

  it('names a second run of the day with a suffix', () => {
    const dir = tempDir();
    expect(evidenceFileName(dir, '2026-11-30')).toBe('2026-11-30.json');
    writeFileSync(join(dir, '2026-11-30.json'), '{}');
    expect(evidenceFileName(dir, '2026-11-30')).toBe('2026-11-30-2.json');
  });
});

describe('latestEvidence', () => {
  it('picks the newest run of that version only', () => {
    const files = [
      { file: 'a', evidence: { ...valid, taken_at: '2026-11-01T00:00:00Z' } },
      { file: 'b', evidence: { ...valid, taken_at: '2026-11-30T00:00:00Z' } },
      { file: 'c', evidence: { ...valid, taken_at: '2026-12-30T00:00:00Z', policy_version: '3.3' } },
    ];
    expect(latestEvidence(files, '3.2')?.file).toBe('b');
    expect(latestEvidence(files, '3.1')).toBeUndefined();
  });
});
