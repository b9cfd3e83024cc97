/**
 * The site build: validate the project (the same report as `slapage validate`; nothing touched on errors), run Astro
 * with the slapage integration into a private folder, check the output (every page present, the anchor contract),
 * then swap it into place, so the previous output survives any failure.
 */
import module from 'node:module';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import type { Problem } from '../errors/catalog.ts';
import { formatProblems, summary } from '../errors/format.ts';
import type { ProjectPaths } from '../load/project.ts';
import { readLock } from '../load/release-lock.ts';
import { compareVersions, isVersion } from '../model/version.ts';
import { anchorIds, checkAnchorContract, type RenderedPage } from '../site/anchors.ts';
import { pdfBrand } from '../site/brand.ts';
import { policyEntries } from '../site/policy-entries.ts';
import { loadProse } from '../load/prose.ts';
import { siteOptions } from '../site/site-options.ts';
import { nothingReleased } from '../site/site-data.ts';
import { hasErrors } from '../validate/validate.ts';
import { validateProject } from '../validate/validate-project.ts';
import slapage from './integration.ts';
import { defaultCacheDir, openPdfCache, planPdfs } from './pdf-cache.ts';
import { startPdfWorkers, type PdfWorkers } from './pdf-workers.ts';

export interface BuildOptions {
  readonly paths: ProjectPaths;
  /** The output folder (absolute). */
  readonly out: string;
  /** Publish drafts too (pull-request previews). */
  readonly drafts: boolean;
  /** Where progress lines (timings) go; none by default. */
  readonly report?: (line: string) => void;
  /** The PDF cache folder (pdf-cache.ts); default node_modules/.cache/slapage in the project; null renders every PDF. */
  readonly cacheDir?: string | null;
}

/** Where an anchor-contract problem is fixed: the section list with its aliases. */
const SECTIONS_FILE = 'src/model/sections.ts';

/** Exit status: 0 built, 1 problems (the output folder is left as it was). */
export async function buildSite({ paths, out, drafts, report = () => {}, cacheDir }: BuildOptions): Promise<number> {
  // As Astro's own CLI does: most of a build's start is compiling Astro's and Vite's modules, which this caches on
  // disk. Skipped in CI, where the cache would be written and never read.
  if (!process.env.CI) module.enableCompileCache?.();
  // Astro reads its telemetry switch only from the environment (there is no config option); nothing of ours does.
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  const pdfCache = cacheDir === null ? undefined : openPdfCache(cacheDir ?? defaultCacheDir(paths.root));
  // The PDFs are most of a cold build's work: threads load pdfkit while the policy is validated and render while Astro
  // starts. One core stays with Astro, whose start is the longer path (two threads on two cores measured slower).
  // With PDFs in the cache most builds render one or none, so the threads start only once a PDF is missing.
  const threads = availableParallelism() - 1;
  let pdfWorkers: PdfWorkers | undefined = pdfCache?.warm() ? undefined : startPdfWorkers(threads);
  try {
    const started = performance.now();
    const { project, validation, problems } = validateProject(paths);
    const validated = performance.now();
    if (problems.length > 0) process.stderr.write(formatProblems(problems, 'text') + '\n\n');
    if (!project || !validation || hasErrors(problems)) {
      process.stderr.write(`${summary(problems, validation?.versions.length ?? 0)}\nbuild stopped: ${relative(process.cwd(), out) || out} left unchanged\n`);
      return 1;
    }
    // The versions this build publishes: released ones (plus drafts with --drafts), as the pages select them.
    const site = siteOptions(project, drafts);
    const entries = policyEntries(validation.versions, project.measurementsDir, {
      url: site.url,
      base: site.base,
      releases: validation.releases,
      drafts,
      brand: pdfBrand(site, validation.versions.at(-1)?.policy.meta.company ?? ''),
      prose: loadProse(project.contentDir, project.root),
    });
    if (entries.length === 0) {
      process.stderr.write(`${formatProblems([nothingReleased(project.policyDir, validation)], 'text')}\n\nbuild stopped: ${relative(process.cwd(), out) || out} left unchanged\n`);
      return 1;
    }
    const versions = entries.map((e) => e.version);
    // The latest first: / and sla.json need it before the rest.
    const ordered = [...entries.slice(-1), ...entries.slice(0, -1)];
    const plan = pdfCache ? planPdfs(pdfCache, ordered) : undefined;
    const toRender = plan ? plan.misses : ordered;
    if (toRender.length > 0) (pdfWorkers ??= startPdfWorkers(threads)).render(toRender);
    // A failed render fails the build where Astro awaits the bytes; storing them only follows.
    const storing = plan?.store();
    storing?.catch(() => {});

    // Astro writes its prerender chunks inside the output folder only when that lies under the project (else into
    // <root>/.astro/, shared by concurrent builds), and those chunks must resolve node_modules from the project: so
    // the build runs into a private folder under the project, copied next to the output if that is elsewhere.
    const inProject = !relative(project.root, dirname(out)).startsWith('..');
    const building = inProject ? join(dirname(out), `.dist-${basename(out)}-${process.pid}`) : join(project.root, `.dist-build-${process.pid}`);
    const staging = inProject ? building : join(dirname(out), `.dist-${basename(out)}-${process.pid}`);
    const cache = `${building}-cache`;
    try {
      const { build } = await import('astro');
      // configFile false: the integration is the whole configuration, passed explicitly. A private cache folder:
      // concurrent builds must not share Astro's data store.
      await build({ root: project.root, configFile: false, outDir: building, cacheDir: cache, logLevel: 'warn', integrations: [slapage({ project: project.root, policy: project.policyDir, drafts, wholeSite: true })] });
      const built = performance.now();

      // The pages sit under the route prefix (site.prefix) inside the output folder.
      const pages = (dir: string) => join(dir, site.prefix);
      assertOutputs(pages(building), versions);
      const anchors = anchorProblems(pages(building), pages(out), versions, project.policyDir, entries.find((e) => e.latest)?.version ?? '');
      if (anchors.length > 0) {
        process.stderr.write(formatProblems(anchors, 'text') + '\n\nbuild stopped: post-build checks failed; output left unchanged\n');
        return 1;
      }
      if (staging !== building) {
        mkdirSync(dirname(out), { recursive: true });
        cpSync(building, staging, { recursive: true });
      }
      swapInto(staging, out);
      if (storing) await storing;
      const evicted = pdfCache?.prune() ?? 0;
      const { rendered, busyMs, doneAt } = pdfWorkers?.stats() ?? { rendered: 0, busyMs: 0, doneAt: undefined };
      const workers = pdfWorkers ? Math.max(1, threads) : 0;
      const ms = (from: number, to: number) => `${Math.round(to - from)} ms`;
      report(
        `timings: validate ${ms(started, validated)}, Astro ${ms(validated, built)}, checks and swap ${ms(built, performance.now())}; ` +
          `${rendered} PDFs in ${workers} worker thread${workers === 1 ? '' : 's'}: ${Math.round(busyMs)} ms of rendering, the last ready ${doneAt === undefined ? 'never' : `${ms(validated, doneAt)} after validation`}` +
          (plan ? `; PDF cache: ${plan.hits} of ${ordered.length} found, ${evicted} unused removed` : '; PDF cache off'),
      );
    } finally {
      for (const dir of [building, staging, cache]) rmSync(dir, { recursive: true, force: true });
    }
    process.stdout.write(`✓ built ${versions.length} version${versions.length === 1 ? '' : 's'} into ${relative(process.cwd(), out) || out}\n`);
    return 0;
  } finally {
    await pdfWorkers?.close();
  }
}

