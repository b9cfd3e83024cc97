import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { validatePolicy } from '../src/validate/validate.ts';
import { loadPolicy } from '../src/load/load-policy.ts';
import { EXAMPLE_POLICY_DIR, writeGeneratedPolicy } from './generate-policy.ts';

const work = mkdtempSync(join(tmpdir(), 'slapage-generate-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('writes N versions that pass the whole validation path, cross-version checks included', () => {
  const dir = join(work, 'policy');
  writeGeneratedPolicy(dir, 12);
  expect(readdirSync(dir).filter((name) => name !== 'releases.lock.json')).toHaveLength(12);
  const { versions, problems } = validatePolicy(dir, { today: versionsToday() });
  // Warnings (procurement questions the example leaves open) do not fail a policy.
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(versions.map((v) => v.version).slice(-3)).toEqual(['1.9', '1.10', '1.11']);
  // Values vary from version to version, so diffs and changelogs have something to show.
  expect(new Set(versions.map((v) => v.policy.uptime.target_percent)).size).toBeGreaterThan(1);
  expect(() => writeGeneratedPolicy(dir, 1)).toThrow(/not empty/);
});

/** The example's latest publication date: the generated series ends on it. */
function versionsToday(): string {
  return loadPolicy(EXAMPLE_POLICY_DIR).versions.at(-1)!.policy.meta.updated;
}
