/** Shows a policy value with the unit its key carries (_percent, _ms, _days, _hours, _minutes), and finds values by dotted path. */

const units: readonly (readonly [suffix: string, one: string, many: string])[] = [
  ['_percent', '%', '%'],
  ['_ms', ' ms', ' ms'],
  ['_days', ' day', ' days'],
  ['_hours', ' hour', ' hours'],
  ['_minutes', ' minute', ' minutes'],
  ['_seconds', ' second', ' seconds'],
  ['_bits', ' bits', ' bits'],
];

/** "99.95%", "30 days", "1 day", "48 hours"; lists joined with commas; booleans as yes/no. */
export function formatValue(key: string, value: unknown): string {
  if (Array.isArray(value)) return value.map((item) => formatValue(key, item)).join(', ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') {
    const unit = units.find(([suffix]) => key.endsWith(suffix));
    const text = value.toLocaleString('en-US', { maximumFractionDigits: 6 });
    return unit ? `${text}${value === 1 ? unit[1] : unit[2]}` : text;
  }
  if (typeof value === 'string') return value;
  throw new Error(`${key}: cannot show a ${typeof value} as text`);
}

/** The value at a dotted path like "uptime.target_percent"; a wrong path fails the build instead of printing nothing. */
export function valueAt(root: unknown, path: string): unknown {
  let node: unknown = root;
  for (const segment of path.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, segment)) throw new Error(`no policy value at "${path}"`);
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}
