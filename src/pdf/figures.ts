/** Figures the PDF derives from policy values: allowed downtime per period, durations, lists in prose. Pure. */

const DAY_SECONDS = 86_400;

/** Periods the downtime budget is shown for; a month is 30 days, as credits are usually computed. */
export const downtimePeriods = [
  { label: 'per 30-day month', seconds: 30 * DAY_SECONDS },
  { label: 'per week', seconds: 7 * DAY_SECONDS },
  { label: 'per day', seconds: DAY_SECONDS },
] as const;

/** Seconds of downtime that `targetPercent` allows over `periodSeconds`, rounded down to whole seconds. */
export function allowedDowntimeSeconds(targetPercent: number, periodSeconds: number): number {
  // Work in basis points of a hundredth to avoid 100 - 99.99 = 0.010000000000005116.
  const downMillionths = Math.round((100 - targetPercent) * 10_000);
  return Math.floor((periodSeconds * downMillionths) / 1_000_000);
}

/** 259 -> "4 min 19 s"; 3600 -> "1 h"; 90061 -> "1 d 1 h 1 min 1 s". */
export function formatSeconds(total: number): string {
  if (total === 0) return '0 s';
  const parts: string[] = [];
  const units: [number, string][] = [[DAY_SECONDS, 'd'], [3600, 'h'], [60, 'min'], [1, 's']];
  let rest = total;
  for (const [size, unit] of units) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0) parts.push(`${n} ${unit}`);
  }
  return parts.join(' ');
}

/** Minutes as people say them: 15 -> "15 minutes", 60 -> "1 hour", 1440 -> "24 hours". */
export function formatMinutes(minutes: number): string {
  if (minutes >= 60 && minutes % 60 === 0) return plural(minutes / 60, 'hour');
  return plural(minutes, 'minute');
}

export function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** ["a", "b", "c"] -> "a, b and c". */
export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** 99.95 -> "99.95%" without float noise. */
export function percent(value: number): string {
  return `${Number(value.toFixed(4))}%`;
}
