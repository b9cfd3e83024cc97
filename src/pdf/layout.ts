/**
 * Layout primitives on a pdfkit document: section headings with named destinations, prose, facts, lists, code, links.
 * Each tags what it draws (tags.ts): H2 in a Sect per section, H3, P, L > LI > Lbl/LBody, Code, Link; rules and fills are Artifacts.
 */
import type { Section } from '../model/sections.ts';
import type { Doc } from './document.ts';
import { linkColor } from './brand.ts';
import { colors } from './palette.ts';
import { artifact, content, leaf, startSection, tag } from './tags.ts';

export { colors };

export const sizes = { body: 10, small: 8.5, h1: 15, h2: 11.5, code: 8.5 } as const;

/** Width between the margins of the current page. */
export function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** Lowest y that content may reach on the current page. */
export function bottom(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

const pagesOf = new WeakMap<Doc, Map<string, number>>();

/** The page (1-based) each section heading drawn so far starts on, by its anchor: the cover's contents print them. */
export function sectionPages(doc: Doc): ReadonlyMap<string, number> {
  return pagesOf.get(doc) ?? new Map();
}

/** Starts a new page when less than `height` is left, so a block is not split from its heading. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
  doc.x = doc.page.margins.left;
}

/**
 * A top-level heading: a named destination for the section's anchor id and each alias (the same ids as the
 * page), and an outline entry that jumps to that destination.
 */
export function sectionHeading(doc: Doc, section: Pick<Section, 'id' | 'title' | 'aliases'>): void {
  ensureSpace(doc, 90);
  doc.moveDown(0.6);
  const y = doc.y;
  for (const alias of section.aliases) doc.addNamedDestination(alias, 'XYZ', doc.page.margins.left, y, null as unknown as number);
  startSection(doc, section.title);
  // Headings are drawn in page order, so the current page is the last buffered one.
  const pages = pagesOf.get(doc) ?? new Map<string, number>();
  pages.set(section.id, doc.bufferedPageRange().count);
  pagesOf.set(doc, pages);
  leaf(doc, 'H2', () => doc.font('bold').fontSize(sizes.h1).fillColor(colors.ink).text(section.title, { destination: section.id }));
  const item = doc.outline.addItem(section.title);
  // pdfkit points outline items at a page position; pointing at the named destination keeps one source of truth.
  (item as unknown as { outlineData: Record<string, unknown> }).outlineData.Dest = new String(section.id);
  const ruleY = doc.y + 2;
  artifact(doc, () => doc.moveTo(doc.page.margins.left, ruleY).lineTo(doc.page.margins.left + contentWidth(doc), ruleY).lineWidth(0.6).strokeColor(colors.rule).stroke());
  doc.y = ruleY + 6;
  body(doc);
}

/** A sub-heading inside a section. */
export function subheading(doc: Doc, text: string): void {
  ensureSpace(doc, 48);
  doc.moveDown(0.4);
  leaf(doc, 'H3', () => doc.font('bold').fontSize(sizes.h2).fillColor(colors.ink).text(text));
  doc.moveDown(0.2);
  body(doc);
}

/** Resets to body text. */
export function body(doc: Doc): void {
  doc.font('regular').fontSize(sizes.body).fillColor(colors.ink);
}

export function paragraph(doc: Doc, text: string): void {
  body(doc);
  leaf(doc, 'P', () => doc.text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc), align: 'left' }));
  doc.moveDown(0.5);
}

/** A value that may be a link (https or mailto). */
export interface Value {
  readonly text: string;
  readonly link?: string;
  readonly mono?: boolean;
}

/** Draws a value at (x, y): a link is a Link element with its annotation, other text is content of the current element. */
export function valueText(doc: Doc, value: Value, x: number, y: number, options: PDFKit.Mixins.TextOptions = {}): void {
  if (!value.link) return content(doc, () => doc.text(value.text, x, y, options));
  const link = value.link;
  leaf(doc, 'Link', () => doc.fillColor(linkColor(doc)).text(value.text, x, y, { ...options, link, underline: true }), { contents: value.text });
}

