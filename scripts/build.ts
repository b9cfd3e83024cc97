/**
 * `npm run build [-- --out DIR] [--policy DIR]`: validate (the same report as `npm run validate`; exit 1 without
 * touching the output on errors), Astro build into a temporary folder next to the output, post-build checks
 * (every page and file present, the anchor contract), then swap the new folder into place.
 */
import module from 'node:module';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { Problem } from '../src/errors/catalog.ts';
import { parse, run } from '../src/cli/args.ts';
import { formatProblems, summary } from '../src/cli/format-problems.ts';
import { resolvePolicyDir } from '../src/load/load-policy.ts';
import { resolveMeasurementsDir } from '../src/load/measurements.ts';
import { readLock } from '../src/load/release-lock.ts';
import { compareVersions, isVersion } from '../src/model/version.ts';
import { anchorIds, checkAnchorContract, type RenderedPage } from '../src/site/anchors.ts';
import { handOffValidation } from '../src/site/build-handoff.ts';
import { policyEntries } from '../src/site/policy-entries.ts';
import { hasErrors, validatePolicy } from '../src/validate/validate.ts';
import { startPdfWorkers, type PdfWorkers } from './pdf-workers.ts';

const usage = `usage: npm run build -- [--out DIR] [--policy DIR] [--timings]

Builds the site into DIR (default: dist) from the policy in DIR (default: $SLA_POLICY_DIR, else ./policy).
--timings prints where the time went (validation, Astro, PDF threads, checks) to stderr.
Exit status: 0 built, 1 policy or post-build problems (the output folder is left as it was), 2 usage error.`;

const ROOT = resolve(import.meta.dirname, '..');

// As Astro's own CLI does: most of a build's start is compiling Astro's and Vite's modules, which this caches on disk
// (Node's cache folder under the system temp dir). Skipped in CI, where the cache would be written and never read.
if (!process.env.CI) module.enableCompileCache?.();

/** Where an anchor-contract problem is fixed: the section list with its aliases. */
const SECTIONS_FILE = 'src/model/sections.ts';

await run(usage, async () => {
  const { values } = parse({ args: process.argv.slice(2), options: { out: { type: 'string', default: 'dist' }, policy: { type: 'string' }, timings: { type: 'boolean' }, help: { type: 'boolean' } } });
  if (values.help) {
    process.stdout.write(usage + '\n');
    return 0;
  }
  const policyDir = resolvePolicyDir(values.policy);
  const out = resolve(values.out);
  // The content loader reads the same variable, so Astro sees exactly the folder validated here.
  process.env.SLA_POLICY_DIR = policyDir;
  process.env.ASTRO_TELEMETRY_DISABLED = '1';

  // The PDFs are most of the build's work: threads load pdfkit while the policy is validated and render while Astro
  // starts. One core stays with Astro, whose start is the longer path (two threads on two cores measured slower).
  const pdfWorkers = startPdfWorkers(availableParallelism() - 1);
  try {
    return await buildSite(policyDir, out, pdfWorkers, values.timings ? (line) => process.stderr.write(line + '\n') : () => {});
  } finally {
    await pdfWorkers.close();
  }
});

