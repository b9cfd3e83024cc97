/** Turns zod issues into located problems with plain messages and hints. */
import type { z } from 'zod';
import type { Problem, ProblemParams } from '../errors/catalog.ts';
import type { ErrorCode } from '../errors/catalog.ts';
import type { Path, SourceFile } from './source-file.ts';
import { closest } from './suggest.ts';

type Issue = z.core.$ZodIssue & { input?: unknown };

const YAML11_BOOLEANS = /^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;

/** One problem per zod issue; unknown keys are split into one problem per key. */
export function problemsFromIssues(file: SourceFile, schema: z.ZodType, data: unknown, issues: readonly Issue[]): Problem[] {
  const problems: Problem[] = [];
  // A typo ("target_percnt") is one mistake: report the unknown key with its suggestion,
  // not also the required key it was meant to be.
  const suggested = new Set<string>();
  for (const issue of issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      const allowed = Object.keys(shapeAt(schema, path) ?? {});
      for (const key of issue.keys) {
        const suggestion = closest(key, allowed);
        if (suggestion) suggested.add(JSON.stringify([...path, suggestion]));
        problems.push(
          file.problemAtPath([...path, key], 'unknown-key', { key, where: where(path), suggestion, allowed: allowed.map((k) => `\`${k}\``).join(', ') }, 'key'),
        );
      }
    }
  }
  for (const issue of issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') continue;
    if (issue.code === 'invalid_type' && suggested.has(JSON.stringify(path)) && !hasPath(data, path)) continue;
    const [code, params] = classify(file, schema, data, path, issue);
    problems.push(file.problemAtPath(path, code, params));
  }
  return problems;
}

function classify(file: SourceFile, schema: z.ZodType, data: unknown, path: Path, issue: Issue): [ErrorCode, ProblemParams] {
  const field = fieldName(path);
  const present = hasPath(data, path);
  switch (issue.code) {
    case 'invalid_type': {
      if (!present) return ['missing-key', { key: String(path.at(-1)), where: where(path.slice(0, -1)), expected: expectedOf(issue.expected) }];
      const received = typeName(issue.input);
      const source = file.sourceOf(path);
      if (path.length === 1 && path[0] === 'version' && typeof issue.input === 'number') {
        return ['version-unquoted', { number: issue.input, source: source ?? String(issue.input) }];
      }
      let hint: string | undefined;
      if (issue.expected === 'boolean' && typeof issue.input === 'string' && YAML11_BOOLEANS.test(issue.input)) {
        hint = `YAML 1.2 reads ${issue.input} as text: write true or false`;
      } else if (typeof issue.input === 'number' && !Number.isFinite(issue.input)) {
        hint = 'write a plain decimal number, like 99.95';
      } else if ((issue.expected === 'number' || issue.expected === 'int') && typeof issue.input === 'string') {
        hint = 'write a bare number without quotes or units: the unit is in the key name';
      } else if (issue.expected === 'int' && typeof issue.input === 'number') {
        hint = 'use a whole number';
      } else if (issue.expected === 'string' && (leafAt(schema, path)?._zod?.def as { format?: string } | undefined)?.format === 'date') {
        // Quoting 2027 would still not be a date: the fix names the form a date takes.
        hint = 'write a quoted ISO date like "2026-05-15"';
      } else if (issue.expected === 'string' && typeof issue.input !== 'string' && issue.input !== null) {
        hint = `quote it: "${source ?? ''}"`;
      } else if (issue.input === null) {
        hint = 'the key has no value: write one after the colon';
      }
      if (!hint && issue.expected === 'array') hint = 'write a list: [a, b] on one line, or one `- item` per line';
      if (!hint && issue.expected === 'object') hint = path.length === 0 ? 'a policy file is a mapping of keys to values, one `key: value` per line' : 'write the keys under it, indented';
      hint ??= `write ${expectedOf(issue.expected)} here`;
      return ['invalid-type', { field, expected: expectedOf(issue.expected), received: issue.expected === 'int' && typeof issue.input === 'number' ? `${issue.input}` : received, hint }];
    }
    case 'invalid_value': {
      const values = issue.values.map((v) => JSON.stringify(v));
      // A missing enum key is one missing key, never "`undefined` is not one of …".
      if (!present) return ['missing-key', { key: String(path.at(-1)), where: where(path.slice(0, -1)), expected: `one of ${values.join(', ')}` }];
      const suggestion = typeof issue.input === 'string' ? closest(issue.input, issue.values.filter((v): v is string => typeof v === 'string')) : undefined;
      if (issue.values.length === 1) return ['invalid-format', { field, detail: issue.message, hint: `must be ${values[0]}` }];
      return ['invalid-value', { field, value: String(issue.input), allowed: values.join(', '), suggestion }];
    }
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const inclusive = issue.inclusive !== false;
      if (issue.origin === 'array' || issue.origin === 'set') {
        const detail = issue.code === 'too_small' ? `needs at least ${bound} item${Number(bound) === 1 ? '' : 's'}` : `has more than ${bound} items`;
        return ['out-of-range', { field, detail, hint: issue.code === 'too_small' ? 'add the missing entries' : 'remove entries' }];
      }
      if (issue.origin === 'string') {
        const detail = issue.code === 'too_small' ? (Number(bound) <= 1 ? 'must not be empty' : `is shorter than ${bound} characters`) : `is longer than ${bound} characters`;
        return ['out-of-range', { field, detail, hint: issue.code === 'too_small' ? 'write the text after the colon' : 'shorten the text' }];
      }
      const relation = issue.code === 'too_small' ? (inclusive ? 'at least' : 'greater than') : inclusive ? 'at most' : 'less than';
      return ['out-of-range', { field, detail: `must be ${relation} ${bound}, got ${String(issue.input)}`, hint: rangeHint(leafAt(schema, path), path) }];
    }
    case 'invalid_format': {
      // A date in the right shape that the calendar does not have: say so, not "expected a date".
      const day = issue.format === 'date' && typeof issue.input === 'string' ? noSuchDay(issue.input) : undefined;
      if (day) return ['invalid-format', { field, detail: day, hint: 'write a day the month has, quoted: "2026-02-28"' }];
      return ['invalid-format', { field, detail: issue.message, hint: formatHint(issue.format) }];
    }
    case 'custom':
      return ['invalid-format', { field, detail: issue.message, hint: customHint(issue) }];
    default:
      return ['invalid-format', { field, detail: issue.message }];
  }
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "no such day: February 2026 has 28 days" for "2026-02-30"; undefined for a string that is not YYYY-MM-DD at all. */
function noSuchDay(text: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12) return `no such day: ${text} has month ${match[2]}, and months run 01 to 12`;
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day < 1 || day > length ? `no such day: ${MONTHS[month - 1]} ${year} has ${length} days` : undefined;
}

