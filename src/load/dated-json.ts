/**
 * The committed run files of a project, one JSON file per run named by its date (content/measurements/,
 * content/evidence/): each parsed, schema-checked and located, so a problem carries the file:line:column of the
 * offending value. A missing folder means no runs, not an error.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isScalar, parseDocument, visit } from 'yaml';
import type { z } from 'zod';
import type { ErrorCode, Problem } from '../errors/catalog.ts';
import { SourceFile } from './source-file.ts';

/** Run files are a few KB; anything far larger is not one. */
const MAX_BYTES = 256 * 1024;
const FILE_NAME = /^\d{4}-\d{2}-\d{2}(-\d+)?\.json$/;

export interface DatedKind<T> {
  readonly schema: z.ZodType<T>;
  /** The catalog entry a bad file is reported under. */
  readonly code: ErrorCode & ('measurement-invalid' | 'evidence-invalid');
  /** "a measurement", "evidence": how a message names one file. */
  readonly what: string;
  /** The day the run was taken, which the file name must start with. */
  readonly dateOf: (data: T) => string;
}

export interface DatedFile<T> {
  /** The file as problems show it (relative to the working directory). */
  readonly file: string;
  readonly data: T;
  readonly source: SourceFile;
}

export function loadDatedFiles<T>(dir: string, kind: DatedKind<T>): { files: DatedFile<T>[]; problems: Problem[] } {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return { files: [], problems: [] };
  const files: DatedFile<T>[] = [];
  const problems: Problem[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.json')) continue;
    const result = readDated(join(dir, name), name, kind);
    if ('file' in result) files.push(result);
    else problems.push(...result.problems);
  }
  return { files, problems };
}

/** The next free file name for a run on `date` in `dir`: 2026-11-30.json, then 2026-11-30-2.json, … */
export function datedFileName(dir: string, date: string): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${date}.json` : `${date}-${n}.json`;
    if (!existsSync(join(dir, name))) return name;
  }
}

function readDated<T>(path: string, name: string, kind: DatedKind<T>): DatedFile<T> | { problems: Problem[] } {
  const shown = relative(process.cwd(), path) || name;
  const stub = new SourceFile(shown, '');
  const invalid = (detail: string) => ({ problems: [stub.problemAtLine(1, 1, kind.code, { detail })] });
  if (!FILE_NAME.test(name)) return invalid(`the file name ${name} is not a date like 2026-11-23.json (or 2026-11-23-2.json for a second run that day)`);
  if (statSync(path).size > MAX_BYTES) return invalid(`the file is too large to be ${kind.what}`);
  const text = readFileSync(path, 'utf8');
  const source = new SourceFile(shown, text);
  // JSON is YAML 1.2 flow syntax: the YAML tree gives each value's position for locating problems, so it is built only
  // when one is located. Without the shared line counter: `position` indexes the lines itself when the tree has not.
  source.parseLater(() => parseDocument(text, { uniqueKeys: false }));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // V8's message quotes the file's bytes; keep only its first clause and locate the spot ourselves.
    const detail = `not valid JSON (${String((error as Error).message).split(/,|\n| in JSON/)[0]})`;
    return { problems: [source.problemAt(jsonErrorOffset(source), kind.code, { detail })] };
  }
  // jitless: see read-yaml-file.ts (a parser compiled per schema costs more than a few files save).
  const parsed = kind.schema.safeParse(value, { jitless: true });
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => {
        const at = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
        return source.problemAtPath(at, kind.code, { detail: `${at.length > 0 ? at.join('.') + ': ' : ''}${issue.message}` });
      }),
    };
  }
  const date = kind.dateOf(parsed.data);
  if (!name.startsWith(date)) return { problems: [source.problemAtPath(['taken_at'], kind.code, { detail: `taken on ${date} but the file is named ${name}` })] };
  return { file: shown, data: parsed.data, source };
}

/** Where a file that JSON.parse refused goes wrong: the first YAML syntax error, else the first unquoted word (JSON quotes every string). */
function jsonErrorOffset(source: SourceFile): number {
  const syntax = source.doc?.errors[0];
  if (syntax) return syntax.pos[0];
  let offset = 0;
  if (source.doc) {
    visit(source.doc, {
      Scalar(_key, node) {
        if (isScalar(node) && node.type === 'PLAIN' && typeof node.value === 'string' && node.range) {
          offset = node.range[0];
          return visit.BREAK;
        }
        return undefined;
      },
    });
  }
  return offset;
}
