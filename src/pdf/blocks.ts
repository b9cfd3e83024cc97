/** Document -> PDF: each section under its heading, its blocks drawn with the layout primitives (layout.ts, table.ts, rich-text.ts). Words nothing itself. */
import { blocksFor, strong, text, type Block, type Document, type DocumentSection, type Inline } from '../document/blocks.ts';
import type { Doc } from './document.ts';
import { unbroken } from '../document/unbroken.ts';
import { codeBlock, contentWidth, ensureSpace, facts, sectionHeading, sizes, subheading, type Value } from './layout.ts';
import { richList, richParagraph } from './rich-text.ts';
import { table, tableStartHeight } from './table.ts';
import { uptimeChart } from './uptime-chart.ts';

/** A cell or definition as one text, linked when it holds a link (policy cells hold at most one). */
function cellValue(runs: readonly Inline[], mono = false): Value {
  const found = findLink(runs);
  const onlyMono = mono || (runs.length === 1 && runs[0]!.kind === 'value' && runs[0]!.mono === true);
  return { text: cellText(runs), ...(found ? { link: found } : {}), ...(onlyMono ? { mono: true } : {}) };
}

/** A cell's text as the reader sees it, its figures kept on one line. */
function cellText(runs: readonly Inline[]): string {
  return runs.map((run) => (run.kind === 'value' ? unbroken(run.text) : 'runs' in run ? cellText(run.runs) : run.text)).join('');
}

function findLink(runs: readonly Inline[]): string | undefined {
  for (const run of runs) {
    if (run.kind === 'link' && !run.href.startsWith('#')) return run.href;
    if ('runs' in run) {
      const inner = findLink(run.runs);
      if (inner) return inner;
    }
  }
  return undefined;
}

function drawBlock(doc: Doc, block: Block): void {
  switch (block.type) {
    case 'heading':
      return subheading(doc, block.text);
    case 'paragraph':
      return richParagraph(doc, block.runs, { tint: block.style === 'worked-example' });
    case 'notice':
      return richParagraph(doc, block.runs, { tint: true });
    case 'definitions':
      return facts(doc, block.items.map((item) => [item.term, cellValue(item.runs)] as const));
    case 'list':
      return richList(doc, block.items, block.ordered);
    case 'code':
      return codeBlock(doc, '', block.text);
    case 'figure':
      return codeBlock(doc, block.caption, block.code);
    case 'uptime-chart':
      return uptimeChart(doc, block);
    case 'table': {
      const columns = block.columns.map((c) => ({ header: c.header, width: c.width, ...(c.numeric ? { align: 'right' as const } : {}), ...(c.mono ? { face: 'mono' as const } : {}) }));
      const rows = block.rows.map((row) => row.map((cell) => cellValue(cell)));
      // The caption stays on the page the table starts on.
      const caption = doc.font('bold').fontSize(sizes.body).heightOfString(block.caption, { width: contentWidth(doc) });
      ensureSpace(doc, caption + doc.currentLineHeight() * 0.5 + tableStartHeight(doc, columns, rows));
      richParagraph(doc, [strong(text(block.caption))]);
      return table(doc, columns, rows);
    }
  }
}

/** Draws every section of the Document in order, under the titles and anchors of the page. */
export function renderDocument(doc: Doc, document: Document, after?: (section: DocumentSection) => void): void {
  document.sections.forEach((section, i) => {
    if (i > 0) doc.moveDown(0.4);
    sectionHeading(doc, section);
    for (const block of blocksFor(section.blocks, 'pdf')) drawBlock(doc, block);
    after?.(section);
  });
}
