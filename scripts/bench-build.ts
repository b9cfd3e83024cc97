/**
 * `node scripts/bench-build.ts [--versions N] [--runs R]`: wall time of `npm run build` for the example policy and for N
 * generated versions (default 50; the last an unreleased draft, built with --drafts), next to a bare Astro build of the
 * same number of HTML pages in the same run, and the weight of /. For the generated series: a cold build (empty PDF
 * cache), then a warm rebuild after editing the draft (the released versions' PDFs come from the cache). R runs of each
 * (default 1), medians printed. Prints figures; asserts nothing (goals: cold <= 2.5x bare, warm <= 1.5x bare, / with no
 * script and <= 100 KB). The site build's own phase timings (`--timings`) are printed beside it, so the cause of a ratio
 * is visible: validation, Astro (content sync, bundling, prerendering), and the PDFs rendered in worker threads meanwhile.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeGeneratedPolicy } from './generate-policy.ts';

const ROOT = resolve(import.meta.dirname, '..');
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const { values } = parseArgs({ options: { versions: { type: 'string', default: '50' }, runs: { type: 'string', default: '1' } } });
const count = Number(values.versions);
const runs = Math.max(1, Number(values.runs));

// Inside the repository, as a vendor's project sits beside its node_modules (Astro resolves the engine's components from there).
const work = mkdtempSync(join(ROOT, '.dist-bench-build-'));
// The bare project must sit inside the repository so it resolves the same astro package.
const bareRoot = join(ROOT, `.dist-bench-bare-${process.pid}`);
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };

function time(run: () => void): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Wall time of the site build and its own account of where that went. */
function siteBuild(policy: string, out: string, flags: readonly string[] = []): { ms: number; timings: string } {
  let stderr = '';
  const ms = time(() => {
    const run = spawnSync(process.execPath, ['src/cli/main.ts', 'build', '--policy', policy, '--out', out, '--timings', ...flags], { cwd: ROOT, env, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`npm run build failed (${run.status}):\n${run.stderr}`);
    stderr = run.stderr;
  });
  const timings = stderr.split('\n').find((line) => line.startsWith('timings: '));
  return { ms, timings: timings?.slice('timings: '.length) ?? 'none reported' };
}

function htmlPages(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((p) => p.endsWith('.html'));
}

/** An Astro project with `pages` static pages of about the same text size and nothing else, built with the same CLI. */
function bareBuild(pages: number, bytesPerPage: number): number {
  rmSync(bareRoot, { recursive: true, force: true });
  mkdirSync(join(bareRoot, 'src/pages'), { recursive: true });
  writeFileSync(join(bareRoot, 'astro.config.mjs'), "import { defineConfig } from 'astro/config';\nexport default defineConfig({ output: 'static' });\n");
  writeFileSync(
    join(bareRoot, 'src/pages/[page].astro'),
    `---\nexport function getStaticPaths() { return Array.from({ length: ${pages} }, (_, i) => ({ params: { page: String(i) } })); }\nconst { page } = Astro.params;\nconst text = 'Lorem ipsum dolor sit amet. '.repeat(${Math.ceil(bytesPerPage / 28)});\n---\n<html lang="en"><head><title>Page {page}</title></head><body><h1>Page {page}</h1><p>{text}</p></body></html>\n`,
  );
  try {
    return time(() => execFileSync(process.execPath, [ASTRO, 'build', '--root', bareRoot], { cwd: bareRoot, env, stdio: 'pipe' }));
  } finally {
    rmSync(bareRoot, { recursive: true, force: true });
  }
}

/** / and everything it references (stylesheets, scripts, images); with inlined styles that is one file. */
function weightOfRoot(dist: string): { bytes: number; requests: number; scripts: number } {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src|img[^>]+src)="(\/[^"]+)"/g)].map((m) => m[1]!);
  const bytes = Buffer.byteLength(html) + refs.reduce((sum, ref) => sum + statSync(join(dist, ref)).size, 0);
  return { bytes, requests: 1 + refs.length, scripts: (html.match(/<script/g) ?? []).length };
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const ratio = (ms: number, bare: number) => (ms / bare).toFixed(2);

