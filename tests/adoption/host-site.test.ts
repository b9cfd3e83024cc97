/**
 * slapage inside a vendor's existing Astro site, from the packed tarball: a real Starlight site (from npm) with
 * `slapage({ prefix: '/security' })` keeps its own pages byte for byte, the SLA pages and files are under /security/,
 * `slapage check --prefix` passes (deep links with JavaScript off where Chromium is installed); a host page on the
 * same route is a build error naming both. Then `slapage dev` in a browser: an edit is served, an invalid edit shows
 * the located error, the fix recovers, a new version folder appears, all without a restart.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from '../../src/check/browser.ts';
import { env, install, packEngine, ROOT } from './packed.ts';

/** Starlight's release for Astro 7 (`npm view @astrojs/starlight@0.42.9 peerDependencies`: astro ^7.2.10). */
const STARLIGHT = '@astrojs/starlight@0.42.9';
const FIXTURE = join(ROOT, 'tests/fixtures/vendor-northwind');
const tmp = mkdtempSync(join(tmpdir(), 'slapage-host-'));
const site = join(tmp, 'docs');

function run(bin: string, args: string[], cwd = site) {
  const result = spawnSync(join(site, 'node_modules', '.bin', bin), args, { cwd, env, encoding: 'utf8' });
  return { status: result.status, out: result.stdout + result.stderr };
}

function astroConfig(withSlapage: boolean): string {
  return [
    "import { defineConfig } from 'astro/config';",
    "import starlight from '@astrojs/starlight';",
    ...(withSlapage ? ["import slapage from 'slapage';"] : []),
    '',
    'export default defineConfig({',
    "  site: 'https://docs.northwind.example',",
    `  integrations: [starlight({ title: 'Northwind Docs' })${withSlapage ? ", slapage({ prefix: '/security' })" : ''}],`,
    '});',
    '',
  ].join('\n');
}