async function buildSite(policyDir: string, out: string, pdfWorkers: PdfWorkers, report: (line: string) => void): Promise<number> {
  const started = performance.now();
  const validation = validatePolicy(policyDir);
  const validated = performance.now();
  if (validation.problems.length > 0) process.stderr.write(formatProblems(validation.problems, 'text') + '\n\n');
  if (hasErrors(validation.problems)) {
    process.stderr.write(`${summary(validation.problems, validation.versions.length)}\nbuild stopped: ${relative(process.cwd(), out) || out} left unchanged\n`);
    return 1;
  }
  const versions = validation.versions.map((v) => v.version);
  const entries = policyEntries(validation.versions, resolveMeasurementsDir(policyDir));
  pdfWorkers.render([...entries.slice(-1), ...entries.slice(0, -1)]);
  handOffValidation(validation);

  // Astro writes its prerender chunks inside the output folder only when that lies under the working directory
  // (else into <cwd>/.astro/, shared by concurrent builds), and those chunks must resolve node_modules: so the
  // build always runs from the repository into a private folder under it, copied next to the output if elsewhere.
  const inRepo = !relative(ROOT, dirname(out)).startsWith('..');
  const building = inRepo ? join(dirname(out), `.dist-${basename(out)}-${process.pid}`) : join(ROOT, `.dist-build-${process.pid}`);
  const staging = inRepo ? building : join(dirname(out), `.dist-${basename(out)}-${process.pid}`);
  const cache = `${building}-cache`;
  const cwd = process.cwd();
  try {
    const { build } = await import('astro');
    process.chdir(ROOT);
    try {
      // A private cache folder too: concurrent builds must not share Astro's data store.
      await build({ root: ROOT, outDir: building, cacheDir: cache, logLevel: 'warn' });
    } finally {
      process.chdir(cwd);
    }
    const built = performance.now();

    assertOutputs(building, versions);
    const problems = anchorProblems(building, out, versions, policyDir);
    if (problems.length > 0) {
      process.stderr.write(formatProblems(problems, 'text') + '\n\nbuild stopped: post-build checks failed; output left unchanged\n');
      return 1;
    }
    if (staging !== building) {
      mkdirSync(dirname(out), { recursive: true });
      cpSync(building, staging, { recursive: true });
    }
    swapInto(staging, out);
    const { rendered, threads, busyMs, doneAt } = pdfWorkers.stats();
    const ms = (from: number, to: number) => `${Math.round(to - from)} ms`;
    report(
      `timings: validate ${ms(started, validated)}, Astro ${ms(validated, built)}, checks and swap ${ms(built, performance.now())}; ` +
        `${rendered} PDFs in ${threads} worker thread${threads === 1 ? '' : 's'}: ${Math.round(busyMs)} ms of rendering, the last ready ${doneAt === undefined ? 'never' : `${ms(validated, doneAt)} after validation`}`,
    );
  } finally {
    for (const dir of [building, staging, cache]) rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(`✓ built ${versions.length} version${versions.length === 1 ? '' : 's'} into ${relative(process.cwd(), out) || out}\n`);
  return 0;
}

/** Every output the page contract promises; a missing one is a defect of the site code, not of the policy. */
function assertOutputs(dir: string, versions: readonly string[]): void {
  const expected = ['index.html', 'sla.json', 'sla.schema.json', '.well-known/security.txt', ...versions.flatMap((v) => [`v/${v}/index.html`, `v/${v}/sla.json`])];
  const missing = expected.filter((path) => !existsSync(join(dir, path)));
  if (missing.length > 0) throw new Error(`the build did not produce ${missing.join(', ')}`);
}

/**
 * Anchors of every version's page must resolve on /: those recorded in the release lock when each version was
 * released, those of the previously published output when present, and those of this build.
 */
function anchorProblems(staging: string, previous: string, versions: readonly string[], policyDir: string): Problem[] {
  const released: RenderedPage[] = Object.entries(readLock(policyDir).lock)
    .sort(([a], [b]) => compareVersions(a, b))
    .flatMap(([version, entry]) => (entry.anchors ? [{ version, anchors: new Set(entry.anchors) }] : []));
  const pages = (dir: string, names: readonly string[]): RenderedPage[] =>
    names.flatMap((version) => {
      const file = join(dir, 'v', version, 'index.html');
      return existsSync(file) ? [{ version, anchors: anchorIds(readFileSync(file, 'utf8')) }] : [];
    });
  const published = existsSync(join(previous, 'v')) ? readdirSync(join(previous, 'v')).filter(isVersion).sort(compareVersions) : [];
  const latest = { version: versions.at(-1) ?? '', anchors: anchorIds(readFileSync(join(staging, 'index.html'), 'utf8')) };
  return checkAnchorContract([...released, ...pages(previous, published), ...pages(staging, versions)], latest, SECTIONS_FILE);
}

/** Two renames: the old output is kept until the new one is in place, and never half-written. */
function swapInto(staging: string, out: string): void {
  const old = `${staging}-old`;
  if (existsSync(out)) renameSync(out, old);
  renameSync(staging, out);
  rmSync(old, { recursive: true, force: true });
}
