import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PdfBrand } from '../pdf/brand.ts';
import { renderNdaPdf, renderPublicPdf } from '../pdf/editions.ts';
import { publicSources } from '../pdf/published.ts';
import { validatePolicy } from '../validate/validate.ts';
import { checkPdfUa, operators, qpdfAvailable, unmarkedPainting } from './pdf-ua.ts';

const hasQpdf = qpdfAvailable();
if (!hasQpdf) console.warn('skipping the PDF/UA checks: qpdf is not installed (apt-get install qpdf)');
// The `pdfua` Python package (pikepdf-based), when .ci/run could install it: a second opinion on the same files.
const pdfua = spawnSync('python3', ['-c', 'import pdfua'], { encoding: 'utf8' }).status === 0;
if (!pdfua) console.warn('skipping the `pdfua` Python checker: the package is not importable (pip install pdfua; PyPI may be unreachable)');

describe('the content-stream reader', () => {
  it('reads operators past strings, hex strings, arrays, dictionaries and inline images', () => {
    const stream = '/Artifact BMC q 1 0 0 1 0 0 cm (a \\) b) Tj (nested ( ) ) Tj EMC <00ff> Tj [(x) 2 (y)] TJ /P << /MCID 0 >> BDC BI /W 1 ID \u0000EMC\u0001 EI f EMC';
    expect([...operators(stream)]).toEqual(['BMC', 'q', 'cm', 'Tj', 'Tj', 'EMC', 'Tj', 'TJ', 'BDC', 'EI', 'f', 'EMC']);
    expect(unmarkedPainting(Buffer.from(stream))).toEqual(['2 painting operators outside marked content (neither tagged nor an Artifact)']);
    expect(unmarkedPainting(Buffer.from('/P BMC (x) Tj'))).toEqual(['a marked-content sequence is not ended (BMC/BDC without EMC)']);
  });
});

describe.skipIf(!hasQpdf)('PDF/UA-1 machine-checkable rules (qpdf)', () => {
  let dir: string;
  const files: { name: string; path: string }[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pdf-ua-'));
    const write = (name: string, bytes: Uint8Array) => {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      files.push({ name, path });
    };
    // Every version of the example, public and (where it has annexes) NDA, and a branded draft with a logo.
    for (const version of validatePolicy('policy', { today: '2026-05-15' }).versions) {
      write(`sla-v${version.version}.pdf`, await renderPublicPdf(version.policy, publicSources(version)));
      if (version.nda) {
        const sources = [...publicSources(version), { name: 'nda.yaml', text: version.files.nda!.text }];
        write(`nda-v${version.version}.pdf`, await renderNdaPdf(version.policy, version.nda, sources, { recipient: 'Acme Corp', date: '2026-07-01' }));
      }
    }
    const northwind = validatePolicy('tests/fixtures/vendor-northwind/policy', { today: '2026-05-15' }).versions.at(-1)!;
    const brand: PdfBrand = { accent: '#0B7A75', logo: { type: 'png', bytes: readFileSync('tests/fixtures/vendor-northwind/brand/logo.png'), alt: 'Northwind Integrations (logo)' } };
    write('northwind-draft.pdf', await renderPublicPdf(northwind.policy, publicSources(northwind), { brand, draft: true }));
    // An untagged PDF with a link, to show the checker fails what breaks the rules.
    const plain = new PDFDocument({ autoFirstPage: true });
    const chunks: Uint8Array[] = [];
    plain.on('data', (c: Uint8Array) => chunks.push(c));
    const ended = new Promise((resolve) => plain.on('end', resolve));
    plain.text('A link', { link: 'https://example.com' });
    plain.end();
    await ended;
    writeFileSync(join(dir, 'untagged.pdf'), Buffer.concat(chunks));
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds no failure in any public or NDA edition', () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
    const report = Object.fromEntries(files.map((f) => [f.name, checkPdfUa(f.path)]));
    console.log(`PDF/UA checker: ${files.length} PDFs, ${Object.values(report).flat().length} failures`);
    expect(report).toEqual(Object.fromEntries(files.map((f) => [f.name, []])));
  });

  it('fails an untagged PDF on the rules it breaks', () => {
    const checkpoints = new Set(checkPdfUa(join(dir, 'untagged.pdf')).map((f) => f.checkpoint));
    expect([...checkpoints].sort()).toEqual(expect.arrayContaining(['01-001', '01-002', '01-005', '06-002', '07-001', '11-006', '28-005', '28-009', '28-011', '31-001']));
  });

  it.skipIf(!pdfua)('passes the `pdfua` Python checker too', () => {
    for (const f of files) {
      const run = spawnSync('python3', ['-m', 'pdfua', f.path], { encoding: 'utf8' });
      expect(run.status, `${f.name}: ${run.stdout}${run.stderr}`).toBe(0);
    }
  });
});
