import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpus, removeAll, replace } from '../../tests/fixtures/invalid/corpus.ts';
import { checkLock, hashVersion, LOCK_FILE, releaseVersion, type ReleaseLock } from './release-lock.ts';

afterAll(removeAll);

describe('the release lock', () => {
  it('a released version that changes is an error naming the file and the next version to cut', () => {
    const c = corpus();
    expect(releaseVersion(c.policyDir, '3.1', '2026-05-01')).toBe('released');
    expect(checkLock(c.policyDir, ['3.1'])).toEqual([]);
    c.edit({ 'uptime.yaml': replace('target_percent: 99.95', 'target_percent: 99.9') });
    expect(c.render(checkLock(c.policyDir, ['3.1'])).replace(/\b[0-9a-f]{12}\b/g, '<hash>')).toMatchInlineSnapshot(`
      "policy/3.1/uptime.yaml: version 3.1 is released and uptime.yaml changed since (lock <hash>, now <hash>) [released-version-changed]
        hint: released versions are immutable: undo the edit and cut a new version with \`slapage new-version 3.2\`"
    `);
  });

  it('editing a released version points at the existing draft, when there is one', () => {
    const c = corpus();
    releaseVersion(c.policyDir, '3.1', '2026-05-01');
    cpSync(join(c.policyDir, '3.1'), join(c.policyDir, '3.2'), { recursive: true });
    c.edit({ 'uptime.yaml': replace('target_percent: 99.95', 'target_percent: 99.9') });
    expect(c.render(checkLock(c.policyDir, ['3.1', '3.2'])).replace(/\b[0-9a-f]{12}\b/g, '<hash>')).toMatchInlineSnapshot(`
      "policy/3.1/uptime.yaml: version 3.1 is released and uptime.yaml changed since (lock <hash>, now <hash>) [released-version-changed]
        hint: released versions are immutable: undo the edit and make the change in 3.2/uptime.yaml instead: draft 3.2 is not released yet"
    `);
  });

  it('records the release date', () => {
    const c = corpus();
    releaseVersion(c.policyDir, '3.1', '2026-05-01');
    expect((JSON.parse(readFileSync(join(c.policyDir, LOCK_FILE), 'utf8')) as ReleaseLock)['3.1']?.released).toBe('2026-05-01');
  });

  it('records the anchors the released page renders, for the build\'s anchor contract', () => {
    const c = corpus();
    releaseVersion(c.policyDir, '3.1', '2026-05-01');
    const lock = JSON.parse(readFileSync(join(c.policyDir, LOCK_FILE), 'utf8')) as ReleaseLock;
    expect(lock['3.1']?.anchors).toEqual(expect.arrayContaining(['summary', 'rate-limits', 'retention', 'availability', 'sub-processors']));
    expect(lock['3.1']?.anchors).toHaveLength(16);
  });

  it('an added or removed file in a released version is a change too', () => {
    const c = corpus();
    releaseVersion(c.policyDir, '3.1', '2026-05-01');
    c.edit({ 'nda.yaml': null });
    expect(c.render(checkLock(c.policyDir, ['3.1']))).toContain('nda.yaml changed since (lock');
  });

  it('releasing again is a no-op, and a changed release is never re-recorded', () => {
    const c = corpus();
    releaseVersion(c.policyDir, '3.1', '2026-05-01');
    const lock = readFileSync(join(c.policyDir, LOCK_FILE), 'utf8');
    expect(releaseVersion(c.policyDir, '3.1', '2026-05-01')).toBe('unchanged');
    c.edit({ 'changes.yaml': (t) => `${t}# edited\n` });
    expect(releaseVersion(c.policyDir, '3.1', '2026-05-01')).toBe('changed');
    expect(readFileSync(join(c.policyDir, LOCK_FILE), 'utf8')).toBe(lock);
  });

  it('a CRLF checkout of a released version is not a change', () => {
    const c = corpus();
    releaseVersion(c.policyDir, '3.1', '2026-05-01');
    c.edit({ 'meta.yaml': (t) => t.replace(/\n/g, '\r\n') });
    expect(checkLock(c.policyDir, ['3.1'])).toEqual([]);
  });

  it('a released version whose folder is gone, and an unreadable lock', () => {
    const c = corpus();
    writeFileSync(join(c.policyDir, LOCK_FILE), JSON.stringify({ '3.0': { files: hashVersion(join(c.policyDir, '3.1')) } }));
    expect(c.render(checkLock(c.policyDir, ['3.1']))).toMatchInlineSnapshot(`
      "policy/3.0: version 3.0 is in the release lock but its folder is missing [released-version-missing]
        hint: restore the folder: released versions stay published"
    `);
    writeFileSync(join(c.policyDir, LOCK_FILE), '{"3.1": {"files": {"meta.yaml": "md5-x"}}}');
    expect(c.render(checkLock(c.policyDir, ['3.1']))).toMatchInlineSnapshot(`
      "policy/releases.lock.json:1:1: release lock is unreadable: Invalid string: must match pattern /^sha256-[0-9a-f]{64}$/ [lock-invalid]
        hint: restore policy/releases.lock.json from version control; it is written by \`slapage release\`"
    `);
    expect(() => releaseVersion(c.policyDir, '3.1', '2026-05-01')).toThrow(/unreadable lock/);
  });

  it('the committed lock releases 3.0, 3.1 and 3.2', () => {
    const lock = JSON.parse(readFileSync(join(import.meta.dirname, '../../policy', LOCK_FILE), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(lock)).toEqual(['3.0', '3.1', '3.2']);
  });
});
