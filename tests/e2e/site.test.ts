/** The built site in real Chromium: deep links with JavaScript off, self-links, the version switcher, axe on every page, print, phones. */
import { readdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sections } from '../../src/model/sections.ts';
import { validatePolicy } from '../../src/validate/validate.ts';
import { launchChromium } from './browser.ts';
import { buildSite } from './build-site.ts';
import { serveStatic, type StaticServer } from '../../src/check/static-server.ts';
import { htmlPageCount, htmlProblems } from '../fixtures/html/validate.ts';

const POLICY = 'policy';
const versions = validatePolicy(POLICY).versions;
const oldest = versions[0]!;
const latest = versions.at(-1)!;
const anchors = sections.flatMap((s) => [{ anchor: s.id, heading: s.id }, ...s.aliases.map((alias) => ({ anchor: alias, heading: s.id }))]);

let dist: string;
let server: StaticServer;
let browser: Browser;
let noScript: BrowserContext;
let scripted: BrowserContext;

beforeAll(async () => {
  [dist, browser] = await Promise.all([buildSite(POLICY), launchChromium()]);
  server = await serveStatic(dist);
  noScript = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
  scripted = await browser.newContext({ viewport: { width: 1280, height: 800 } });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dist) rmSync(dirname(dist), { recursive: true, force: true });
});

async function headingInViewport(page: Page, id: string): Promise<boolean> {
  const box = await page.locator(`[id="${id}"]`).boundingBox();
  const viewport = page.viewportSize()!;
  return box !== null && box.y >= 0 && box.y + box.height <= viewport.height;
}

describe.each([
  ['/', latest.version],
  [`/v/${oldest.version}/`, oldest.version],
])('deep links on %s (JavaScript off)', (path) => {
  it.each(anchors)('#$anchor puts #$heading in the viewport', async ({ anchor, heading }) => {
    const page = await noScript.newPage();
    await page.goto(`${server.url}${path}#${anchor}`);
    expect(await headingInViewport(page, heading)).toBe(true);
    await page.close();
  });

  it('needs the fragment: without it, the last section is below the fold', async () => {
    const page = await noScript.newPage();
    await page.goto(`${server.url}${path}`);
    expect(await headingInViewport(page, sections.at(-1)!.id)).toBe(false);
    await page.close();
  });
});

describe('page behaviour', () => {
  it('renders sections in contract order with a visible self-link each', async () => {
    const page = await noScript.newPage();
    await page.goto(`${server.url}/`);
    const headings = page.locator('main h2');
    const ids = await Promise.all(Array.from({ length: await headings.count() }, (_, i) => headings.nth(i).getAttribute('id')));
    expect(ids).toEqual(sections.map((s) => s.id));
    for (const s of sections) await expect(page.locator(`h2[id="${s.id}"] a.self-link`).isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('follows a self-link without JavaScript', async () => {
    const page = await noScript.newPage();
    await page.goto(`${server.url}/`);
    await page.locator('h2[id="credits"] a.self-link').click();
    expect(new URL(page.url()).hash).toBe('#credits');
    expect(await headingInViewport(page, 'credits')).toBe(true);
    await page.close();
  });

  it('switches versions through the switcher, without JavaScript', async () => {
    const page = await noScript.newPage();
    await page.goto(`${server.url}/`);
    await page.locator('.version-switcher summary').click();
    await page.getByRole('link', { name: `v${oldest.version}`, exact: true }).click();
    await page.waitForURL(`**/v/${oldest.version}/`);
    await expect(page.locator('footer').innerText()).resolves.toContain(`Last updated: ${oldest.policy.meta.updated} · v${oldest.version}`);
    await expect(page.locator('.archived').innerText()).resolves.toContain(`version in force is v${latest.version}`);
    await page.close();
  });

  it('shows the latest version on / with its footer', async () => {
    const page = await noScript.newPage();
    await page.goto(`${server.url}/`);
    await expect(page.locator('footer p').first().innerText()).resolves.toBe(`Last updated: ${latest.policy.meta.updated} · v${latest.version}`);
    await expect(page.locator('.archived').count()).resolves.toBe(0);
    await page.close();
  });
});

describe('accessibility', () => {
  const pages = () => {
    const html = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((p) => p.endsWith('index.html'));
    return html.map((p) => `/${p.replace(/index\.html$/, '')}`).sort();
  };

  it('has no WCAG 2.1 A/AA violations on any page', async () => {
    const paths = pages();
    expect(paths).toEqual(expect.arrayContaining(['/', ...versions.map((v) => `/v/${v.version}/`)]));
    const results: Record<string, string[]> = {};
    for (const path of paths) {
      const page = await scripted.newPage();
      await page.goto(`${server.url}${path}`);
      const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      results[path] = violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      await page.close();
    }
    expect(results).toEqual(Object.fromEntries(paths.map((p) => [p, []])));
  }, 120_000);

  it('passes html-validate\'s recommended rules on every page', async () => {
    expect(htmlPageCount(dist)).toBeGreaterThanOrEqual(versions.length + 2);
    expect(await htmlProblems(dist)).toEqual([]);
  });
});

describe('print and phones', () => {
  it('prints without navigation chrome, with external URLs spelled out', async () => {
    const page = await scripted.newPage();
    await page.goto(`${server.url}/`);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('nav.toc').isVisible()).resolves.toBe(false);
    await expect(page.locator('.self-link').first().isVisible()).resolves.toBe(false);
    const after = await page.locator('a.external').first().evaluate((a) => getComputedStyle(a, '::after').content);
    expect(after).toMatch(/attr\(href\)|https:/);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  });

  it('fits a phone screen without sideways scrolling of the page', async () => {
    const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, javaScriptEnabled: true });
    const page = await phone.newPage();
    await page.goto(`${server.url}/`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.close();
  });

  it('serves / in at most 3 requests (the page, its icons) with no script, under 50 KB', async () => {
    const page = await scripted.newPage();
    const requests: string[] = [];
    let bytes = 0;
    page.on('response', async (response) => {
      requests.push(response.url());
      // The page's own bytes: HTML with its CSS inlined (the icons are not the page).
      if (new URL(response.url()).pathname === '/') bytes += (await response.body()).length;
    });
    await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
    expect(requests[0]).toBe(`${server.url}/`);
    expect(requests.length, requests.join(' ')).toBeLessThanOrEqual(3);
    expect(requests.filter((r) => !/\/(favicon\.ico|logo\.(svg|png))$/.test(r)), 'only icons besides the page').toEqual([`${server.url}/`]);
    expect(bytes).toBeLessThanOrEqual(50 * 1024);
    await expect(page.locator('script').count()).resolves.toBe(0);
    await page.close();
  });
});
