/**
 * `slapage release VERSION | --nda N [--project DIR] [--policy DIR]`: records a valid version's (or NDA annex file's)
 * content hash and line fingerprints in policy/releases.lock.json. Exit 0 released, 1 problems, 2 usage.
 */
import { join, relative, sep } from 'node:path';
import type { Problem } from '../errors/catalog.ts';
import { resolveProject } from '../load/project.ts';
import { LOCK_FILE, releaseAnnex, releaseVersion } from '../load/release-lock.ts';
import { ANNEX_DIR, annexRange } from '../model/nda.ts';
import { isVersion } from '../model/version.ts';
import { releaseNoticeProblems } from '../validate/release-notice.ts';
import { today, validatePolicy, type Validation } from '../validate/validate.ts';
import { parse, projectOptions, UsageError } from './args.ts';
import { formatProblems } from '../errors/format.ts';

export const usage = `usage: slapage release VERSION [--project DIR] [--policy DIR]
       slapage release --nda N [--project DIR] [--policy DIR]

Marks VERSION (e.g. 3.2) as released today ($SLA_TODAY when set): its files' hashes, a fingerprint of
each line and the release date go into ${LOCK_FILE}, and from then on \`slapage validate\` fails
when any of them changes, naming the file and the first line that changed. Commit the lock file with
the release. The notice a version gives runs from the release when that is later than its \`updated\`
date: a release that would give too little notice is refused with the dates to set. Releasing a version
released before line fingerprints existed, unchanged, adds its fingerprints.

With --nda N, releases the NDA annex policy/${ANNEX_DIR}/N.yaml on its own, without a public version:
NDA editions of the versions it covers (annex.versions) carry it without the draft marks, and the file
is immutable from then on (a new SOC 2 report or pen test goes into the next number, N+1). Annexes are
recorded under "nda" in the lock.
Exit status: 0 released (or already released), 1 the version or annex has problems, 2 usage error.`;

export function main(args: readonly string[]): number {
  const { values, positionals } = parse({ args: [...args], allowPositionals: true, options: { ...projectOptions, nda: { type: 'string' } } });
  const dir = resolveProject({ project: values.project, policy: values.policy }).policyDir;
  if (values.nda !== undefined) {
    if (positionals.length > 0) throw new UsageError('give either a version or --nda N, not both');
    return releaseNda(dir, values.nda);
  }
  const [version, extra] = positionals;
  if (!version || extra !== undefined) throw new UsageError('give exactly one version to release (or --nda N for an NDA annex)');
  if (!isVersion(version)) throw new UsageError(`${JSON.stringify(version)} is not a version like "3.2"`);
  const result = validatePolicy(dir);
  if (!result.versions.some((v) => v.version === version) && !result.problems.some((p) => inFolder(p.file, dir, version))) {
    throw new UsageError(`there is no version ${version} in ${relative(process.cwd(), dir) || '.'}`);
  }
  // Only this version's problems (and the lock's) block its release: another draft may be mid-edit.
  const date = today();
  const alreadyReleased = version in result.releases;
  const blocking = [
    ...blockers(result, (file) => inFolder(file, dir, version)),
    ...(alreadyReleased ? [] : releaseNoticeProblems(result.versions, version, date)),
  ];
  if (blocking.length > 0) return refuse(blocking, `version ${version}`);
  const status = releaseVersion(dir, version, date);
  process.stdout.write(
    status === 'released'
      ? `released ${version} on ${date}: commit policy/${LOCK_FILE}\n`
      : status === 'fingerprinted'
        ? `${version} was already released; recorded its line fingerprints: commit policy/${LOCK_FILE}\n`
        : `${version} was already released\n`,
  );
  return 0;
}

function releaseNda(dir: string, id: string): number {
  if (!/^[1-9]\d*$/.test(id)) throw new UsageError(`--nda ${JSON.stringify(id)} is not an annex number like "2" (the file policy/${ANNEX_DIR}/2.yaml)`);
  const result = validatePolicy(dir);
  const file = join(dir, ANNEX_DIR, `${id}.yaml`);
  const shown = relative(process.cwd(), file);
  const blocking = blockers(result, (f) => f === shown);
  const annex = result.annexes.find((a) => a.source === 'annex-file' && a.id === id);
  if (!annex && blocking.length === 0) throw new UsageError(`there is no NDA annex ${id}: ${shown} does not exist`);
  if (blocking.length > 0 || !annex) return refuse(blocking, `NDA annex ${id}`);
  const date = today();
  const status = releaseAnnex(dir, id, date);
  if (status === 'changed') return refuse(result.problems.filter((p) => p.file === shown && p.code === 'released-annex-changed'), `NDA annex ${id}`);
  process.stdout.write(status === 'released' ? `released NDA annex ${id} (${annexRange(annex)}) on ${date}: commit policy/${LOCK_FILE}\n` : `NDA annex ${id} was already released\n`);
  return 0;
}

/** The errors that block a release: those in its own files, and an unreadable lock. */
function blockers(result: Validation, own: (file: string) => boolean): Problem[] {
  return result.problems.filter((p) => p.severity === 'error' && (own(p.file) || p.code === 'lock-invalid'));
}

function refuse(problems: readonly Problem[], what: string): number {
  process.stdout.write(`${formatProblems(problems, 'text')}\n\n${what} is not released: fix the problems above first\n`);
  return 1;
}

function inFolder(file: string, dir: string, version: string): boolean {
  const versionDir = relative(process.cwd(), `${dir}${sep}${version}`);
  return file === versionDir || file.startsWith(versionDir + sep);
}
