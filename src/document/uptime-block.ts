/** The measured-availability chart as the Document carries it: bars and a target line as fractions of the chart's height, every label worded. Both renderers draw it (src/components/UptimeHistory.astro, src/pdf/uptime-chart.ts). */

export interface UptimeChartBar {
  /** The window, e.g. "2026-11". */
  readonly label: string;
  /** "99.861%". */
  readonly valueText: string;
  /** Height: 0 at the axis minimum, 1 at 100%. */
  readonly fraction: number;
  readonly met: boolean;
  /** Running or with time without data: drawn hatched/lighter. */
  readonly partial: boolean;
}

export interface UptimeChartBlock {
  readonly type: 'uptime-chart';
  readonly only?: 'page' | 'pdf';
  /** The SVG's <title>, the PDF Figure's caption. */
  readonly title: string;
  /** The SVG's <desc> and the PDF Figure's alt text: every bar's figure in words. */
  readonly description: string;
  readonly target: { readonly fraction: number; readonly label: string };
  /** Axis labels, bottom to top. */
  readonly ticks: readonly { readonly fraction: number; readonly label: string }[];
  readonly bars: readonly UptimeChartBar[];
}
