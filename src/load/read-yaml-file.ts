/** Reads one YAML file defensively (regular file, size cap, UTF-8, text guard, plain YAML 1.2) and checks it against a zod schema. */
import { lstatSync, readFileSync } from 'node:fs';
import type { z } from 'zod';
import type { Problem } from '../errors/catalog.ts';
import { MAX_FILE_BYTES, parseYaml } from './parse-yaml.ts';
import { problemsFromIssues } from './schema-issues.ts';
import { SourceFile } from './source-file.ts';
import { checkRawText } from './text-guard.ts';

export type FileResult = { source?: SourceFile; problems: Problem[] } & ({ value: unknown } | Record<never, never>);

// ignoreBOM keeps a leading BOM in the text, so the text guard reports it instead of it vanishing.
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** `value` is set only when the file is valid; `name` is the file's name as problems mention it. */
export function readYamlFile(path: string, shown: string, name: string, schema: z.ZodType): FileResult {
  const stub = new SourceFile(shown, '');
  // lstat, not stat: a symbolic link committed in a pull request must not make CI print another file's lines.
  const stat = lstatSync(path);
  if (!stat.isFile()) return { problems: [stub.problemAtLine(0, 0, 'not-a-file', { file: name, what: stat.isSymbolicLink() ? 'a symbolic link' : stat.isDirectory() ? 'a folder' : 'not a regular file' })] };
  const size = stat.size;
  if (size > MAX_FILE_BYTES) return { problems: [stub.problemAtLine(1, 1, 'file-too-large', { size: kilobytes(size), limit: kilobytes(MAX_FILE_BYTES) })] };
  let text: string;
  try {
    text = decoder.decode(readFileSync(path));
  } catch {
    return { problems: [stub.problemAtLine(1, 1, 'not-utf8')] };
  }
  const source = new SourceFile(shown, text);
  const rawProblems = checkRawText(source);
  if (rawProblems.length > 0) return { source, problems: rawProblems };
  const yamlProblems = parseYaml(source);
  if (yamlProblems.length > 0) return { source, problems: yamlProblems };
  const value: unknown = source.doc?.toJS({ maxAliasCount: 0 });
  if (value === null || value === undefined) return { source, problems: [stub.problemAtLine(1, 1, 'empty-file', { file: name })] };
  const todos = placeholders(value);
  const todoProblems = todos.map(({ path, what }) => source.problemAtPath(path, 'todo-placeholder', { field: path.join('.'), what }));
  // jitless: zod would otherwise compile a parser per object schema with `new Function`, which costs more than it saves
  // when each schema checks a handful of files (a cold `slapage validate` spent ~15% of its time compiling them).
  const result = schema.safeParse(value, { reportInput: true, jitless: true });
  if (!result.success) {
    // A placeholder where a number or date belongs fails the schema too; the placeholder says it better.
    const isTodo = (path: readonly PropertyKey[]) => todos.some((t) => t.path.length === path.length && t.path.every((k, i) => k === path[i]));
    const issues = result.error.issues.filter((issue) => !isTodo(issue.path));
    return { source, problems: [...todoProblems, ...problemsFromIssues(source, schema, value, issues)] };
  }
  if (todoProblems.length > 0) return { source, problems: todoProblems };
  return { source, problems: [], value: result.data };
}

/** `slapage init` writes "TODO: what belongs here" where it cannot know the value; each is an error until filled in. */
const TODO = /^TODO\b:?\s*/;

function placeholders(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; what: string }[] {
  if (typeof value === 'string') return TODO.test(value) ? [{ path, what: value.replace(TODO, '') || 'a value' }] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => placeholders(item, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => placeholders(item, [...path, key]));
  return [];
}

export function kilobytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
