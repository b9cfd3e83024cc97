/** Loads every version folder of a policy directory, oldest first, and the standalone NDA annexes in policy/nda/. */
import { existsSync, lstatSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Problem } from '../errors/catalog.ts';
import { ANNEX_DIR } from '../model/nda.ts';
import { compareVersions, isVersion } from '../model/version.ts';
import { loadVersion, type LoadedVersion } from './load-version.ts';
import { loadAnnexFiles, type LoadedAnnex } from './nda-annexes.ts';
import { SourceFile } from './source-file.ts';

export interface PolicyLoad {
  readonly dir: string;
  /** Versions that loaded without errors, oldest first. */
  readonly versions: LoadedVersion[];
  /** All version folder names found, oldest first, whether or not they loaded. */
  readonly folders: string[];
  /** The annex files policy/nda/<N>.yaml that loaded, by number; never hand them to a public renderer. */
  readonly annexes: LoadedAnnex[];
  readonly problems: Problem[];
}

export function loadPolicy(dir: string): PolicyLoad {
  const display = relative(process.cwd(), dir) || '.';
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    return { dir, versions: [], folders: [], annexes: [], problems: [new SourceFile(display, '').problemAtLine(0, 0, 'policy-dir-missing', { dir: display })] };
  }
  const problems: Problem[] = [];
  const folders: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.') || name === ANNEX_DIR) continue;
    const entry = lstatSync(join(dir, name));
    if (entry.isSymbolicLink() && isVersion(name)) {
      // A linked version folder would publish whatever it points at; versions are plain folders.
      problems.push(new SourceFile(relative(process.cwd(), join(dir, name)), '').problemAtLine(0, 0, 'not-a-file', { file: name, what: 'a symbolic link' }));
      continue;
    }
    if (!entry.isDirectory()) continue;
    if (isVersion(name)) folders.push(name);
    else problems.push(new SourceFile(relative(process.cwd(), join(dir, name)), '').problemAtLine(0, 0, 'bad-version-folder', { name }));
  }
  folders.sort(compareVersions);
  if (folders.length === 0) problems.push(new SourceFile(display, '').problemAtLine(0, 0, 'no-versions'));

  const versions: LoadedVersion[] = [];
  for (const folder of folders) {
    const result = loadVersion(join(dir, folder), folder);
    problems.push(...result.problems);
    if (result.loaded) versions.push(result.loaded);
  }
  const annexes = loadAnnexFiles(dir, folders);
  problems.push(...annexes.problems);
  return { dir, versions, folders, annexes: annexes.annexes, problems };
}
