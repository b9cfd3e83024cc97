import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublishedVersion } from '../pdf/published.ts';
import { validatePolicy } from '../validate/validate.ts';
import { published } from '../pdf/published.ts';
import { engineKey, openPdfCache, pdfKey } from './pdf-cache.ts';

const ROOT = resolve(import.meta.dirname, '../..');

describe('pdfKey', () => {
  const version: PublishedVersion = published(validatePolicy('policy', { today: '2026-05-15' }).versions.at(-1)!);
  const logo = { type: 'png' as const, bytes: new Uint8Array([1, 2, 3]), alt: 'Logo' };
  const key = (v: PublishedVersion, engine = 'engine-a') => pdfKey(engine, v);

  it('is stable for equal input and changes with every input of the PDF and with the engine', () => {
    const base = key(version);
    expect(key(structuredClone(version))).toBe(base);
    const variants: PublishedVersion[] = [
      { ...version, draft: true },
      { ...version, policy: { ...version.policy, meta: { ...version.policy.meta, url: 'https://elsewhere.example' } } },
      { ...version, sources: version.sources.map((s, i) => (i === 0 ? { ...s, text: `${s.text}\n# edited` } : s)) },
      { ...version, brand: { accent: '#0B7A75' } },
      { ...version, brand: { logo } },
      { ...version, brand: { logo: { ...logo, bytes: new Uint8Array([1, 2, 4]) } } },
      { ...version, brand: { logo: { ...logo, alt: 'Another logo' } } },
    ];
    const keys = variants.map((v) => key(v));
    expect(new Set([base, ...keys]).size).toBe(variants.length + 1);
    expect(key(version, 'engine-b')).not.toBe(base);
  });

  it('identifies the engine by its package version and sources, the same within a process', () => {
    expect(engineKey()).toMatch(/^[0-9a-f]{64}$/);
    expect(engineKey()).toBe(engineKey());
  });
});

describe('openPdfCache', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'pdf-cache-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('returns what was stored, leaves no temporary file, and prunes what a build did not use', () => {
    const first = openPdfCache(dir);
    expect(first.warm()).toBe(false);
    first.put('a', new Uint8Array([1]));
    first.put('b', new Uint8Array([2]));
    expect(readdirSync(first.dir).sort()).toEqual(['a.pdf', 'b.pdf']);
    const next = openPdfCache(dir);
    expect(next.warm()).toBe(true);
    expect(next.get('b')).toEqual(new Uint8Array([2]));
    expect(next.get('missing')).toBeUndefined();
    expect(next.prune()).toBe(1);
    expect(readdirSync(next.dir)).toEqual(['b.pdf']);
  });
});

interface Run {
  readonly code: number;
  readonly stderr: string;
}

function build(policy: string, out: string, ...flags: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, ['src/cli/main.ts', 'build', '--policy', policy, '--out', out, '--drafts', '--timings', ...flags], { cwd: ROOT, maxBuffer: 1 << 24 }, (error, _stdout, stderr) =>
      done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stderr }),
    );
  });
}

/** Every file of a folder, by relative path, with its bytes. */
function files(dir: string): Map<string, Buffer> {
  const paths = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((path) => statSync(join(dir, path)).isFile());
  return new Map(paths.sort().map((path) => [path, readFileSync(join(dir, path))]));
}

function expectSameFiles(actual: Map<string, Buffer>, expected: Map<string, Buffer>): void {
  expect([...actual.keys()]).toEqual([...expected.keys()]);
  const differing = [...expected].filter(([path, bytes]) => !actual.get(path)!.equals(bytes)).map(([path]) => path);
  expect(differing).toEqual([]);
}

const timing = (run: Run) => run.stderr.split('\n').find((line) => line.startsWith('timings: ')) ?? run.stderr;

describe('an incremental build: released PDFs from the cache, the edited draft rendered again', () => {
  let tmp: string;
  let policy: string;
  let cache: string;
  let cold: Run;
  let warm: Run;
  let uncached: Run;
  let coldFiles: Map<string, Buffer>;

  // The example's released versions plus a draft 3.3 (3.2 unchanged but for its number), built with --drafts.
  beforeAll(async () => {
    // Inside the repository, as a vendor's project is beside its node_modules: Astro resolves the engine's components from there.
    tmp = mkdtempSync(join(ROOT, '.dist-test-build-cache-'));
    policy = join(tmp, 'policy');
    cache = join(tmp, 'cache');
    cpSync(join(ROOT, 'policy'), policy, { recursive: true });
    cpSync(join(policy, '3.2'), join(policy, '3.3'), { recursive: true });
    const meta = join(policy, '3.3', 'meta.yaml');
    writeFileSync(meta, readFileSync(meta, 'utf8').replace('version: "3.2"', 'version: "3.3"'));

    cold = await build(policy, join(tmp, 'cold'), '--cache-dir', cache);
    coldFiles = files(join(tmp, 'cold'));
    // Editing the draft: a sentence the PDF shows.
    writeFileSync(meta, readFileSync(meta, 'utf8').replace('turns a customer', 'turns each customer'));
    warm = await build(policy, join(tmp, 'warm'), '--cache-dir', cache);
    uncached = await build(policy, join(tmp, 'uncached'), '--no-cache');
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('renders every PDF on a cold build and stores each', () => {
    expect(cold.code, cold.stderr).toBe(0);
    expect(timing(cold)).toMatch(/4 PDFs in \d+ worker threads?: .*PDF cache: 0 of 4 found, 0 unused removed/);
  });

  it('renders only the edited draft on the warm build, and drops the draft’s old PDF from the cache', () => {
    expect(warm.code, warm.stderr).toBe(0);
    expect(timing(warm)).toMatch(/1 PDFs in \d+ worker threads?: .*PDF cache: 3 of 4 found, 1 unused removed/);
    expect(readdirSync(join(cache, 'pdf')).filter((name) => name.endsWith('.pdf'))).toHaveLength(4);
  });

  it('gives every file byte for byte as a build without the cache', () => {
    expect(uncached.code, uncached.stderr).toBe(0);
    expect(timing(uncached)).toContain('PDF cache off');
    const warmFiles = files(join(tmp, 'warm'));
    expectSameFiles(warmFiles, files(join(tmp, 'uncached')));
    // The edit reached the draft's PDF; the released versions' PDFs are the cold build's.
    expect(warmFiles.get('sla-v3.3.pdf')!.equals(coldFiles.get('sla-v3.3.pdf')!)).toBe(false);
    for (const v of ['3.0', '3.1', '3.2']) expect(warmFiles.get(`sla-v${v}.pdf`)!.equals(coldFiles.get(`sla-v${v}.pdf`)!), v).toBe(true);
  });
});
