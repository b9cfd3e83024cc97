import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { readPdf } from '../../tests/fixtures/pdf-tools/poppler.ts';
import { pdfSha256 } from '../pdf/published.ts';
import { DRAFT_NOTICE } from '../pdf/editions.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = resolve(import.meta.dirname, 'main.ts');
const POLICY = resolve(import.meta.dirname, '../../policy');
const work = mkdtempSync(join(tmpdir(), 'pdf-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function pdf(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return slapage(['pdf', '--policy', POLICY, ...args]);
}

async function slapage(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], { cwd: work, env: { ...process.env, SLA_TODAY: '2026-06-15' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run pdf', () => {
  it('writes the same bytes as the site build publishes, measurement included, for the latest and an archived version', async () => {
    const dist = join(work, 'dist-site');
    await promisify(execFile)(process.execPath, ['src/cli/main.ts', 'build', '--policy', POLICY, '--out', dist], { cwd: ROOT, maxBuffer: 1 << 24 });
    for (const version of ['3.2', '3.0']) {
      const out = `sla-v${version}.pdf`;
      expect((await pdf('--version', version, '--out', out)).code).toBe(0);
      expect(pdfSha256(readFileSync(join(work, out))), version).toBe(pdfSha256(readFileSync(join(dist, out))));
    }
    expect(pdfSha256(readFileSync(join(dist, 'sla.pdf')))).toBe(pdfSha256(readFileSync(join(work, 'sla-v3.2.pdf'))));
  }, 120_000);

  it('writes the NDA edition in the working directory by default, reproducibly with --date', async () => {
    const first = await pdf('--nda', '--recipient', 'Acme Corp', '--date', '2026-07-01');
    expect(first.code).toBe(0);
    const path = join(work, 'sla-v3.2-nda-acme-corp.pdf');
    const sha = pdfSha256(readFileSync(path));
    expect(first.stdout).toBe(`wrote sla-v3.2-nda-acme-corp.pdf: v3.2 with NDA annex of v3.2 (${readFileSync(path).length} bytes, sha256 ${sha})\n`);
    const nda = readPdf(readFileSync(path));
    // The latency section carries the build's measurement here too (its figures are pinned in src/pdf/editions.test.ts).
    expect(nda.text().replace(/\s+/g, ' ')).toMatch(/Measured on \d{4}-\d{2}-\d{2}, [\d,]+ samples/);
    nda.close();
    const second = await pdf('--nda', '--recipient', 'Acme Corp', '--date', '2026-07-01', '--out', 'again.pdf');
    expect(second.code).toBe(0);
    expect(pdfSha256(readFileSync(join(work, 'again.pdf')))).toBe(sha);
  });

  it('refuses bad input with exit 1: undrawable or over-long recipient, impossible date, dist/ output, no nda.yaml', async () => {
    const result = await pdf('--nda', '--recipient', 'Acme 株式会社', '--date', '2026-02-30', '--out', 'dist/nda.pdf', '--version', '3.0');
    expect(result.code).toBe(1);
    expect(existsSync(join(work, 'dist'))).toBe(false);
    expect(result.stderr).toMatchInlineSnapshot(`
      "--recipient: error: recipient: the PDF font cannot draw "株" (U+682A), "式" (U+5F0F), "会" (U+4F1A), "社" (U+793E) [font-coverage]
        hint: replace the characters (the PDF embeds one font covering Latin, Greek and Cyrillic), or transliterate them

      --date: error: --date \`2026-02-30\` is not a calendar date like 2026-07-01 [pdf-date-invalid]
        hint: pass the date the copy is provided on as YYYY-MM-DD, or leave it out for today

      --version: error: version 3.0 has no NDA annex: no policy/nda/<N>.yaml covers it and it has no nda.yaml, so there is no NDA edition to produce [pdf-no-nda]
        hint: add an annex file policy/nda/1.yaml whose annex.versions covers 3.0 (or policy/3.0/nda.yaml), or pick a version that has one with --version

      --out: error: dist/nda.pdf is inside dist/, which is published [pdf-out-in-dist]
        hint: write the NDA edition outside the site output, e.g. --out ./sla-nda.pdf (the default is the working directory)
      "
    `);
    const long = await pdf('--nda', '--recipient', 'A'.repeat(81));
    expect(long.code).toBe(1);
    expect(long.stderr).toContain('is 81 characters long; at most 80 fit the page stamp');
  });

  it('exits 2 on usage errors', async () => {
    expect((await pdf('--nda')).code).toBe(2);
    expect((await pdf('--recipient', 'Acme')).code).toBe(2);
    expect((await pdf('--bogus')).code).toBe(2);
  });
});

describe('NDA annexes released on their own (policy/nda/<N>.yaml)', () => {
  const project = join(work, 'annexes');
  const policy = join(project, 'policy');
  const annex = (from: string, auditor: string) =>
    `annex:\n  versions:\n    from: "${from}"\n  updated: "2026-06-10"\n` + readFileSync(join(POLICY, '3.2', 'nda.yaml'), 'utf8').replace(/^#.*\n/, '').replace('Harbor & Vale LLP', auditor);
  const nda = (...args: string[]) => slapage(['pdf', '--policy', policy, '--nda', '--recipient', 'Acme Corp', '--date', '2026-07-01', ...args]);

  it('releases an annex without a public version, and its NDA edition names the version and the annex everywhere', async () => {
    cpSync(POLICY, policy, { recursive: true });
    mkdirSync(join(policy, 'nda'));
    writeFileSync(join(policy, 'nda', '1.yaml'), annex('3.1', 'Quay Audit LLP'));
    const released = await slapage(['release', '--nda', '1', '--policy', policy]);
    expect(released.stdout).toBe('released NDA annex 1 (v3.1 and later) on 2026-06-15: commit policy/releases.lock.json\n');
    expect(released.code).toBe(0);
    expect(Object.keys(JSON.parse(readFileSync(join(policy, 'releases.lock.json'), 'utf8')) as object)).toEqual(['3.0', '3.1', '3.2', 'nda']);

    const result = await nda('--version', '3.1');
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^wrote sla-v3\.1-nda-annex1-acme-corp\.pdf: v3\.1 with NDA annex 1 \(/);
    const reader = readPdf(readFileSync(join(work, 'sla-v3.1-nda-annex1-acme-corp.pdf')));
    try {
      const cover = reader.text(1).replace(/\s+/g, ' ');
      for (const fact of ['Version v3.1', 'NDA annex 1 (policy/nda/1.yaml)', 'Annex applies to v3.1 and later', 'Annex updated 2026-06-10', 'Annex released 2026-06-15']) expect(cover).toContain(fact);
      for (let page = 1; page <= reader.pages; page++) expect(reader.text(page).replace(/\s+/g, ' '), `page ${page}`).toContain('v3.1 with NDA annex 1');
      expect(reader.text()).toContain('Quay Audit LLP');
      expect(reader.text()).not.toContain(DRAFT_NOTICE);
      expect(reader.info()).toMatchObject({ PolicyVersion: '3.1', NdaAnnex: 'NDA annex 1', Recipient: 'Acme Corp' });
      expect(reader.info().Title).toContain('v3.1 with NDA annex 1');
      const files = reader.attachments();
      expect(files.get('nda-annex-1.yaml')).toBe(readFileSync(join(policy, 'nda', '1.yaml'), 'utf8'));
      expect(files.has('nda.yaml')).toBe(false);
    } finally {
      reader.close();
    }
  });

  it('a newer draft annex supersedes it, marked as a draft; --annex picks the released one; annexes that do not apply are refused', async () => {
    writeFileSync(join(policy, 'nda', '2.yaml'), annex('3.2', 'Pier Assurance LLP'));
    const latest = await nda();
    expect(latest.stdout).toMatch(/^wrote sla-v3\.2-nda-annex2-acme-corp-draft\.pdf: v3\.2 with NDA annex 2, draft: NDA annex 2 is not released \(/);
    const reader = readPdf(readFileSync(join(work, 'sla-v3.2-nda-annex2-acme-corp-draft.pdf')));
    try {
      for (let page = 1; page <= reader.pages; page++) expect(reader.text(page), `page ${page}`).toContain(DRAFT_NOTICE);
      expect(reader.text()).toContain('Pier Assurance LLP');
      expect(reader.text(1).replace(/\s+/g, ' ')).toContain('Annex released not released (draft)');
      expect(reader.info().Draft).toBe(DRAFT_NOTICE);
    } finally {
      reader.close();
    }
    expect((await nda('--annex', '1')).stdout).toMatch(/^wrote sla-v3\.2-nda-annex1-acme-corp\.pdf: v3\.2 with NDA annex 1 \(/);
    expect((await nda('--annex', '3.2')).stdout).toMatch(/^wrote sla-v3\.2-nda-acme-corp\.pdf: v3\.2 with NDA annex of v3\.2 \(/);

    const refused = [await nda('--annex', '2', '--version', '3.1'), await nda('--annex', '7'), await nda('--version', '3.0', '--annex', 'one')];
    expect(refused.map((r) => r.code)).toEqual([1, 1, 1]);
    expect(refused.map((r) => r.stderr).join('')).toMatchInlineSnapshot(`
      "--annex: error: NDA annex 2 applies to v3.2 and later, not to v3.1 [pdf-annex-not-for-version]
        hint: pick a version the annex covers with --version, or an annex that covers v3.1 (NDA annex 1 does)
      --annex: error: there is no NDA annex \`7\` (annexes: 1, 2, 3.2 (its own nda.yaml)) [pdf-annex-unknown]
        hint: pass --annex with the number of a file in policy/nda/ (or the version, for its own nda.yaml), or leave it out for the newest annex that covers the version
      --annex: error: there is no NDA annex \`one\` (annexes: 1, 2) [pdf-annex-unknown]
        hint: pass --annex with the number of a file in policy/nda/ (or the version, for its own nda.yaml), or leave it out for the newest annex that covers the version
      "
    `);
  });

  it('release --nda refuses an annex with errors, and bad arguments', async () => {
    writeFileSync(join(policy, 'nda', '3.yaml'), annex('3.2', 'Pier Assurance LLP').replace('opinion: unqualified', 'opinion: fine'));
    const bad = await slapage(['release', '--nda', '3', '--policy', policy]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('policy/nda/3.yaml:9:12: error: soc2.opinion: `fine` is not one of');
    expect(bad.stdout).toContain('NDA annex 3 is not released: fix the problems above first');
    expect((await slapage(['release', '--nda', 'x', '--policy', policy])).code).toBe(2);
    expect((await slapage(['release', '--nda', '9', '--policy', policy])).stderr).toContain('there is no NDA annex 9');
    expect((await slapage(['release', '3.2', '--nda', '1', '--policy', policy])).code).toBe(2);
  });
});
