/**
 * The two editions. The public one takes the public Policy and public sources only; the NDA one takes the
 * annex explicitly and stamps every page for its recipient. Both return finished PDF bytes.
 */
import type { Nda, Policy, PublicKind } from '../model/policy.ts';
import { sections } from '../model/sections.ts';
import { setBrand, type PdfBrand } from './brand.ts';
import { cover } from './cover.ts';
import type { PublishedMeasurement } from '../document/measured-latency.ts';
import type { PublishedUptime } from '../document/uptime-history.ts';
import { attachData, attachSources, createDocument, finish, type DocumentMeta, type Doc, type SourceText } from './document.ts';
import { annexAttachmentName, annexAttachmentNote, annexes, annexFacts, ndaStamp, renderAnnexes, watermark, type EditionAnnex } from './nda-annex.ts';
import { annexLabel, annexRange } from '../model/nda.ts';
import { runningHeaderFooter } from './running.ts';
import { sectionPages } from './layout.ts';
import { buildDocument } from '../document/document.ts';
import type { ProseFile } from '../load/prose.ts';
import type { EvidenceFile } from '../model/evidence.ts';
import { renderDocument } from './blocks.ts';
import { renderClaimEvidence } from './evidence.ts';

/** A public policy file; typed by kind so nda.yaml cannot be passed to the public edition. */
export interface PublicSource extends SourceText {
  readonly kind: PublicKind;
}

function documentMeta(policy: Policy): DocumentMeta {
  const { meta } = policy;
  return {
    title: `${meta.product} — SLA and security policy v${meta.version}`,
    author: meta.company,
    subject: `Service level agreement and security policy, version ${meta.version}, effective ${meta.effective}`,
    keywords: ['SLA', 'security', ...sections.map((s) => s.title), `v${meta.version}`].join(', '),
    date: meta.updated,
  };
}

const sourceNote = (version: string) => (name: string) => `Source of v${version}: policy/${version}/${name}`;

/** The measurement the latency section shows travels with the PDF as its evidence. */
function attachMeasurement(doc: Doc, measurement: PublishedMeasurement | undefined, date: string): void {
  if (!measurement) return;
  // `npm run measure` writes files exactly this way, so this is the committed file's text.
  const text = JSON.stringify(measurement.measurement, null, 2) + '\n';
  attachData(doc, { name: measurement.file, text, type: 'application/json' }, `Gateway measurement shown under Latency: content/measurements/${measurement.file}`, date);
}

/** The mark of a version that is not released (published only by `build --drafts`). */
export const DRAFT_NOTICE = 'Draft: not in force';

/** What the sections show besides the policy: the measurement #latency shows, the evidence beside each claim, the project's prose. */
export interface SectionExtras {
  readonly measurement?: PublishedMeasurement | undefined;
  /** Measured availability #uptime shows. */
  readonly uptime?: PublishedUptime | undefined;
  readonly evidence?: EvidenceFile | undefined;
  readonly prose?: Readonly<Record<string, ProseFile>> | undefined;
}

/** The Document of the page, drawn in page order, each section followed by the evidence of its claims. */
function renderSections(doc: Doc, policy: Policy, { measurement, uptime, evidence, prose }: SectionExtras): void {
  const sections = buildDocument({ policy, measurement, prose, uptime });
  renderDocument(doc, sections, (section) => renderClaimEvidence(doc, section.kind, policy, evidence));
}

export interface PublicOptions extends SectionExtras {
  /** An unreleased version: stamped and watermarked "Draft: not in force" on every page. */
  readonly draft?: boolean;
  /** The vendor's logo and accent colour (slapage.config.yaml). */
  readonly brand?: PdfBrand | undefined;
}

/** `options.measurement`: the committed measurement the page's #latency shows for this version, if any. */
/**
 * Draws an edition twice: the first drawing finds the page each section starts on, the second prints those pages in
 * the cover's contents (the cover lays out the same either way, so the pages do not move).
 */
function withContentsPages(draw: (pages: ReadonlyMap<string, number> | undefined) => Doc): Promise<Uint8Array> {
  return finish(draw(sectionPages(draw(undefined))));
}

export function renderPublicPdf(policy: Policy, sources: readonly PublicSource[], options: PublicOptions = {}): Promise<Uint8Array> {
  return withContentsPages((pages) => drawPublicPdf(policy, sources, options, pages));
}

