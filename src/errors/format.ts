/** Renders problems for people (text), machines (json) and GitHub pull requests (workflow annotations). */
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
export function summary(problems: readonly Problem[], valid: number): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (errors === 0) return `✓ ${plural(valid, 'version')} valid` + (warnings > 0 ? `, ${plural(warnings, 'warning')}` : '');
  return `✗ ${plural(errors, 'error')}, ${plural(warnings, 'warning')}; ${plural(valid, 'version')} valid`;
}
