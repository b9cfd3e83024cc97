/** Renders problems for people (text), machines (json) and GitHub pull requests (workflow annotations). */
import { resolve, sep } from 'node:path';
import type { Problem } from './catalog.ts';

export const formats = ['text', 'json', 'github'] as const;
export type Format = (typeof formats)[number];

export function formatProblems(problems: readonly Problem[], format: Format): string {
  switch (format) {
    case 'json':
      return JSON.stringify(
        problems.map(({ file, line, column, code, severity, message, hint }) => ({ file, line, column, code, severity, message, hint: hint ?? null })),
        null,
        2,
      );
    case 'github':
      return problems.map(annotation).join('\n');
    case 'text':
      return problems.map(textBlock).join('\n\n');
  }
}

export function location(p: Pick<Problem, 'file' | 'line' | 'column'>): string {
  return p.line > 0 ? `${p.file}:${p.line}:${p.column}` : p.file;
}

function textBlock(p: Problem): string {
  const lines = [`${location(p)}: ${p.severity}: ${p.message} [${p.code}]`];
  if (p.hint) lines.push(`  hint: ${p.hint}`);
  if (p.frame) lines.push(p.frame.replace(/^/gm, '  '));
  return lines.join('\n');
}

/** GitHub workflow commands: data escaping per the toolkit's rules (%, CR, LF; and , : in properties). */
function annotation(p: Problem): string {
  const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const prop = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const props = [`file=${prop(p.file)}`];
  if (p.line > 0) props.push(`line=${p.line}`, `col=${p.column}`);
  props.push(`title=${prop(p.code)}`);
  const text = p.hint ? `${p.message}\n${p.hint}` : p.message;
  return `::${p.severity === 'error' ? 'error' : 'warning'} ${props.join(',')}::${data(text)}`;
}

/** The closing line; `valid` counts the versions that loaded without errors. */
/**
 * The last line of a run, with true counts: errors include those a capped file did not show ("N more problems"), and a
 * version counts as valid only when none of the errors is in its folder. `versions` is the loaded versions' folders
 * (or, where only a count is known, that count).
 */
export function summary(problems: readonly Problem[], versions: number | readonly string[]): string {
  const hidden = problems.filter((p) => p.code === 'more-problems').reduce((sum, p) => sum + Number(/^(\d+) more/.exec(p.message)?.[1] ?? 0), 0);
  const errors = problems.filter((p) => p.severity === 'error' && p.code !== 'more-problems').length + hidden;
  const warnings = problems.filter((p) => p.severity === 'warning').length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const total = typeof versions === 'number' ? versions : versions.length;
  const valid = typeof versions === 'number' ? versions : versions.filter((dir) => !problems.some((p) => p.severity === 'error' && inside(p.file, dir))).length;
  const counted = valid === total ? plural(total, 'version') : `${valid} of ${plural(total, 'version')}`;
  if (errors === 0) return `✓ ${counted} valid` + (warnings > 0 ? `, ${plural(warnings, 'warning')}` : '');
  return `✗ ${plural(errors, 'error')}${hidden > 0 ? ` (${hidden} not shown)` : ''}, ${plural(warnings, 'warning')}; ${counted} valid`;
}

function inside(file: string, dir: string): boolean {
  const path = resolve(file);
  const folder = resolve(dir);
  return path === folder || path.startsWith(folder + sep);
}
