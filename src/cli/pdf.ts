/**
 * `slapage pdf [--version X.Y] [--out PATH] [--policy DIR]` writes a version's public PDF;
 * with `--nda --recipient NAME [--date YYYY-MM-DD]` the NDA edition, never inside dist/.
 * Exit status: 0 written, 1 invalid policy or input, 2 usage.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { describe, type ErrorCode, type Problem, type ProblemParams } from '../errors/catalog.ts';
import { resolveProject } from '../load/project.ts';
import { siteOptions } from '../site/site-options.ts';
import { pdfBrand } from '../site/brand.ts';
import { validateProject } from '../validate/validate-project.ts';
import { fileNameOf } from '../model/policy.ts';
import { renderNdaPdf } from '../pdf/editions.ts';
import { describeChars, undrawable } from '../model/glyphs.ts';
import { pdfFileName, pdfSha256, publicPdf } from '../pdf/published.ts';
import { policyEntries } from '../site/policy-entries.ts';
import { loadProse } from '../load/prose.ts';
import { hasErrors, today } from '../validate/validate.ts';
import { parse, projectOptions, UsageError } from './args.ts';
import { formatProblems, summary } from '../errors/format.ts';

export const usage = `usage: slapage pdf [--version X.Y] [--out PATH] [--project DIR] [--policy DIR]
       slapage pdf --nda --recipient NAME [--date YYYY-MM-DD] [--version X.Y] [--out PATH] [--policy DIR]

Writes the public PDF of a version (default: the latest) to ./sla-vX.Y.pdf, or with --nda the
NDA edition (annexes, every page stamped for NAME on DATE, default today) to
./sla-vX.Y-nda-NAME.pdf. The NDA edition is never written inside dist/.
Exit status: 0 written, 1 invalid policy or input, 2 usage error.`;

/** Longest recipient name: it is printed on one line of every page. */
export const MAX_RECIPIENT_LENGTH = 80;

export async function main(args: readonly string[]): Promise<number> {
  const { values } = parse({
    args: [...args],
    options: {
      ...projectOptions,
      version: { type: 'string' },
      out: { type: 'string' },
      nda: { type: 'boolean' },
      recipient: { type: 'string' },
      date: { type: 'string' },
    },
  });
  if (!values.nda && (values.recipient !== undefined || values.date !== undefined)) throw new UsageError('--recipient and --date belong to the NDA edition: add --nda');
  if (values.nda && values.recipient === undefined) throw new UsageError('--nda needs --recipient NAME: the company the copy is given to');

  const { project, validation, problems: found } = validateProject(resolveProject({ project: values.project, policy: values.policy }));
  if (!project || !validation || hasErrors(found)) return fail(found, validation?.versions.length);
  const versions = validation.versions;
  const version = values.version === undefined ? versions.at(-1) : versions.find((v) => v.version === values.version);
  if (!version) return fail([argProblem('--version', 'pdf-version-unknown', { version: values.version, versions: versions.map((v) => v.version).join(', ') || 'none' })]);

  // The same entry the site build publishes (sources, measurement), so this PDF's bytes equal the published one's.
  // Drafts too (watermarked as the --drafts build marks them): a PM may print the draft under review.
  const site = siteOptions(project, true);
  const entry = policyEntries(versions, project.measurementsDir, {
    url: site.url,
    base: site.base,
    releases: validation.releases,
    drafts: true,
    brand: pdfBrand(site, versions.at(-1)!.policy.meta.company),
    prose: loadProse(project.contentDir, project.root),
  }).find((e) => e.version === version.version)!;

  if (!values.nda) {
    const bytes = await publicPdf(entry);
    return write(values.out ?? pdfFileName(version.version), bytes);
  }

  const recipient = values.recipient!.trim();
  const date = values.date ?? today();
  const problems = [...recipientProblems(recipient), ...dateProblems(date)];
  if (!version.nda) problems.push(argProblem('--version', 'pdf-no-nda', { version: version.version }));
  const out = resolve(values.out ?? `sla-v${version.version}-nda-${slug(recipient)}.pdf`);
  // Both the project's site output and a dist/ in the working directory are published folders.
  const published = [resolve(project.root, 'dist'), resolve('dist')].find((dist) => out === dist || out.startsWith(dist + sep));
  if (published) problems.push(argProblem('--out', 'pdf-out-in-dist', { out: relative(process.cwd(), out), dist: `${relative(process.cwd(), published) || '.'}/` }));
  if (problems.length > 0) return fail(problems);

  const sources = [...entry.sources, { name: fileNameOf('nda'), text: version.files.nda!.text }];
  const bytes = await renderNdaPdf(entry.policy, version.nda!, sources, { recipient, date, measurement: entry.measurement, evidence: entry.evidence, brand: entry.brand, prose: entry.prose });
  return write(out, bytes);
}

function recipientProblems(recipient: string): Problem[] {
  const bad = (detail: string) => [argProblem('--recipient', 'pdf-recipient-invalid', { recipient, detail })];
  if (recipient.length === 0) return bad('is empty');
  if ([...recipient].length > MAX_RECIPIENT_LENGTH) return bad(`is ${[...recipient].length} characters long; at most ${MAX_RECIPIENT_LENGTH} fit the page stamp`);
  if (/[\p{Cc}\p{Cf}\u2028\u2029]/u.test(recipient)) return bad('contains control or invisible formatting characters');
  const chars = undrawable(recipient);
  if (chars.length > 0) return [argProblem('--recipient', 'font-coverage', { field: 'recipient', chars: describeChars(chars) })];
  return [];
}

function dateProblems(date: string): Problem[] {
  const parsed = new Date(`${date}T00:00:00Z`);
  // Date rolls 2026-02-30 over to March; a round trip catches that.
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date);
  return valid ? [] : [argProblem('--date', 'pdf-date-invalid', { date })];
}

/** A problem with a command-line argument: located at the flag, not in a file. */
function argProblem(flag: string, code: ErrorCode, params: ProblemParams): Problem {
  return { file: flag, line: 0, column: 0, ...describe(code, params) };
}

function fail(problems: readonly Problem[], versions?: number): number {
  process.stderr.write(formatProblems(problems, 'text') + '\n');
  if (versions !== undefined) process.stderr.write('\n' + summary(problems, versions) + '\n');
  return 1;
}

function write(path: string, bytes: Uint8Array): number {
  mkdirSync(dirname(resolve(path)), { recursive: true });
  writeFileSync(path, bytes);
  process.stdout.write(`wrote ${relative(process.cwd(), resolve(path))} (${bytes.length} bytes, sha256 ${pdfSha256(bytes)})\n`);
  return 0;
}

/** "Acme Corp." -> "acme-corp", for the default file name only. */
function slug(text: string): string {
  return text.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'recipient';
}
