import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdf, type PdfReader } from '../../tests/fixtures/pdf-tools/poppler.ts';
import { validatePolicy } from '../validate/validate.ts';
import { DRAFT_NOTICE, renderNdaPdf, renderPublicPdf } from './editions.ts';
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

describe('the NDA edition of a draft (a draft version or a draft annex)', () => {
  let draft: PdfReader;
  let released: PdfReader;
  beforeAll(async () => {
    const version = validatePolicy('policy', { today: '2026-05-15' }).versions.at(-1)!;
    const sources = [...publicSources(version), { name: 'nda.yaml', text: version.files.nda!.text }];
    const options = { recipient: 'Acme Corp', date: '2026-07-01' };
    draft = readPdf(await renderNdaPdf(version.policy, version.nda!, sources, { ...options, draft: ['v3.2 is not released'] }));
    released = readPdf(await renderNdaPdf(version.policy, version.nda!, sources, options));
  });
  afterAll(() => {
    draft.close();
    released.close();
  });

  it('carries the public draft\'s marks on every page, on the cover with the reason, and in its title and metadata', () => {
    for (let page = 1; page <= draft.pages; page++) expect(draft.text(page), `page ${page}`).toContain(DRAFT_NOTICE);
    expect(draft.text(1).replace(/\s+/g, ' ')).toContain(`${DRAFT_NOTICE} (v3.2 is not released)`);
    expect(draft.info().Draft).toBe(DRAFT_NOTICE);
    expect(draft.info().Title).toContain(`(${DRAFT_NOTICE})`);
    expect(draft.info().Subject).toContain(`${DRAFT_NOTICE} (v3.2 is not released).`);
  });

  it('a released NDA edition carries none of them', () => {
    expect(released.text()).not.toContain(DRAFT_NOTICE);
    expect(released.info().Draft).toBeUndefined();
  });
});