beforeAll(() => {
  const tarball = packEngine(tmp);
  mkdirSync(join(site, 'src/content/docs/guides'), { recursive: true });
  writeFileSync(join(site, 'package.json'), JSON.stringify({ name: 'northwind-docs', private: true, type: 'module' }) + '\n');
  install(site, [tarball, STARLIGHT]);
  writeFileSync(
    join(site, 'src/content.config.ts'),
    "import { defineCollection } from 'astro:content';\nimport { docsLoader } from '@astrojs/starlight/loaders';\nimport { docsSchema } from '@astrojs/starlight/schema';\n\nexport const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };\n",
  );
  writeFileSync(join(site, 'src/content/docs/index.mdx'), '---\ntitle: Northwind Docs\ndescription: Connect your tools.\n---\n\nWelcome to the Northwind docs.\n');
  writeFileSync(join(site, 'src/content/docs/guides/start.md'), '---\ntitle: Getting started\n---\n\nInstall the connector.\n');
  cpSync(join(FIXTURE, 'policy'), join(site, 'policy'), { recursive: true });
  cpSync(join(FIXTURE, 'brand'), join(site, 'brand'), { recursive: true });
  // The host's own address; no base path and no prefix in the config: the integration's option says where.
  writeFileSync(join(site, 'slapage.config.yaml'), 'site:\n  url: https://docs.northwind.example\nbrand:\n  logo: brand/logo.png\n  accent_color: "#0B7A75"\n');
}, 600_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('slapage({ prefix }) beside Starlight, from the packed tarball', () => {
  it('the root export is the integration, as `astro add slapage` imports it, and the package says it is one', () => {
    const pkg = JSON.parse(readFileSync(join(site, 'node_modules/slapage/package.json'), 'utf8')) as { keywords: string[]; exports: Record<string, unknown> };
    expect(pkg.keywords).toContain('astro-integration');
    const probe = spawnSync(process.execPath, ['--input-type=module', '-e', "const a = await import('slapage'); const b = await import('slapage/astro'); console.log(a.default === b.default, a.default({ prefix: '/security' }).name)"], { cwd: site, env, encoding: 'utf8' });
    expect(probe.stdout.trim(), probe.stderr).toBe('true slapage');
  });

  it("keeps Starlight's pages unchanged and puts every SLA page and file under /security/; slapage check passes", () => {
    // Starlight alone first: its pages as they are without slapage.
    writeFileSync(join(site, 'astro.config.mjs'), astroConfig(false));
    const alone = run('astro', ['build']);
    expect(alone.status, alone.out).toBe(0);
    renameSync(join(site, 'dist'), join(tmp, 'starlight-alone'));

    writeFileSync(join(site, 'astro.config.mjs'), astroConfig(true));
    const built = run('astro', ['build']);
    expect(built.status, built.out).toBe(0);
    const dist = join(site, 'dist');
    for (const page of ['index.html', 'guides/start/index.html']) {
      expect(readFileSync(join(dist, page), 'utf8'), page).toBe(readFileSync(join(tmp, 'starlight-alone', page), 'utf8'));
    }
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toContain('Welcome to the Northwind docs.');

    for (const file of ['index.html', 'v/1.0/index.html', 'v/1.0/sla.json', 'sla.json', 'sla.schema.json', 'sla.pdf', 'sla-v1.0.pdf', 'changelog/index.html', 'changelog.xml', 'subprocessors.xml', 'favicon.ico', 'logo.png', '.well-known/security.txt']) {
      expect(existsSync(join(dist, 'security', file)), file).toBe(true);
    }
    // Nothing of slapage's at the host's root.
    for (const file of ['sla.json', 'sla.pdf', 'changelog', 'v', '.well-known', 'favicon.ico']) expect(existsSync(join(dist, file)), file).toBe(false);
    const page = readFileSync(join(dist, 'security/index.html'), 'utf8');
    expect(page).toContain('<h2 id="uptime"');
    expect(page).toContain('href="/security/v/1.0/"');
    expect(page).toContain('href="https://docs.northwind.example/security/"');
    expect((JSON.parse(readFileSync(join(dist, 'security/sla.json'), 'utf8')) as { meta: { url: string } }).meta.url).toBe('https://docs.northwind.example/security/');

    // RFC 9116: served at the host's root; the build says where it wrote the file.
    expect(readFileSync(join(dist, 'security/.well-known/security.txt'), 'utf8')).toContain('Canonical: https://docs.northwind.example/.well-known/security.txt\n');
    expect(built.out).toContain('security.txt: written to security/.well-known/security.txt in the output folder; RFC 9116 wants it at https://docs.northwind.example/.well-known/security.txt');

    const check = run('slapage', ['check', '--prefix', '/security']);
    expect(check.out).toContain('all checks pass');
    expect(check.status).toBe(0);
    // With Chromium installed, the check ran the deep links with JavaScript off (and axe) too.
    if (chromiumPath()) expect(check.out).not.toContain('skipped');
    else console.log('browser checks skipped: no Chromium at CHROMIUM_PATH or /usr/bin/chromium');
  }, 300_000);

  it('a host page on a slapage route is a build error naming both routes, not a silent exit 0', () => {
    mkdirSync(join(site, 'src/pages/security'), { recursive: true });
    writeFileSync(join(site, 'src/pages/security/index.astro'), '---\n---\n<p>Our own security page</p>\n');
    try {
      const built = run('astro', ['build']);
      expect(built.status).toBe(1);
      expect(built.out).toContain('slapage: the route /security (the SLA page, node_modules/slapage/lib/routes/index.astro) collides with the route /security of src/pages/security/index.astro');
      expect(built.out).toContain("mount slapage under a prefix no other page uses");
      expect(built.out).not.toMatch(/^\s+at /m);
    } finally {
      rmSync(join(site, 'src/pages'), { recursive: true, force: true });
    }
  }, 120_000);
});

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('slapage dev never serves a stale page', () => {
  const project = join(site, 'trust');
  let dev: ChildProcess | undefined;
  let log = '';

  afterAll(async () => {
    if (dev && dev.exitCode === null) {
      const exited = new Promise((done) => dev!.once('exit', done));
      dev.kill('SIGINT');
      await Promise.race([exited, new Promise((done) => setTimeout(done, 5_000))]);
      if (dev.exitCode === null) dev.kill('SIGKILL');
    }
  });

  it.skipIf(!chromiumPath())('edit: new value; invalid edit: the located error; fix: recovered; a new version folder: served', async () => {
    // An unreleased version (no release lock), published by --drafts: editing it is allowed, as in a pull request.
    cpSync(join(FIXTURE, 'policy'), join(project, 'policy'), { recursive: true });
    rmSync(join(project, 'policy/releases.lock.json'));
    const uptime = join(project, 'policy/1.0/uptime.yaml');
    const original = readFileSync(uptime, 'utf8');
    const port = await freePort();
    dev = spawn(join(site, 'node_modules/.bin/slapage'), ['dev', '--project', project, '--drafts', '--port', String(port)], { cwd: project, env, stdio: ['ignore', 'pipe', 'pipe'] });
    dev.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    dev.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const origin = `http://localhost:${port}`;
    // Bounded: the server is up within 60 s or the test fails with its log.
    for (let i = 0; i < 120 && !(await fetch(origin).then((r) => r.ok, () => false)); i++) await new Promise((done) => setTimeout(done, 500));

    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: chromiumPath()!, headless: true, args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    try {
      // JavaScript off: what is served must be true without Vite's client.
      const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
      /** Reloads until the page's text passes `test`, at most 40 times (about 10 s); returns the last status and text. */
      const until = async (path: string, test: (text: string) => boolean) => {
        let status = 0;
        let text = '';
        for (let i = 0; i < 40; i++) {
          const response = await page.goto(origin + path);
          status = response?.status() ?? 0;
          text = await page.locator('body').innerText();
          if (test(text)) break;
          await new Promise((done) => setTimeout(done, 250));
        }
        return { status, text };
      };
      const first = await until('/', (t) => t.includes('99.9%'));
      expect(first.status, log).toBe(200);
      expect(first.text).toContain('99.9%');

      // Above the credit tiers' first threshold (99.9), so the edit is valid.
      const editedAt = performance.now();
      writeFileSync(uptime, original.replace('target_percent: 99.9', 'target_percent: 99.95'));
      const edited = await until('/', (t) => t.includes('99.95%'));
      // A figure for the closing note, not a timed assertion: the poll's 250 ms step bounds its resolution.
      console.log(`slapage dev: the edit was served ${Math.round(performance.now() - editedAt)} ms after the write`);
      expect(edited.text, log).toContain('99.95%');
      const json = (await (await fetch(`${origin}/sla.json`)).json()) as { uptime: { target_percent: number } };
      expect(json.uptime.target_percent).toBe(99.95);

      writeFileSync(uptime, original.replace('target_percent: 99.9', 'target_percent: "ninety-nine"'));
      const broken = await until('/', (t) => t.includes('uptime.yaml:'));
      expect(broken.status).toBe(500);
      expect(broken.text).toMatch(/policy\/1\.0\/uptime\.yaml:2:17: error: target_percent: expected a number/);
      expect(broken.text).toContain('hint:');
      expect(broken.text).not.toContain('99.95%');
      expect(log).toMatch(/policy\/1\.0\/uptime\.yaml:2:17: error: target_percent/);
      expect(log).not.toMatch(/^\s+at /m);
      // The archive's getStaticPaths meets the same error: the same page, not Vite's overlay.
      expect((await until('/v/1.0/', (t) => t.includes('uptime.yaml:'))).status).toBe(500);

      writeFileSync(uptime, original.replace('target_percent: 99.9', 'target_percent: 99.99'));
      const fixed = await until('/', (t) => t.includes('99.99%'));
      expect(fixed.status).toBe(200);
      expect(fixed.text).toContain('99.99%');

      cpSync(join(project, 'policy/1.0'), join(project, 'policy/1.1'), { recursive: true });
      writeFileSync(join(project, 'policy/1.1/meta.yaml'), readFileSync(join(project, 'policy/1.1/meta.yaml'), 'utf8').replace(/^version: .*$/m, 'version: "1.1"'));
      const added = await until('/v/1.1/', (t) => t.includes('1.1'));
      expect(added.status, log).toBe(200);
    } finally {
      await browser.close();
    }
  }, 180_000);
});
