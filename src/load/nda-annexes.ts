/**
 * Loads the NDA annexes of a policy folder: the standalone annex files policy/nda/<N>.yaml (read and validated like
 * the policy files, problems at file:line:column) and each version's own nda.yaml as the annex of that version.
 */
import { existsSync, lstatSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Problem } from '../errors/catalog.ts';
import { ANNEX_DIR, ANNEX_FILE, covers, ndaAnnexSchema, type AnnexRef, type Nda, type NdaAnnexFile } from '../model/nda.ts';
import { compareVersions } from '../model/version.ts';
import type { LoadedVersion } from './load-version.ts';
import { readYamlFile } from './read-yaml-file.ts';
import { SourceFile } from './source-file.ts';
import { closest } from './suggest.ts';

export interface LoadedAnnex extends AnnexRef {
  /** The annex content; never hand it to a public renderer. */
  readonly nda: Nda;
  /** The file as written: embedded in the NDA edition, and for locating findings. */
  readonly file: SourceFile;
  /** `annex.updated` of an annex file; undefined for a version's nda.yaml (its version's dates apply). */
  readonly updated: string | undefined;
}

export interface AnnexLoad {
  /** Annex files that loaded without errors, by number. */
  readonly annexes: LoadedAnnex[];
  readonly problems: Problem[];
}

/** Reads policy/nda/*.yaml; `folders` are the policy's version folders, to warn about an annex that covers none. */
export function loadAnnexFiles(policyDir: string, folders: readonly string[]): AnnexLoad {
  const dir = join(policyDir, ANNEX_DIR);
  const display = (name: string) => relative(process.cwd(), join(dir, name)) || name;
  if (!existsSync(dir)) return { annexes: [], problems: [] };
  const stat = lstatSync(dir);
  if (!stat.isDirectory()) {
    return { annexes: [], problems: [new SourceFile(display(''), '').problemAtLine(0, 0, 'not-a-file', { file: `${ANNEX_DIR}/`, what: stat.isSymbolicLink() ? 'a symbolic link' : 'a file, not a folder' })] };
  }
  const problems: Problem[] = [];
  const annexes: LoadedAnnex[] = [];
  const names = readdirSync(dir).filter((name) => !name.startsWith('.')).sort();
  for (const name of names) {
    const id = ANNEX_FILE.exec(name)?.[1];
    if (id === undefined) {
      problems.push(new SourceFile(display(name), '').problemAtLine(1, 1, 'nda-annex-bad-name', { file: name, suggestion: suggestName(name, names) }));
      continue;
    }
    const result = readYamlFile(join(dir, name), display(name), name, ndaAnnexSchema);
    if (result.problems.length > 0 || !('value' in result)) {
      problems.push(...result.problems);
      continue;
    }
    const value = result.value as NdaAnnexFile;
    const source = result.source!;
    const { from, through } = value.annex.versions;
    if (through !== undefined && compareVersions(from, through) > 0) {
      problems.push(source.problemAtPath(['annex', 'versions', 'through'], 'nda-annex-range', { from, through }));
      continue;
    }
    const annex: LoadedAnnex = { id, source: 'annex-file', from, through, nda: { soc2: value.soc2, pentest: value.pentest }, file: source, updated: value.annex.updated };
    if (folders.length > 0 && !folders.some((v) => covers(annex, v))) {
      problems.push(source.problemAtPath(['annex', 'versions', 'from'], 'nda-annex-covers-nothing', { annex: id, versions: folders.join(', ') }));
    }
    annexes.push(annex);
  }
  annexes.sort((a, b) => Number(a.id) - Number(b.id));
  return { annexes, problems };
}

/** A version's own nda.yaml, as the annex of that one version. */
export function versionAnnex(version: LoadedVersion): LoadedAnnex | undefined {
  if (!version.nda || !version.files.nda) return undefined;
  return { id: version.version, source: 'version-file', from: version.version, through: version.version, nda: version.nda, file: version.files.nda, updated: undefined };
}

/** "annex-2.yaml" -> "2.yaml"; a near miss of an existing name otherwise. */
function suggestName(name: string, names: readonly string[]): string | undefined {
  const number = /([1-9]\d*)/.exec(name)?.[1];
  if (number && !names.includes(`${number}.yaml`)) return `${number}.yaml`;
  return closest(name, names.filter((n) => ANNEX_FILE.test(n)));
}
