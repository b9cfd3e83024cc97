/** Loads one version folder: reads each file, parses it defensively, validates it, applies the cross-file rules. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Problem } from '../errors/catalog.ts';
import { fileKinds, fileNameOf, fileSchemas, optionalKinds, type FileKind, type Nda, type Policy } from '../model/policy.ts';
import { checkRules } from '../model/rules.ts';
import { MAX_FILE_BYTES, parseYaml } from './parse-yaml.ts';
import { problemsFromIssues } from './schema-issues.ts';
import { SourceFile } from './source-file.ts';
import { closest } from './suggest.ts';
import { checkRawText } from './text-guard.ts';

export interface LoadedVersion {
  /** The folder name, which is the version. */
  readonly version: string;
  readonly dir: string;
  /** The validated public policy; nothing from nda.yaml. */
  readonly policy: Policy;
  /** The NDA annex, when the version has one. Never hand it to a public renderer. */
  readonly nda: Nda | undefined;
  /** The parsed files, for locating later findings (notice periods, measurements) and for embedding sources. */
  readonly files: Readonly<Partial<Record<FileKind, SourceFile>>>;
}

export interface VersionResult {
  readonly loaded: LoadedVersion | undefined;
  readonly problems: Problem[];
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Reads and validates the version in `dir`; `loaded` is undefined when any problem is an error. */
export function loadVersion(dir: string, version: string): VersionResult {
  const problems: Problem[] = [];
  const files: Partial<Record<FileKind, SourceFile>> = {};
  const data: Partial<Record<FileKind, unknown>> = {};
  const display = (name: string) => relative(process.cwd(), join(dir, name)) || name;
  const present = new Set(readdirSync(dir).filter((name) => !name.startsWith('.')));
  const knownNames = fileKinds.map(fileNameOf);

  for (const name of [...present].sort()) {
    if (!knownNames.includes(name)) {
      const stub = new SourceFile(display(name), '');
      problems.push(stub.problemAtLine(0, 0, 'unknown-file', { file: name, version, suggestion: closest(name, knownNames), known: knownNames.join(', ') }));
    }
  }

  for (const kind of fileKinds) {
    const name = fileNameOf(kind);
    const path = join(dir, name);
    const file = new SourceFile(display(name), '');
    if (!present.has(name)) {
      if (!optionalKinds.has(kind)) problems.push(file.problemAtLine(0, 0, 'missing-file', { version, file: name }));
      continue;
    }
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) {
      problems.push(file.problemAtLine(1, 1, 'file-too-large', { size, limit: MAX_FILE_BYTES }));
      continue;
    }
    const bytes = readFileSync(path);
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      problems.push(file.problemAtLine(0, 0, 'not-utf8'));
      continue;
    }
    const source = new SourceFile(file.path, text);
    files[kind] = source;
    const rawProblems = checkRawText(source);
    if (rawProblems.length > 0) {
      problems.push(...rawProblems);
      continue;
    }
    const yamlProblems = parseYaml(source);
    if (yamlProblems.length > 0 || !source.doc) {
      problems.push(...yamlProblems);
      continue;
    }
    const value: unknown = source.doc.toJS({ maxAliasCount: 0 });
    if (value === null || value === undefined) {
      problems.push(source.problemAtLine(1, 1, 'empty-file', { file: name }));
      continue;
    }
    const schema = fileSchemas[kind];
    const result = schema.safeParse(value, { reportInput: true });
    if (!result.success) {
      problems.push(...problemsFromIssues(source, schema, value, result.error.issues));
      continue;
    }
    data[kind] = result.data;
  }

  if (problems.length > 0) return { loaded: undefined, problems };

  const { nda, ...rest } = data;
  const policy = rest as Policy;
  for (const issue of checkRules(policy, version)) {
    problems.push(files[issue.kind]!.problemAtPath(issue.path, issue.code, issue.params));
  }
  if (problems.length > 0) return { loaded: undefined, problems };
  return { loaded: { version, dir, policy, nda: nda as Nda | undefined, files }, problems };
}
