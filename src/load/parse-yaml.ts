/**
 * Defensive YAML parsing: YAML 1.2 core schema only, and everything that makes a file read
 * differently from how it looks (aliases, merge keys, tags, directives, several documents,
 * duplicate or non-string keys, warnings) is refused with its location.
 */
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, visit, type Document, type Node } from 'yaml';
import type { Problem } from '../errors/catalog.ts';
import type { SourceFile } from './source-file.ts';
import { checkText } from './text-guard.ts';

/** Per-file cap: policy files are a few KB; this stops 10 MB inputs before parsing. */
export const MAX_FILE_BYTES = 256 * 1024;
/** Deepest nesting a policy file needs is ~5; anything far beyond is hostile or broken. */
export const MAX_DEPTH = 24;
/**
 * The YAML composer recurses per nesting level and overflows the stack near 2,000 levels, so
 * lines that could nest that deep are refused before parsing; the exact depth check runs after.
 */
const PRESCAN_DEPTH = 200;
/** A date or timestamp written without quotes. */
const UNQUOTED_DATE = /^\d{4}-\d{2}-\d{2}([Tt ][0-9:.]+([Zz]|[+-]\d{2}:?\d{2})?)?$/;
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Parses a file's text into its one YAML document, or reports why not. Sets `file.doc` on success. */
export function parseYaml(file: SourceFile): Problem[] {
  const tooDeep = flowDepthExceeded(file.text) ?? blockDepthExceeded(file.text);
  if (tooDeep !== undefined) return [file.problemAt(tooDeep, 'yaml-too-deep', { limit: MAX_DEPTH })];

  let docs: Document.Parsed[];
  try {
    const parsed = parseAllDocuments(file.text, {
      version: '1.2',
      schema: 'core',
      uniqueKeys: true,
      merge: false,
      strict: true,
      prettyErrors: false,
      lineCounter: file.lines,
    });
    docs = Array.isArray(parsed) ? parsed : [];
    if (!Array.isArray(parsed)) return [file.problemAt(0, 'yaml-syntax', { detail: 'unreadable document stream' })];
  } catch (error) {
    if (error instanceof RangeError) return [file.problemAt(0, 'yaml-too-deep', { limit: MAX_DEPTH })];
    throw error;
  }

  const problems: Problem[] = [];
  const [doc, second] = docs;
  if (second) problems.push(file.problemAt(second.range[0], 'yaml-multiple-documents'));
  if (!doc) return problems;

  // After the first syntax error the rest of the file is read out of step: later errors are
  // mostly echoes of it, so only the first is shown. Duplicate keys are independent of each other.
  const firstSyntax = doc.errors.find((e) => e.code !== 'DUPLICATE_KEY');
  if (firstSyntax?.code === 'RESOURCE_EXHAUSTION') return [file.problemAt(firstSyntax.pos[0], 'yaml-too-deep', { limit: MAX_DEPTH })];
  const indentation = firstSyntax ? indentationProblem(file, firstSyntax.code, firstSyntax.pos[0]) : undefined;
  if (indentation) problems.push(indentation);
  else if (firstSyntax) {
    const detail = firstSyntax.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    problems.push(file.problemAt(firstSyntax.pos[0], 'yaml-syntax', { detail, tab: /tab/i.test(firstSyntax.message) ? 'yes' : undefined }));
  }
  for (const error of doc.errors) {
    if (error.code === 'DUPLICATE_KEY') problems.push(file.problemAt(error.pos[0], 'yaml-duplicate-key', { key: keyTextAt(file.text, error.pos[0]) }));
  }
  for (const warning of doc.warnings) {
    if (warning.code === 'TAG_RESOLVE_FAILED') {
      const tag = warning.message.replace(/^Unresolved tag: /, '').replace('tag:yaml.org,2002:', '!!');
      problems.push(file.problemAt(warning.pos[0], 'yaml-tag', { tag }));
    } else {
      problems.push(file.problemAt(warning.pos[0], 'yaml-warning', { detail: warning.message.split('\n')[0] }));
    }
  }
  const directives = doc.directives;
  if (directives && (directives.yaml.explicit || Object.keys(directives.tags).some((t) => t !== '!!'))) {
    const match = /^%.*$/m.exec(file.text);
    problems.push(file.problemAt(match?.index ?? 0, 'yaml-directive', { directive: match?.[0].trim() ?? '%' }));
  }
  if (problems.length > 0) return problems;

  problems.push(...checkTree(file, doc));
  if (problems.length === 0) file.doc = doc;
  return problems;
}

