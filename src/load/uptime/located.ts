/**
 * How uptime loaders report a malformed file: a Problem under `uptime-invalid` at a line and column (CSV) or at the
 * value a JSON pointer names (JSON, YAML), located through the YAML tree only when there is a problem to locate.
 */
import { parseDocument } from 'yaml';
import type { Problem } from '../../errors/catalog.ts';
import { SourceFile } from '../source-file.ts';

/** Thrown inside a loader; loadUptime turns it into the file's one problem (a source is read whole or not at all). */
export class UptimeFileError extends Error {
  readonly at: { line: number; column: number } | { pointer: readonly (string | number)[] };
  constructor(at: UptimeFileError['at'], detail: string) {
    super(detail);
    this.at = at;
  }
}

export const atLine = (line: number, column: number, detail: string) => new UptimeFileError({ line, column }, detail);
export const atPointer = (pointer: readonly (string | number)[], detail: string) => new UptimeFileError({ pointer }, detail);

/** "/incidents/3/resolved_at" (RFC 6901). */
export function jsonPointer(path: readonly (string | number)[]): string {
  return path.length === 0 ? '(the document)' : '/' + path.map((p) => String(p).replaceAll('~', '~0').replaceAll('/', '~1')).join('/');
}

export function problemOf(file: string, text: string, error: UptimeFileError): Problem {
  const source = new SourceFile(file, text);
  if ('line' in error.at) return source.problemAtLine(error.at.line, error.at.column, 'uptime-invalid', { detail: error.message });
  source.doc = parseDocument(text, { lineCounter: source.lines, uniqueKeys: false });
  return source.problemAtPath(error.at.pointer, 'uptime-invalid', { detail: `${jsonPointer(error.at.pointer)}: ${error.message}` });
}

/** JSON.parse, a syntax error located at its offset. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = String((error as Error).message);
    const offset = Number(/position (\d+)/.exec(message)?.[1] ?? 0);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    throw atLine(line, offset - before.lastIndexOf('\n'), `not valid JSON (${message.split(/,|\n| in JSON/)[0]})`);
  }
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?Z$/;
const ISO_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** An ISO 8601 timestamp: UTC ("Z") only unless `offsets` (the products' APIs write local offsets). */
export function timestamp(value: unknown, offsets: boolean): number | undefined {
  if (typeof value !== 'string' || !(offsets ? ISO_OFFSET : ISO_UTC).test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

/** A JSON value's type as a message names it. */
export function kindOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}
