/**
 * The diff engine: (older Policy, newer Policy) -> Change[]. Walks the schemas in declaration order,
 * matches list items by their identity key (never by position), and judges each change with the
 * direction table. Pure and deterministic.
 */
import { publicKinds, publicSchemas, type Policy, type PublicKind } from '../model/policy.ts';
import type { CreditTier } from '../model/credits.ts';
import { sectionOf } from '../model/sections.ts';
import { flip, type Change, type ChangeKind, type Direction } from './change.ts';
import { directions, type Entry, type Rule } from './directions.ts';
import { shapeOf, type Shape } from './schema-walk.ts';
import { formatValue } from '../model/units.ts';
import { numberChanged, reworded, subject, valueAdded, valueChanged, valueRemoved } from './words.ts';

type Segment = string | number;
type Item = Record<string, unknown>;

interface Context {
  readonly kind: PublicKind;
  readonly section: string;
  /** The direction table key, e.g. "latency.objectives[].p95_ms". */
  readonly pattern: string;
  /** The displayed path, e.g. "latency.objectives[operation=tools/call].p95_ms". */
  readonly path: string;
  /** Path in the newer version's file; shorter than `path` where the newer version lacks the value. */
  readonly at: readonly Segment[];
  /** The last key, whose suffix names the unit. */
  readonly key: string;
  /** The enclosing list item's name, for `{item}` in labels. */
  readonly item?: string;
}

export function diffPolicies(from: Policy, to: Policy): Change[] {
  const out: Change[] = [];
  for (const kind of publicKinds) {
    const context: Context = { kind, section: sectionOf(kind).id, pattern: kind, path: kind, at: [], key: kind };
    walk(shapeOf(publicSchemas[kind]), from[kind], to[kind], context, out);
  }
  return out;
}

/** A sub-processor that the newer version adds: it needs `subprocessors.notice_days` of notice. */
export function isNewSubprocessor(change: Change): boolean {
  return change.kind === 'added' && change.at[0] === 'subprocessors' && change.at[1] === 'entries' && change.at.length === 3;
}

function walk(shape: Shape, a: unknown, b: unknown, context: Context, out: Change[]): void {
  if (shape.type === 'object') {
    for (const [key, child] of shape.fields) {
      const before = (a as Item | undefined)?.[key];
      const after = (b as Item | undefined)?.[key];
      if (before === undefined && after === undefined) continue;
      const at = after === undefined ? context.at : [...context.at, key];
      walk(child, before, after, { ...context, pattern: `${context.pattern}.${key}`, path: `${context.path}.${key}`, at, key }, out);
    }
    return;
  }
  const entry = directions[context.pattern];
  // The direction table test walks every schema path, so this only fires for a table out of date.
  if (!entry) throw new Error(`no direction for ${context.pattern}: add it to src/diff/directions.ts`);
  const rule = entry.rule;
  if (rule.type === 'ignore' || rule.type === 'identity') return;
  if (shape.type === 'array') {
    const before = (a as unknown[] | undefined) ?? [];
    const after = (b as unknown[] | undefined) ?? [];
    if (rule.type === 'set') return diffSet(entry, rule.added, before, after, context, out);
    if (rule.type === 'keyed' || rule.type === 'credit-tiers') return diffKeyed(entry, rule, shape.element, before as Item[], after as Item[], context, out);
    throw new Error(`${context.pattern} is a list; its rule must be set, keyed or credit-tiers`);
  }
  diffLeaf(entry, rule, a, b, context, out);
}

function diffLeaf(entry: Entry, rule: Rule, a: unknown, b: unknown, context: Context, out: Change[]): void {
  if (a === b) return;
  const what = subject(entry.label, context.item);
  const { key } = context;
  // A commitment that appears is judged on its own value; one that disappears the opposite way (no longer promised).
  if (a === undefined) return void out.push(change(context, 'added', a, b, addedDirection(rule, b), valueAdded(what, key, b)));
  if (b === undefined) return void out.push(change(context, 'removed', a, b, flip(addedDirection(rule, a)), valueRemoved(what, key, a)));
  switch (rule.type) {
    case 'higher':
    case 'lower': {
      const raised = (b as number) > (a as number);
      const direction: Direction = raised === (rule.type === 'higher') ? 'stronger' : 'weaker';
      return void out.push(change(context, 'changed', a, b, direction, numberChanged(what, key, a as number, b as number)));
    }
    case 'prefer':
      return void out.push(change(context, 'changed', a, b, b === rule.value ? 'stronger' : 'weaker', valueChanged(what, key, a, b)));
    case 'rank': {
      const before = typeof a === 'string' ? rule.order.indexOf(a) : -1;
      const after = typeof b === 'string' ? rule.order.indexOf(b) : -1;
      const direction: Direction = before < 0 || after < 0 ? 'neutral' : after < before ? 'stronger' : 'weaker';
      return void out.push(change(context, 'changed', a, b, direction, valueChanged(what, key, a, b)));
    }
    case 'prose':
      return void out.push(change(context, 'changed', a, b, 'neutral', reworded(what)));
    case 'neutral':
      return void out.push(change(context, 'changed', a, b, 'neutral', valueChanged(what, key, a, b)));
    default:
      throw new Error(`${context.pattern} is a single value; rule ${rule.type} does not apply`);
  }
}

