/**
 * Browser checks of a built site, run only where a Chromium is installed (CHROMIUM_PATH, else /usr/bin/chromium): with
 * JavaScript off, every section anchor and alias of / scrolls its heading into view, and axe finds no WCAG 2.1 A/AA
 * violation on any page. The site is served from a local static server on 127.0.0.1.
 */
import { existsSync } from 'node:fs';
import type { Finding } from './links.ts';
import { serveStatic } from './static-server.ts';

export function chromiumPath(): string | undefined {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return existsSync(path) ? path : undefined;
}

/** `htmlFiles` relative to `dir`; the deep links are tried on the page at `pages` ("" or "security/") under the base. */
export async function checkInBrowser(dir: string, htmlFiles: readonly string[], base: string, anchors: readonly string[], executablePath: string, pages = ''): Promise<Finding[]> {
  const { chromium } = await import('playwright-core');
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const server = await serveStatic(dir, base);
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const findings: Finding[] = [];
  try {
    // Deep links with JavaScript off, each in a fresh page: a hash change on a loaded page would be no navigation at all.
    const noScript = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
    for (const anchor of anchors) {
      const page = await noScript.newPage();
      await page.goto(`${server.url}${base}${pages}#${anchor}`);
      const inView = await page.evaluate((id) => {
        const box = document.getElementById(id)?.getBoundingClientRect();
        return box !== undefined && box.top >= -1 && box.top < window.innerHeight;
      }, anchor);
      if (!inView) findings.push({ file: `${pages}index.html`, line: 0, column: 0, detail: `deep link #${anchor} does not bring its target into view (JavaScript off)` });
      await page.close();
    }
    // axe runs inside the page, so its context has JavaScript on (the site itself ships none).
    const page = await (await browser.newContext()).newPage();
    for (const file of htmlFiles) {
      await page.goto(`${server.url}${base}${file.replace(/index\.html$/, '')}`);
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      for (const v of result.violations) {
        findings.push({ file, line: 0, column: 0, detail: `accessibility (axe ${v.id}, ${v.impact ?? 'n/a'}): ${v.help}: ${v.nodes.length} element${v.nodes.length === 1 ? '' : 's'}, e.g. ${v.nodes[0]?.target.join(' ') ?? ''}`, fix: v.helpUrl });
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return findings;
}
