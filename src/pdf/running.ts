/** Running header and footer on every page, drawn once the page count is known: version, "page N of M", stamps; all Artifacts, outside the structure tree. */
import type { Meta } from '../model/meta.ts';
import type { Doc } from './document.ts';
import { drawLogo } from './brand.ts';
import { colors, sizes } from './layout.ts';
import { artifact } from './tags.ts';

const LOGO_WIDTH = 60;

export interface RunningOptions {
  /** A line printed at the top and bottom of every page (the NDA stamp). */
  readonly stamp?: string;
  /** Drawn across every page after the header and footer (the NDA watermark). */
  readonly overlay?: (doc: Doc) => void;
}

/** The footer's left text, as on the page: "Last updated: 2026-05-15 · v3.2". */
export function lastUpdated(meta: Meta): string {
  return `Last updated: ${meta.updated} · v${meta.version}`;
}

export function runningHeaderFooter(doc: Doc, meta: Meta, options: RunningOptions = {}): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const { left, right, top, bottom } = doc.page.margins;
    const width = doc.page.width - left - right;
    // Text below the bottom margin would make pdfkit start a new page; lift the margin while drawing.
    doc.page.margins.bottom = 0;
    const headerY = top - 36;
    const footerY = doc.page.height - bottom + 24;
    artifact(doc, () => {
      doc.font('regular').fontSize(sizes.small).fillColor(colors.muted);
      if (i > start) {
        // The logo sits at the header's right end, the title to its left.
        const logo = drawLogo(doc, left + width - LOGO_WIDTH, headerY - 4, LOGO_WIDTH, 12, 'decoration') ? LOGO_WIDTH + 8 : 0;
        doc.font('regular').fontSize(sizes.small).fillColor(colors.muted);
        fitLine(doc, `${meta.product} — SLA and security policy v${meta.version}`, left, headerY, width - logo, 'left');
        doc.moveTo(left, headerY + 13).lineTo(left + width, headerY + 13).lineWidth(0.4).strokeColor(colors.rule).stroke();
      }
      doc.moveTo(left, footerY - 6).lineTo(left + width, footerY - 6).lineWidth(0.4).strokeColor(colors.rule).stroke();
      doc.font('regular').fontSize(sizes.small).fillColor(colors.muted);
      doc.text(lastUpdated(meta), left, footerY, { width, lineBreak: false });
      doc.text(`Page ${i - start + 1} of ${count}`, left, footerY, { width, align: 'right', lineBreak: false });
      if (options.stamp) {
        doc.font('bold').fontSize(sizes.small).fillColor(colors.stamp);
        fitLine(doc, options.stamp, left, top - 52, width, 'center');
        fitLine(doc, options.stamp, left, footerY + 14, width, 'center');
      }
    }, 'Pagination');
    if (options.overlay) artifact(doc, () => options.overlay!(doc), 'Pagination');
    doc.page.margins.bottom = bottom;
  }
}

/** One line that never wraps: the font size shrinks until the text fits the width. */
function fitLine(doc: Doc, text: string, x: number, y: number, width: number, align: 'left' | 'center'): void {
  let size = sizes.small;
  while (size > 4 && doc.fontSize(size).widthOfString(text) > width) size -= 0.5;
  doc.text(text, x, y, { width, align, lineBreak: false });
  doc.fontSize(sizes.small);
}
