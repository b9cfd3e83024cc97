/**
 * The built example at every width a buyer reads it on (320, 390, 768, 1280 px), in both colour schemes: no sideways
 * scrolling on any page, no table cell cut off, the section navigation a sticky sidebar only from 1024 px, axe clean in
 * light and dark, the at-a-glance header (brand bar, status link, key-fact cards) and the page budgets.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECK_IDS } from '../../src/model/check-ids.ts';
import { validatePolicy } from '../../src/validate/validate.ts';
import { serveStatic, type StaticServer } from '../../src/check/static-server.ts';
import { launchChromium } from './browser.ts';
import { buildSite } from './build-site.ts';

const WIDTHS = [320, 390, 768, 1280] as const;
const latest = validatePolicy('policy').versions.at(-1)!;

let dist: string;
let server: StaticServer;
let browser: Browser;
let paths: string[];

beforeAll(async () => {
  [dist, browser] = await Promise.all([buildSite('policy'), launchChromium()]);
  server = await serveStatic(dist);
  paths = readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((p) => p.endsWith('index.html'))
    .map((p) => `/${p.replace(/index\.html$/, '')}`)
    .sort();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dist) rmSync(dirname(dist), { recursive: true, force: true });
});

async function open(width: number, path: string, colorScheme: 'light' | 'dark' = 'light', javaScriptEnabled = false) {
  const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme, javaScriptEnabled });
  const page = await context.newPage();
  await page.goto(`${server.url}${path}`);
  return { page, close: () => context.close() };
}

describe.each(WIDTHS)('at %i px', (width) => {
  it('no page scrolls sideways and no table cell is cut off', async () => {
    const problems: Record<string, string[]> = {};
    for (const path of paths) {
      const { page, close } = await open(width, path);
      problems[path] = await page.evaluate(() => {
        const found: string[] = [];
        if (document.documentElement.scrollWidth > window.innerWidth) found.push(`page ${document.documentElement.scrollWidth} > ${window.innerWidth}`);
        for (const wrap of document.querySelectorAll<HTMLElement>('.table-wrap')) {
          const box = wrap.getBoundingClientRect();
          if (wrap.scrollWidth > wrap.clientWidth + 1) found.push(`table "${wrap.getAttribute('aria-label')}" scrolls (${wrap.scrollWidth} > ${wrap.clientWidth})`);
          for (const cell of wrap.querySelectorAll('th, td')) {
            const r = cell.getBoundingClientRect();
            if (r.width > 0 && (r.right > box.right + 1 || r.left < box.left - 1)) found.push(`cell "${cell.textContent!.trim().slice(0, 30)}" outside its table`);
          }
        }
        return found;
      });
      await close();
    }
    expect(problems).toEqual(Object.fromEntries(paths.map((p) => [p, []])));
  });

  it('shows the section navigation as a sticky sidebar only from 1024 px, above the sections below', async () => {
    for (const path of paths.filter((p) => p === '/' || p.startsWith('/v/'))) {
      const { page, close } = await open(width, path);
      const layout = await page.evaluate(() => {
        const nav = document.querySelector('nav.toc')!;
        const main = document.querySelector('main')!.getBoundingClientRect();
        const box = nav.getBoundingClientRect();
        return { position: getComputedStyle(nav).position, beside: box.right <= main.left, above: box.bottom <= main.top };
      });
      expect(layout, path).toEqual(width >= 1024 ? { position: 'sticky', beside: true, above: false } : { position: 'static', beside: false, above: true });
      await close();
    }
    const { page, close } = await open(width, '/changelog/');
    await expect(page.locator('nav.toc').count()).resolves.toBe(0);
    await close();
  });

  it.each(['light', 'dark'] as const)('has no WCAG 2.1 A/AA violations in the %s scheme', async (scheme) => {
    if (width === 320 || width === 768) return; // axe at the phone and desktop widths; the layout checks cover the rest.
    const results: Record<string, string[]> = {};
    for (const path of paths) {
      const { page, close } = await open(width, path, scheme, true);
      const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      results[path] = violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      await close();
    }
    expect(results).toEqual(Object.fromEntries(paths.map((p) => [p, []])));
  }, 120_000);
});

describe('at a glance', () => {
  it('has a brand bar with the status page as a link, and key-fact cards that land on their sections', async () => {
    const { page, close } = await open(1280, '/');
    await expect(page.locator('.brand-bar .company').innerText()).resolves.toBe(latest.policy.meta.company);
    await expect(page.getByRole('link', { name: 'Status page' }).getAttribute('href')).resolves.toBe(new URL(latest.policy.incidents.status_page).href);
    const cards = await page.locator('.key-facts a').evaluateAll((links) => links.map((a) => [a.querySelector('.kf-label')!.textContent, a.getAttribute('href')]));
    expect(cards.map(([label]) => label)).toEqual(['Uptime target', 'P99 latency objective', 'Metadata retention', 'Certifications', 'Sub-processors', 'Version']);
    for (const [, href] of cards) await expect(page.locator(`[id="${href!.slice(1)}"]`).count(), href!).resolves.toBe(1);
    await expect(page.locator('.key-facts').innerText()).resolves.toContain(`${latest.policy.uptime.target_percent}%`);
    await close();
  });

  it('words evidence as badges in plain language, without internal check ids, the claims behind <details>', async () => {
    const { page, close } = await open(1280, '/');
    const badges = await page.locator('.claim-evidence .badge').allInnerTexts();
    expect(badges.length).toBeGreaterThan(5);
    for (const badge of badges) expect(badge).toMatch(/^(Verified( \d{4}-\d\d-\d\d| DATE)|Measured( \d{4}-\d\d-\d\d)?|Organisational commitment|Not verified|Failed verification \d{4}-\d\d-\d\d)$/);
    const evidence = (await page.locator('.claim-evidence').allTextContents()).join(' ');
    for (const id of CHECK_IDS) expect(evidence, id).not.toContain(id);
    await expect(page.locator('.claim-evidence details').count()).resolves.toBeGreaterThan(0);
    await close();
  });

  it('keeps figures with units and dates on one line', async () => {
    const { page, close } = await open(320, '/');
    const broken = await page.locator('main .nowrap, main time').evaluateAll((els) => els.filter((el) => el.getClientRects().length > 1).map((el) => el.textContent));
    expect(broken).toEqual([]);
    await expect(page.locator('main .nowrap').count()).resolves.toBeGreaterThan(10);
    await close();
  });
});

describe('budgets', () => {
  it('serves / in at most 3 requests, no script, at most 50 KB of HTML and CSS', async () => {
    const html = readFileSync(join(dist, 'index.html'));
    const size = html.length;
    console.log(`/ is ${(size / 1024).toFixed(1)} KB of HTML with its CSS inlined`);
    expect(size).toBeLessThanOrEqual(50 * 1024);
    expect(html.toString()).not.toMatch(/<script|<link[^>]+rel="stylesheet"/);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
    console.log(`/ makes ${requests.length} requests: ${requests.join(', ')}`);
    // The page (its small logo inlined), and the icons the browser may fetch.
    expect(requests.length, requests.join(', ')).toBeLessThanOrEqual(3);
    expect(requests[0]).toBe('/');
    await context.close();
  });
});
