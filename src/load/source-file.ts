/** One policy file as read from disk: its text, its YAML tree, and how to turn a path into line:column. */
import { codeFrameColumns } from '@babel/code-frame';
import { isMap, isPair, isScalar, isSeq, LineCounter, type Document, type Node, type Pair } from 'yaml';
import { describe, type ErrorCode, type Problem, type ProblemParams } from '../errors/catalog.ts';

export type Path = readonly (string | number)[];

export class SourceFile {
  /** Path shown to users, relative to the working directory. */
  readonly path: string;
  readonly text: string;
  readonly lines: LineCounter;
  #doc: Document.Parsed | undefined;
  #parse: (() => Document.Parsed) | undefined;

  constructor(path: string, text: string, lines: LineCounter = new LineCounter()) {
    this.path = path;
    this.text = text;
    this.lines = lines;
  }

  /** The YAML tree, once parsed (parse-yaml.ts sets it) or on first use when parsing was deferred with {@link parseLater}. */
  get doc(): Document.Parsed | undefined {
    if (this.#parse) {
      this.#doc = this.#parse();
      this.#parse = undefined;
    }
    return this.#doc;
  }

  set doc(doc: Document.Parsed | undefined) {
    this.#doc = doc;
    this.#parse = undefined;
  }

  /**
   * Defers building the tree until a problem needs a location: a valid JSON run file is read with JSON.parse, and
   * its YAML tree (only ever used to locate problems) costs more than the rest of reading it.
   */
  parseLater(parse: () => Document.Parsed): void {
    this.#doc = undefined;
    this.#parse = parse;
  }

  /** 1-based line and column of a character offset. */
  position(offset: number): { line: number; column: number } {
    if (this.lines.lineStarts.length === 0) indexLines(this.lines, this.text);
    const { line, col } = this.lines.linePos(Math.max(0, Math.min(offset, this.text.length)));
    return { line, column: col };
  }

  /** A problem at a character offset. */
  problemAt(offset: number, code: ErrorCode, params?: ProblemParams): Problem {
    const { line, column } = this.position(offset);
    return this.problemAtLine(line, column, code, params);
  }

  problemAtLine(line: number, column: number, code: ErrorCode, params?: ProblemParams): Problem {
    const frame = line > 0 && this.text.length > 0 ? codeFrameColumns(this.text, { start: { line, column } }, { linesAbove: 1, linesBelow: 1 }) : undefined;
    return { file: this.path, line, column, ...describe(code, params), ...(frame ? { frame } : {}) };
  }

  /** A problem located at the value (or key) a path points to; see {@link locate}. */
  problemAtPath(path: Path, code: ErrorCode, params?: ProblemParams, target: 'value' | 'key' = 'value'): Problem {
    return this.problemAt(this.locate(path, target), code, params);
  }

  /**
   * The offset for a path in the tree: the value's start, or with target 'key' the key's start.
   * When the path does not exist (a missing key), the nearest existing parent's key.
   */
  locate(path: Path, target: 'value' | 'key' = 'value'): number {
    let node: unknown = this.doc?.contents;
    let pair: Pair | undefined;
    for (const segment of path) {
      const next = child(node, segment);
      if (!next) return pair && isScalar(pair.key) ? start(pair.key) : start(node);
      pair = next.pair;
      node = next.node;
    }
    if (target === 'key' && pair && isScalar(pair.key)) return start(pair.key);
    // A key present with no value ("summary:") has no value node: point at the key.
    if (node === null || node === undefined) return pair && isScalar(pair.key) ? start(pair.key) : 0;
    return start(node);
  }

  /** The source text of the value at a path, as written (e.g. "3.10" for a number). */
  sourceOf(path: Path): string | undefined {
    let node: unknown = this.doc?.contents;
    for (const segment of path) {
      node = child(node, segment)?.node;
      if (!node) return undefined;
    }
    const range = (node as Node).range;
    return range ? this.text.slice(range[0], range[1]).trim() : undefined;
  }
}

function child(node: unknown, segment: string | number): { node: unknown; pair?: Pair } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
    return pair ? { node: pair.value, pair } : undefined;
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment];
    return item === undefined ? undefined : { node: item };
  }
  if (isPair(node)) return child(node.value, segment);
  return undefined;
}

function start(node: unknown): number {
  const range = (node as Node | undefined)?.range;
  return range ? range[0] : 0;
}

function indexLines(lines: LineCounter, text: string): void {
  lines.addNewLine(0);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
}
