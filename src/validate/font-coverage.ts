/**
 * Every string the PDF can draw must be in its embedded font: a character the font lacks would print as an
 * empty box, so it is an error at the value's file:line:col (at the character itself when written literally).
 */
import type { Problem } from '../errors/catalog.ts';
import type { LoadedVersion } from '../load/load-version.ts';
import type { LoadedAnnex } from '../load/nda-annexes.ts';
import type { Path, SourceFile } from '../load/source-file.ts';
import { fileKinds } from '../model/policy.ts';
import { describeChars, facesFor, undrawable } from '../model/glyphs.ts';
import type { VersionsCheck } from './versions-check.ts';

export const checkFontCoverage: VersionsCheck = (versions) => versions.flatMap(versionProblems);

function versionProblems(version: LoadedVersion): Problem[] {
  const problems: Problem[] = [];
  for (const kind of fileKinds) {
    // nda.yaml is checked too: the NDA edition draws it, and this report goes to the editor, not the public.
    const value: unknown = kind === 'nda' ? version.nda : version.policy[kind];
    const file = version.files[kind];
    if (value === undefined || !file) continue;
    walk(value, [], (text, path) => {
      const chars = undrawable(text, facesFor(kind, path));
      if (chars.length > 0) problems.push(problemAt(file, path, chars));
    });
  }
  return problems;
}

/** The same check for the annex files policy/nda/<N>.yaml (a version's nda.yaml is checked with its version). */
export function checkAnnexFontCoverage(annexes: readonly LoadedAnnex[]): Problem[] {
  const problems: Problem[] = [];
  for (const annex of annexes.filter((a) => a.source === 'annex-file')) {
    // soc2 and pentest sit at the top of both files, so the paths (and the faces drawing them) are nda.yaml's.
    walk(annex.nda, [], (text, path) => {
      const chars = undrawable(text, facesFor('nda', path));
      if (chars.length > 0) problems.push(problemAt(annex.file, path, chars));
    });
  }
  return problems;
}

function walk(value: unknown, path: (string | number)[], visit: (text: string, path: Path) => void): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i], visit));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) walk(item, [...path, key], visit);
}

function problemAt(file: SourceFile, path: Path, chars: readonly string[]): Problem {
  const params = { field: fieldName(path), chars: describeChars(chars) };
  const start = file.locate(path);
  const literal = file.text.indexOf(chars[0]!, start);
  const length = file.sourceOf(path)?.length ?? 0;
  if (literal !== -1 && literal < start + length) return file.problemAt(literal, 'font-coverage', params);
  return file.problemAtPath(path, 'font-coverage', params);
}

function fieldName(path: Path): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
}
