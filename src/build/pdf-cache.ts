/**
 * Content-addressed cache of public PDFs on disk: a PDF is stored under the SHA-256 of everything it is rendered from
 * (the version's model and public sources, its measurement, evidence, prose, draft mark, brand and the site address
 * inside the model) and of the engine that renders it (package version, the engine's own source files, the rendering
 * dependencies and zlib). Equal key, equal bytes: a released version, which cannot change, is rendered once. Files
 * are written atomically (a temporary file renamed into place); `prune` keeps only what the current build used.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publicPdf, seedPublicPdf, type PublishedVersion } from '../pdf/published.ts';

/** The folder the build uses when none is given: under node_modules, which every project already ignores. */
export function defaultCacheDir(projectRoot: string): string {
  return join(projectRoot, 'node_modules', '.cache', 'slapage');
}

/** Packages whose code shapes the PDF's bytes besides the engine's own files. */
const RENDERING_PACKAGES = ['pdfkit', 'fontkit', 'dejavu-fonts-ttf', 'svg-to-pdfkit'] as const;

/** The engine's folder: src/ when run from the sources, lib/ when installed; the package root above it. */
const ENGINE_DIR = dirname(dirname(fileURLToPath(import.meta.url)));

let engine: string | undefined;

/** The engine's identity: package version, a hash of its source files (tests aside) and of what else renders a PDF. Computed once per process. */
export function engineKey(): string {
  if (engine) return engine;
  const hash = createHash('sha256');
  const pkg = JSON.parse(readFileSync(join(dirname(ENGINE_DIR), 'package.json'), 'utf8')) as { version: string };
  hash.update(`slapage ${pkg.version}\0zlib ${process.versions.zlib ?? ''}\0`);
  const require = createRequire(import.meta.url);
  for (const name of RENDERING_PACKAGES) {
    const manifest = packageManifest(require, name);
    hash.update(`${name} ${manifest?.version ?? 'absent'}\0`);
  }
  for (const file of sourceFiles(ENGINE_DIR)) hash.update(`${relative(ENGINE_DIR, file)}\0`).update(readFileSync(file)).update('\0');
  return (engine = hash.digest('hex'));
}

function packageManifest(require: NodeJS.Require, name: string): { version: string } | undefined {
  // Some packages do not export their package.json: find it above the resolved entry point instead.
  let dir = dirname(require.resolve(name === 'dejavu-fonts-ttf' ? `${name}/ttf/DejaVuSans.ttf` : name));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version: string };
      if (parsed.name === name) return parsed;
    }
    if (dirname(dir) === dir) return undefined;
    dir = dirname(dir);
  }
}

/** Every file of the engine in a stable order, without tests. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => !/(^|[\\/])node_modules([\\/]|$)/.test(path) && !/\.test\.[cm]?[jt]s$/.test(path))
    .map((path) => join(dir, path))
    .filter((path) => statSync(path).isFile())
    .sort();
}

/** The key of a version's public PDF: the engine's key and every input of `publicPdf`, the logo by its hash. */
export function pdfKey(engineId: string, version: PublishedVersion): string {
  const { brand, ...rest } = version;
  const logo = brand?.logo ? { type: brand.logo.type, alt: brand.logo.alt, sha256: createHash('sha256').update(brand.logo.bytes).digest('hex') } : null;
  return createHash('sha256')
    .update(engineId)
    .update('\0')
    .update(JSON.stringify({ ...rest, brand: brand ? { accent: brand.accent ?? null, logo } : null }))
    .digest('hex');
}

export interface PdfCache {
  readonly dir: string;
  /** Whether any PDF is cached (a build that finds none renders all of them). */
  warm(): boolean;
  /** The cached bytes for `key`, or undefined. Marks the key used. */
  get(key: string): Uint8Array | undefined;
  /** Stores `bytes` under `key` atomically. Marks the key used. */
  put(key: string, bytes: Uint8Array): void;
  /** Removes every cached PDF this build did not use (call after a successful build). */
  prune(): number;
}

const EXT = '.pdf';

export function openPdfCache(dir: string): PdfCache {
  const pdfDir = join(dir, 'pdf');
  const used = new Set<string>();
  const path = (key: string) => join(pdfDir, key + EXT);
  return {
    dir: pdfDir,
    warm: () => existsSync(pdfDir) && readdirSync(pdfDir).some((name) => name.endsWith(EXT)),
    get(key) {
      used.add(key);
      try {
        return new Uint8Array(readFileSync(path(key)));
      } catch {
        return undefined;
      }
    },
    put(key, bytes) {
      used.add(key);
      mkdirSync(pdfDir, { recursive: true });
      // A reader never sees a half-written file: rename is atomic within a folder.
      const temporary = `${path(key)}.${process.pid}.tmp`;
      writeFileSync(temporary, bytes);
      renameSync(temporary, path(key));
    },
    prune() {
      if (!existsSync(pdfDir)) return 0;
      let removed = 0;
      for (const name of readdirSync(pdfDir)) {
        // Another build's temporary file is its own until it is an hour old (that build died).
        const stale = name.endsWith(EXT) ? !used.has(name.slice(0, -EXT.length)) : name.endsWith(`.${process.pid}.tmp`) || Date.now() - statSync(join(pdfDir, name)).mtimeMs > 3_600_000;
        if (stale) {
          rmSync(join(pdfDir, name), { force: true });
          removed++;
        }
      }
      return removed;
    },
  };
}

/** A build's use of the cache: what it found, and what it still has to render. */
export interface CachePlan {
  readonly hits: number;
  /** The versions whose PDF is not cached, in the order given. */
  readonly misses: readonly PublishedVersion[];
  /** Stores each miss's PDF once `publicPdf` has it (rendered by the workers or in process); settles when all are stored. */
  store(): Promise<void>;
}

/** Seeds `publicPdf`'s memo with the cached PDF of each version found, so nothing renders it again; the rest are misses. */
export function planPdfs(cache: PdfCache, versions: readonly PublishedVersion[]): CachePlan {
  const engineId = engineKey();
  const misses: { version: PublishedVersion; key: string }[] = [];
  for (const version of versions) {
    const key = pdfKey(engineId, version);
    const bytes = cache.get(key);
    if (bytes) seedPublicPdf(version, Promise.resolve(bytes));
    else misses.push({ version, key });
  }
  return {
    hits: versions.length - misses.length,
    misses: misses.map((m) => m.version),
    store: async () => {
      await Promise.all(misses.map(async ({ version, key }) => cache.put(key, await publicPdf(version))));
    },
  };
}
