import { describe, expect, it } from 'vitest';
import { formatProblems } from '../errors/format.ts';
import { validatePolicy } from './validate.ts';

const FIXTURE = 'tests/fixtures/measurement-exceeds';
const codes = (problems: readonly { code: string }[]) => problems.map((p) => p.code).filter((c) => c.startsWith('measurement-'));
const text = (problems: Parameters<typeof formatProblems>[0]) => formatProblems(problems, 'text').replace(/\n  [ >\d|].*/g, '');

describe('checkMeasurements', () => {
  it('fails at the objective a measured percentile exceeds, naming both files', () => {
    const { problems } = validatePolicy(`${FIXTURE}/policy`, { today: '2026-01-12' });
    expect(text(problems.filter((p) => p.code.startsWith('measurement-')))).toMatchInlineSnapshot(`
      "tests/fixtures/measurement-exceeds/policy/1.0/latency.yaml:16:13: error: tools/call P99: committed 0.25 ms in tests/fixtures/measurement-exceeds/policy/1.0/latency.yaml but measured 0.31 ms in tests/fixtures/measurement-exceeds/content/measurements/2026-01-10.json [measurement-exceeds-objective]
        hint: raise the objective (a weaker commitment needs notice) or make the gateway faster and measure again (\`npm run measure\` for the reference gateway, \`slapage measure --gateway URL\` for your own)"
    `);
  });

  it('warns when the latest version\'s measurement is over 90 days old or of another gateway version', () => {
    const { problems } = validatePolicy(`${FIXTURE}/policy`, { measurementsDir: 'tests/fixtures/measurement-stale/content/measurements', gatewayVersion: '0.1.0' });
    expect(text(problems.filter((p) => p.code.startsWith('measurement-')))).toMatchInlineSnapshot(`
      "tests/fixtures/measurement-stale/content/measurements/2025-09-01.json:3:15: warning: measurement tests/fixtures/measurement-stale/content/measurements/2025-09-01.json was taken 133 days before version 1.0's updated date (more than 90) [measurement-stale]
        hint: measure again (\`slapage measure\`) and commit the new file under content/measurements/

      tests/fixtures/measurement-stale/content/measurements/2025-09-01.json:7:24: warning: measurement tests/fixtures/measurement-stale/content/measurements/2025-09-01.json was taken on gateway 0.0.9, the gateway is now 0.1.0 [measurement-other-gateway]
        hint: measure again (\`slapage measure\`) and commit the new file under content/measurements/"
    `);
  });

  it('says once that the latest version is not measured yet, and is quiet for the example policy against its committed ones', () => {
    expect(codes(validatePolicy(`${FIXTURE}/policy`, { measurementsDir: `${FIXTURE}/none` }).problems)).toEqual(['measurement-missing']);
    expect(codes(validatePolicy('policy').problems).filter((c) => c !== 'measurement-stale')).toEqual([]);
  });
});
