/** Loads one version folder: reads each file, parses it defensively, validates it, applies the cross-file rules. */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Problem } from '../errors/catalog.ts';
import { fileKinds, fileNameOf, fileSchemas, optionalKinds, type FileKind, type Nda, type Policy } from '../model/policy.ts';
import { checkRules } from '../model/rules.ts';
import { readYamlFile } from './read-yaml-file.ts';
import { SourceFile } from './source-file.ts';
import { closest } from './suggest.ts';

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

/** Beyond this many problems in one file the rest are counted, not listed: one mistake can echo. */
export const MAX_PROBLEMS_PER_FILE = 20;

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
      problems.push(stub.problemAtLine(1, 1, 'unknown-file', { file: name, version, suggestion: closest(name, knownNames), known: knownNames.join(', ') }));
    }
  }

  for (const kind of fileKinds) {
    const name = fileNameOf(kind);
    if (!present.has(name)) {
      if (!optionalKinds.has(kind)) problems.push(new SourceFile(display(name), '').problemAtLine(0, 0, 'missing-file', { version, file: name }));
      continue;
    }
    const result = readYamlFile(join(dir, name), display(name), name, fileSchemas[kind]);
    if (result.source) files[kind] = result.source;
    if ('value' in result) data[kind] = result.value;
    problems.push(...capped(result.problems, result.source ?? new SourceFile(display(name), '')));
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

/** Drops exact repeats (one value can fail two checks with the same message) and caps the count. */
function capped(problems: readonly Problem[], file: SourceFile): Problem[] {
  const seen = new Set<string>();
  const unique = problems.filter((p) => {
    const key = `${p.line}:${p.column}:${p.code}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (unique.length <= MAX_PROBLEMS_PER_FILE) return unique;
  const last = unique[MAX_PROBLEMS_PER_FILE - 1]!;
  return [...unique.slice(0, MAX_PROBLEMS_PER_FILE), file.problemAtLine(last.line, last.column, 'more-problems', { count: unique.length - MAX_PROBLEMS_PER_FILE })];
}
