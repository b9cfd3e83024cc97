/** The brand the PDFs carry, from the site options: the logo's bytes (read once per process) and the accent colour. */
import { readFileSync } from 'node:fs';
import type { SiteOptions } from './site-options.ts';
import type { PdfBrand } from '../pdf/brand.ts';

const logos = new Map<string, Uint8Array>();

/** `company` is the logo's text alternative when the config gives none. */
export function pdfBrand(site: SiteOptions, company: string): PdfBrand | undefined {
  const { logo, accentColor } = site.brand;
  if (!logo && !accentColor) return undefined;
  let bytes = logo ? logos.get(logo.source) : undefined;
  if (logo && !bytes) logos.set(logo.source, (bytes = readFileSync(logo.source)));
  return { ...(accentColor ? { accent: accentColor } : {}), ...(logo && bytes ? { logo: { type: logo.type, bytes, alt: logo.alt ?? company } } : {}) };
}