/** Label–value lines: the label in bold, the value after it, wrapped under the value column. Tagged as a list whose items are Lbl (label) and LBody (value), as a definition list is. */
export function facts(doc: Doc, rows: readonly (readonly [string, string | Value])[]): void {
  const left = doc.page.margins.left;
  const labelWidth = Math.min(170, contentWidth(doc) * 0.36);
  const valueWidth = contentWidth(doc) - labelWidth - 8;
  tag(doc, 'L', () => {
    for (const [label, raw] of rows) {
      const value: Value = typeof raw === 'string' ? { text: raw } : raw;
      const valueFont = value.mono ? 'mono' : 'regular';
      const h = Math.max(
        doc.font('bold').fontSize(sizes.body).heightOfString(label, { width: labelWidth }),
        doc.font(valueFont).fontSize(value.mono ? sizes.code : sizes.body).heightOfString(value.text, { width: valueWidth }),
      );
      ensureSpace(doc, h + 4);
      const y = doc.y;
      tag(doc, 'LI', () => {
        leaf(doc, 'Lbl', () => doc.font('bold').fontSize(sizes.body).fillColor(colors.ink).text(label, left, y, { width: labelWidth }));
        tag(doc, 'LBody', () => {
          doc.font(valueFont).fontSize(value.mono ? sizes.code : sizes.body).fillColor(colors.ink);
          valueText(doc, value, left + labelWidth + 8, y, { width: valueWidth });
        });
      });
      doc.y = y + h + 3;
    }
  });
  body(doc);
  doc.x = left;
  doc.moveDown(0.3);
}

/** A bulleted list; an item may start with a bold lead-in. */
export function bullets(doc: Doc, items: readonly { readonly lead?: string; readonly text: string }[]): void {
  const left = doc.page.margins.left;
  const indent = 12;
  const width = contentWidth(doc) - indent;
  tag(doc, 'L', () => {
    for (const item of items) {
      const full = item.lead ? `${item.lead}: ${item.text}` : item.text;
      ensureSpace(doc, doc.font('regular').fontSize(sizes.body).heightOfString(full, { width }) + 2);
      const y = doc.y;
      tag(doc, 'LI', () => {
        leaf(doc, 'Lbl', () => doc.font('regular').fontSize(sizes.body).fillColor(colors.ink).text('•', left, y, { width: indent, lineBreak: false }));
        leaf(doc, 'LBody', () => {
          if (item.lead) {
            doc.font('bold').text(`${item.lead}: `, left + indent, y, { width, continued: true });
            doc.font('regular').text(item.text);
          } else {
            doc.text(item.text, left + indent, y, { width });
          }
        });
      });
      doc.moveDown(0.25);
    }
  });
  doc.x = left;
  doc.moveDown(0.3);
}

/** A preformatted block in the mono face on a tinted background; kept on one page when it fits. */
export function codeBlock(doc: Doc, caption: string, code: string): void {
  const left = doc.page.margins.left;
  const pad = 6;
  const width = contentWidth(doc);
  const captionHeight = doc.font('bold').fontSize(sizes.small).heightOfString(caption, { width });
  const codeHeight = doc.font('mono').fontSize(sizes.code).heightOfString(code, { width: width - 2 * pad });
  ensureSpace(doc, captionHeight + codeHeight + 2 * pad + 8);
  doc.font('bold').fontSize(sizes.small).fillColor(colors.muted);
  if (caption) leaf(doc, 'P', () => doc.text(caption, left, doc.y, { width }));
  else doc.text('', left, doc.y, { width });
  doc.moveDown(0.2);
  const y = doc.y;
  artifact(doc, () => doc.rect(left, y, width, codeHeight + 2 * pad).fillColor(colors.codeFill).fill());
  // Code is an inline element: the block is a paragraph of code.
  tag(doc, 'P', () => leaf(doc, 'Code', () => doc.font('mono').fontSize(sizes.code).fillColor(colors.ink).text(code, left + pad, y + pad, { width: width - 2 * pad })));
  doc.y = y + codeHeight + 2 * pad + 8;
  doc.x = left;
  body(doc);
}

/** A line with an inline link, e.g. "Status page: https://…". */
export function linkLine(doc: Doc, lead: string, value: Value): void {
  const left = doc.page.margins.left;
  ensureSpace(doc, 16);
  tag(doc, 'P', () => {
    content(doc, () => doc.font('bold').fontSize(sizes.body).fillColor(colors.ink).text(`${lead}: `, left, doc.y, { continued: true, width: contentWidth(doc) }));
    doc.font('regular').fillColor(colors.ink);
    if (value.link) {
      const link = value.link;
      leaf(doc, 'Link', () => doc.fillColor(linkColor(doc)).text(value.text, { link, underline: true }), { contents: value.text });
    } else {
      content(doc, () => doc.text(value.text));
    }
  });
  body(doc);
  doc.moveDown(0.3);
}
