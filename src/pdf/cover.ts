/**
 * The cover page: logo, company, product, version, dates, and a contents list that links to each section with its page
 * number. Tagged: the logo a Figure with the brand's alt text, the title an H1, the contents an H2 over a list of Links.
 */
import type { Meta } from '../model/meta.ts';
import { sections } from '../model/sections.ts';
import type { Doc } from './document.ts';
import { drawLogo, linkColor } from './brand.ts';
import { body, colors, contentWidth, facts, sizes } from './layout.ts';
import { content, leaf, tag } from './tags.ts';

export interface CoverOptions {
  /** A line under the title for a special edition ("Confidential edition for Acme Corp"). */
  readonly edition?: string;
  /** Extra rows after the version and dates (the NDA annex an edition carries). */
  readonly facts?: readonly (readonly [string, string])[];
  /** Extra contents entries after the sections (NDA annexes), as [destination, title]. */
  readonly annexes?: readonly (readonly [string, string])[];
  /** The page each destination starts on (layout.ts sectionPages of a first rendering); none on that first rendering. */
  readonly pages?: ReadonlyMap<string, number> | undefined;
}

// The page-number column: its width is fixed, so the contents lay out the same with and without the numbers.
const PAGE_WIDTH = 40;

export function cover(doc: Doc, meta: Meta, options: CoverOptions = {}): void {
  doc.addPage();
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  doc.y = doc.page.margins.top + 40;
  const logo = drawLogo(doc, left, doc.y, 160, 48, 'figure');
  if (logo) doc.y += logo + 16;
  leaf(doc, 'P', () => doc.font('regular').fontSize(sizes.h2).fillColor(colors.muted).text(meta.company, left, doc.y, { width }));
  doc.moveDown(0.4);
  // The document's title, as the page's h1 and the PDF's Title: the product, then what the document is.
  tag(doc, 'H1', () => {
    content(doc, () => doc.font('bold').fontSize(24).fillColor(colors.ink).text(meta.product, { width }));
    content(doc, () => doc.font('regular').fontSize(16).fillColor(colors.ink).text('Service level agreement and security policy', { width }));
  });
  if (options.edition) {
    doc.moveDown(0.5);
    const edition = options.edition;
    leaf(doc, 'P', () => doc.font('bold').fontSize(sizes.h2).fillColor(colors.stamp).text(edition, { width }));
  }
  doc.moveDown(1.5);
  body(doc);
  facts(doc, [
    ['Version', `v${meta.version}`],
    ['Last updated', meta.updated],
    ['Effective', meta.effective],
    ['Published at', { text: meta.url, link: meta.url }],
    ...(options.facts ?? []),
  ]);

  doc.moveDown(1);
  leaf(doc, 'H2', () => doc.font('bold').fontSize(sizes.h2).fillColor(colors.ink).text('Contents', left, doc.y, { width }));
  doc.moveDown(0.3);
  const entries: (readonly [string, string])[] = [...sections.map((s) => [s.id, s.title] as const), ...(options.annexes ?? [])];
  tag(doc, 'L', () =>
    entries.forEach(([id, title], i) => {
      const y = doc.y;
      let next = y;
      tag(doc, 'LI', () => {
        leaf(doc, 'Lbl', () => doc.font('regular').fontSize(sizes.body).fillColor(linkColor(doc)).text(`${i + 1}. `, left, y, { continued: true, width: width - PAGE_WIDTH }));
        tag(doc, 'LBody', () => {
          const page = options.pages?.get(id);
          leaf(doc, 'Link', () => doc.text(title, { goTo: id }), { contents: page === undefined ? title : `${title}, page ${page}` });
          next = doc.y;
          if (page !== undefined) content(doc, () => doc.font('regular').fontSize(sizes.body).fillColor(colors.muted).text(String(page), left + width - PAGE_WIDTH, y, { width: PAGE_WIDTH, align: 'right' }));
        });
      });
      doc.y = next + 2;
    }),
  );
  body(doc);
}
