/**
 * `node scripts/bench-build.ts [--versions N]`: wall time of `npm run build` for the example policy and for N generated
 * versions (default 50), next to a bare Astro build of the same number of HTML pages in the same run, and the weight of /.
 * Prints figures; asserts nothing (targets: ratio <= 1.5, / with no script and <= 100 KB).
 * The site build's own phase timings (`--timings`) are printed beside it, so the cause of the ratio is visible:
 * validation, Astro (content sync, bundling, prerendering), and the public PDFs rendered in worker threads meanwhile.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeGeneratedPolicy } from './generate-policy.ts';

const ROOT = resolve(import.meta.dirname, '..');
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const { values } = parseArgs({ options: { versions: { type: 'string', default: '50' } } });
const count = Number(values.versions);

const work = mkdtempSync(join(tmpdir(), 'bench-build-'));
// The bare project must sit inside the repository so it resolves the same astro package.
const bareRoot = join(ROOT, `.dist-bench-bare-${process.pid}`);
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };

function time(run: () => void): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Wall time of the site build and its own account of where that went. */
function siteBuild(policy: string, out: string): { ms: number; timings: string } {
  let stderr = '';
  const ms = time(() => {
    const run = spawnSync(process.execPath, ['src/cli/main.ts', 'build', '--policy', policy, '--out', out, '--timings'], { cwd: ROOT, env, encoding: 'utf8' });
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

try {
  const example = join(work, 'example');
  const { ms: exampleMs, timings: exampleTimings } = siteBuild(join(ROOT, 'policy'), example);
  const examplePages = htmlPages(example);
  const bytesPerPage = statSync(join(example, 'index.html')).size;
  const bareExampleMs = bareBuild(examplePages.length, bytesPerPage);

  const generated = join(work, 'policy');
  writeGeneratedPolicy(generated, count);
  const many = join(work, 'many');
  const { ms: manyMs, timings: manyTimings } = siteBuild(generated, many);
  const manyPages = htmlPages(many);
  const bareManyMs = bareBuild(manyPages.length, bytesPerPage);
  const pdfs = readdirSync(many).filter((p) => p.endsWith('.pdf')).length;

  const weight = weightOfRoot(example);
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const lines = [
    `node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}`,
    'npm run build: validate, Astro build of the site (content sync, bundle, prerender of every page, feed, sla.json and PDF),',
    '  public PDFs rendered in worker threads meanwhile, post-build checks, swap; bare Astro: `astro build` of one',
    '  [page].astro with as many pages of the same size as / (no content layer, MDX, components, endpoints or PDFs).',
    `example (${examplePages.length} HTML pages): npm run build ${s(exampleMs)}, bare Astro ${s(bareExampleMs)}, ratio ${(exampleMs / bareExampleMs).toFixed(2)}`,
    `  where the build's time went: ${exampleTimings}`,
    `${count} generated versions (${manyPages.length} HTML pages, ${pdfs} PDFs): npm run build ${s(manyMs)}, bare Astro ${s(bareManyMs)}, ratio ${(manyMs / bareManyMs).toFixed(2)} (target <= 1.5)`,
    `  where the build's time went: ${manyTimings}`,
    `weight of /: ${(weight.bytes / 1024).toFixed(1)} KB in ${weight.requests} request(s), ${weight.scripts} script(s) (target: no JS, <= 100 KB)`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
} finally {
  rmSync(work, { recursive: true, force: true });
  rmSync(bareRoot, { recursive: true, force: true });
}
