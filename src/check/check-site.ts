/**
 * `slapage check`: the acceptance checks of a built site, for a vendor's CI to run on their own output. Each problem
 * comes back located (file in the site, line and column where known): the anchor contract, in-site links and
 * fragments under the base path, no nda.yaml text in any public file, each PDF's named destinations equal to its
 * page's section anchors, sla.json valid against the published schema, and in a browser (where one is installed)
 * deep links with JavaScript off and axe WCAG 2.1 AA.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadedVersion } from '../load/load-version.ts';
import { readLock } from '../load/release-lock.ts';
import { compareVersions, isVersion } from '../model/version.ts';
import { anchorIds, checkAnchorContract, type RenderedPage } from '../site/anchors.ts';
import { checkInBrowser, chromiumPath } from './browser.ts';
import { checkLinks, type Finding } from './links.ts';
import { pdfDestinations } from './pdf-destinations.ts';
import { searchableText, siteFiles } from './site-files.ts';
import { checkSlaJson } from './sla-json.ts';

export interface CheckInput {
  /** The built site (a host site's whole output when the pages sit under a prefix). */
  readonly dir: string;
  /** The site's base path: every in-site link starts with it. */
  readonly base: string;
  /** The route prefix of the engine's pages inside the site ("/" or "/security/"); default "/". */
  readonly prefix?: string;
  /** The project's versions (for nda.yaml texts) and policy folder (for the release lock's anchors). */
  readonly versions: readonly LoadedVersion[];
  readonly policyDir: string;
  /** Run the browser checks when a Chromium is found. */
  readonly browser: boolean;
}

export interface CheckResult {
  readonly findings: Finding[];
  /** What was not checked, and why (no browser installed). */
  readonly skipped: string[];
}

/**
 * NDA strings of several words and at least this long are the annex's own text (an auditor's name, a finding); single
 * words ("availability") and short ones ("SOC 2", a date) are words any public page may contain.
 */
const MIN_NDA_TEXT = 12;

export async function checkSite(input: CheckInput): Promise<CheckResult> {
  const { dir, base } = input;
  // The engine's pages: the whole site, or its folder under the prefix; the host's own pages are not checked.
  const under = (input.prefix ?? '/').slice(1);
  const pagesDir = join(dir, under);
  const findings: Finding[] = [];
  const skipped: string[] = [];
  if (!existsSync(join(pagesDir, 'index.html'))) return { findings: [{ file: `${under}index.html`, line: 0, column: 0, detail: 'the site has no index.html here', fix: under ? 'run the build first, and check the prefix the pages are mounted under (--prefix)' : 'run `slapage build` first' }], skipped };
  const files = siteFiles(pagesDir);
  const html = files.filter((f) => f.endsWith('.html')).map((f) => under + f);
  // Findings name files from the site's root.
  const inSite = (list: Finding[]) => list.map((f) => ({ ...f, file: under + f.file }));

  findings.push(...inSite(anchorContract(pagesDir, input.policyDir)));
  findings.push(...checkLinks(dir, html, base));
  findings.push(...inSite(ndaLeaks(pagesDir, files, input.versions)));
  findings.push(...inSite(pdfAnchors(pagesDir, files)));
  findings.push(...inSite(checkSlaJson(pagesDir, files)));

  const chromium = input.browser ? chromiumPath() : undefined;
  if (!input.browser) skipped.push('browser checks (--no-browser)');
  else if (!chromium) skipped.push('browser checks: no Chromium found (set CHROMIUM_PATH, or install chromium)');
  else findings.push(...(await checkInBrowser(dir, html, base, sectionAnchors(readFileSync(join(pagesDir, 'index.html'), 'utf8')), chromium, under)));
  return { findings, skipped };
}

