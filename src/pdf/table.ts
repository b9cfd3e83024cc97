/**
 * Tables that break across pages between rows and repeat their header row on every page they reach; no page holds a
 * single row of a table that has more (the first two rows start together, the last two end together). Tagged as
 * Table > TR > TH (column scope) / TD; a repeated header row is an Artifact, so a reader meets it once.
 */
import type { Doc } from './document.ts';
import type { Face } from '../model/glyphs.ts';
import { bottom, colors, contentWidth, ensureSpace, sizes, valueText, type Value } from './layout.ts';
import { artifact, leaf, tag } from './tags.ts';

export interface Column {
  readonly header: string;
  /** Share of the content width; the shares of a table add up to 1. */
  readonly width: number;
  readonly align?: 'left' | 'right';
  readonly face?: Face;
}

const PAD = 4;

/** Draws `rows` under `columns`; a cell is text or a link. Leaves doc.y below the table. */
export function table(doc: Doc, columns: readonly Column[], rows: readonly (readonly (string | Value)[])[]): void {
  const left = doc.page.margins.left;
  const widths = columns.map((c) => c.width * contentWidth(doc));
  const cells = rows.map((row) => row.map((cell): Value => (typeof cell === 'string' ? { text: cell } : cell)));

  const headerHeight = rowHeight(doc, columns.map((c) => ({ text: c.header })), widths, () => 'bold');
  const faceOf = (i: number, cell: Value): Face => (cell.mono ? 'mono' : (columns[i]?.face ?? 'regular'));

  const drawHeader = (repeated: boolean) => {
    const y = doc.y;
    artifact(doc, () => doc.rect(left, y, sum(widths), headerHeight).fillColor(colors.fill).fill());
    const cells = () => {
      let x = left;
      columns.forEach((column, i) => {
        const draw = () => {
          doc.font('bold').fontSize(sizes.small).fillColor(colors.ink);
          doc.text(column.header, x + PAD, y + PAD, { width: widths[i]! - 2 * PAD, align: column.align ?? 'left' });
        };
        if (repeated) draw();
        else leaf(doc, 'TH', draw, { scope: 'Column' });
        x += widths[i]!;
      });
    };
    if (repeated) artifact(doc, cells, 'Pagination');
    else tag(doc, 'TR', cells);
    doc.y = y + headerHeight;
    rule(doc, left, doc.y, sum(widths), colors.muted);
  };

  const heights = cells.map((row) => rowHeight(doc, row, widths, (i, c) => faceOf(i, c)));
  ensureSpace(doc, startHeight(headerHeight, heights));
  tag(doc, 'Table', () => {
    drawHeader(false);
    let onPage = 0;
    cells.forEach((row, r) => {
      const height = heights[r]!;
      // The second-to-last row goes to the next page with the last one rather than leave it there alone.
      const need = r === cells.length - 2 && onPage > 0 ? height + heights[r + 1]! : height;
      if (doc.y + need > bottom(doc)) {
        doc.addPage();
        drawHeader(true);
        onPage = 0;
      }
      onPage++;
      const y = doc.y;
      let x = left;
      tag(doc, 'TR', () => {
        row.forEach((cell, i) => {
          const cellX = x;
          tag(doc, 'TD', () => {
            doc.font(faceOf(i, cell)).fontSize(cellSize(doc, cell.text, faceOf(i, cell), widths[i]! - 2 * PAD)).fillColor(colors.ink);
            valueText(doc, cell, cellX + PAD, y + PAD, { width: widths[i]! - 2 * PAD, align: columns[i]?.align ?? 'left' });
          });
          x += widths[i]!;
        });
      });
      doc.y = y + height;
      rule(doc, left, doc.y, sum(widths), colors.rule);
    });
  });
  doc.x = left;
  doc.y += 8;
  doc.font('regular').fontSize(sizes.body).fillColor(colors.ink);
}

/** The height the header row and the first two rows need together, so a table (and its caption) does not start with one row at a page's foot. */
function startHeight(headerHeight: number, heights: readonly number[]): number {
  return headerHeight + (heights[0] ?? 0) + (heights[1] ?? 0) + 4;
}

/** What `table` needs free on the page to start; a caption drawn above it calls ensureSpace with this plus its own height. */
export function tableStartHeight(doc: Doc, columns: readonly Column[], rows: readonly (readonly (string | Value)[])[]): number {
  const widths = columns.map((c) => c.width * contentWidth(doc));
  const cells = rows.slice(0, 2).map((row) => row.map((cell): Value => (typeof cell === 'string' ? { text: cell } : cell)));
  const heights = cells.map((row) => rowHeight(doc, row, widths, (i, c) => (c.mono ? 'mono' : (columns[i]?.face ?? 'regular'))));
  return startHeight(rowHeight(doc, columns.map((c) => ({ text: c.header })), widths, () => 'bold'), heights);
}

const MIN_SIZE = 6;

/**
 * The font size of a cell: the table's, or smaller for a value kept on one line (its spaces non-breaking, see
 * document/unbroken.ts) that would not fit its column, so "150 ms" shrinks a little instead of breaking inside.
 */
function cellSize(doc: Doc, text: string, face: Face, width: number): number {
  if (!text.includes('\u00a0') || /[ \n]/.test(text)) return sizes.small;
  let size: number = sizes.small;
  while (size > MIN_SIZE && doc.font(face).fontSize(size).widthOfString(text) > width) size -= 0.25;
  return size;
}

function rowHeight(doc: Doc, row: readonly Value[], widths: readonly number[], face: (i: number, cell: Value) => Face): number {
  let height = 0;
  row.forEach((cell, i) => {
    const h = doc.font(face(i, cell)).fontSize(cellSize(doc, cell.text, face(i, cell), widths[i]! - 2 * PAD)).heightOfString(cell.text, { width: widths[i]! - 2 * PAD });
    height = Math.max(height, h);
  });
  return height + 2 * PAD;
}

function rule(doc: Doc, x: number, y: number, width: number, color: string): void {
  artifact(doc, () => doc.moveTo(x, y).lineTo(x + width, y).lineWidth(0.5).strokeColor(color).stroke());
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
