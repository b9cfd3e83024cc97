/** `slapage diff [FROM] [TO] [--project DIR] [--policy DIR] [--format text|markdown|json]`: exit 0 printed, 1 versions invalid, 2 usage. */
import { comparePolicies } from '../diff/comparison.ts';
import { diffFormats, formatComparison, type DiffFormat } from '../diff/format.ts';
import { resolveProject } from '../load/project.ts';
import { validatePolicy } from '../validate/validate.ts';
import { parse, projectOptions, UsageError } from './args.ts';
import { formatProblems } from '../errors/format.ts';

export const usage = `usage: slapage diff [FROM] [TO] [--project DIR] [--policy DIR] [--format text|markdown|json]

Lists what changed from version FROM to version TO, each change judged stronger, weaker or neutral
for the customer, and whether material changes got their notice period.
FROM defaults to the version before TO; TO defaults to the latest version.
Formats: text (default), markdown (a pull-request comment), json (the list of changes).
Exit status: 0 printed, 1 a version does not validate, 2 usage error.`;

export function main(args: readonly string[]): number {
  const { values, positionals } = parse({
    args: [...args],
    allowPositionals: true,
    options: { ...projectOptions, format: { type: 'string', default: 'text' } },
  });
  const format = values.format as DiffFormat;
  if (!diffFormats.includes(format)) throw new UsageError(`unknown format ${JSON.stringify(values.format)}; use text, markdown or json`);
  if (positionals.length > 2) throw new UsageError(`expected at most two versions, got ${positionals.length}`);

  const validation = validatePolicy(resolveProject({ project: values.project, policy: values.policy }).policyDir);
  const known = validation.versions.map((v) => v.version);
  const failed = (version: string) => validation.problems.some((p) => p.severity === 'error' && p.file.split(/[\\/]/).includes(version));
  for (const version of positionals) {
    if (known.includes(version)) continue;
    if (failed(version)) {
      process.stderr.write(`${formatProblems(validation.problems, 'text')}\n\nversion ${version} does not validate; fix it first (slapage validate)\n`);
      return 1;
    }
    throw new UsageError(`no version ${JSON.stringify(version)}; versions: ${known.join(', ') || 'none'}`);
  }
  const toVersion = positionals[1] ?? known.at(-1);
  const toIndex = known.indexOf(toVersion ?? '');
  const fromVersion = positionals[0] ?? known[toIndex - 1];
  if (toIndex < 0 || fromVersion === undefined) {
    if (known.length === 0) {
      process.stderr.write(`${formatProblems(validation.problems, 'text')}\n\nno version validates; fix them first (slapage validate)\n`);
      return 1;
    }
    process.stdout.write(`Only one version (${known[0]}): nothing to compare.\n`);
    return 0;
  }
  const from = validation.versions.find((v) => v.version === fromVersion)!;
  const to = validation.versions[toIndex]!;
  process.stdout.write(formatComparison(comparePolicies(from.policy, to.policy), format).trimEnd() + '\n');
  return 0;
}
