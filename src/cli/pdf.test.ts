import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { readPdf } from '../../tests/fixtures/pdf-tools/poppler.ts';
import { pdfSha256 } from '../pdf/published.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = resolve(import.meta.dirname, 'main.ts');
const POLICY = resolve(import.meta.dirname, '../../policy');
const work = mkdtempSync(join(tmpdir(), 'pdf-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function pdf(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, 'pdf', '--policy', POLICY, ...args], { cwd: work });
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
    expect(first.stdout).toBe(`wrote sla-v3.2-nda-acme-corp.pdf (${readFileSync(path).length} bytes, sha256 ${sha})\n`);
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

      --version: error: version 3.0 has no nda.yaml, so there is no NDA edition to produce [pdf-no-nda]
        hint: add policy/3.0/nda.yaml, or pick a version that has one with --version

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
