/** `slapage check [DIR] [--project DIR] [--policy DIR] [--no-browser]`: acceptance checks of a built site; exit 0 clean, 1 problems, 2 usage. */
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { checkSite } from '../check/check-site.ts';
import { loadProject, resolveProject } from '../load/project.ts';
import { isPrefix, normalizePrefix } from '../model/config.ts';
import { hasErrors, validatePolicy } from '../validate/validate.ts';
import { parse, projectOptions, UsageError } from './args.ts';
import { formatProblems } from '../errors/format.ts';

export const usage = `usage: slapage check [DIR] [--project DIR] [--policy DIR] [--prefix PATH] [--no-browser]

Checks a built site (default: dist in the project): the anchor contract, every in-site link and #fragment
under the base path, no nda.yaml text in any public file (PDFs inflated), each PDF's named destinations
equal to its page's anchors, sla.json valid against /sla.schema.json; and where a Chromium is installed
(CHROMIUM_PATH or /usr/bin/chromium), deep links with JavaScript off and axe WCAG 2.1 AA on every page.
In a host site (slapage({ prefix: '/security' }) beside other pages), DIR is the host's output and --prefix
(default: site.prefix of slapage.config.yaml, else /) says where the pages are; the host's own pages are not checked.
Exit status: 0 all checks pass, 1 problems (one line each), 2 usage error.`;

export async function main(args: readonly string[]): Promise<number> {
  const { values, positionals } = parse({
    args: [...args],
    allowPositionals: true,
    options: { ...projectOptions, prefix: { type: 'string' }, 'no-browser': { type: 'boolean' } },
  });
  if (positionals.length > 1) throw new UsageError(`expected at most one folder, got ${positionals.length}`);
  const paths = resolveProject({ project: values.project, policy: values.policy });
  const dir = resolve(positionals[0] ?? resolve(paths.root, 'dist'));
  if (!existsSync(dir)) throw new UsageError(`${relative(process.cwd(), dir) || dir} does not exist; run \`slapage build\` first`);
  const { project, problems } = loadProject(paths);
  if (!project) {
    process.stderr.write(formatProblems(problems, 'text') + '\n');
    return 1;
  }
  const validation = validatePolicy(paths.policyDir, { measurementsDir: paths.measurementsDir });
  if (hasErrors(validation.problems)) {
    process.stderr.write(`${formatProblems(validation.problems.filter((p) => p.severity === 'error'), 'text')}\n\ncheck stopped: the policy has errors (run \`slapage validate\`)\n`);
    return 1;
  }
  const prefix = values.prefix ?? project.config.site.prefix;
  if (prefix !== undefined && !isPrefix(prefix)) throw new UsageError(`--prefix ${JSON.stringify(prefix)}: expected a path that starts with "/", like /security`);
  const { findings, skipped } = await checkSite({ dir, base: project.config.site.base, prefix: normalizePrefix(prefix), versions: validation.versions, policyDir: paths.policyDir, browser: !values['no-browser'] });
  const shown = relative(process.cwd(), dir) || '.';
  for (const f of findings) process.stdout.write(`${shown}/${f.file}${f.line ? `:${f.line}:${f.column}` : ''}: error: ${f.detail}${f.fix ? `\n  hint: ${f.fix}` : ''}\n`);
  for (const s of skipped) process.stdout.write(`skipped: ${s}\n`);
  process.stdout.write(findings.length === 0 ? `✓ ${shown}: all checks pass\n` : `✗ ${findings.length} problem${findings.length === 1 ? '' : 's'} in ${shown}\n`);
  return findings.length === 0 ? 0 : 1;
}
