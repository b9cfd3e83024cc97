/** Wording the PDF derives from policy values: durations, plurals, lists, percentages. Pure. (Downtime and the 429 sample come from src/site, shared with the page.) */

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