function judged(rule: Rule): boolean {
  return rule.type === 'higher' || rule.type === 'lower' || rule.type === 'prefer' || rule.type === 'rank';
}

/** A newly stated commitment is stronger, unless it states the weaker choice (passthrough on, no pinning). */
function addedDirection(rule: Rule, value: unknown): Direction {
  if (rule.type === 'prefer') return value === rule.value ? 'stronger' : 'weaker';
  if (rule.type === 'rank') return rule.order.indexOf(String(value)) === rule.order.length - 1 ? 'weaker' : 'stronger';
  return judged(rule) ? 'stronger' : 'neutral';
}

function diffSet(entry: Entry, added: Direction, a: readonly unknown[], b: readonly unknown[], context: Context, out: Change[]): void {
  const before = new Set(a);
  const after = new Set(b);
  const what = subject(entry.label, context.item);
  b.forEach((value, index) => {
    if (before.has(value) || b.indexOf(value) !== index) return;
    out.push(change({ ...context, path: `${context.path}[${String(value)}]`, at: [...context.at, index] }, 'added', null, value, added, valueAdded(what, context.key, value)));
  });
  a.forEach((value, index) => {
    if (after.has(value) || a.indexOf(value) !== index) return;
    out.push(change({ ...context, path: `${context.path}[${String(value)}]` }, 'removed', value, null, flip(added), valueRemoved(what, context.key, value)));
  });
}

function diffKeyed(
  entry: Entry,
  rule: Extract<Rule, { type: 'keyed' | 'credit-tiers' }>,
  element: Shape,
  a: readonly Item[],
  b: readonly Item[],
  context: Context,
  out: Change[],
): void {
  const keyOf = (item: Item) => item[rule.key] as string | number;
  const name = (key: string | number) => entry.item?.(key) ?? String(key);
  const older = new Map(a.map((item) => [keyOf(item), item]));
  const newer = new Set(b.map(keyOf));
  const itemContext = (key: string | number, at: readonly Segment[]): Context => ({ ...context, path: `${context.path}[${rule.key}=${key}]`, at, item: name(key) });

  b.forEach((item, index) => {
    const key = keyOf(item);
    const previous = older.get(key);
    const here = itemContext(key, [...context.at, index]);
    if (previous) return walk(element, previous, item, { ...here, pattern: `${context.pattern}[]` }, out);
    if (rule.type === 'credit-tiers') return void out.push(tierAdded(here, item as unknown as CreditTier, a as unknown as CreditTier[]));
    out.push(change(here, 'added', null, item, rule.added, `${entry.label} added: ${name(key)}`));
  });
  for (const item of a) {
    const key = keyOf(item);
    if (newer.has(key)) continue;
    const here = itemContext(key, context.at);
    if (rule.type === 'credit-tiers') out.push(tierRemoved(here, item as unknown as CreditTier, b as unknown as CreditTier[]));
    else out.push(change(here, 'removed', item, null, flip(rule.added), `${entry.label} removed: ${name(key)}`));
  }
}

/** The credit a schedule pays when uptime falls just below `below`: the best tier that starts at or above it. */
export function creditAt(tiers: readonly CreditTier[], below: number): number {
  return Math.max(0, ...tiers.filter((t) => t.below_percent >= below).map((t) => t.credit_percent));
}

// A tier's threshold moving (99.9 -> 99.95) shows as one tier removed and one added; judging each by
// what the other schedule pays at that threshold keeps the pair honest: the removal costs nothing there.
function tierAdded(context: Context, tier: CreditTier, older: readonly CreditTier[]): Change {
  const before = creditAt(older, tier.below_percent);
  const credit = formatValue('credit_percent', tier.credit_percent);
  const below = formatValue('below_percent', tier.below_percent);
  const was = before === 0 ? 'no credit there before' : `was ${formatValue('credit_percent', before)} there`;
  const direction: Direction = before < tier.credit_percent ? 'stronger' : 'neutral';
  return change(context, 'added', null, tier, direction, `Credit tier added: ${credit} credit when uptime is below ${below} (${was})`);
}

function tierRemoved(context: Context, tier: CreditTier, newer: readonly CreditTier[]): Change {
  const after = creditAt(newer, tier.below_percent);
  const credit = formatValue('credit_percent', tier.credit_percent);
  const below = formatValue('below_percent', tier.below_percent);
  const direction: Direction = after < tier.credit_percent ? 'weaker' : 'neutral';
  const now = after === 0 ? 'no credit' : formatValue('credit_percent', after);
  return change(context, 'removed', tier, null, direction, `Credit tier removed: ${credit} credit when uptime is below ${below} (now ${now} there)`);
}

function change(context: Context, kind: ChangeKind, from: unknown, to: unknown, direction: Direction, summary: string): Change {
  const made: Change = {
    section: context.section,
    path: context.path,
    kind,
    from: from ?? null,
    to: to ?? null,
    direction,
    material: direction === 'weaker',
    summary,
    at: [context.kind, ...context.at],
  };
  return isNewSubprocessor(made) ? { ...made, material: true } : made;
}
