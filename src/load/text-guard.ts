/** Refuses characters that hide or reorder text: NUL and other controls, lone surrogates, bidi controls, BOMs, zero-width characters and soft hyphens. */
import type { Scalar } from 'yaml';
import type { Problem } from '../errors/catalog.ts';
import type { SourceFile } from './source-file.ts';

interface Rule {
  readonly pattern: RegExp;
  readonly what: string;
  readonly hint: string;
}

const rules: readonly Rule[] = [
  { pattern: /\u0000/, what: 'a NUL character', hint: 'remove it; NUL truncates text in many programs' },
  { pattern: /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/, what: 'a lone surrogate', hint: 'remove the \\u escape; it is half of a character' },
  {
    pattern: /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/,
    what: 'a bidirectional control character',
    hint: 'remove it; bidi controls can make text display in a different order than it reads (Trojan Source)',
  },
  { pattern: /\uFEFF/, what: 'a byte-order mark', hint: 'save the file as UTF-8 without BOM, and remove stray U+FEFF characters' },
  {
    // Two names that look identical but differ by an invisible character would be two sub-processors, and a rename
    // would look unchanged in the changelog; in prose they only hide what a reviewer reads.
    pattern: /[\u200B-\u200D\u2060\u00AD]/,
    what: 'an invisible character',
    hint: 'remove it; zero-width characters, word joiners and soft hyphens make text that looks the same compare different',
  },
  { pattern: /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/, what: 'a control character', hint: 'remove it; only tabs and line breaks are allowed in text' },
];

/** Problems for one string scalar, located at the offending character when it is written literally. */
export function checkText(file: SourceFile, node: Scalar): Problem[] {
  const value = node.value as string;
  const problems: Problem[] = [];
  for (const rule of rules) {
    const match = rule.pattern.exec(value);
    if (!match) continue;
    const char = match[0];
    const start = node.range?.[0] ?? 0;
    const end = node.range?.[1] ?? start;
    const literal = file.text.indexOf(char, start);
    const offset = literal !== -1 && literal < end ? literal : start;
    problems.push(file.problemAt(offset, 'text-control', { what: rule.what, codepoint: codepoint(char), hint: rule.hint }));
  }
  return problems;
}

/** Checks raw file text once, before parsing: a BOM or NUL outside any scalar must be caught too. */
export function checkRawText(file: SourceFile): Problem[] {
  const problems: Problem[] = [];
  for (const rule of [rules[0]!, rules[3]!]) {
    const match = rule.pattern.exec(file.text);
    if (match) problems.push(file.problemAt(match.index, 'text-control', { what: rule.what, codepoint: codepoint(match[0]), hint: rule.hint }));
  }
  return problems;
}

function codepoint(char: string): string {
  return 'U+' + char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
}
