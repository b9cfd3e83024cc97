/** How a policy value reads with the unit its key carries (_percent, _ms, _days, …): one wording for the page, the PDF and the changelog. Pure. */

const units: readonly (readonly [suffix: string, one: string, many: string])[] = [
  ['_percent', '%', '%'],
  ['_ms', ' ms', ' ms'],
  ['_days', ' day', ' days'],
  ['_hours', ' hour', ' hours'],
  ['_minutes', ' minute', ' minutes'],
  ['_seconds', ' second', ' seconds'],
  ['_bits', ' bits', ' bits'],
];

// One formatter for the process: each toLocaleString call would set up ICU number formatting again.
let formatter: Intl.NumberFormat | undefined;
const numberFormat = () => (formatter ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 }));

/** "99.95%", "30 days", "1 day", "48 hours"; lists joined with commas; booleans as yes/no. */
export function formatValue(key: string, value: unknown): string {
  if (Array.isArray(value)) return value.map((item) => formatValue(key, item)).join(', ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') {
    const unit = units.find(([suffix]) => key.endsWith(suffix));
    const text = numberFormat().format(value);
    return unit ? `${text}${value === 1 ? unit[1] : unit[2]}` : text;
  }
  if (typeof value === 'string') return value;
  throw new Error(`${key}: cannot show a ${typeof value} as text`);
}

