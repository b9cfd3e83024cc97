/**
 * The release lock (policy/releases.lock.json): content hashes of released versions and released NDA annexes, which
 * are immutable, with per-line fingerprints so an edit is reported at the line it changed.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import type { ErrorCode, Problem, ProblemParams } from '../errors/catalog.ts';
import { ANNEX_DIR, ANNEX_FILE } from '../model/nda.ts';
import { publishedAnchors } from '../model/sections.ts';
import { compareVersions, nextMinor } from '../model/version.ts';
import { SourceFile } from './source-file.ts';

export const LOCK_FILE = 'releases.lock.json';

const contentHash = z.string().regex(/^sha256-[0-9a-f]{64}$/);
/** Per line, the first 8 hex digits of its sha256, concatenated: enough to find the first changed line, a few KB a version. */
const fingerprint = z.string().regex(/^(?:[0-9a-f]{8})*$/);

const versionEntry = z.strictObject({
  files: z.record(z.string(), contentHash),
  // Absent in entries written before line fingerprints were recorded: an edit is then reported without its line.
  lines: z.record(z.string(), fingerprint).optional(),
  // The anchors the version's page rendered when released: the build keeps them resolving on the latest page
  // even on a fresh clone with no previously published dist/ to compare against.
  anchors: z.array(z.string()).optional(),
  // The day `release` ran: the notice a version gives runs from here when it is later than `updated`.
  // Absent in entries written before release dates were recorded.
  released: z.iso.date().optional(),
});

const annexEntry = z.strictObject({
  /** The annex file's hash, by its name in policy/nda/ ("2.yaml"). */
  files: z.record(z.string(), contentHash),
  lines: z.record(z.string(), fingerprint),
  released: z.iso.date(),
});

const lockSchema = z.record(z.string().regex(/^\d+\.\d+$/), versionEntry);
// Released NDA annexes sit under one "nda" key beside the versions (an additive field: locks without it stay valid).
const annexLockSchema = z.record(z.string().regex(/^[1-9]\d*$/, { error: 'annex numbers are whole numbers like "2"' }), annexEntry);
const ANNEX_KEY = 'nda';

export type ReleaseLock = z.infer<typeof lockSchema>;
export type AnnexLock = z.infer<typeof annexLockSchema>;

/** Released versions and the day each was released (null when the lock predates release dates); a version absent is a draft. */
export type Releases = Readonly<Record<string, string | null>>;

/** The releases a lock records. */
export function releasesOf(lock: ReleaseLock): Releases {
  return Object.fromEntries(Object.entries(lock).map(([version, entry]) => [version, entry.released ?? null]));
}

/** Released annex numbers and the day each was released; an annex absent is a draft. */
export function annexReleasesOf(annexes: AnnexLock): Readonly<Record<string, string>> {
  return Object.fromEntries(Object.entries(annexes).map(([id, entry]) => [id, entry.released]));
}

const normalize = (text: string) => text.replace(/\r\n/g, '\n');

/** sha256 of a file's text with line endings normalized, so a CRLF checkout does not look like an edit. */
export function hashText(text: string): string {
  return 'sha256-' + createHash('sha256').update(normalize(text)).digest('hex');
}

/** The per-line fingerprint of a text (line endings normalized, like {@link hashText}). */
export function lineFingerprint(text: string): string {
  return normalize(text)
    .split('\n')
    .map((line) => createHash('sha256').update(line).digest('hex').slice(0, 8))
    .join('');
}

/** The first line (1-based) of `text` that differs from the fingerprinted text; undefined when none differs. */
export function firstChangedLine(recorded: string, text: string): number | undefined {
  const now = lineFingerprint(text);
  const lines = Math.max(recorded.length, now.length) / 8;
  for (let i = 0; i < lines; i++) {
    // Past the end of the current text (lines were deleted at the end): the last line is where the edit shows.
    if (recorded.slice(i * 8, i * 8 + 8) !== now.slice(i * 8, i * 8 + 8)) return Math.min(i + 1, now.length / 8);
  }
  return undefined;
}

/** Hashes of every file in a version folder, by file name. */
export function hashVersion(versionDir: string): Record<string, string> {
  return mapValues(readVersion(versionDir), hashText);
}