/** Edits the draft's summary, a sentence its page and PDF show, differently on every call. */
let edits = 0;
function editDraft(policy: string, version: string): void {
  const meta = join(policy, version, 'meta.yaml');
  const text = readFileSync(meta, 'utf8');
  // writeVersion writes the summary on one line, as a plain scalar.
  const edited = text.replace(/^summary: /m, `summary: Revision ${++edits} - `);
  if (edited === text) throw new Error(`no summary to edit in ${meta}`);
  writeFileSync(meta, edited);
}

try {
  const lines = [
    `node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} at the start; ${runs} run(s) of each, medians`,
    'npm run build: validate, Astro build of the site (content sync, bundle, prerender of every page, feed, sla.json and PDF),',
    '  public PDFs rendered in worker threads meanwhile (or taken from the PDF cache), post-build checks, swap; bare Astro:',
    '  `astro build` of one [page].astro with as many pages of the same size as / (no content layer, MDX, components, endpoints or PDFs).',
  ];
  // Printed as they come: a 50-version run takes minutes.
  const say = (line: string) => process.stdout.write(line + '\n');
  lines.forEach(say);

  const example = join(work, 'example');
  const { ms: exampleMs, timings: exampleTimings } = siteBuild(join(ROOT, 'policy'), example, ['--no-cache']);
  const examplePages = htmlPages(example);
  const bytesPerPage = statSync(join(example, 'index.html')).size;
  const bareExampleMs = bareBuild(examplePages.length, bytesPerPage);
  say(`example (${examplePages.length} HTML pages), no PDF cache: npm run build ${s(exampleMs)}, bare Astro ${s(bareExampleMs)}, ratio ${ratio(exampleMs, bareExampleMs)}`);
  say(`  where the build's time went: ${exampleTimings}`);

  const generated = join(work, 'policy');
  writeGeneratedPolicy(generated, count, { draft: true });
  const draft = `1.${count - 1}`;
  const many = join(work, 'many');
  const cold: number[] = [];
  const warm: number[] = [];
  const bare: number[] = [];
  let coldTimings = '';
  let warmTimings = '';
  let pages = 0;
  let pdfs = 0;
  for (let run = 0; run < runs; run++) {
    const cache = join(work, `cache-${run}`);
    const c = siteBuild(generated, many, ['--drafts', '--cache-dir', cache]);
    cold.push(c.ms);
    coldTimings = c.timings;
    pages = htmlPages(many).length;
    pdfs = readdirSync(many).filter((p) => p.endsWith('.pdf')).length;
    editDraft(generated, draft);
    const w = siteBuild(generated, many, ['--drafts', '--cache-dir', cache]);
    warm.push(w.ms);
    warmTimings = w.timings;
    bare.push(bareBuild(pages, bytesPerPage));
    rmSync(cache, { recursive: true, force: true });
    say(`  run ${run + 1}: cold ${s(c.ms)}, warm ${s(w.ms)}, bare ${s(bare.at(-1)!)}`);
  }
  const bareMs = median(bare);
  say(`${count} generated versions, v${draft} a draft (--drafts; ${pages} HTML pages, ${pdfs} PDFs), bare Astro ${s(bareMs)}:`);
  say(`  cold build (empty PDF cache): ${s(median(cold))}, ratio ${ratio(median(cold), bareMs)} (goal <= 2.5)`);
  say(`    where the time went (last run): ${coldTimings}`);
  say(`  warm rebuild after editing the draft: ${s(median(warm))}, ratio ${ratio(median(warm), bareMs)} (goal <= 1.5)`);
  say(`    where the time went (last run): ${warmTimings}`);

  const weight = weightOfRoot(example);
  say(`weight of /: ${(weight.bytes / 1024).toFixed(1)} KB in ${weight.requests} request(s), ${weight.scripts} script(s) (target: no JS, <= 100 KB)`);
} finally {
  rmSync(work, { recursive: true, force: true });
  rmSync(bareRoot, { recursive: true, force: true });
}
