/** Inline runs on a pdfkit document: paragraphs and list items whose words change face (bold, mono) or link mid-line; tagged P, L > LI > Lbl/LBody, Link (tags.ts). */
import type { Inline } from '../document/blocks.ts';
import { unbroken } from '../document/unbroken.ts';
import { linkColor } from './brand.ts';
import type { Doc } from './document.ts';
import type { Face } from '../model/glyphs.ts';
import { colors, contentWidth, ensureSpace, sizes } from './layout.ts';
import { artifact, content, leaf, tag } from './tags.ts';

/** One stretch of text in one face, possibly a link. */
export interface Segment {
  readonly text: string;
  readonly face: Face;
  readonly link?: string;
  readonly muted?: boolean;
}

/** Runs as segments; emphasis that is not strong stays regular (the embedded faces have no italic). */
export function segments(runs: readonly Inline[], face: Face = 'regular', link?: string, muted = false): Segment[] {
  return runs.flatMap((run): Segment[] => {
    const at = (text: string, f: Face): Segment[] => (text ? [{ text, face: f, ...(link ? { link } : {}), ...(muted ? { muted } : {}) }] : []);
    switch (run.kind) {
      case 'text':
        return at(run.text, face);
      case 'value':
        return at(unbroken(run.text), run.mono ? 'mono' : face);
      case 'code':
        return at(run.text, 'mono');
      case 'emphasis':
        return segments(run.runs, run.strong ? 'bold' : face, link, muted);
      case 'secondary':
        return segments(run.runs, face, link, true);
      case 'link':
        // In-page anchors become the section's named destination in the PDF.
        return segments(run.runs, face, run.href, muted);
    }
  });
}

/** Draws segments as one wrapped block at (x, doc.y) within `width`, leaving doc.y below it; content of the current element, a link part a Link element. */
export function drawSegments(doc: Doc, parts: readonly Segment[], x: number, width: number, size: number = sizes.body): void {
  if (parts.length === 0) return;
  const y = doc.y;
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    const internal = part.link?.startsWith('#');
    doc
      .font(part.face)
      .fontSize(part.face === 'mono' ? Math.min(size, sizes.code) : size)
      .fillColor(part.link ? linkColor(doc) : part.muted ? colors.muted : colors.ink);
    // pdfkit carries a continued call's options into the next one, so every option is restated for each part.
    const options = {
      width,
      align: 'left' as const,
      continued: !last,
      link: part.link && !internal ? part.link : null,
      goTo: internal ? part.link!.slice(1) : null,
      underline: part.link !== undefined,
    } as PDFKit.Mixins.TextOptions;
    const draw = () => (i === 0 ? doc.text(part.text, x, y, options) : doc.text(part.text, options));
    if (part.link) leaf(doc, 'Link', draw, { contents: part.text.trim() || part.link });
    else content(doc, draw);
  });
  doc.font('regular').fontSize(sizes.body).fillColor(colors.ink);
  doc.x = doc.page.margins.left;
}

/** The height of segments set within `width`, measured on their plain text in the regular face. */
export function segmentsHeight(doc: Doc, parts: readonly Segment[], width: number): number {
  return doc.font('regular').fontSize(sizes.body).heightOfString(parts.map((p) => p.text).join(''), { width });
}

/** A paragraph of runs across the content width. */
export function richParagraph(doc: Doc, runs: readonly Inline[], options: { readonly tint?: boolean } = {}): void {
  const parts = segments(runs);
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  if (options.tint) {
    const pad = 6;
    const height = segmentsHeight(doc, parts, width - 2 * pad);
    ensureSpace(doc, height + 2 * pad);
    const y = doc.y;
    artifact(doc, () => doc.rect(left, y, width, height + 2 * pad).fillColor(colors.fill).fill());
    doc.y = y + pad;
    tag(doc, 'P', () => drawSegments(doc, parts, left + pad, width - 2 * pad));
    doc.y = y + height + 2 * pad;
  } else {
    ensureSpace(doc, Math.min(segmentsHeight(doc, parts, width), 40));
    tag(doc, 'P', () => drawSegments(doc, parts, left, width));
  }
  doc.moveDown(0.5);
}

/** A list of runs, bulleted or numbered. */
export function richList(doc: Doc, items: readonly (readonly Inline[])[], ordered: boolean): void {
  const left = doc.page.margins.left;
  const indent = ordered ? 16 : 12;
  const width = contentWidth(doc) - indent;
  tag(doc, 'L', () =>
    items.forEach((item, i) => {
      const parts = segments(item);
      ensureSpace(doc, segmentsHeight(doc, parts, width) + 2);
      const y = doc.y;
      tag(doc, 'LI', () => {
        leaf(doc, 'Lbl', () => doc.font('regular').fontSize(sizes.body).fillColor(colors.ink).text(ordered ? `${i + 1}.` : '•', left, y, { width: indent, lineBreak: false }));
        doc.y = y;
        tag(doc, 'LBody', () => drawSegments(doc, parts, left + indent, width));
      });
      doc.moveDown(0.25);
    }),
  );
  doc.x = left;
  doc.moveDown(0.3);
}