function readVersion(versionDir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(versionDir).filter((n) => !n.startsWith('.')).sort()) files[name] = readFileSync(join(versionDir, name), 'utf8');
  return files;
}

export interface LockRead {
  /** The released versions. */
  readonly lock: ReleaseLock;
  /** The released NDA annexes, by number. */
  readonly annexes: AnnexLock;
  readonly problems: Problem[];
}

export function readLock(policyDir: string): LockRead {
  const path = join(policyDir, LOCK_FILE);
  if (!existsSync(path)) return { lock: {}, annexes: {}, problems: [] };
  const file = new SourceFile(relative(process.cwd(), path), readFileSync(path, 'utf8'));
  const bad = (detail: string): LockRead => ({ lock: {}, annexes: {}, problems: [file.problemAtLine(1, 1, 'lock-invalid', { detail })] });
  let json: unknown;
  try {
    json = JSON.parse(file.text);
  } catch (error) {
    return bad((error as Error).message);
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) return bad('expected an object of released versions');
  const { [ANNEX_KEY]: annexJson, ...versionsJson } = json as Record<string, unknown>;
  const versions = lockSchema.safeParse(versionsJson);
  if (!versions.success) return bad(versions.error.issues[0]?.message ?? 'bad shape');
  const annexes = annexLockSchema.safeParse(annexJson ?? {});
  if (!annexes.success) {
    const issue = annexes.error.issues[0];
    return bad(`${[ANNEX_KEY, ...(issue?.path ?? []).map(String)].join('.')}: ${issue?.message ?? 'bad shape'}`);
  }
  return { lock: versions.data, annexes: annexes.data, problems: [] };
}

/** Writes the lock with versions in order (annexes after them, in number order) and a trailing newline, so diffs stay small. */
export function writeLock(policyDir: string, lock: ReleaseLock, annexes: AnnexLock = {}): void {
  const ordered: Record<string, unknown> = Object.fromEntries(Object.keys(lock).sort(compareVersions).map((v) => [v, lock[v]!]));
  const ids = Object.keys(annexes).sort((a, b) => Number(a) - Number(b));
  if (ids.length > 0) ordered[ANNEX_KEY] = Object.fromEntries(ids.map((id) => [id, annexes[id]!]));
  writeFileSync(join(policyDir, LOCK_FILE), JSON.stringify(ordered, null, 2) + '\n');
}

/** Annex numbers of the annex files in policy/nda/, in order. */
function annexIdsIn(policyDir: string): string[] {
  const dir = join(policyDir, ANNEX_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .flatMap((name) => ANNEX_FILE.exec(name)?.[1] ?? [])
    .sort((a, b) => Number(a) - Number(b));
}

/** Problems for released versions and annexes whose files differ from the lock, each at the first line that changed. */
export function checkLock(policyDir: string, folders: readonly string[]): Problem[] {
  const { lock, annexes, problems } = readLock(policyDir);
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
    const actual = readVersion(dir);
    const draft = drafts.filter((d) => compareVersions(d, version) > 0).at(-1);
    for (const name of [...new Set([...Object.keys(entry.files), ...Object.keys(actual)])].sort()) {
      const params = { version, file: name, next: latest ? nextMinor(latest) : '', draft };
      const problem = changed(display(name), entry.files[name], entry.lines?.[name], actual[name], 'released-version-changed', params);
      if (problem) problems.push(problem);
    }
  }
  const present = annexIdsIn(policyDir);
  for (const [id, entry] of Object.entries(annexes)) {
    const name = `${id}.yaml`;
    const shown = relative(process.cwd(), join(policyDir, ANNEX_DIR, name));
    if (!present.includes(id)) {
      problems.push(new SourceFile(shown, '').problemAtLine(0, 0, 'released-annex-missing', { annex: id, file: `${ANNEX_DIR}/${name}` }));
      continue;
    }
    // The change belongs in a newer annex: an unreleased one when there is one, else the next number.
    const draft = present.filter((d) => !(d in annexes) && Number(d) > Number(id)).at(-1);
    const next = String(Math.max(...present.map(Number), ...Object.keys(annexes).map(Number)) + 1);
    const text = readFileSync(join(policyDir, ANNEX_DIR, name), 'utf8');
    const problem = changed(shown, entry.files[name], entry.lines[name], text, 'released-annex-changed', { annex: id, draft, next });
    if (problem) problems.push(problem);
  }
  return problems;
}

