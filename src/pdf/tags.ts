/**
 * The structure tree of a tagged PDF: what the layout primitives draw is marked as content of a structure element
 * (Document > Sect > H2, P, L > LI > Lbl/LBody, Table > TR > TH/TD, Link, Figure), or as an Artifact (rules, fills,
 * running headers, watermarks). Elements are added in drawing order, which is the reading order of the page.
 */
// The document type by its pdfkit name: document.ts imports this module, so importing its alias back would be a cycle.
type Doc = PDFKit.PDFDocument;

type Element = PDFKit.PDFStructureElement;

export interface ElementOptions {
  /** /T: a title for the element (a section's title). */
  readonly title?: string;
  /** /Alt: the text a reader speaks instead of the content (a logo). */
  readonly alt?: string;
  /** /A /Scope of a TH: whether it heads a column or a row. */
  readonly scope?: 'Column' | 'Row';
  /** /A /BBox of a Figure, in pdfkit's top-down coordinates [left, top, right, bottom]. */
  readonly bbox?: readonly [number, number, number, number];
  /** A Link's description, written as /Contents of each of its annotations (PDF/UA: every annotation has one). */
  readonly contents?: string;
}

interface Tree {
  /** The open elements, the document element first: new elements go under the last. */
  readonly open: Element[];
  /** The open top-level section, closed by the next section heading or by the end of the document. */
  section?: Element;
}

// The pdfkit internals this module relies on (pdfkit 0.20): the current element, which links attach their
// annotations to, and the marked-content stack of the current page.
interface Internals {
  _currentStructureElement?: Element | undefined;
  /** Read by document.ts's link and goTo: the /Contents of the annotations drawn now. */
  _linkContents?: string | undefined;
  page: { markings: unknown[] };
}

const trees = new WeakMap<Doc, Tree>();
const descriptions = new WeakMap<Element, string>();

/** Starts the tree of a document created with `tagged: true`: one Document element under the StructTreeRoot. */
export function startTree(doc: Doc): void {
  const root = doc.struct('Document');
  doc.addStructure(root);
  trees.set(doc, { open: [root] });
}

/** Closes every open element; called before the document ends, so the tree is written whole. */
export function endTree(doc: Doc): void {
  const tree = trees.get(doc);
  if (!tree) return;
  endSection(doc);
  for (const element of tree.open.reverse()) element.end();
  trees.delete(doc);
}

function treeOf(doc: Doc): Tree {
  const tree = trees.get(doc);
  if (!tree) throw new Error('the document has no structure tree (create it with createDocument)');
  return tree;
}

/** An element of `type` under the current one; what `fill` tags while it runs goes under it. */
export function tag(doc: Doc, type: string, fill: () => void, options: ElementOptions = {}): void {
  const tree = treeOf(doc);
  const { contents, ...structOptions } = options;
  const element = doc.struct(type, structOptions);
  if (contents !== undefined) descriptions.set(element, contents);
  tree.open.at(-1)!.add(element);
  tree.open.push(element);
  try {
    fill();
  } finally {
    tree.open.pop();
    element.end();
  }
}

/** Marks what `draw` paints as content of the current element; it may run over a page break (pdfkit continues the marking). */
export function content(doc: Doc, draw: () => void): void {
  const tree = treeOf(doc);
  const element = tree.open.at(-1)!;
  const internals = doc as unknown as Internals;
  const type = (element as unknown as { dictionary: { data: { S: string } } }).dictionary.data.S;
  const marked = doc.markStructureContent(type);
  const previous = internals._currentStructureElement;
  const previousContents = internals._linkContents;
  // pdfkit attaches a link's annotation to the current element when that element is a Link (and goTo in document.ts does too).
  internals._currentStructureElement = element;
  internals._linkContents = descriptions.get(element);
  try {
    draw();
  } finally {
    internals._currentStructureElement = previous;
    internals._linkContents = previousContents;
    doc.endMarkedContent();
  }
  element.add(marked);
}

/** An element whose content is what `draw` paints: tag + content. */
export function leaf(doc: Doc, type: string, draw: () => void, options: ElementOptions = {}): void {
  tag(doc, type, () => content(doc, draw), options);
}

/** Paints `draw` as an Artifact: decoration or pagination that is not part of the text (rules, fills, headers, watermarks). */
export function artifact(doc: Doc, draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
  if (!trees.has(doc)) return draw();
  // An artifact cannot sit inside marked content; pdfkit would close the open marking to start one.
  if ((doc as unknown as Internals).page.markings.length > 0) throw new Error('an artifact was drawn inside marked content');
  doc.markContent('Artifact', { type });
  try {
    draw();
  } finally {
    doc.endMarkedContent();
  }
}

/** Opens a top-level section (Sect) under the document element, closing the previous one: section headings call it. */
export function startSection(doc: Doc, title: string): void {
  endSection(doc);
  const tree = treeOf(doc);
  if (tree.open.length !== 1) throw new Error('a section heading inside another element');
  const section = doc.struct('Sect', { title });
  tree.open[0]!.add(section);
  tree.open.push(section);
  tree.section = section;
}

function endSection(doc: Doc): void {
  const tree = treeOf(doc);
  const { section } = tree;
  if (!section) return;
  if (tree.open.at(-1) !== section) throw new Error('a section ended with an element still open');
  tree.open.pop();
  section.end();
  delete tree.section;
}
