/** `slapage release VERSION [--project DIR] [--policy DIR]`: records a valid version's content hash in policy/releases.lock.json. Exit 0 released, 1 problems, 2 usage. */
import { relative, sep } from 'node:path';
import { resolveProject } from '../load/project.ts';
import { LOCK_FILE, releaseVersion } from '../load/release-lock.ts';
import { isVersion } from '../model/version.ts';
import { releaseNoticeProblems } from '../validate/release-notice.ts';
import { today, validatePolicy } from '../validate/validate.ts';
import { parse, projectOptions, UsageError } from './args.ts';
import { formatProblems } from '../errors/format.ts';

export const usage = `usage: slapage release VERSION [--project DIR] [--policy DIR]

Marks VERSION (e.g. 3.2) as released today ($SLA_TODAY when set): its files' hashes and the release date go
into ${LOCK_FILE}, and from then on \`slapage validate\` fails when any of them changes. Commit the lock file
with the release. The notice a version gives runs from the release when that is later than its \`updated\`
date: a release that would give too little notice is refused with the dates to set.
Exit status: 0 released (or already released), 1 the version has problems, 2 usage error.`;

export function main(args: readonly string[]): number {
  const { values, positionals } = parse({ args: [...args], allowPositionals: true, options: projectOptions });
  const [version, extra] = positionals;
  if (!version || extra !== undefined) throw new UsageError('give exactly one version to release');
  if (!isVersion(version)) throw new UsageError(`${JSON.stringify(version)} is not a version like "3.2"`);
  const dir = resolveProject({ project: values.project, policy: values.policy }).policyDir;
  const result = validatePolicy(dir);
  if (!result.versions.some((v) => v.version === version) && !result.problems.some((p) => inVersion(p.file, dir, version))) {
    throw new UsageError(`there is no version ${version} in ${relative(process.cwd(), dir) || '.'}`);
  }
  // Only this version's problems (and the lock's) block its release: another draft may be mid-edit.
  const date = today();
  const alreadyReleased = version in result.releases;
  const blocking = [
    ...result.problems.filter((p) => p.severity === 'error' && (inVersion(p.file, dir, version) || p.code === 'lock-invalid')),
    ...(alreadyReleased ? [] : releaseNoticeProblems(result.versions, version, date)),
  ];
  if (blocking.length > 0) {
    process.stdout.write(`${formatProblems(blocking, 'text')}\n\nversion ${version} is not released: fix the problems above first\n`);
    return 1;
  }
  const status = releaseVersion(dir, version, date);
  process.stdout.write(status === 'released' ? `released ${version} on ${date}: commit policy/${LOCK_FILE}\n` : `${version} was already released\n`);
  return 0;
}

function inVersion(file: string, dir: string, version: string): boolean {
  const versionDir = relative(process.cwd(), `${dir}${sep}${version}`);
  return file === versionDir || file.startsWith(versionDir + sep);
}
