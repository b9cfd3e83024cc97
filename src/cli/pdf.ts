/**
 * `slapage pdf [--version X.Y] [--out PATH] [--policy DIR]` writes a version's public PDF;
 * with `--nda --recipient NAME [--date YYYY-MM-DD] [--annex N]` the NDA edition, never inside dist/.
 * Exit status: 0 written, 1 invalid policy or input, 2 usage.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { describe, type ErrorCode, type Problem, type ProblemParams } from '../errors/catalog.ts';
import { resolveProject } from '../load/project.ts';
import { siteOptions } from '../site/site-options.ts';
import { pdfBrand } from '../site/brand.ts';
import { validateProject } from '../validate/validate-project.ts';
import { renderNdaPdf } from '../pdf/editions.ts';
import { annexAttachmentName } from '../pdf/nda-annex.ts';
import { annexFor, annexLabel, annexRange, covers } from '../model/nda.ts';
import type { LoadedAnnex } from '../load/nda-annexes.ts';
import type { Validation } from '../validate/validate.ts';
import { describeChars, undrawable } from '../model/glyphs.ts';
import { pdfFileName, pdfSha256, publicPdf } from '../pdf/published.ts';
import { policyEntries } from '../site/policy-entries.ts';
import { loadProse } from '../load/prose.ts';
import { hasErrors, today } from '../validate/validate.ts';
import { parse, projectOptions, UsageError } from './args.ts';
import { formatProblems, summary } from '../errors/format.ts';

export const usage = `usage: slapage pdf [--version X.Y] [--out PATH] [--project DIR] [--policy DIR]
       slapage pdf --nda --recipient NAME [--date YYYY-MM-DD] [--annex N] [--version X.Y] [--out PATH] [--policy DIR]

Writes the public PDF of a version (default: the latest) to ./sla-vX.Y.pdf, or with --nda the
NDA edition (annexes, every page stamped for NAME on DATE, default today) to
./sla-vX.Y-nda-annexN-NAME.pdf. The NDA edition is never written inside dist/.

NDA annexes (SOC 2 and penetration-test summaries) are versioned on their own: policy/nda/N.yaml
(N = 1, 2, …) holds the keys of nda.yaml under an \`annex:\` header naming the public versions it
applies to (annex.versions.from, optional through) and annex.updated; release one with
\`slapage release --nda N\`. The NDA edition of a version carries the newest annex file that covers it
(--annex N picks another that does), else the version's own policy/X.Y/nda.yaml (file name
./sla-vX.Y-nda-NAME.pdf; --annex X.Y picks it even when an annex file covers the version). Its cover, every page's stamp, its metadata and its file name name the public
version and the annex. When the version or the annex is not released, the edition carries the draft
marks ("Draft: not in force") and its file name ends in -draft.
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
      annex: { type: 'string' },
    },
  });
  if (!values.nda && (values.recipient !== undefined || values.date !== undefined || values.annex !== undefined)) throw new UsageError('--recipient, --date and --annex belong to the NDA edition: add --nda');
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
  const chosen = chooseAnnex(version.version, validation.annexes, values.annex);
  if ('problem' in chosen) problems.push(chosen.problem);
  const annex = 'annex' in chosen ? chosen.annex : undefined;
  const draft = annex ? draftReasons(validation, version.version, annex) : [];
  const name = `sla-v${version.version}-nda${annex?.source === 'annex-file' ? `-annex${annex.id}` : ''}-${slug(recipient)}${draft.length > 0 ? '-draft' : ''}.pdf`;
  const out = resolve(values.out ?? name);
  // Both the project's site output and a dist/ in the working directory are published folders.
  const published = [resolve(project.root, 'dist'), resolve('dist')].find((dist) => out === dist || out.startsWith(dist + sep));
  if (published) problems.push(argProblem('--out', 'pdf-out-in-dist', { out: relative(process.cwd(), out), dist: `${relative(process.cwd(), published) || '.'}/` }));
  if (problems.length > 0 || !annex) return fail(problems);

  const sources = [...entry.sources, { name: annexAttachmentName(annex), text: annex.file.text }];
  const edition = { ...annex, ...(annex.source === 'annex-file' ? { released: validation.annexReleases[annex.id] } : {}) };
  const bytes = await renderNdaPdf(entry.policy, annex.nda, sources, { recipient, date, measurement: entry.measurement, evidence: entry.evidence, brand: entry.brand, prose: entry.prose, annex: edition, draft });
  return write(out, bytes, `v${version.version} with ${annexLabel(annex)}${draft.length > 0 ? `, draft: ${draft.join('; ')}` : ''}`);
}

/** The annex the edition of `version` carries: `--annex N` when given (it must cover the version), else the newest that does. */
function chooseAnnex(version: string, annexes: readonly LoadedAnnex[], wanted: string | undefined): { annex: LoadedAnnex } | { problem: Problem } {
  const files = annexes.filter((a) => a.source === 'annex-file');
  const fallback = annexFor(version, annexes);
  if (wanted === undefined) {
    if (fallback) return { annex: fallback };
    const next = String(Math.max(0, ...files.map((a) => Number(a.id))) + 1);
    return { problem: argProblem('--version', 'pdf-no-nda', { version, next }) };
  }
  // --annex X.Y: the version's own nda.yaml, to reproduce an edition given out before an annex file superseded it.
  const own = annexes.find((a) => a.source === 'version-file' && a.id === version);
  const annex = wanted.trim() === version && own ? own : files.find((a) => a.id === wanted.trim());
  if (!annex) {
    const known = [...files.map((a) => a.id), ...(own ? [`${version} (its own nda.yaml)`] : [])];
    return { problem: argProblem('--annex', 'pdf-annex-unknown', { annex: wanted, annexes: known.join(', ') || 'none in policy/nda/' }) };
  }
  if (!covers(annex, version)) {
    const covering = fallback ? `${annexLabel(fallback)} does` : undefined;
    return { problem: argProblem('--annex', 'pdf-annex-not-for-version', { annex: annex.id, range: annexRange(annex), version, covering }) };
  }
  return { annex };
}

/** Why the edition is a draft: its public version or its annex file is not in the release lock. */
function draftReasons(validation: Validation, version: string, annex: LoadedAnnex): string[] {
  return [
    ...(version in validation.releases ? [] : [`v${version} is not released`]),
    ...(annex.source === 'annex-file' && !(annex.id in validation.annexReleases) ? [`NDA annex ${annex.id} is not released`] : []),
  ];
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

/** `what`: the edition's contents, for the NDA edition ("v3.2 with NDA annex 2"). */
function write(path: string, bytes: Uint8Array, what?: string): number {
  mkdirSync(dirname(resolve(path)), { recursive: true });
  writeFileSync(path, bytes);
  process.stdout.write(`wrote ${relative(process.cwd(), resolve(path))}${what ? `: ${what}` : ''} (${bytes.length} bytes, sha256 ${pdfSha256(bytes)})\n`);
  return 0;
}

/** "Acme Corp." -> "acme-corp", for the default file name only. */
function slug(text: string): string {
  return text.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'recipient';
}
