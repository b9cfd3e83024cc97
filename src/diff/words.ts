/** How values and changes read in summaries: units from the key's suffix, and the sentence for each kind of change. */

const units: readonly (readonly [string, (n: number) => string])[] = [
  ['_percent', (n) => `${n}%`],
  ['_ms', (n) => `${n} ms`],
  ['_seconds', (n) => plural(n, 'second')],
  ['_minutes', (n) => plural(n, 'minute')],
  ['_hours', (n) => plural(n, 'hour')],
  ['_days', (n) => plural(n, 'day')],
  ['_bits', (n) => plural(n, 'bit')],
];

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** A value as a sentence shows it: `key` is the policy key that holds it, whose suffix names the unit. */
export function formatValue(key: string, value: unknown): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') {
    const unit = units.find(([suffix]) => key.endsWith(suffix));
    return unit ? unit[1](value) : String(value);
  }
  if (Array.isArray(value)) return value.map((v) => formatValue(key, v)).join(', ');
  return String(value);
}

/** The label with its `{item}` filled in. */
export function subject(label: string, item: string | undefined): string {
  return item === undefined ? label : label.replaceAll('{item}', item);
}

export function numberChanged(subjectText: string, key: string, from: number, to: number): string {
  return `${subjectText} ${to > from ? 'raised' : 'lowered'} from ${formatValue(key, from)} to ${formatValue(key, to)}`;
}

export function valueChanged(subjectText: string, key: string, from: unknown, to: unknown): string {
  return `${subjectText} changed from ${formatValue(key, from)} to ${formatValue(key, to)}`;
}

export function reworded(subjectText: string): string {
  return `${subjectText} reworded`;
}

export function valueAdded(subjectText: string, key: string, to: unknown): string {
  return `${subjectText} added: ${formatValue(key, to)}`;
}

export function valueRemoved(subjectText: string, key: string, from: unknown): string {
  return `${subjectText} removed: ${formatValue(key, from)}`;
}
