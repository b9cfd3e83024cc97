/** The public PDF of a loaded version, memoized per process, with its SHA-256 and file names: what the site publishes. */
import { createHash } from 'node:crypto';
import type { LoadedVersion } from '../load/load-version.ts';
import { fileNameOf, publicKinds, type Policy } from '../model/policy.ts';
import type { PublishedMeasurement } from '../document/measured-latency.ts';
import type { PublishedUptime } from '../document/uptime-history.ts';
import type { ProseFile } from '../load/prose.ts';
import type { PdfBrand } from './brand.ts';
import type { EvidenceFile } from '../model/evidence.ts';
import { renderPublicPdf, type PublicSource } from './editions.ts';

// A cache, not a hand-off: keyed by the SHA-256 of everything a PDF is rendered from (see cacheKey), so a hit is
// the same bytes a render would give. Process-wide (a registered symbol on globalThis) because Astro bundles this
// module into an instance of its own, and src/build/build.ts seeds it with PDFs rendered in worker threads while
// Astro starts; nothing else passes through it.
const CACHE = Symbol.for('slapage.public-pdfs');
const cache = ((globalThis as { [CACHE]?: Map<string, Promise<Uint8Array>> })[CACHE] ??= new Map<string, Promise<Uint8Array>>());

/** What a public PDF is made of: the version, its public model, its public source files and the measurement its #latency shows. */
export interface PublishedVersion {
  readonly version: string;
  readonly policy: Policy;
  readonly sources: readonly PublicSource[];
  readonly measurement?: PublishedMeasurement | undefined;
  /** Measured availability #uptime shows. */
  readonly uptime?: PublishedUptime | undefined;
  /** The version's latest verification evidence, shown beside each section's claims. */
  readonly evidence?: EvidenceFile | undefined;
  /** Not released: the PDF carries the draft watermark. */
  readonly draft?: boolean;
  /** The vendor's logo and accent colour. */
  readonly brand?: PdfBrand | undefined;
  /** The project's section prose for this version, by anchor: the PDF lays it out as the page does. */
  readonly prose?: Readonly<Record<string, ProseFile>> | undefined;
}

/** The version's public sources (never nda.yaml), in page order. */
export function publicSources(version: LoadedVersion): PublicSource[] {
  return publicKinds.flatMap((kind) => {
    const file = version.files[kind];
    return file ? [{ kind, name: fileNameOf(kind), text: file.text }] : [];
  });
}

/** A loaded version as published: its public model and sources only, with the measurement chosen for it (see measurementsByVersion). */
export function published(version: LoadedVersion, measurement?: PublishedMeasurement): PublishedVersion {
  return { version: version.version, policy: version.policy, sources: publicSources(version), ...(measurement ? { measurement } : {}) };
}

/** The public edition's bytes; equal sources and measurement are rendered once per process. */
export function publicPdf(version: PublishedVersion): Promise<Uint8Array> {
  const key = cacheKey(version);
  let pdf = cache.get(key);
  if (!pdf) {
    pdf = renderPublicPdf(version.policy, version.sources, { measurement: version.measurement, uptime: version.uptime, evidence: version.evidence, brand: version.brand, prose: version.prose, ...(version.draft ? { draft: true } : {}) });
    cache.set(key, pdf);
  }
  return pdf;
}

/** Makes `publicPdf(version)` answer with `pdf`: the same bytes rendered elsewhere (a worker thread) by `publicPdf`. */
export function seedPublicPdf(version: PublishedVersion, pdf: Promise<Uint8Array>): void {
  // A failure surfaces where the bytes are awaited, not as an unhandled rejection before that.
  pdf.catch(() => {});
  cache.set(cacheKey(version), pdf);
}

/** Everything the public edition is rendered from (the model is validated from the sources). */
function cacheKey({ version, sources, measurement, uptime, evidence, draft, brand, prose }: PublishedVersion): string {
  const logo = brand?.logo ? [brand.logo.type, brand.logo.alt, createHash('sha256').update(brand.logo.bytes).digest('hex')] : null;
  return createHash('sha256').update(JSON.stringify([version, sources, measurement ?? null, uptime ?? null, evidence ?? null, draft === true, brand?.accent ?? null, logo, prose ?? null])).digest('hex');
}

/** Lowercase hex SHA-256 of PDF bytes, as shown next to the download link and in sla.json. */
export function pdfSha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The SHA-256 of a version's public PDF. */
export async function publicPdfSha256(version: PublishedVersion): Promise<string> {
  return pdfSha256(await publicPdf(version));
}

/** Site paths: /sla-v3.2.pdf for every version, /sla.pdf for the latest. */
export function pdfFileName(version: string): string {
  return `sla-v${version}.pdf`;
}
export const LATEST_PDF = 'sla.pdf';
