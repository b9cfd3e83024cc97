/** Allowed downtime derived from an availability target: exact decimal arithmetic, whole seconds rounded down. */

/** Reference periods: a 30-day month (the common convention in SLAs) and a week. */
export const periods = [
  { id: 'month', label: 'per 30-day month', seconds: 30 * 24 * 3600 },
  { id: 'week', label: 'per week', seconds: 7 * 24 * 3600 },
] as const;

/** Seconds of downtime a target allows in a period, rounded down: the figure a customer may rely on. */
export function allowedDowntimeSeconds(targetPercent: number, periodSeconds: number): number {
  // 100 - 99.95 is 0.04999999999999716 in floating point; scale to integers so 99.95% of 30 days is exactly 1296 s.
  const scale = 10 ** decimals(targetPercent);
  const missing = Math.round(100 * scale) - Math.round(targetPercent * scale);
  return Math.floor((periodSeconds * missing) / (100 * scale));
}

/** Digits after the decimal point as written, e.g. 99.95 -> 2. */
export function decimals(value: number): number {
  const text = String(value);
  if (text.includes('e')) throw new Error(`unexpected exponent notation: ${text}`);
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : text.length - dot - 1;
}
