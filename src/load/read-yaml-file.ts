/** Reads one YAML file defensively (regular file, size cap, UTF-8, text guard, plain YAML 1.2) and checks it against a zod schema. */
import { lstatSync, readFileSync } from 'node:fs';
import type { z } from 'zod';
import type { Problem } from '../errors/catalog.ts';
import { MAX_FILE_BYTES, parseYaml } from './parse-yaml.ts';
import { problemsFromIssues } from './schema-issues.ts';
import { SourceFile } from './source-file.ts';
import { checkRawText } from './text-guard.ts';

export type FileResult = { source?: SourceFile; problems: Problem[] } & ({ value: unknown } | {});

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
  const result = schema.safeParse(value, { reportInput: true });
  if (!result.success) return { source, problems: problemsFromIssues(source, schema, value, result.error.issues) };
  return { source, problems: [], value: result.data };
}

export function kilobytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
