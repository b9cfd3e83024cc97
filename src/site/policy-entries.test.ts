/** What a build of the example publishes as drafts come and releases take effect (the "done when"). */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startDraft } from '../load/draft.ts';
import { releaseVersion } from '../load/release-lock.ts';
import { validatePolicy } from '../validate/validate.ts';
import { policyEntries } from './policy-entries.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of the example policy with a draft 3.3 published on 2026-11-30, effective 2026-12-30. */
function exampleWithDraft(): string {
  const dir = mkdtempSync(join(tmpdir(), 'entries-'));
  dirs.push(dir);
  cpSync(resolve(import.meta.dirname, '../../policy'), dir, { recursive: true });
  const base = validatePolicy(dir, { today: '2026-11-30', gatewayVersion: null }).versions.at(-1)!;
  startDraft(dir, base, '3.3', { updated: '2026-11-30', effective: '2026-12-30' });
  return dir;
}
const at = (dir: string, today: string, drafts = false) => {
  const validation = validatePolicy(dir, { today, gatewayVersion: null });
  expect(validation.problems.filter((p) => p.severity === 'error')).toEqual([]);
  const entries = policyEntries(validation.versions, '/nonexistent', { url: undefined, base: '/', releases: validation.releases, drafts, today });
  return { root: entries.find((e) => e.latest)?.version, published: entries.map((e) => `${e.version} ${e.status}`), upcoming: entries[0]?.upcoming };
};

describe('the versions a build publishes', () => {
  it('a production build with a new draft 3.3 still shows v3.2 on /, and leaves 3.3 out', () => {
    expect(at(exampleWithDraft(), '2026-11-30')).toEqual({ root: '3.2', published: ['3.0 superseded', '3.1 superseded', '3.2 in-force'], upcoming: [] });
  });

  it('build --drafts adds 3.3 marked as a draft; / still shows v3.2', () => {
    expect(at(exampleWithDraft(), '2026-11-30', true)).toMatchObject({ root: '3.2', published: ['3.0 superseded', '3.1 superseded', '3.2 in-force', '3.3 draft'] });
  });

  it('3.3 released and effective next month: / shows v3.2 and announces 3.3; built on its effective date, / shows v3.3', () => {
    const dir = exampleWithDraft();
    releaseVersion(dir, '3.3', '2026-11-30');
    expect(at(dir, '2026-11-30')).toEqual({
      root: '3.2',
      published: ['3.0 superseded', '3.1 superseded', '3.2 in-force', '3.3 upcoming'],
      upcoming: [{ version: '3.3', effective: '2026-12-30' }],
    });
    expect(at(dir, '2026-12-30')).toEqual({ root: '3.3', published: ['3.0 superseded', '3.1 superseded', '3.2 superseded', '3.3 in-force'], upcoming: [] });
  });

});
