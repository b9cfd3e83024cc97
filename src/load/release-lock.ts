/** The release lock (policy/releases.lock.json): content hashes of released versions, which are immutable. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import type { Problem } from '../errors/catalog.ts';
import { publishedAnchors } from '../model/sections.ts';
import { compareVersions, nextMinor } from '../model/version.ts';
import { SourceFile } from './source-file.ts';

export const LOCK_FILE = 'releases.lock.json';

const lockSchema = z.record(
  z.string().regex(/^\d+\.\d+$/),
  z.strictObject({
    files: z.record(z.string(), z.string().regex(/^sha256-[0-9a-f]{64}$/)),
    // The anchors the version's page rendered when released: the build keeps them resolving on the latest page
    // even on a fresh clone with no previously published dist/ to compare against.
    anchors: z.array(z.string()).optional(),
    // The day `release` ran: the notice a version gives runs from here when it is later than `updated`.
    // Absent in entries written before release dates were recorded.
    released: z.iso.date().optional(),
  }),
);
export type ReleaseLock = z.infer<typeof lockSchema>;

/** Released versions and the day each was released (null when the lock predates release dates); a version absent is a draft. */
export type Releases = Readonly<Record<string, string | null>>;

/** The releases a lock records. */
export function releasesOf(lock: ReleaseLock): Releases {
  return Object.fromEntries(Object.entries(lock).map(([version, entry]) => [version, entry.released ?? null]));
}

/** sha256 of a file's text with line endings normalized, so a CRLF checkout does not look like an edit. */
export function hashText(text: string): string {
  return 'sha256-' + createHash('sha256').update(text.replace(/\r\n/g, '\n')).digest('hex');
}

/** Hashes of every file in a version folder, by file name. */
export function hashVersion(versionDir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(versionDir).filter((n) => !n.startsWith('.')).sort()) {
    files[name] = hashText(readFileSync(join(versionDir, name), 'utf8'));
  }
  return files;
}

export function readLock(policyDir: string): { lock: ReleaseLock; problems: Problem[] } {
  const path = join(policyDir, LOCK_FILE);
  if (!existsSync(path)) return { lock: {}, problems: [] };
  const file = new SourceFile(relative(process.cwd(), path), readFileSync(path, 'utf8'));
  try {
    const parsed = lockSchema.safeParse(JSON.parse(file.text));
    if (parsed.success) return { lock: parsed.data, problems: [] };
    return { lock: {}, problems: [file.problemAtLine(1, 1, 'lock-invalid', { detail: parsed.error.issues[0]?.message ?? 'bad shape' })] };
  } catch (error) {
    return { lock: {}, problems: [file.problemAtLine(1, 1, 'lock-invalid', { detail: (error as Error).message })] };
  }
}

/** Writes the lock with versions in order and a trailing newline, so diffs stay small. */
export function writeLock(policyDir: string, lock: ReleaseLock): void {
  const ordered = Object.fromEntries(Object.keys(lock).sort(compareVersions).map((v) => [v, lock[v]!]));
  writeFileSync(join(policyDir, LOCK_FILE), JSON.stringify(ordered, null, 2) + '\n');
}

/** Problems for released versions whose files differ from the lock. */
export function checkLock(policyDir: string, folders: readonly string[]): Problem[] {
  const { lock, problems } = readLock(policyDir);
  const latest = [...folders].sort(compareVersions).at(-1);
  // The right next step after editing a released version: an existing draft takes the change, else a new version.
  const drafts = folders.filter((f) => !(f in lock)).sort(compareVersions);
  for (const [version, entry] of Object.entries(lock)) {
    const dir = join(policyDir, version);
    const display = (name: string) => relative(process.cwd(), join(dir, name));
    if (!folders.includes(version)) {
      problems.push(new SourceFile(display(''), '').problemAtLine(0, 0, 'released-version-missing', { version }));
      continue;
    }
    const actual = hashVersion(dir);
    const draft = drafts.filter((d) => compareVersions(d, version) > 0).at(-1);
    for (const name of new Set([...Object.keys(entry.files), ...Object.keys(actual)])) {
      if (entry.files[name] === actual[name]) continue;
      problems.push(
        new SourceFile(display(name), '').problemAtLine(0, 0, 'released-version-changed', {
          version,
          file: name,
          expected: short(entry.files[name]),
          actual: short(actual[name]),
          next: latest ? nextMinor(latest) : '',
          draft,
        }),
      );
    }
  }
  return problems;
}

function short(hash: string | undefined): string {
  return hash ? hash.slice(7, 19) : 'absent';
}

/**
 * Records a version's content hashes, the anchors its page renders and the release date in the lock. Never rewrites
 * a released version's entry ('changed': the caller reports it) and never writes over an unreadable lock.
 */
export function releaseVersion(policyDir: string, version: string, date: string): 'released' | 'unchanged' | 'changed' {
  const { lock, problems } = readLock(policyDir);
  if (problems.length > 0) throw new Error(`cannot release over an unreadable lock: ${problems[0]!.message}`);
  const files = hashVersion(join(policyDir, version));
  const recorded = lock[version];
  if (recorded) return JSON.stringify(recorded.files) === JSON.stringify(files) ? 'unchanged' : 'changed';
  writeLock(policyDir, { ...lock, [version]: { files, anchors: publishedAnchors(), released: date } });
  return 'released';
}