function formatHint(format: string): string | undefined {
  switch (format) {
    case 'date':
      return 'dates are quoted ISO dates: "2026-05-15"';
    case 'datetime':
      return 'timestamps are quoted ISO timestamps: "2026-12-31T00:00:00Z"';
    case 'url':
      return 'links must be absolute https URLs; javascript:, data: and http: are refused';
    case 'email':
      return 'write a plain address like security@example.com';
    default:
      return undefined;
  }
}

type SchemaNode = { _zod?: { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown } } };

/** The object shape a path leads to in a schema, for listing allowed keys. */
function shapeAt(schema: z.ZodType, path: Path): Record<string, unknown> | undefined {
  const def = leafAt(schema, path)?._zod?.def;
  return def?.type === 'object' ? def.shape : undefined;
}

/** The (unwrapped) schema a path leads to. */
function leafAt(schema: z.ZodType, path: Path): SchemaNode | undefined {
  let current = unwrap(schema) as SchemaNode | undefined;
  for (const segment of path) {
    const def = current?._zod?.def;
    if (def?.type === 'object' && typeof segment === 'string') current = unwrap(def.shape?.[segment]) as SchemaNode | undefined;
    else if (def?.type === 'array') current = unwrap(def.element) as SchemaNode | undefined;
    else return undefined;
  }
  return current;
}

/** "allowed: greater than 0 and less than 100 (percent)", from the number schema's own checks. */
function rangeHint(leaf: SchemaNode | undefined, path: Path): string | undefined {
  const checks = (leaf?._zod?.def as { checks?: { _zod: { def: { check?: string; value?: unknown; inclusive?: boolean } } }[] } | undefined)?.checks ?? [];
  const parts: string[] = [];
  for (const { _zod } of checks) {
    const { check, value, inclusive } = _zod.def;
    if (typeof value !== 'number') continue;
    if (check === 'greater_than') parts.push(`${inclusive ? 'at least' : 'greater than'} ${value}`);
    if (check === 'less_than') parts.push(`${inclusive ? 'at most' : 'less than'} ${value}`);
  }
  if (parts.length === 0) return undefined;
  const unit = /_(percent|ms|days|hours|minutes|seconds|bits)$/.exec(String(path.at(-1) ?? ''))?.[1];
  const units: Record<string, string> = { percent: 'percent', ms: 'milliseconds', days: 'days', hours: 'hours', minutes: 'minutes', seconds: 'seconds', bits: 'bits' };
  return `allowed: ${parts.join(' and ')}${unit ? ` (${units[unit]})` : ''}`;
}

function customHint(issue: Issue): string | undefined {
  const params = (issue as { params?: { hint?: unknown } }).params;
  return typeof params?.hint === 'string' ? params.hint : undefined;
}

function unwrap(schema: unknown): unknown {
  let current = schema as { _zod?: { def?: { type?: string; innerType?: unknown; in?: unknown } } } | undefined;
  while (current?._zod?.def && ['optional', 'nullable', 'default', 'readonly'].includes(current._zod.def.type ?? '')) {
    current = current._zod.def.innerType as typeof current;
  }
  return current;
}

function hasPath(data: unknown, path: Path): boolean {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, segment)) return false;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return true;
}

function fieldName(path: Path): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '') || 'the file';
}

function where(path: Path): string | undefined {
  return path.length > 0 ? fieldName(path) : undefined;
}

function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `text ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
  // YAML's .nan and .inf are numbers to JavaScript but never a commitment.
  if (typeof value === 'number' && !Number.isFinite(value)) return `${String(value)} (YAML .nan or .inf), which is not a usable number`;
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- objects returned above: what is left is a primitive
  return `${typeof value} ${String(value)}`;
}

function expectedOf(expected: string): string {
  const names: Record<string, string> = { int: 'a whole number', number: 'a number', string: 'text', boolean: 'true or false', array: 'a list', object: 'a mapping' };
  return names[expected] ?? expected;
}