/** Every output the page contract promises; a missing one is a defect of the engine, not of the policy. */
function assertOutputs(dir: string, versions: readonly string[]): void {
  const expected = ['index.html', 'sla.json', 'sla.schema.json', '.well-known/security.txt', ...versions.flatMap((v) => [`v/${v}/index.html`, `v/${v}/sla.json`])];
  const missing = expected.filter((path) => !existsSync(join(dir, path)));
  if (missing.length > 0) throw new Error(`the build did not produce ${missing.join(', ')}`);
}

/**
 * Anchors of every version's page must resolve on /: those recorded in the release lock when each version was
 * released, those of the previously published output when present, and those of this build.
 */
function anchorProblems(staging: string, previous: string, versions: readonly string[], policyDir: string, root: string): Problem[] {
  const released: RenderedPage[] = Object.entries(readLock(policyDir).lock)
    .sort(([a], [b]) => compareVersions(a, b))
    .flatMap(([version, entry]) => (entry.anchors ? [{ version, anchors: new Set(entry.anchors) }] : []));
  const pages = (dir: string, names: readonly string[]): RenderedPage[] =>
    names.flatMap((version) => {
      const file = join(dir, 'v', version, 'index.html');
      return existsSync(file) ? [{ version, anchors: anchorIds(readFileSync(file, 'utf8')) }] : [];
    });
  const published = existsSync(join(previous, 'v')) ? readdirSync(join(previous, 'v')).filter(isVersion).sort(compareVersions) : [];
  const latest = { version: root, anchors: anchorIds(readFileSync(join(staging, 'index.html'), 'utf8')) };
  return checkAnchorContract([...released, ...pages(previous, published), ...pages(staging, versions)], latest, SECTIONS_FILE);
}

/** Two renames: the old output is kept until the new one is in place, and never half-written. */
function swapInto(staging: string, out: string): void {
  const old = `${staging}-old`;
  if (existsSync(out)) renameSync(out, old);
  renameSync(staging, out);
  rmSync(old, { recursive: true, force: true });
}
