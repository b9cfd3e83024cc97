/**
 * Document setup: an A4 PDF/A-3b pdfkit document with the DejaVu faces registered, metadata fixed from
 * the policy (never the clock), source files attached, and the finished bytes collected.
 */
import PDFDocument from 'pdfkit';
import type { Face } from '../model/glyphs.ts';
import { faces, font } from './fonts.ts';
import { endTree, startTree } from './tags.ts';

export type Doc = PDFKit.PDFDocument;

export interface DocumentMeta {
  readonly title: string;
  readonly author: string;
  readonly subject: string;
  readonly keywords: string;
  /** ISO date that stands for both creation and modification, so equal input gives equal bytes. */
  readonly date: string;
  /** Extra document-information entries (the NDA recipient). */
  readonly extra?: Readonly<Record<string, string>>;
}

/** A source file to embed, by the name it has in the version folder. */
export interface SourceText {
  readonly name: string;
  readonly text: string;
}

const GENERATOR = 'slapage (pdfkit)';

/**
 * pdfkit writes Info strings into the XMP packet unescaped and leaves out xmp:ModifyDate; policy text
 * may hold "&" or "<", and PDF/A wants Info and XMP to agree, so this subclass writes that part itself.
 */
class ArchivalDocument extends PDFDocument {
  _addInfo(): void {
    const info = this.info;
    const stamp = (d: Date | undefined) => (d ?? new Date(0)).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const lines = [
      '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
      `<xmp:CreateDate>${stamp(info.CreationDate)}</xmp:CreateDate>`,
      `<xmp:ModifyDate>${stamp(info.ModDate)}</xmp:ModifyDate>`,
      `<xmp:CreatorTool>${xml(info.Creator ?? '')}</xmp:CreatorTool>`,
      '</rdf:Description>',
      '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">',
      '<dc:format>application/pdf</dc:format>',
      `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(info.Title ?? '')}</rdf:li></rdf:Alt></dc:title>`,
      `<dc:creator><rdf:Seq><rdf:li>${xml(info.Author ?? '')}</rdf:li></rdf:Seq></dc:creator>`,
      `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(info.Subject ?? '')}</rdf:li></rdf:Alt></dc:description>`,
      '</rdf:Description>',
      // PDF/UA-1 identification beside pdfkit's PDF/A-3b one (pdfkit writes one subset's only).
      '<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">',
      '<pdfuaid:part>1</pdfuaid:part>',
      '</rdf:Description>',
      '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
      `<pdf:Producer>${xml(info.Producer ?? '')}</pdf:Producer>`,
      `<pdf:Keywords>${xml(info.Keywords ?? '')}</pdf:Keywords>`,
      '</rdf:Description>',
    ];
    this.appendXML(lines.join('\n'));
  }

  /** As pdfkit does for URI links: an internal link drawn as a Link element's content belongs to that element (OBJR). */
  override goTo(x: number, y: number, w: number, h: number, name: string, options: PDFKit.Mixins.AnnotationOption = {}): this {
    const current = (this as unknown as { _currentStructureElement?: { dictionary: { data: { S: string } } } })._currentStructureElement;
    const structParent = current?.dictionary.data.S === 'Link' ? { structParent: current } : {};
    return super.goTo(x, y, w, h, name, { ...structParent, Contents: this.linkContents(`Go to ${name}`), ...options });
  }

  /** PDF/UA wants every annotation described (/Contents): the Link element's description (tags.ts), else its target. */
  override link(x: number, y: number, w: number, h: number, url: string, options: PDFKit.Mixins.AnnotationOption = {}): this {
    return super.link(x, y, w, h, url, { Contents: this.linkContents(url), ...options });
  }

  private linkContents(fallback: string): string {
    // pdfkit writes a JS string as a PDF name; a String object is written as a text string.
    return new String((this as unknown as { _linkContents?: string })._linkContents ?? fallback) as unknown as string;
  }
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A4 with room for the running header and footer. */
export const PAGE = { size: 'A4', margins: { top: 72, bottom: 72, left: 60, right: 60 } } as const;

export function createDocument(meta: DocumentMeta): Doc {
  const date = new Date(`${meta.date}T00:00:00Z`);
  const doc = new ArchivalDocument({
    size: PAGE.size,
    margins: { ...PAGE.margins },
    autoFirstPage: false,
    bufferPages: true,
    pdfVersion: '1.7',
    subset: 'PDF/A-3b',
    lang: 'en',
    displayTitle: true,
    // A structure tree (StructTreeRoot, MarkInfo /Marked true): see tags.ts.
    tagged: true,
    info: {
      Title: meta.title,
      Author: meta.author,
      Subject: meta.subject,
      Keywords: meta.keywords,
      Creator: GENERATOR,
      Producer: GENERATOR,
      CreationDate: date,
      ModDate: date,
      // pdfkit derives the trailer /ID from these entries, so it is fixed by the content too.
      ...meta.extra,
    },
  });
  // pdfkit accepts a parsed fontkit font where its types say Buffer. pdfkit starts on Helvetica, which PDF/A
  // cannot embed; switching before anything is drawn leaves it unused, so it is never written (tests check pdffonts).
  // (Passing a face as the `font` option instead would defeat pdfkit's font cache and slow rendering down.)
  for (const face of Object.keys(faces) as Face[]) doc.registerFont(face, font(face) as unknown as Buffer);
  doc.font('regular');
  startTree(doc);
  return doc;
}

/** Embeds source files as PDF/A-3 associated files (AFRelationship Source), dated like the document. */
export function attachSources(doc: Doc, sources: readonly SourceText[], description: (name: string) => string, date: string): void {
  const when = new Date(`${date}T00:00:00Z`);
  for (const source of sources) {
    doc.file(Buffer.from(source.text, 'utf8'), {
      name: source.name,
      type: 'application/yaml',
      description: description(source.name),
      creationDate: when,
      modifiedDate: when,
      relationship: 'Source',
    } as PDFKit.Mixins.PDFAttachmentOptions);
  }
}

/** Embeds a file the document's figures are taken from as a PDF/A-3 associated file (AFRelationship Data), dated like the document. */
export function attachData(doc: Doc, file: SourceText & { readonly type: string }, description: string, date: string): void {
  const when = new Date(`${date}T00:00:00Z`);
  doc.file(Buffer.from(file.text, 'utf8'), {
    name: file.name,
    type: file.type,
    description,
    creationDate: when,
    modifiedDate: when,
    relationship: 'Data',
  } as PDFKit.Mixins.PDFAttachmentOptions);
}

/** Ends the document and collects its bytes. */
export function finish(doc: Doc): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    endTree(doc);
    doc.end();
  });
}
