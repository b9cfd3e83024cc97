/**
 * What #uptime, the PDF and sla.json say of measured availability: the computed windows (src/model/uptime-windows.ts)
 * rounded and worded once — the last CHART_WINDOWS as a chart and a data table, each missed window with its credit,
 * where every figure came from (file, fetched at, SHA-256), and how downtime is counted. Pure.
 */
import { PROBE_SAMPLE_MAX_MS, UPTIME_FORMAT_NAMES, isoSeconds, type UptimeHistoryItem, type UptimeProvenance } from '../model/uptime-history.ts';
import type { UptimeWindow } from '../model/uptime-windows.ts';
import { duration, minutes, percent } from '../model/units.ts';
import { strong, text, value, type Block, type Inline } from './blocks.ts';
import type { UptimeChartBlock } from './uptime-block.ts';

/** The windows the page and the PDF show; sla.json carries every window. */
export const CHART_WINDOWS = 12;

/** A version's measured availability: its windows, oldest first, and the sources they index. */
export interface PublishedUptime {
  readonly windows: readonly UptimeWindow[];
  readonly sources: readonly UptimeProvenance[];
}

/**
 * The windows a version's page shows: for the latest version every one; for an archived version those that ended
 * before its successor took effect, so an archived page stays as it was published. Undefined when none: nothing is said.
 */
export function publishedUptime(windows: readonly UptimeWindow[], sources: readonly UptimeProvenance[], successorEffective?: string): PublishedUptime | undefined {
  const until = successorEffective === undefined ? Infinity : Date.parse(`${successorEffective}T00:00:00Z`);
  const shown = windows.filter((w) => w.end <= until || successorEffective === undefined);
  return shown.length > 0 ? { windows: shown, sources } : undefined;
}

// Figures as published: availability rounded DOWN (a missed window never reads as the target), downtime UP.
const availabilityOf = (w: UptimeWindow): number => Number((BigInt(Math.round(w.coveredMs - w.downtimeMs)) * 100_000n) / BigInt(Math.round(w.coveredMs))) / 1000;
const downtimeMinutesOf = (w: UptimeWindow): number => Math.ceil(w.downtimeMs / 600) / 100;
const budgetOf = (w: UptimeWindow): number => Math.round(w.budget_used_percent * 10) / 10;
const noDataMinutesOf = (w: UptimeWindow): number => Math.round(w.noDataMs / 60_000);

const sourcesOf = (uptime: PublishedUptime, w: UptimeWindow): UptimeProvenance[] => w.sources.map((i) => uptime.sources[i]!);
const productsOf = (provenance: readonly UptimeProvenance[]): string[] => [...new Set(provenance.map((p) => UPTIME_FORMAT_NAMES[p.format]))];

/** sla.json's uptime.history[]: every window. */
export function uptimeHistoryJson(uptime: PublishedUptime): UptimeHistoryItem[] {
  return uptime.windows.map((w) => {
    const provenance = sourcesOf(uptime, w);
    return {
      window: w.window,
      start: isoSeconds(w.start),
      end: isoSeconds(w.end),
      version: w.version,
      target_percent: w.target_percent,
      availability_percent: availabilityOf(w),
      downtime_minutes: downtimeMinutesOf(w),
      budget_used_percent: budgetOf(w),
      met: w.met,
      credit_percent: w.credit_percent,
      partial: w.partial,
      no_data_minutes: noDataMinutesOf(w),
      source: productsOf(provenance),
      provenance: provenance.map((p) => ({ ...p })),
    };
  });
}

const periodWord = (w: UptimeWindow) => (w.kind === 'calendar-quarter' ? 'calendar quarter' : 'calendar month');

function windowLabel(w: UptimeWindow): string {
  if (w.to_date) return `${w.window} (to date)`;
  if (w.partial) return `${w.window} (partial)`;
  return w.window;
}

function partialNote(w: UptimeWindow): string | undefined {
  const notes: string[] = [];
  if (w.to_date) notes.push(`running, measured through ${isoSeconds(w.measuredEnd - 1).slice(0, 10)}`);
  if (w.noDataMs > 0) notes.push(`${minutes(noDataMinutesOf(w))} without data, left out of the availability`);
  return notes.length > 0 ? notes.join('; ') : undefined;
}

const creditText = (w: UptimeWindow) => (w.credit_percent === null ? 'not due yet (window running)' : w.credit_percent === 0 ? 'none' : `${percent(w.credit_percent)} of ${w.basis}`);

/** Where the figures of the shown windows come from, one sentence per file. */
function provenanceRuns(uptime: PublishedUptime, shown: readonly UptimeWindow[]): Inline[] {
  const used = [...new Set(shown.flatMap((w) => w.sources))].sort((a, b) => a - b).map((i) => uptime.sources[i]!);
  const items = used.map((p) => `${UPTIME_FORMAT_NAMES[p.format]}, ${p.file} (fetched ${p.fetched_at}, SHA-256 ${p.sha256})`);
  return [text('Measured from: '), value(`${items.join('; ')}.`)];
}

