/**
 * `npm run screenshots [-- --out DIR] [--site DIR]`: pictures to compare. Builds the example (unless --site names a built
 * site), then writes PNGs of / at 390 and 1280 px wide in Chromium (light and dark), and of the public PDF's first
 * pages (pdftoppm), into DIR (default screenshots/). Prints each file with its size.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { serveStatic } from '../src/check/static-server.ts';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'screenshots' }, site: { type: 'string' }, pages: { type: 'string', default: '3' } } });
const out = resolve(values.out);
mkdirSync(out, { recursive: true });

let site = values.site ? resolve(values.site) : undefined;
let built: string | undefined;
if (!site) {
  built = mkdtempSync(join(tmpdir(), 'screenshots-'));
  site = join(built, 'dist');
  execFileSync(process.execPath, ['src/cli/main.ts', 'build', '--out', site], { stdio: 'inherit' });
}

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath} (set CHROMIUM_PATH)`);
const server = await serveStatic(site);
const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
try {
  for (const width of [390, 1280]) {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport: { width, height: width < 800 ? 844 : 900 }, deviceScaleFactor: 1, colorScheme: scheme, javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${server.url}/`);
      await page.screenshot({ path: join(out, `page-${width}${scheme === 'dark' ? '-dark' : ''}.png`) });
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}

// The PDF's cover and first pages, as a reader sees them.
execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', values.pages, join(site, 'sla.pdf'), join(out, 'pdf-page')]);
if (built) rmSync(built, { recursive: true, force: true });
for (const file of readdirSync(out).filter((f) => f.endsWith('.png')).sort()) console.log(`${join(values.out, file)}  ${(statSync(join(out, file)).size / 1024).toFixed(1)} KB`);
