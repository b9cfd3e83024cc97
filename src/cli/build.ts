/** `slapage build [--project DIR] [--policy DIR] [--out DIR] [--drafts] [--timings]`: exit 0 built, 1 problems (output untouched), 2 usage. */
import { resolve } from 'node:path';
import { buildSite } from '../build/build.ts';
import { resolveProject } from '../load/project.ts';
import { parse } from './args.ts';

export const usage = `usage: slapage build [--project DIR] [--policy DIR] [--out DIR] [--drafts] [--timings]

Builds the site into DIR (default: dist in the project) from the project in DIR (default: the current
folder; its policy folder is policy/, or --policy, or $SLA_POLICY_DIR).
--drafts also publishes unreleased versions, marked as drafts (pull-request previews).
--timings prints where the time went (validation, Astro, PDF threads, checks) to stderr.
Exit status: 0 built, 1 policy or post-build problems (the output folder is left as it was), 2 usage error.`;

export async function main(args: readonly string[]): Promise<number> {
  const { values } = parse({
    args: [...args],
    options: { project: { type: 'string' }, policy: { type: 'string' }, out: { type: 'string' }, drafts: { type: 'boolean' }, timings: { type: 'boolean' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    process.stdout.write(usage + '\n');
    return 0;
  }
  const paths = resolveProject({ project: values.project, policy: values.policy });
  const out = values.out ? resolve(values.out) : resolve(values.project ?? '.', 'dist');
  return buildSite({ paths, out, drafts: values.drafts ?? false, ...(values.timings ? { report: (line: string) => process.stderr.write(line + '\n') } : {}) });
}
