/** `slapage build [--project DIR] [--policy DIR] [--out DIR] [--drafts] [--timings] [--cache-dir DIR | --no-cache]`: exit 0 built, 1 problems (output untouched), 2 usage. */
import { resolve } from 'node:path';
import { buildSite } from '../build/build.ts';
import { resolveProject } from '../load/project.ts';
import { parse, projectOptions } from './args.ts';

export const usage = `usage: slapage build [--project DIR] [--policy DIR] [--out DIR] [--drafts] [--timings] [--cache-dir DIR | --no-cache]

Builds the site into DIR (default: dist in the project) from the project in DIR (default: the current
folder; its policy folder is policy/, or --policy, or $SLA_POLICY_DIR).
--drafts also publishes unreleased versions, marked as drafts (pull-request previews).
--timings prints where the time went (validation, Astro, PDF threads, checks, PDF cache) to stderr.
PDFs are kept in a cache keyed by their sources and the engine (default: node_modules/.cache/slapage in the
project; --cache-dir DIR to choose it), so a rebuild renders only what changed; --no-cache renders every PDF.
Exit status: 0 built, 1 policy or post-build problems (the output folder is left as it was), 2 usage error.`;

export async function main(args: readonly string[]): Promise<number> {
  const { values } = parse({
    args: [...args],
    options: {
      ...projectOptions,
      out: { type: 'string' },
      drafts: { type: 'boolean' },
      timings: { type: 'boolean' },
      cache: { type: 'boolean', default: true },
      'cache-dir': { type: 'string' },
    },
    allowNegative: true,
  });
  const paths = resolveProject({ project: values.project, policy: values.policy });
  const out = values.out ? resolve(values.out) : resolve(values.project ?? '.', 'dist');
  const cacheDir = values.cache ? (values['cache-dir'] ? resolve(values['cache-dir']) : undefined) : null;
  return buildSite({ paths, out, drafts: values.drafts ?? false, cacheDir, ...(values.timings ? { report: (line: string) => process.stderr.write(line + '\n') } : {}) });
}