interface Line {
  readonly number: number;
  readonly start: number;
  readonly indent: number;
  readonly text: string;
}

/** The file's lines with content (not blank, not only a comment). */
function contentLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  text.split('\n').forEach((raw, i) => {
    const body = raw.trimStart();
    if (body !== '' && !body.startsWith('#')) lines.push({ number: i + 1, start, indent: raw.length - body.length, text: body });
    start += raw.length + 1;
  });
  return lines;
}

const spaces = (n: number) => `${n} space${n === 1 ? '' : 's'}`;
const keyOf = (line: Line) => /^(?:- )?([^:#]+):/.exec(line.text)?.[1]?.trim() ?? line.text;

/**
 * The parser's indentation errors in plain words, located on the line that is out of step: a line indented under a key
 * that already has its value, or a key that lines up with neither its neighbours nor its parent.
 */
function indentationProblem(file: SourceFile, code: string, offset: number): Problem | undefined {
  const lines = contentLines(file.text);
  const at = lines.findLastIndex((l) => l.start <= offset);
  if (at === -1) return undefined;
  if (code === 'BLOCK_AS_IMPLICIT_KEY' || code === 'MULTILINE_IMPLICIT_KEY') {
    const owner = lines[at]!;
    const next = lines[at + 1];
    if (!next || next.indent <= owner.indent) return undefined;
    return file.problemAt(next.start + next.indent, 'yaml-indentation', {
      detail: `${spaces(next.indent)}, deeper than \`${keyOf(owner)}\` on line ${owner.number}, which already has a value on its line`,
      hint: `indent it ${spaces(owner.indent)} to line it up with \`${keyOf(owner)}\`, or, if it belongs under \`${keyOf(owner)}\`, remove the value after that colon`,
    });
  }
  if (code === 'BAD_INDENT') {
    const line = lines[at]!;
    const before = lines.slice(0, at).reverse();
    const sibling = before.find((l) => l.indent > line.indent);
    const parent = before.find((l) => l.indent < line.indent);
    if (!sibling && !parent) return undefined;
    const options = [
      sibling ? `${spaces(sibling.indent)} to put it beside \`${keyOf(sibling)}\` (line ${sibling.number})` : undefined,
      parent ? `${spaces(parent.indent)} to put it beside \`${keyOf(parent)}\` (line ${parent.number})` : undefined,
    ].filter(Boolean);
    return file.problemAt(line.start + line.indent, 'yaml-indentation', {
      detail: `${spaces(line.indent)}, which lines it up with no key above it`,
      hint: `indent it ${options.join(', or ')}; keys of one mapping start in the same column`,
    });
  }
  return undefined;
}

function checkTree(file: SourceFile, doc: Document.Parsed): Problem[] {
  const problems: Problem[] = [];
  const at = (node: Node) => node.range?.[0] ?? 0;
  visit(doc, {
    Alias(_, node) {
      problems.push(file.problemAt(at(node), 'yaml-alias', { name: node.source }));
    },
    Node(_, node) {
      if (isAlias(node)) return;
      if (node.anchor) problems.push(file.problemAt(at(node), 'yaml-alias', { name: node.anchor, anchor: 'yes' }));
      if (node.tag) problems.push(file.problemAt(tagStart(file.text, at(node)), 'yaml-tag', { tag: node.tag.replace('tag:yaml.org,2002:', '!!') }));
      if (isScalar(node) && typeof node.value === 'string') problems.push(...checkText(file, node));
      // YAML 1.2 reads an unquoted 2026-05-15 as text, but other YAML readers (1.1) make it a timestamp: dates are quoted.
      if (isScalar(node) && node.type === 'PLAIN' && typeof node.value === 'string' && UNQUOTED_DATE.test(node.value)) {
        problems.push(file.problemAt(at(node), 'date-unquoted', { date: node.value }));
      }
    },
    Pair(_, pair) {
      const key = pair.key;
      if (!isScalar(key) || typeof key.value !== 'string') {
        const offset = (key as Node | null)?.range?.[0] ?? 0;
        problems.push(file.problemAt(offset, 'yaml-non-string-key', { key: file.text.slice(offset, (key as Node | null)?.range?.[1] ?? offset).trim() || 'null' }));
        return;
      }
      if (key.value === '<<') problems.push(file.problemAt(at(key), 'yaml-merge-key'));
      else if (RESERVED_KEYS.has(key.value)) problems.push(file.problemAt(at(key), 'yaml-proto-key', { key: key.value }));
    },
  });
  const deep = findDeepNode(doc.contents, 0);
  if (deep) problems.push(file.problemAt(at(deep), 'yaml-too-deep', { limit: MAX_DEPTH }));
  return problems;
}

/** A node's range starts after its tag; point at the tag's `!` when it is on the same line. */
function tagStart(text: string, nodeStart: number): number {
  const bang = text.lastIndexOf('!', nodeStart);
  return bang !== -1 && !text.slice(bang, nodeStart).includes('\n') ? bang : nodeStart;
}

/** The key as written at a duplicate-key error's offset: a quoted key whole, a plain key up to its colon. */
function keyTextAt(text: string, offset: number): string {
  const rest = text.slice(offset, text.indexOf('\n', offset) === -1 ? undefined : text.indexOf('\n', offset));
  const quoted = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')/.exec(rest);
  if (quoted) return quoted[1]!;
  return /^(.*?)\s*:(?:\s|$)/.exec(rest)?.[1] ?? rest.trim();
}

/**
 * Block nesting needs one more column of indentation per level, or one more compact `- ` / `? `
 * indicator on the same line; a line whose indentation plus indicators exceeds the prescan depth
 * could nest that deep. Returns the offset of such a line.
 */
function blockDepthExceeded(text: string): number | undefined {
  const line = /^( *)((?:[-?][ \t]+)*)/gm;
  for (let match = line.exec(text); match; match = line.exec(text)) {
    const indicators = match[2]!.replace(/[ \t]/g, '').length;
    if (match[1]!.length + indicators > PRESCAN_DEPTH) return match.index + match[1]!.length;
    if (match[0].length === 0) line.lastIndex++;
  }
  return undefined;
}

function findDeepNode(node: unknown, depth: number): Node | undefined {
  if (!isMap(node) && !isSeq(node)) return undefined;
  if (depth >= MAX_DEPTH) return node;
  for (const item of node.items) {
    const value = isMap(node) ? (item as { value: unknown }).value : item;
    const found = findDeepNode(value, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * Flow collections ([[[[…) nest without indentation and make the YAML composer recurse;
 * this linear scan refuses them before parsing. Quoted strings and comments are skipped.
 */
function flowDepthExceeded(text: string): number | undefined {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
      else if (c === '\n' && quote === "'") quote = undefined;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf('\n', i);
      if (end === -1) break;
      i = end;
    } else if ((c === '"' || c === "'") && (i === 0 || /[\s:,[{]/.test(text[i - 1]!))) quote = c;
    else if (c === '[' || c === '{') {
      if (++depth > MAX_DEPTH) return i;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
    else if (c === '\n' && depth === 0) quote = undefined;
  }
  return undefined;
}
