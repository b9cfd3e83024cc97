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

/** Logos up to this size are inlined into the page as a data: URI, saving the page a request. */
const INLINE_LOGO_BYTES = 4 * 1024;

/** The page's logo `src`: a data: URI for a small logo (read once per process), else undefined (link the copied file). */
export function inlineLogo(site: SiteOptions): string | undefined {
  const logo = site.brand.logo;
  if (!logo) return undefined;
  let bytes = logos.get(logo.source);
  if (!bytes) logos.set(logo.source, (bytes = readFileSync(logo.source)));
  if (bytes.length > INLINE_LOGO_BYTES) return undefined;
  return `data:${logo.type === 'svg' ? 'image/svg+xml' : 'image/png'};base64,${Buffer.from(bytes).toString('base64')}`;
}
