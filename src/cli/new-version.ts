/** `npm run new-version -- [VERSION] [--project DIR] [--policy DIR] [--today YYYY-MM-DD]`: starts a draft from the latest version. Exit 0 created, 1 problems, 2 usage. */
import { relative } from 'node:path';
import { draftDates, startDraft } from '../load/draft.ts';
import { loadPolicy } from '../load/load-policy.ts';
import { resolveProject } from '../load/project.ts';
import { loadVersion } from '../load/load-version.ts';
import { compareVersions, isVersion, nextMinor } from '../model/version.ts';
import { today } from '../validate/validate.ts';
import { parse, projectOptions, UsageError } from './args.ts';
import { formatProblems } from '../errors/format.ts';

export const usage = `usage: slapage new-version [VERSION] [--project DIR] [--policy DIR] [--today YYYY-MM-DD]

Copies the latest version to VERSION (default: the next minor, e.g. 3.2 -> 3.3) and sets its
version, updated (today) and effective (today + the material-change notice period) in meta.yaml.
Exit status: 0 created, 1 the latest version has problems, 2 usage error.`;

export function main(args: readonly string[]): number {
  const { values, positionals } = parse({
    args: [...args],
    allowPositionals: true,
    options: { ...projectOptions, today: { type: 'string' } },
  });
  if (positionals.length > 1) throw new UsageError('give at most one version');
  const date = values.today ?? today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) throw new UsageError(`--today ${JSON.stringify(date)} is not a date like 2026-05-15`);
  const dir = resolveProject({ project: values.project, policy: values.policy }).policyDir;
  const loaded = loadPolicy(dir);
  const newest = loaded.folders.at(-1);
  const latest = loaded.versions.find((v) => v.version === newest);
  if (!latest) {
    process.stdout.write(`${formatProblems(loaded.problems, 'text')}\n\nthe latest version ${newest ?? ''} has problems: fix them before starting a new draft from it\n`);
    return 1;
  }
  const version = positionals[0] ?? nextMinor(latest.version);
  if (!isVersion(version)) throw new UsageError(`${JSON.stringify(version)} is not a version like "3.3"`);
  if (compareVersions(version, latest.version) <= 0) throw new UsageError(`version ${version} must be newer than the latest version ${latest.version}`);
  const target = startDraft(dir, latest, version, draftDates(latest, date));
  const check = loadVersion(target, version);
  const shown = relative(process.cwd(), target);
  if (check.problems.length > 0) {
    process.stdout.write(`${formatProblems(check.problems, 'text')}\n\ncreated ${shown}, but it has problems\n`);
    return 1;
  }
  process.stdout.write(`created ${shown} from ${latest.version}: edit it, then open a pull request\n`);
  return 0;
}