/** The problem for a released file whose text is not the released text: at the first changed line when the lock has its fingerprint. */
function changed(shown: string, hash: string | undefined, lines: string | undefined, text: string | undefined, code: ErrorCode, params: ProblemParams): Problem | undefined {
  const actual = text === undefined ? undefined : hashText(text);
  if (hash === actual) return undefined;
  const hashes = { expected: short(hash), actual: short(actual) };
  if (text === undefined) return new SourceFile(shown, '').problemAtLine(0, 0, code, { ...params, ...hashes, change: 'removed' });
  if (hash === undefined) return new SourceFile(shown, '').problemAtLine(0, 0, code, { ...params, ...hashes, change: 'added' });
  const line = lines === undefined ? undefined : firstChangedLine(lines, text);
  // No fingerprint (an entry written before they were recorded) or, rarely, a fingerprint collision: the line is unknown.
  if (line === undefined) return new SourceFile(shown, '').problemAtLine(0, 0, code, { ...params, ...hashes, change: 'edited', unlocated: lines === undefined ? 'no-fingerprint' : 'same-fingerprint' });
  return new SourceFile(shown, text).problemAtLine(line, 1, code, { ...params, ...hashes, change: 'edited', line });
}

function short(hash: string | undefined): string {
  return hash ? hash.slice(7, 19) : 'absent';
}

/**
 * Records a version's content hashes and line fingerprints, the anchors its page renders and the release date in the
 * lock. Never rewrites a released version's entry ('changed': the caller reports it) and never writes over an
 * unreadable lock. An unchanged released entry written before line fingerprints existed gains them ('fingerprinted'):
 * its files hash to the released text, so their fingerprints are the released text's.
 */
export function releaseVersion(policyDir: string, version: string, date: string): 'released' | 'unchanged' | 'fingerprinted' | 'changed' {
  const { lock, annexes, problems } = readLock(policyDir);
  if (problems.length > 0) throw new Error(`cannot release over an unreadable lock: ${problems[0]!.message}`);
  const texts = readVersion(join(policyDir, version));
  const files = mapValues(texts, hashText);
  const lines = mapValues(texts, lineFingerprint);
  const recorded = lock[version];
  if (recorded) {
    if (JSON.stringify(recorded.files) !== JSON.stringify(files)) return 'changed';
    if (recorded.lines) return 'unchanged';
    writeLock(policyDir, { ...lock, [version]: { files: recorded.files, lines, ...withoutFilesAndLines(recorded) } }, annexes);
    return 'fingerprinted';
  }
  writeLock(policyDir, { ...lock, [version]: { files, lines, anchors: publishedAnchors(), released: date } }, annexes);
  return 'released';
}

/** Records NDA annex `id` (policy/nda/<id>.yaml) as released on `date`; the same guarantees as {@link releaseVersion}. */
export function releaseAnnex(policyDir: string, id: string, date: string): 'released' | 'unchanged' | 'changed' {
  const { lock, annexes, problems } = readLock(policyDir);
  if (problems.length > 0) throw new Error(`cannot release over an unreadable lock: ${problems[0]!.message}`);
  const name = `${id}.yaml`;
  const text = readFileSync(join(policyDir, ANNEX_DIR, name), 'utf8');
  const recorded = annexes[id];
  if (recorded) return recorded.files[name] === hashText(text) ? 'unchanged' : 'changed';
  writeLock(policyDir, lock, { ...annexes, [id]: { files: { [name]: hashText(text) }, lines: { [name]: lineFingerprint(text) }, released: date } });
  return 'released';
}

function mapValues(record: Record<string, string>, f: (text: string) => string): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, f(v)]));
}

function withoutFilesAndLines<T extends { files: unknown; lines?: unknown }>(entry: T): Omit<T, 'files' | 'lines'> {
  const { files: _files, lines: _lines, ...rest } = entry;
  return rest;
}
