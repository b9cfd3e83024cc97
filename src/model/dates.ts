/** Calendar arithmetic on ISO dates ("2026-05-15"), in UTC so results never depend on the machine's time zone. */

const DAY_MS = 86_400_000;

function utc(date: string): number {
  return Date.parse(date.length === 10 ? `${date}T00:00:00Z` : date);
}

/** Whole days from one date (or timestamp) to another; negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to) - utc(from)) / DAY_MS);
}

/** The date `days` after `date`. */
export function addDays(date: string, days: number): string {
  return new Date(utc(date) + days * DAY_MS).toISOString().slice(0, 10);
}
