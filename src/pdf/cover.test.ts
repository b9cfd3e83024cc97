import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdf, type PdfReader } from '../../tests/fixtures/pdf-tools/poppler.ts';
import { sections } from '../model/sections.ts';
import { validatePolicy } from '../validate/validate.ts';
import { renderNdaPdf, renderPublicPdf } from './editions.ts';
import { annexes } from './nda-annex.ts';
import { publicSources } from './published.ts';

/** The contents lines of the cover: "N. Title … page", as pdftotext -layout prints them. */
function contents(pdf: PdfReader): Map<string, number> {
  const found = new Map<string, number>();
  for (const line of pdf.text(1).split('\n')) {
    const m = /^\s*\d+\.\s+(.+?)\s{2,}(\d+)\s*$/.exec(line);
    if (m) found.set(m[1]!.replace(/\s+/g, ' '), Number(m[2]));
  }
  return found;
}

/** The first page (after the cover) whose text has `title` on a line of its own: where its heading is. */
function headingPage(pdf: PdfReader, title: string): number | undefined {
  for (let page = 2; page <= pdf.pages; page++) if (pdf.text(page).split('\n').some((l) => l.trim() === title)) return page;
  return undefined;
}

describe('the cover’s contents', () => {
  let pub: PdfReader;
  let nda: PdfReader;
  beforeAll(async () => {
    const version = validatePolicy('policy', { today: '2026-05-15' }).versions.at(-1)!;
    pub = readPdf(await renderPublicPdf(version.policy, publicSources(version)));
    const sources = [...publicSources(version), { name: 'nda.yaml', text: version.files.nda!.text }];
    nda = readPdf(await renderNdaPdf(version.policy, version.nda!, sources, { recipient: 'Acme Corp', date: '2026-07-01' }));
  });
  afterAll(() => {
    pub?.close();
    nda?.close();
  });

  it('lists every section with the page its heading is on, and no raw #anchors', () => {
    const listed = contents(pub);
    expect([...listed.keys()]).toEqual(sections.map((s) => s.title));
    for (const s of sections) expect(listed.get(s.title), s.title).toBe(headingPage(pub, s.title));
    expect(pub.text(1)).not.toMatch(/#[a-z-]+/);
  });

  it('numbers the NDA annexes too', () => {
    const listed = contents(nda);
    expect([...listed.keys()]).toEqual([...sections, ...annexes].map((s) => s.title));
    for (const a of annexes) expect(listed.get(a.title), a.title).toBe(headingPage(nda, a.title));
  });
});
