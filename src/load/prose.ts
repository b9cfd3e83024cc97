/** Reads a project's section prose as text (never executed): content/sections/<anchor>.mdx, and content/v/<version>/<anchor>.mdx frozen as published. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** A prose file: its path relative to the project (shown in errors) and its text. */
export interface ProseFile {
  readonly file: string;
  readonly text: string;
}

export interface ProjectProse {
  /** content/sections/<anchor>.mdx by anchor. */
  readonly sections: Readonly<Record<string, ProseFile>>;
  /** content/v/<version>/<anchor>.mdx by version, then anchor. */
  readonly frozen: Readonly<Record<string, Readonly<Record<string, ProseFile>>>>;
}

function mdxFiles(dir: string, root: string): Record<string, ProseFile> {
  if (!existsSync(dir)) return {};
  // Sorted, so every build reads them in the same order.
  const names = readdirSync(dir).filter((name) => name.endsWith('.mdx')).sort();
  return Object.fromEntries(names.map((name) => [name.slice(0, -'.mdx'.length), { file: relative(root, join(dir, name)).split('\\').join('/'), text: readFileSync(join(dir, name), 'utf8') }]));
}

/** `root`: the project folder the file names are relative to. */
export function loadProse(contentDir: string, root: string): ProjectProse {
  const versionsDir = join(contentDir, 'v');
  const versions = existsSync(versionsDir) ? readdirSync(versionsDir).sort() : [];
  return {
    sections: mdxFiles(join(contentDir, 'sections'), root),
    frozen: Object.fromEntries(versions.map((version) => [version, mdxFiles(join(versionsDir, version), root)])),
  };
}

/** A version's prose by anchor: its frozen wording where there is one, else the project's current override. */
export function proseFor(prose: ProjectProse, version: string): Record<string, ProseFile> {
  return { ...prose.sections, ...prose.frozen[version] };
}
