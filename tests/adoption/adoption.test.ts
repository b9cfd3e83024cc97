/**
 * The whole adoption, as a vendor does it: pack the engine, install the tarball into an empty folder, `slapage init`,
 * see the TODO report, fill the policy from a fixture vendor with a PNG logo, an accent colour and base /trust/, build,
 * `slapage check`; the logo is on the page and in the PDF, and nothing of the example vendor is anywhere in the output.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchableText, siteFiles } from '../../src/check/site-files.ts';
import { htmlProblems } from '../fixtures/html/validate.ts';
import { env, install, packEngine, ROOT } from './packed.ts';

const FIXTURE = join(ROOT, 'tests/fixtures/vendor-northwind');
const tmp = mkdtempSync(join(tmpdir(), 'slapage-adoption-'));
const vendor = join(tmp, 'northwind');

function slapage(args: string[]) {
  const bin = join(vendor, 'node_modules', '.bin', 'slapage');
  const run = spawnSync(bin, args, { cwd: vendor, env, encoding: 'utf8' });
  return { status: run.status, out: run.stdout + run.stderr };
}

beforeAll(() => {
  const tarball = packEngine(tmp);
  cpSync(join(ROOT, 'tests/fixtures/vendor-northwind/brand'), join(vendor, 'brand'), { recursive: true });
  writeFileSync(join(vendor, 'package.json'), JSON.stringify({ name: 'northwind-trust', private: true }) + '\n');
  install(vendor, [tarball]);
}, 600_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('a vendor adopts slapage from the packed tarball', () => {
  it('ships JavaScript only: no TypeScript source in the package', () => {
    const pkg = join(vendor, 'node_modules', 'slapage');
    const files = readdirSync(pkg, { recursive: true, encoding: 'utf8' });
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    expect(existsSync(join(pkg, 'lib/cli/main.js'))).toBe(true);
  });

  it('init writes the project; validate lists the TODOs with their locations and exits 1', () => {
    const init = slapage(['init', '--company', 'Northwind Integrations', '--product', 'Northwind MCP', '--url', 'https://trust.northwind.example', '--security-contact', 'security@northwind.example']);
    expect(init.status).toBe(0);
    for (const file of ['slapage.config.yaml', 'policy/1.0/meta.yaml', 'policy/1.0/uptime.yaml', '.gitignore', 'README.md', '.github/workflows/policy-review.yml', '.github/workflows/publish.yml']) {
      expect(existsSync(join(vendor, file)), file).toBe(true);
    }
    // Never overwrites: a second init keeps every file.
    const again = slapage(['init']);
    expect(again.out).toContain('kept');
    expect(again.out).not.toContain('wrote');

    const validate = slapage(['validate']);
    expect(validate.status).toBe(1);
    expect(validate.out).toMatch(/policy\/1\.0\/uptime\.yaml:\d+:\d+: error: target_percent: still a placeholder: the monthly availability/);
    expect(validate.out).toMatch(/policy\/1\.0\/meta\.yaml:\d+:\d+: error: summary: still a placeholder/);
    expect(validate.out).not.toContain('    at ');
    // The modelines point at the schemas inside the installed package.
    const modeline = readFileSync(join(vendor, 'policy/1.0/uptime.yaml'), 'utf8').split('\n')[0]!;
    expect(existsSync(resolve(vendor, 'policy/1.0', modeline.replace(/^# yaml-language-server: \$schema=/, '')))).toBe(true);
  });

  it('with the TODOs filled, builds under /trust/ with the logo and colour, and passes slapage check', async () => {
    rmSync(join(vendor, 'policy'), { recursive: true });
    cpSync(join(FIXTURE, 'policy'), join(vendor, 'policy'), { recursive: true });
    cpSync(join(FIXTURE, 'slapage.config.yaml'), join(vendor, 'slapage.config.yaml'));
    expect(slapage(['validate']).status).toBe(0);
    const build = slapage(['build']);
    expect(build.out).toContain('✓ built 1 version');
    const check = slapage(['check', '--no-browser']);
    expect(check.out).toContain('all checks pass');
    expect(check.status).toBe(0);

    const dist = join(vendor, 'dist');
    const page = readFileSync(join(dist, 'index.html'), 'utf8');
    expect(page).toContain('<img class="logo" src="/trust/logo.png" alt="Northwind Integrations"');
    expect(page).toContain('--link: #0B7A75');
    expect(readFileSync(join(dist, 'logo.png'))).toEqual(readFileSync(join(FIXTURE, 'brand/logo.png')));
    // The favicon is the PNG logo itself, after the ICO header and its one directory entry.
    expect(page).toContain('<link rel="icon" href="/trust/favicon.ico" sizes="any">');
    expect(readFileSync(join(dist, 'favicon.ico')).subarray(22)).toEqual(readFileSync(join(FIXTURE, 'brand/logo.png')));
    expect(await htmlProblems(dist)).toEqual([]);
    expect(page).toContain('href="https://trust.northwind.example/trust/"');
    const images = execFileSync('pdfimages', ['-list', join(dist, 'sla.pdf')], { encoding: 'utf8' });
    expect(images).toMatch(/^\s+1\s+0 image\s+64\s+16\s/m);
  });

  it('nothing of the example vendor appears in any output file (PDFs inflated)', () => {
    const example = ['Tessellate', 'tessellate', 'Northbeam', 'Signalpost', 'Ledgerline', 'Quillmail', '2026-11-24-2.json', 'Synthetic probes from three independent locations'];
    const dist = join(vendor, 'dist');
    const leaks = siteFiles(dist).flatMap((file) => {
      const text = searchableText(join(dist, file));
      return example.filter((needle) => text.includes(needle)).map((needle) => `${file}: ${needle}`);
    });
    expect(leaks).toEqual([]);
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toContain('not measured');
  });
});
