import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpus, removeAll, replace } from '../../tests/fixtures/invalid/corpus.ts';
import { checkLock, firstChangedLine, hashVersion, lineFingerprint, LOCK_FILE, readLock, releaseAnnex, releaseVersion, writeLock, type ReleaseLock } from './release-lock.ts';

afterAll(removeAll);

describe('the release lock', () => {
  it('a released version that changes is an error naming the file, the first changed line and the next version to cut', () => {
    const c = corpus();
    expect(releaseVersion(c.policyDir, '3.1', '2026-05-01')).toBe('released');
    expect(checkLock(c.policyDir, ['3.1'])).toEqual([]);
    c.edit({ 'uptime.yaml': replace('target_percent: 99.95', 'target_percent: 99.9') });
    expect(c.render(checkLock(c.policyDir, ['3.1'])).replace(/\b[0-9a-f]{12}\b/g, '<hash>')).toMatchInlineSnapshot(`
      "policy/3.1/uptime.yaml:2:1: version 3.1 is released and uptime.yaml changed at line 2 since (lock <hash>, now <hash>) [released-version-changed]
        hint: released versions are immutable: undo the edit and cut a new version with \`slapage new-version 3.2\`"
    `);
  });

  it('editing a released version points at the existing draft, when there is one', () => {
    const c = corpus();
    releaseVersion(c.policyDir, '3.1', '2026-05-01');
    cpSync(join(c.policyDir, '3.1'), join(c.policyDir, '3.2'), { recursive: true });
    c.edit({ 'uptime.yaml': replace('target_percent: 99.95', 'target_percent: 99.9') });
    expect(c.render(checkLock(c.policyDir, ['3.1', '3.2'])).replace(/\b[0-9a-f]{12}\b/g, '<hash>')).toMatchInlineSnapshot(`
      "policy/3.1/uptime.yaml:2:1: version 3.1 is released and uptime.yaml changed at line 2 since (lock <hash>, now <hash>) [released-version-changed]
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
    c.edit({ 'nda.yaml': null, 'notes.txt': 'draft notes\n' });
    expect(c.render(checkLock(c.policyDir, ['3.1']))).toMatchInlineSnapshot(`
      "policy/3.1/nda.yaml: version 3.1 is released and nda.yaml was removed since [released-version-changed]
        hint: released versions are immutable: undo the edit and cut a new version with \`slapage new-version 3.2\`
      policy/3.1/notes.txt: version 3.1 is released and notes.txt was added since (it is not in the lock) [released-version-changed]
        hint: released versions are immutable: undo the edit and cut a new version with \`slapage new-version 3.2\`"
    `);
  });

  it('points at the first changed line, with the code frame, for a line inserted in the middle of a file', () => {
    const c = corpus();
    releaseVersion(c.policyDir, '3.1', '2026-05-01');
    c.edit({ 'incidents.yaml': (t) => t.split('\n').toSpliced(5, 0, '# a comment added after the release').join('\n') });
    expect(c.render(checkLock(c.policyDir, ['3.1']), { frame: true }).replace(/\b[0-9a-f]{12}\b/g, '<hash>')).toMatchInlineSnapshot(`
      "policy/3.1/incidents.yaml:6:1: version 3.1 is released and incidents.yaml changed at line 6 since (lock <hash>, now <hash>) [released-version-changed]
        hint: released versions are immutable: undo the edit and cut a new version with \`slapage new-version 3.2\`
        5 | severities:
      > 6 | # a comment added after the release
          | ^
        7 |   - id: sev1"
    `);
  });

  it('an entry released before line fingerprints names the file and says the line is unknown; releasing it again adds them', () => {
    const c = corpus();
    releaseVersion(c.policyDir, '3.1', '2026-05-01');
    const { lock } = readLock(c.policyDir);
    const { lines: _lines, ...old } = lock['3.1']!;
    writeLock(c.policyDir, { '3.1': old });
    expect(releaseVersion(c.policyDir, '3.1', '2026-06-01')).toBe('fingerprinted');
    expect(readLock(c.policyDir).lock['3.1']).toEqual(lock['3.1']);
    writeLock(c.policyDir, { '3.1': old });
    c.edit({ 'uptime.yaml': replace('target_percent: 99.95', 'target_percent: 99.9') });
    expect(c.render(checkLock(c.policyDir, ['3.1'])).replace(/\b[0-9a-f]{12}\b/g, '<hash>')).toMatchInlineSnapshot(`
      "policy/3.1/uptime.yaml: version 3.1 is released and uptime.yaml changed since (lock <hash>, now <hash>); the line is unknown: the lock entry predates line fingerprints [released-version-changed]
        hint: released versions are immutable: undo the edit and cut a new version with \`slapage new-version 3.2\`; \`git diff\` (or \`git log -p\`) on the file shows the edit"
    `);
    // Never fingerprints a changed file: its lines are not the released text.
    expect(releaseVersion(c.policyDir, '3.1', '2026-06-01')).toBe('changed');
    expect(readLock(c.policyDir).lock['3.1']?.lines).toBeUndefined();
  });

  it('the committed lock (no fingerprints, no annexes) still validates and is written back byte for byte', () => {
    const dir = join(import.meta.dirname, '../../policy');
    const text = readFileSync(join(dir, LOCK_FILE), 'utf8');
    const { lock, annexes, problems } = readLock(dir);
    expect(problems).toEqual([]);
    expect(annexes).toEqual({});
    const c = corpus();
    writeLock(c.policyDir, lock, annexes);
    expect(readFileSync(join(c.policyDir, LOCK_FILE), 'utf8')).toBe(text);
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

  it('a released NDA annex file is immutable too: edited at a line, removed, pointing at the next annex', () => {
    const c = corpus();
    mkdirSync(join(c.policyDir, 'nda'));
    const annex = `annex:\n  versions: { from: "3.1" }\n  updated: "2026-06-01"\n${readFileSync(join(c.policyDir, '3.1', 'nda.yaml'), 'utf8')}`;
    writeFileSync(join(c.policyDir, 'nda', '1.yaml'), annex);
    expect(releaseAnnex(c.policyDir, '1', '2026-06-02')).toBe('released');
    expect(releaseAnnex(c.policyDir, '1', '2026-06-03')).toBe('unchanged');
    expect(readLock(c.policyDir).annexes['1']?.released).toBe('2026-06-02');
    expect(checkLock(c.policyDir, ['3.1'])).toEqual([]);
    writeFileSync(join(c.policyDir, 'nda', '1.yaml'), annex.replace('opinion: unqualified', 'opinion: qualified'));
    expect(c.render(checkLock(c.policyDir, ['3.1'])).replace(/\b[0-9a-f]{12}\b/g, '<hash>')).toMatchInlineSnapshot(`
      "policy/nda/1.yaml:9:1: NDA annex 1 is released and policy/nda/1.yaml changed at line 9 since (lock <hash>, now <hash>) [released-annex-changed]
        hint: released annexes are immutable: undo the edit and put the new content in a new annex, policy/nda/2.yaml (it supersedes 1 for the versions it covers), then \`slapage release --nda 2\`"
    `);
    expect(releaseAnnex(c.policyDir, '1', '2026-06-03')).toBe('changed');
    writeFileSync(join(c.policyDir, 'nda', '2.yaml'), annex);
    expect(c.render(checkLock(c.policyDir, ['3.1'])).replace(/\b[0-9a-f]{12}\b/g, '<hash>')).toContain('make the change in policy/nda/2.yaml instead: annex 2 is not released yet');
    rmSync(join(c.policyDir, 'nda', '1.yaml'));
    expect(c.render(checkLock(c.policyDir, ['3.1']))).toMatchInlineSnapshot(`
      "policy/nda/1.yaml: NDA annex 1 is in the release lock but nda/1.yaml is missing [released-annex-missing]
        hint: restore the file: NDA editions already given out name this annex"
    `);
  });

  it('releasing an annex keeps the versions and writes them first, the annexes under "nda"', () => {
    const c = corpus();
    releaseVersion(c.policyDir, '3.1', '2026-05-01');
    mkdirSync(join(c.policyDir, 'nda'));
    writeFileSync(join(c.policyDir, 'nda', '1.yaml'), 'annex: {}\n');
    releaseAnnex(c.policyDir, '1', '2026-06-02');
    const json = JSON.parse(readFileSync(join(c.policyDir, LOCK_FILE), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['3.1', 'nda']);
    expect(readLock(c.policyDir).lock['3.1']?.released).toBe('2026-05-01');
    writeFileSync(join(c.policyDir, LOCK_FILE), JSON.stringify({ ...json, nda: { one: json.nda } }));
    expect(c.render(checkLock(c.policyDir, ['3.1']))).toMatchInlineSnapshot(`
      "policy/releases.lock.json:1:1: release lock is unreadable: nda.one: Invalid key in record [lock-invalid]
        hint: restore policy/releases.lock.json from version control; it is written by \`slapage release\`"
    `);
  });

  it('finds the first changed line: an edit, a line added at the end, lines removed at the end, CRLF', () => {
    const text = 'a\nb\nc\n';
    const recorded = lineFingerprint(text);
    expect(firstChangedLine(recorded, text)).toBeUndefined();
    expect(firstChangedLine(recorded, text.replace(/\n/g, '\r\n'))).toBeUndefined();
    expect(firstChangedLine(recorded, 'a\nB\nc\n')).toBe(2);
    expect(firstChangedLine(recorded, 'a\nb\nc\nd\n')).toBe(4);
    expect(firstChangedLine(recorded, 'a\n')).toBe(2);
    expect(firstChangedLine(recorded, '')).toBe(1);
  });

  it('the committed lock releases 3.0, 3.1 and 3.2', () => {
    const lock = JSON.parse(readFileSync(join(import.meta.dirname, '../../policy', LOCK_FILE), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(lock)).toEqual(['3.0', '3.1', '3.2']);
  });
});
