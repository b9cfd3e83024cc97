/**
 * `prepack`: builds what the `slapage` package ships. src/ becomes JavaScript with declarations in lib/ (tsc), the
 * Astro, MDX and CSS files are copied beside it with their relative ".ts" imports pointing at the ".js" files, the
 * `validate` command is bundled into one file (below), and the example vendor's latest version is copied to
 * templates/example/ for `slapage init --example`.
 */
import { execFileSync } from 'node:child_process';
import { buildSync } from 'esbuild';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { compareVersions, isVersion } from '../src/model/version.ts';

const ROOT = resolve(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');
const LIB = join(ROOT, 'lib');

rmSync(LIB, { recursive: true, force: true });
execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });

const assets = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((path) => /\.(astro|mdx|css)$/.test(path) && statSync(join(SRC, path)).isFile());
for (const path of assets) {
  const target = join(LIB, path);
  mkdirSync(dirname(target), { recursive: true });
  // Only relative specifiers: './x.ts' and '../x.ts' in import statements and import.meta.glob patterns stay correct.
  writeFileSync(target, readFileSync(join(SRC, path), 'utf8').replace(/(['"])(\.{1,2}\/[^'"\n]*?)\.ts\1/g, '$1$2.js$1'));
}

// `slapage validate` is the command a vendor runs on every edit, in a fresh process each time. Loading its ~250 modules
// one by one (63 of the engine, zod's 95, yaml's 72) was about a third of its run, resolving paths and reading files: as one
// file it starts in half the time (`npm run bench:validate`). Only this leaf is replaced; every other module, and the
// Astro integration, stay as tsc wrote them. The CommonJS dependencies it inlines (@babel/code-frame and picocolors)
// call `require`, which an ES module bundle must provide.
buildSync({
  entryPoints: [join(LIB, 'cli/validate.js')],
  outfile: join(LIB, 'cli/validate.js'),
  allowOverwrite: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  banner: { js: "import { createRequire as __slapageRequire } from 'node:module';\nconst require = __slapageRequire(import.meta.url);" },
  logLevel: 'warning',
});

const example = join(ROOT, 'templates', 'example');
rmSync(example, { recursive: true, force: true });
const latest = readdirSync(join(ROOT, 'policy')).filter(isVersion).sort(compareVersions).at(-1)!;
cpSync(join(ROOT, 'policy', latest), example, { recursive: true });
process.stdout.write(`packed: lib/ (${assets.length} Astro/MDX/CSS files copied), templates/example/ from policy/${latest}\n`);
