import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdf, type PdfReader } from '../../tests/fixtures/pdf-tools/poppler.ts';
import { validatePolicy } from '../validate/validate.ts';
import { DRAFT_NOTICE, renderPublicPdf } from './editions.ts';
import { publicSources } from './published.ts';

describe('a draft PDF (build --drafts)', () => {
  let pdf: PdfReader;
  let plain: PdfReader;
  beforeAll(async () => {
    const version = validatePolicy('policy', { today: '2026-05-15' }).versions.at(-1)!;
    pdf = readPdf(await renderPublicPdf(version.policy, publicSources(version), { draft: true }));
    plain = readPdf(await renderPublicPdf(version.policy, publicSources(version)));
  });
  afterAll(() => {
    pdf.close();
    plain.close();
  });

  it('says "Draft: not in force" on every page and in its metadata; a released edition never does', () => {
    for (let page = 1; page <= pdf.pages; page++) expect(pdf.text(page)).toContain(DRAFT_NOTICE);
    expect(pdf.info().Draft).toBe(DRAFT_NOTICE);
    expect(plain.text()).not.toContain(DRAFT_NOTICE);
  });
});
