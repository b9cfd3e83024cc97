/** The vendor's brand on a PDF: the logo (PNG, or SVG drawn as vectors) on the cover and in the running header, and the accent colour of links. */
import { createRequire } from 'node:module';
import type { Doc } from './document.ts';
import { colors } from './palette.ts';
import { leaf } from './tags.ts';

export interface PdfBrand {
  readonly logo?: { readonly type: 'png' | 'svg'; readonly bytes: Uint8Array; readonly alt: string };
  /** "#RRGGBB", checked for 4.5:1 contrast on white when the config was loaded. */
  readonly accent?: string;
}

const brands = new WeakMap<Doc, PdfBrand>();

export function setBrand(doc: Doc, brand: PdfBrand | undefined): void {
  if (brand) brands.set(doc, brand);
}

/** The colour of links on this document: the brand's accent, else the default link blue. */
export function linkColor(doc: Doc): string {
  return brands.get(doc)?.accent ?? colors.link;
}

/**
 * Draws the logo into the box (x, y, width, height), keeping its proportions; returns the height used, 0 without a logo.
 * As a 'figure' it is a Figure element with the brand's alt text; as 'decoration' it is drawn into the caller's marking (an Artifact).
 */
export function drawLogo(doc: Doc, x: number, y: number, width: number, height: number, role: 'figure' | 'decoration'): number {
  const logo = brands.get(doc)?.logo;
  if (!logo) return 0;
  if (role === 'figure') {
    leaf(doc, 'Figure', () => paint(doc, logo, x, y, width, height), { alt: logo.alt, bbox: [x, y, x + width, y + height] });
  } else {
    paint(doc, logo, x, y, width, height);
  }
  return height;
}

function paint(doc: Doc, logo: NonNullable<PdfBrand['logo']>, x: number, y: number, width: number, height: number): void {
  if (logo.type === 'png') {
    const image = Buffer.from(logo.bytes);
    // pdfkit caches images by the Buffer it is given; fit keeps the aspect ratio inside the box.
    doc.image(image, x, y, { fit: [width, height] });
    return;
  }
  const svgToPdf = createRequire(import.meta.url)('svg-to-pdfkit') as (doc: Doc, svg: string, x: number, y: number, options: object) => void;
  svgToPdf(doc, new TextDecoder().decode(logo.bytes), x, y, { width, height, preserveAspectRatio: 'xMinYMin meet', assumePt: true });
}
