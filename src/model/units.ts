/**
 * The one wording module: how values read (units from their key, durations, percentages, dates, plurals, lists) on
 * the page, in the PDF, the changelog, the feeds and the CLIs. Pure; nothing else words a figure.
 */

const units: readonly (readonly [suffix: string, one: string, many: string])[] = [
  ['_percent', '%', '%'],
  ['_ms', ' ms', ' ms'],
  ['_days', ' day', ' days'],
  ['_hours', ' hour', ' hours'],
  ['_seconds', ' second', ' seconds'],
  ['_bits', ' bits', ' bits'],
];

/** Enumerated policy values as words, by the key that holds them. */
const enumWords: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  window: { 'calendar-month': 'calendar month', 'calendar-quarter': 'calendar quarter' },
};

/** 1000 -> "1,000", 0.5 -> "0.5": at most 6 decimals, thousands grouped as en-US does. */
export function formatNumber(value: number): string {
  return grouped(value, 6);
}

// Written out rather than Intl.NumberFormat: setting up ICU's number formatting costs every `slapage validate` ~30 ms.
// Rounds half up on the number's shortest decimal form, as Intl does, so 2.005 reads "2.01".
function grouped(value: number, maxDecimals: number): string {
  const text = String(Math.abs(value));
  if (text.includes('e')) return new Intl.NumberFormat('en-US', { maximumFractionDigits: maxDecimals }).format(value);
  let [whole = '0', fraction = ''] = text.split('.');
  if (fraction.length > maxDecimals) {
    const up = fraction[maxDecimals]! >= '5' ? 1n : 0n;
    const digits = (BigInt(whole + fraction.slice(0, maxDecimals)) + up).toString().padStart(maxDecimals + 1, '0');
    whole = digits.slice(0, digits.length - maxDecimals);
    fraction = digits.slice(digits.length - maxDecimals);
  }
  fraction = fraction.replace(/0+$/, '');
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  return sign + whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction ? `.${fraction}` : '');
}

/** "99.95%", "30 days", "1 day", "48 hours", "1 hour" (60 minutes); lists joined with commas; booleans as yes/no. */
export function formatValue(key: string, value: unknown): string {
  if (Array.isArray(value)) return value.map((item) => formatValue(key, item)).join(', ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') {
    if (key.endsWith('_minutes')) return minutes(value);
    if (key.endsWith('_ms') && value >= 1000) return milliseconds(value);
    if (key.endsWith('_seconds') && value >= 120 && value % 60 === 0) return minutes(value / 60);
    const unit = units.find(([suffix]) => key.endsWith(suffix));
    const text = formatNumber(value);
    return unit ? `${text}${value === 1 ? unit[1] : unit[2]}` : text;
  }
  if (typeof value === 'string') return enumWords[key]?.[value] ?? value;
  throw new Error(`${key}: cannot show a ${typeof value} as text`);
}

/** 99.95 -> "99.95%". */
export function percent(value: number): string {
  return formatValue('_percent', value);
}

/** A count with its noun: plural(1, 'day') -> "1 day", plural(3, 'business day') -> "3 business days". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatNumber(count)} ${count === 1 ? one : many}`;
}

/** A whole number of days: "1 day", "30 days". */
export function days(count: number): string {
  return plural(count, 'day');
}

/** Minutes as people say them: 15 -> "15 minutes", 60 -> "1 hour", 1440 -> "24 hours". */
export function minutes(count: number): string {
  return count >= 60 && count % 60 === 0 ? plural(count / 60, 'hour') : plural(count, 'minute');
}

/** Milliseconds as people write them: 850 -> "850 ms", 20000 -> "20 s", 1500 -> "1.5 s", 90000 -> "1 min 30 s". */
export function milliseconds(value: number): string {
  if (value < 1000) return `${formatNumber(value)} ms`;
  if (value >= 60_000 && value % 1000 === 0) return duration(value / 1000);
  return `${formatNumber(value / 1000)} s`;
}

/** A span of seconds in every non-zero unit, largest first: "4 min 19 s", "3 h 36 min", "1 d 2 h". */
export function duration(totalSeconds: number): string {
  const steps = [
    ['d', 86400],
    ['h', 3600],
    ['min', 60],
    ['s', 1],
  ] as const;
  let rest = Math.floor(totalSeconds);
  const parts: string[] = [];
  for (const [name, size] of steps) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0) parts.push(`${count} ${name}`);
  }
  return parts.length > 0 ? parts.join(' ') : '0 s';
}

/** Items in a comma list: ["a", "b", "c"] -> "a, b, c" (how the policy's lists read everywhere). */
export function list(items: readonly string[]): string {
  return items.join(', ');
}

/** Items in a sentence: ["a", "b", "c"] -> "a, b and c". */
export function series(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** An ISO date as written in the policy ("2026-05-15"): dates are shown as they are contracted, never localised. */
export function date(iso: string): string {
  return iso;
}

/** An amount of money in the worked example's currency-free form: 1000 -> "1,000", 2.5 -> "2.5". */
export function amount(value: number): string {
  return grouped(value, 2);
}
