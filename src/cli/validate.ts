/** `slapage validate [--project DIR] [--policy DIR] [--format text|json|github]`: exit 0 clean, 1 problems, 2 usage. */
import { resolveProject } from '../load/project.ts';
import { hasErrors } from '../validate/validate.ts';
import { validateProject } from '../validate/validate-project.ts';
import { parse, projectOptions, UsageError } from './args.ts';
import { formatProblems, formats, summary, type Format } from '../errors/format.ts';

export const usage = `usage: slapage validate [--project DIR] [--policy DIR] [--format text|json|github]

Validates the project's slapage.config.yaml, every version under its policy folder (default: policy/
in the project, the current folder unless --project; or --policy, or $SLA_POLICY_DIR), the NDA annex
files policy/nda/N.yaml, and that released versions and annexes still match the release lock.
Exit status: 0 valid, 1 problems found, 2 usage error.`;

export function main(args: readonly string[]): number {
  const { values } = parse({ args: [...args], options: { ...projectOptions, format: { type: 'string', default: 'text' } } });
  const format = values.format as Format;
  if (!formats.includes(format)) throw new UsageError(`unknown format ${JSON.stringify(values.format)}; use text, json or github`);
  const { validation, problems } = validateProject(resolveProject({ project: values.project, policy: values.policy }));
  const out = formatProblems(problems, format);
  if (format === 'text') {
    if (out) process.stdout.write(out + '\n\n');
    process.stdout.write(summary(problems, validation?.versions.map((v) => v.dir) ?? []) + '\n');
  } else if (out) {
    process.stdout.write(out + '\n');
  }
  return hasErrors(problems) ? 1 : 0;
}
