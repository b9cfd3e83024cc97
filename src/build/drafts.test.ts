/** `slapage build --drafts` (pull-request previews): an unreleased version is published marked "Draft: not in force" on its page's footer, the changelog page and both feeds, and is never shown as the current version. */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURE = join(ROOT, 'tests/fixtures/vendor-northwind');
const tmp = mkdtempSync(join(tmpdir(), 'slapage-drafts-'));
const out = join(tmp, 'dist');
const read = (path: string) => readFileSync(join(out, path), 'utf8');

beforeAll(async () => {
  for (const part of ['policy', 'brand', 'slapage.config.yaml']) cpSync(join(FIXTURE, part), join(tmp, part), { recursive: true });
  // 1.0 is released (the lock); 1.1 is a copy with later dates and no release: a draft.
  cpSync(join(tmp, 'policy/1.0'), join(tmp, 'policy/1.1'), { recursive: true });
  const meta = readFileSync(join(tmp, 'policy/1.1/meta.yaml'), 'utf8');
  writeFileSync(join(tmp, 'policy/1.1/meta.yaml'), meta.replace(/^version: .*$/m, 'version: "1.1"').replace(/^updated: .*$/m, 'updated: "2026-06-10"').replace(/^effective: .*$/m, 'effective: "2026-07-20"'));
  await new Promise<void>((done, fail) =>
    execFile(process.execPath, ['src/cli/main.ts', 'build', '--policy', join(tmp, 'policy'), '--out', out, '--drafts'], { cwd: ROOT, maxBuffer: 1 << 24 }, (error, stdout, stderr) => (error ? fail(new Error(`${stdout}\n${stderr}`)) : done())),
  );
}, 180_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('build --drafts', () => {
  it('shows the released version on / and marks the draft on its own page footer', () => {
    expect(read('index.html')).not.toContain('Draft: not in force');
    expect(read('v/1.1/index.html')).toMatch(/<footer[^>]*>[\s\S]*Draft: not in force[\s\S]*<\/footer>/);
    expect(read('v/1.0/index.html')).not.toContain('Draft: not in force');
  });

  it('marks the draft on the changelog page, whose footer names the version in force', () => {
    const page = read('changelog/index.html');
    expect(page).toContain('Version 1.1</a> (draft: not in force)');
    expect(page.match(/Draft: not in force\./g)).toHaveLength(1);
    expect(page).toMatch(/v1\.0 · <a href="\/trust\/">current policy<\/a>/);
    expect(page).toContain('Draft: not in force: v1.1 (unreleased, published for review only).');
  });

  it('marks the draft in the changelog feed', () => {
    const feed = read('changelog.xml');
    expect(feed).toContain('Version 1.1 (Draft: not in force)');
    expect(feed).not.toContain('Version 1.0 (Draft');
  });
});
