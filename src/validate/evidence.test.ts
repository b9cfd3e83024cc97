import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblems } from '../errors/format.ts';
import type { Evidence } from '../model/evidence.ts';
import { validatePolicy } from './validate.ts';

const dir = mkdtempSync(join(tmpdir(), 'evidence-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const evidence = (checks: Evidence['checks']): Evidence => ({
  format: 1,
  taken_at: '2026-01-10T10:00:00Z',
  policy_version: '3.2',
  gateway: { target: 'reference', name: '@slapage/gateway', version: '0.0.9', commit: null, dirty: null },
  checks,
});
const problems = (options: { today: string; gatewayVersion: string | null }) =>
  formatProblems(
    validatePolicy('policy', { evidenceDir: dir, ...options }).problems.filter((p) => p.code.startsWith('evidence-')),
    'text',
  )
    .replaceAll(relative(process.cwd(), dir), 'EVIDENCE')
    .replace(/\n  [ >\d|].*/g, '');

describe('checkEvidence', () => {
  it('fails on a failed check at the claim, and warns on old evidence or another gateway version', () => {
    writeFileSync(
      join(dir, '2026-01-10.json'),
      JSON.stringify(
        evidence([
          { id: 'lifetime-cap', status: 'fail', claim: 'an MCP server expires at most 365 days after creation', location: 'policy/3.2/auth.yaml:11', did: 'accepted a server expiring 366 days ahead (HTTP 201)', observed: {} },
          { id: 'rate-limit-latency', status: 'fail', claim: 'an upstream 429 is surfaced at once', location: 'policy/3.2/latency.yaml:19', did: 'added a median 9 ms', observed: {} },
          { id: 'tag-filter', status: 'pass', claim: 'tags filter', location: 'policy/3.2/rbac.yaml:18', did: 'listed get_fixed', observed: {} },
        ]),
      ),
    );
    expect(problems({ today: '2026-06-15', gatewayVersion: '0.1.0' })).toMatchInlineSnapshot(`
      "policy/3.2/auth.yaml:11:1: error: an MCP server expires at most 365 days after creation: the gateway accepted a server expiring 366 days ahead (HTTP 201) (check lifetime-cap, EVIDENCE/2026-01-10.json) [evidence-check-failed]
        hint: fix the gateway or the claim, then run \`slapage verify\` and commit the new evidence file

      policy/3.2/latency.yaml:19:1: error: an upstream 429 is surfaced at once: the gateway added a median 9 ms (check rate-limit-latency, EVIDENCE/2026-01-10.json) [evidence-check-failed]
        hint: fix the gateway or the claim, then run \`slapage verify\` and commit the new evidence file

      EVIDENCE/2026-01-10.json:1:24: warning: evidence EVIDENCE/2026-01-10.json for version 3.2 is 156 days old (more than 90) [evidence-stale]
        hint: run \`slapage verify\` and commit the new file under content/evidence/

      EVIDENCE/2026-01-10.json:1:138: warning: evidence EVIDENCE/2026-01-10.json was taken on gateway 0.0.9, the gateway is now 0.1.0 [evidence-other-gateway]
        hint: run \`slapage verify\` and commit the new file under content/evidence/"
    `);
    expect(problems({ today: '2026-02-01', gatewayVersion: null })).not.toContain('warning');
  });
});
