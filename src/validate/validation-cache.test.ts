import { afterAll, expect, it } from 'vitest';
import { corpus, removeAll, replace } from '../../tests/fixtures/invalid/corpus.ts';
import { validateCached } from './validation-cache.ts';

afterAll(removeAll);

it('answers a second validation of unchanged inputs from the cache', () => {
  const c = corpus();
  const first = validateCached(c.policyDir, { today: '2026-06-15' });
  expect(validateCached(c.policyDir, { today: '2026-06-15' })).toBe(first);
});

it('validates again when a policy file, the date or the measurements change', () => {
  const c = corpus();
  const first = validateCached(c.policyDir, { today: '2026-06-15' });
  c.edit({ 'uptime.yaml': replace('target_percent: 99.95', 'target_percent: 99.99') });
  const edited = validateCached(c.policyDir, { today: '2026-06-15' });
  expect(edited).not.toBe(first);
  expect(edited.versions[0]?.policy.uptime.target_percent).toBe(99.99);
  expect(validateCached(c.policyDir, { today: '2026-06-16' })).not.toBe(edited);
  const again = validateCached(c.policyDir, { today: '2026-06-16' });
  expect(validateCached(c.policyDir, { today: '2026-06-16', measurementsDir: c.root })).not.toBe(again);
});
