/**
 * The measured-availability chart (src/document/uptime-block.ts) in vector: bars, the target line and the axis
 * labels, tagged as one Figure whose alt text gives every bar's figure; its title above as a P. Words nothing itself.
 */
import type { UptimeChartBlock } from '../document/uptime-block.ts';
import type { Doc } from './document.ts';
import { body, colors, contentWidth, ensureSpace, sizes } from './layout.ts';
import { leaf } from './tags.ts';

const PLOT_HEIGHT = 120;
const AXIS_WIDTH = 44;
const LABEL_SPACE = 26;
const MISSED = '#b3261e';
const MET = '#2f6f4f';

export function uptimeChart(doc: Doc, block: UptimeChartBlock): void {
  ensureSpace(doc, PLOT_HEIGHT + LABEL_SPACE + 40);
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  leaf(doc, 'P', () => doc.font('bold').fontSize(sizes.body).fillColor(colors.ink).text(block.title, left, doc.y, { width }));
  doc.moveDown(0.3);
  const top = doc.y;
  const plotLeft = left + AXIS_WIDTH;
  const plotWidth = width - AXIS_WIDTH;
  const yOf = (fraction: number) => top + PLOT_HEIGHT * (1 - fraction);
  leaf(
    doc,
    'Figure',
    () => {
      doc.save();
      doc.lineWidth(0.5).strokeColor(colors.rule);
      doc.moveTo(plotLeft, top).lineTo(plotLeft, top + PLOT_HEIGHT).lineTo(plotLeft + plotWidth, top + PLOT_HEIGHT).stroke();
      doc.font('regular').fontSize(sizes.small).fillColor(colors.muted);
      for (const tick of block.ticks) doc.text(tick.label, left, yOf(tick.fraction) - 4, { width: AXIS_WIDTH - 4, align: 'right', lineBreak: false });
      const slot = plotWidth / Math.max(block.bars.length, 1);
      const barWidth = Math.min(28, slot * 0.6);
      block.bars.forEach((bar, i) => {
        const x = plotLeft + slot * i + (slot - barWidth) / 2;
        const y = yOf(bar.fraction);
        doc.rect(x, y, barWidth, top + PLOT_HEIGHT - y).fillOpacity(bar.partial ? 0.45 : 1).fill(bar.met ? MET : MISSED);
        doc.fillOpacity(1).fillColor(colors.ink).fontSize(6.5).text(bar.valueText, plotLeft + slot * i, y - 9, { width: slot, align: 'center', lineBreak: false });
        doc.fillColor(colors.muted).fontSize(sizes.small).text(bar.label, plotLeft + slot * i, top + PLOT_HEIGHT + 4, { width: slot, align: 'center', lineBreak: false });
      });
      const targetY = yOf(block.target.fraction);
      doc.moveTo(plotLeft, targetY).lineTo(plotLeft + plotWidth, targetY).lineWidth(0.8).dash(3, { space: 2 }).strokeColor(colors.ink).stroke().undash();
      doc.fillColor(colors.ink).fontSize(sizes.small).text(block.target.label, plotLeft + plotWidth - 90, targetY - 10, { width: 90, align: 'right', lineBreak: false });
      doc.restore();
    },
    { alt: block.description, bbox: [left, top, left + width, top + PLOT_HEIGHT + LABEL_SPACE] },
  );
  doc.x = left;
  doc.y = top + PLOT_HEIGHT + LABEL_SPACE;
  body(doc);
}