const RULES =
  'How it is computed: downtime is the union of the outages every source records, so an outage two sources report counts once; ' +
  `a probe sample stands for the time until the next one, at most ${minutes(PROBE_SAMPLE_MAX_MS / 60_000)}, and a longer gap is no data, neither up nor down; ` +
  'a list of outages covers its windows from the first one it records up to the build date; ' +
  'availability is the share of the time with data that was not downtime; maintenance is excluded only as the exclusions above allow; ' +
  'the error budget is the downtime the target allows over the whole window; the credit is the tier the availability falls in, under the version in force on the window’s first day.';

/** The blocks #uptime shows; none without data. */
export function uptimeHistoryBlocks(uptime: PublishedUptime | undefined): Block[] {
  if (!uptime || uptime.windows.length === 0) return [];
  const shown = uptime.windows.slice(-CHART_WINDOWS);
  const period = periodWord(shown.at(-1)!);
  const missed = shown.filter((w) => !w.met && !w.to_date);
  const blocks: Block[] = [
    { type: 'heading', text: 'Measured availability', id: 'uptime-history' },
    chart(shown, period),
    {
      type: 'table',
      caption: `Measured availability per ${period}`,
      columns: [
        { header: 'Window', width: 0.18 },
        { header: 'Availability', numeric: true, width: 0.13 },
        { header: 'Target', numeric: true, width: 0.1 },
        { header: 'Downtime', numeric: true, width: 0.14 },
        { header: 'Error budget used', numeric: true, width: 0.13 },
        { header: 'Credit owed', width: 0.32 },
      ],
      rows: shown.map((w) => [
        [value(windowLabel(w))],
        [value(percent(availabilityOf(w)))],
        [value(`${percent(w.target_percent)} ${w.met ? 'met' : 'missed'}${w.to_date ? ' so far' : ''}`)],
        [value(duration(Math.ceil(w.downtimeMs / 1000)))],
        [value(percent(budgetOf(w)))],
        [value(creditText(w))],
      ]),
    },
  ];
  if (missed.length > 0) {
    blocks.push({ type: 'paragraph', runs: [strong(text('Missed windows and credits owed.'))] });
    blocks.push({
      type: 'list',
      ordered: false,
      items: missed.map((w) => [
        value(`${w.window}: ${percent(availabilityOf(w))} measured against the ${percent(w.target_percent)} target of version ${w.version} (${duration(Math.ceil(w.downtimeMs / 1000))} of downtime); credit owed: ${creditText(w)}.`),
      ]),
    });
  }
  const notes = shown.flatMap((w) => {
    const note = partialNote(w);
    return note ? [`${w.window}: ${note}`] : [];
  });
  if (notes.length > 0) blocks.push({ type: 'paragraph', style: 'provenance', runs: [text('Partial windows: '), value(`${notes.join('. ')}.`)] });
  blocks.push({ type: 'paragraph', style: 'provenance', runs: provenanceRuns(uptime, shown) });
  blocks.push({ type: 'paragraph', style: 'provenance', runs: [text(RULES)] });
  return blocks;
}

/** The chart: bars from a round floor below the lowest figure (or the target) up to 100%, and the target line. */
function chart(shown: readonly UptimeWindow[], period: string): UptimeChartBlock {
  const figures = shown.map(availabilityOf);
  const target = shown.at(-1)!.target_percent;
  const lowest = Math.min(target, ...figures, ...shown.map((w) => w.target_percent));
  const floor = [99.9, 99.5, 99, 98, 95, 90, 80, 50, 0].find((c) => c <= lowest - (100 - lowest) * 0.25) ?? 0;
  const at = (v: number) => Math.max(0, Math.min(1, (v - floor) / (100 - floor)));
  const words = shown.map((w, i) => `${windowLabel(w)} ${percent(figures[i]!)}, ${w.met ? 'met' : 'missed'}${w.credit_percent ? `, credit owed ${percent(w.credit_percent)}` : ''}`);
  return {
    type: 'uptime-chart',
    title: `Measured availability per ${period} against the ${percent(target)} target`,
    description: `Bar chart of availability from ${percent(floor)} to 100%, target line at ${percent(target)}. ${words.join('; ')}.`,
    target: { fraction: at(target), label: `target ${percent(target)}` },
    ticks: [floor, 100].map((v) => ({ fraction: at(v), label: percent(v) })),
    bars: shown.map((w, i) => ({ label: w.window, valueText: percent(figures[i]!), fraction: at(figures[i]!), met: w.met, partial: w.partial })),
  };
}