/** The latest page keeps every anchor of every archived page and of every release recorded in the lock. */
function anchorContract(dir: string, policyDir: string): Finding[] {
  const archived = existsSync(join(dir, 'v')) ? readdirSync(join(dir, 'v')).filter(isVersion).sort(compareVersions) : [];
  const pages: RenderedPage[] = archived.flatMap((version) => {
    const file = join(dir, 'v', version, 'index.html');
    return existsSync(file) ? [{ version, anchors: anchorIds(readFileSync(file, 'utf8')) }] : [];
  });
  const released: RenderedPage[] = existsSync(policyDir)
    ? Object.entries(readLock(policyDir).lock).flatMap(([version, entry]) => (entry.anchors ? [{ version, anchors: new Set(entry.anchors) }] : []))
    : [];
  const latest = { version: 'index.html', anchors: anchorIds(readFileSync(join(dir, 'index.html'), 'utf8')) };
  return checkAnchorContract([...released, ...pages], latest, 'index.html').map((p) => ({ file: 'index.html', line: 0, column: 0, detail: p.message, ...(p.hint ? { fix: p.hint } : {}) }));
}

/** Every string of every nda.yaml long enough to be the annex's own text. */
function ndaTexts(versions: readonly LoadedVersion[]): { text: string; version: string }[] {
  const texts: { text: string; version: string }[] = [];
  const walk = (value: unknown, version: string): void => {
    if (typeof value === 'string') {
      if (value.length >= MIN_NDA_TEXT && /\s/.test(value.trim())) texts.push({ text: value, version });
    } else if (Array.isArray(value)) value.forEach((v) => walk(v, version));
    else if (value && typeof value === 'object') Object.values(value).forEach((v) => walk(v, version));
  };
  for (const v of versions) walk(v.nda, v.version);
  return texts;
}

function ndaLeaks(dir: string, files: readonly string[], versions: readonly LoadedVersion[]): Finding[] {
  const texts = ndaTexts(versions);
  if (texts.length === 0) return [];
  const findings: Finding[] = [];
  for (const file of files) {
    const content = searchableText(join(dir, file));
    for (const { text, version } of texts) {
      if (content.includes(text)) findings.push({ file, line: 0, column: 0, detail: `text from policy/${version}/nda.yaml appears in a public file: ${JSON.stringify(text.slice(0, 60))}`, fix: 'NDA annexes belong in the NDA edition only (slapage pdf --nda); remove the text from the public policy files' });
    }
  }
  return findings;
}

/** The section anchors of a page: each section heading's id and its aliases. */
export function sectionAnchors(html: string): string[] {
  const ids = [...html.matchAll(/<h2 id="([^"]+)"/g), ...html.matchAll(/<span class="anchor-alias" id="([^"]+)"/g)].map((m) => m[1]!);
  return [...new Set(ids)].sort();
}

/** sla.pdf against /, sla-vX.Y.pdf against /v/X.Y/. */
function pdfAnchors(dir: string, files: readonly string[]): Finding[] {
  return files
    .filter((f) => /^sla(-v\d+\.\d+)?\.pdf$/.test(f))
    .flatMap((pdf) => {
      const version = /^sla-v(.+)\.pdf$/.exec(pdf)?.[1];
      const page = version ? `v/${version}/index.html` : 'index.html';
      if (!files.includes(page)) return [{ file: pdf, line: 0, column: 0, detail: `no page ${page} for this PDF` }];
      const anchors = sectionAnchors(readFileSync(join(dir, page), 'utf8'));
      const dests = pdfDestinations(join(dir, pdf));
      const missing = anchors.filter((a) => !dests.has(a));
      const extra = [...dests].filter((d) => !anchors.includes(d)).sort();
      return [
        ...(missing.length ? [{ file: pdf, line: 0, column: 0, detail: `named destinations missing for the page's anchors: ${missing.map((a) => `#${a}`).join(', ')}` }] : []),
        ...(extra.length ? [{ file: pdf, line: 0, column: 0, detail: `named destinations the page (${page}) lacks: ${extra.map((a) => `#${a}`).join(', ')}` }] : []),
      ];
    });
}
