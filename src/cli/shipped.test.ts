/** What the CLI points at is shipped: every package file a command's usage or a catalogue message/hint names is in the packed file list, and the workflows the README names are the ones init writes. */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog } from '../errors/catalog.ts';

const ROOT = join(import.meta.dirname, '../..');
/** Paths inside a vendor's project (what init writes, what commands read and write there), not files of the package. */
const PROJECT = /^(\.\/|\.github\/|policy\/|content\/|dist\/|slapage\.config\.yaml)/;
/** A token that names a file or folder: a path with a file extension, or a folder with a trailing slash. */
const PATH = /^(?:[\w.@-]+\/)+(?:[\w.-]+\.(?:md|json|ya?ml|ts|js|mjs|csv|pdf|txt))?$/;

function namedPaths(text: string): string[] {
  return text
    .split(/[\s`"'()[\],;]+/)
    .map((w) => w.replace(/[.:]+$/, ''))
    .filter((w) => !w.includes('://') && !/[<>{}*]|YYYY|X\.Y/.test(w) && w.includes('/') && PATH.test(w));
}

async function usageTexts(): Promise<Record<string, string>> {
  const texts: Record<string, string> = {};
  for (const file of readdirSync(join(ROOT, 'src/cli'))) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts') || file === 'main.ts' || file === 'args.ts') continue;
    const module = (await import(`./${file}`)) as { usage?: string };
    if (typeof module.usage === 'string') texts[`slapage ${file.replace(/\.ts$/, '')} --help`] = module.usage;
  }
  // Every parameter stands in as a plain word, so only paths the catalogue spells out itself are left.
  const params = new Proxy({}, { get: () => 'X' });
  for (const [code, def] of Object.entries(catalog) as [string, { message: (p: object) => string; hint?: (p: object) => string | undefined }][]) {
    texts[`catalog ${code}`] = `${def.message(params)} ${def.hint?.(params) ?? ''}`;
  }
  return texts;
}

describe('what the CLI points at is shipped', () => {
  it('names only files the packed package contains', async () => {
    const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as { files: { path: string }[] }[];
    const files = packed[0]!.files.map((f) => f.path);
    const missing: string[] = [];
    let named = 0;
    for (const [where, text] of Object.entries(await usageTexts())) {
      for (const path of namedPaths(text)) {
        const inPackage = path.replace(/^node_modules\/slapage\//, '');
        if (PROJECT.test(inPackage) && inPackage === path) continue;
        named++;
        const shipped = inPackage.endsWith('/') ? files.some((f) => f.startsWith(inPackage)) : files.includes(inPackage);
        if (!shipped) missing.push(`${where}: ${path}`);
      }
    }
    expect(missing).toEqual([]);
    // The scan finds what it is for: verify's help names its documentation.
    expect(named).toBeGreaterThan(0);
  });

  it('finds package paths in a text, and leaves project paths, placeholders, URLs and MCP method names alone', () => {
    expect(namedPaths('see docs/verify.md (node_modules/slapage/docs/verify.md), writes content/evidence/<date>.json, calls tools/list at https://x.example/a.md; packages/gateway/README.md.')).toEqual(['docs/verify.md', 'node_modules/slapage/docs/verify.md', 'packages/gateway/README.md']);
  });

  it('the README names the workflows init writes, and init writes each one it names', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const named = new Set([...readme.matchAll(/\.github\/workflows\/([\w.-]+\.ya?ml)/g)].map((m) => m[1]!));
    const written = readdirSync(join(ROOT, 'templates/project/.github/workflows'));
    expect([...named].filter((n) => !written.includes(n))).toEqual([]);
    expect(written.filter((w) => !named.has(w))).toEqual([]);
    expect(existsSync(join(ROOT, 'docs/verify.md'))).toBe(true);
  });
});