function drawPublicPdf(policy: Policy, sources: readonly PublicSource[], options: PublicOptions, pages: ReadonlyMap<string, number> | undefined): Doc {
  const { draft, brand, ...extras } = options;
  const base = documentMeta(policy);
  const doc = createDocument(draft ? { ...base, title: `${base.title} (${DRAFT_NOTICE})`, extra: { Draft: DRAFT_NOTICE } } : base);
  setBrand(doc, brand);
  cover(doc, policy.meta, draft ? { edition: DRAFT_NOTICE, pages } : { pages });
  doc.addPage();
  renderSections(doc, policy, extras);
  // The first drawing only finds the pages: what follows the sections moves none of them.
  if (!pages) return doc;
  runningHeaderFooter(doc, policy.meta, draft ? { stamp: DRAFT_NOTICE, overlay: watermark(DRAFT_NOTICE) } : {});
  attachSources(doc, sources, sourceNote(policy.meta.version), policy.meta.updated);
  attachMeasurement(doc, extras.measurement, policy.meta.updated);
  return doc;
}

export interface NdaOptions extends SectionExtras {
  readonly recipient: string;
  /** ISO date the copy is provided on; also the document's creation date. */
  readonly date: string;
  readonly brand?: PdfBrand | undefined;
  /** The annex the edition carries; absent: the policy version's own nda.yaml. */
  readonly annex?: EditionAnnex | undefined;
  /**
   * Why the edition is a draft, when it is: the public version or the annex is not released ("v3.3 is not released").
   * A draft edition carries the public draft's marks: "Draft: not in force" on every page, in its title and metadata.
   */
  readonly draft?: readonly string[] | undefined;
}

/** `sources`: the public files, plus the annex's text under {@link annexAttachmentName}. */
export function renderNdaPdf(policy: Policy, nda: Nda, sources: readonly SourceText[], options: NdaOptions): Promise<Uint8Array> {
  return withContentsPages((pages) => drawNdaPdf(policy, nda, sources, options, pages));
}

function drawNdaPdf(policy: Policy, nda: Nda, sources: readonly SourceText[], options: NdaOptions, pages: ReadonlyMap<string, number> | undefined): Doc {
  const { version } = policy.meta;
  const annex: EditionAnnex = options.annex ?? { id: version, source: 'version-file', from: version, through: version };
  const draft = options.draft && options.draft.length > 0 ? options.draft : undefined;
  const stamp = ndaStamp(options.recipient, options.date, { version, annex });
  const running = draft ? `${DRAFT_NOTICE} · ${stamp}` : stamp;
  const base = documentMeta(policy);
  const title = `${base.title} with ${annexLabel(annex)} (NDA edition for ${options.recipient})`;
  const doc = createDocument({
    ...base,
    title: draft ? `${title} (${DRAFT_NOTICE})` : title,
    subject: `${base.subject}, with ${annexLabel(annex)} (applies to ${annexRange(annex)}). ${stamp}.${draft ? ` ${DRAFT_NOTICE} (${draft.join('; ')}).` : ''}`,
    date: options.date,
    extra: {
      Recipient: options.recipient,
      Confidential: stamp,
      PolicyVersion: version,
      NdaAnnex: annexLabel(annex),
      ...(draft ? { Draft: DRAFT_NOTICE } : {}),
    },
  });
  setBrand(doc, options.brand);
  cover(doc, policy.meta, {
    edition: draft ? `${DRAFT_NOTICE} (${draft.join('; ')}) · ${stamp}` : stamp,
    facts: annexFacts(annex),
    annexes: annexes.map((a) => [a.id, a.title] as const),
    pages,
  });
  doc.addPage();
  renderSections(doc, policy, { measurement: options.measurement, uptime: options.uptime, evidence: options.evidence, prose: options.prose });
  renderAnnexes(doc, nda);
  // The first drawing only finds the pages: what follows the sections moves none of them.
  if (!pages) return doc;
  const mark = draft ? `${DRAFT_NOTICE} — ${options.recipient}` : `Confidential — ${options.recipient}`;
  runningHeaderFooter(doc, policy.meta, { stamp: running, overlay: watermark(mark) });
  const attachment = annexAttachmentName(annex);
  const publicNote = sourceNote(version);
  attachSources(doc, sources, (name) => (name === attachment ? annexAttachmentNote(annex) : publicNote(name)), options.date);
  attachMeasurement(doc, options.measurement, options.date);
  return doc;
}
