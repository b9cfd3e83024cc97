/** How changes read in summaries: the sentence for each kind of change; values read as src/model/units.ts words them. */
import { formatValue } from '../model/units.ts';

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
