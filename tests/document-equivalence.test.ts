/**
 * The page and the PDF are two renderings of one Document: for the example and the fixture vendors, every sentence of
 * every section of the built page appears in that section of the PDF's text (pdftotext), the figures (numbers with
 * their units, dates) of each section are the same set in both, and a project's prose override shows in both.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sections } from '../src/model/sections.ts';

const ROOT = resolve(import.meta.dirname, '..');
const tmp = mkdtempSync(join(tmpdir(), 'equivalence-'));
const projects = { example: '.', arcade: 'tests/fixtures/vendor-arcade', minimal: 'tests/fixtures/vendor-minimal', northwind: 'tests/fixtures/vendor-northwind' } as const;
type Name = keyof typeof projects;

function build(name: Name): Promise<string> {
  const out = join(tmp, name);
  return new Promise((done, fail) =>
    execFile(process.execPath, ['src/cli/main.ts', 'build', '--project', projects[name], '--out', out], { cwd: ROOT, maxBuffer: 1 << 24, env: { ...process.env, SLA_TODAY: '2026-06-15' } }, (error, stdout, stderr) =>
      error ? fail(new Error(`build of ${name} failed:\n${stdout}\n${stderr}`)) : done(out),
    ),
  );
}

const built: Partial<Record<Name, string>> = {};
beforeAll(async () => {
  // Two at a time: the machine has two cores, and each build renders its PDFs in a worker thread.
  const names = Object.keys(projects) as Name[];
  for (let i = 0; i < names.length; i += 2) await Promise.all(names.slice(i, i + 2).map(async (name) => (built[name] = await build(name))));
}, 300_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };
const decode = (html: string) => html.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => entities[name]!).replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));
const norm = (text: string) => text.replace(/\s+/g, ' ').trim();
const strip = (html: string) => norm(decode(html.replace(/<[^>]+>/g, ' ')).replace(/\s+([.,:;)])/g, '$1'));

/** Each section's sentences on the page: paragraphs, list items, headings, captions, table cells, code; facts split into label and value. */
function pageSections(html: string): Map<string, { sentences: string[]; text: string }> {
  const found = new Map<string, { sentences: string[]; text: string }>();
  for (const section of sections) {
    const start = html.indexOf(`<section class="policy-section" aria-labelledby="${section.id}">`);
    const end = [html.indexOf('<section class="policy-section"', start + 1), html.indexOf('</main>', start)].filter((i) => i > 0).sort((a, b) => a - b)[0]!;
    const body = html
      .slice(start, end)
      .replace(/<h2[\s\S]*?<\/h2>/, '')
      // The page's links to its own PDF and JSON (with the PDF's hash) are page-only by design.
      .replace(/<ul class="output-links">[\s\S]*?<\/ul>/g, '')
      // Evidence beside the claims (issue 14) is drawn by its own renderers until it becomes a Document block.
      .replace(/<aside class="claim-evidence[\s\S]*?<\/aside>/g, '')
      // A sample keeps its lines in both; whitespace inside is compared collapsed.
      .replace(/<pre[^>]*>([\s\S]*?)<\/pre>/g, (_, code: string) => `<p>${code}</p>`);
    const sentences: string[] = [];
    for (const m of body.matchAll(/<ul class="facts">([\s\S]*?)<\/ul>/g))
      for (const li of m[1]!.matchAll(/<li><strong>([\s\S]*?):<\/strong>([\s\S]*?)<\/li>/g)) sentences.push(strip(li[1]!), strip(li[2]!));
    const rest = body.replace(/<ul class="facts">[\s\S]*?<\/ul>/g, '');
    for (const m of rest.matchAll(/<(p|li|th|td|caption|h3|figcaption)\b[^>]*>([\s\S]*?)<\/\1>/g)) sentences.push(strip(m[2]!));
    found.set(section.id, { sentences: sentences.filter(Boolean), text: strip(body) });
  }
  return found;
}

/** The PDF's text after the cover, cut at each section heading, running header and footer removed. */
function pdfSections(pdf: string): Map<string, string> {
  const raw = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  const lines = raw
    .slice(raw.indexOf('\f') + 1)
    .split(/\n|\f/)
    .filter((line) => !/ — SLA and security policy v[\d.]+$|^Last updated: |^Page \d+ of \d+$|^Draft: not in force$/.test(line));
  const found = new Map<string, string>();
  let at = 0;
  const starts = sections.map((s) => (at = lines.indexOf(s.title, at)));
  sections.forEach((s, i) => {
    expect(starts[i], `PDF heading of #${s.id}`).toBeGreaterThanOrEqual(0);
    // A word broken after its hyphen at a line end is one word again.
    const own = lines.slice(starts[i]! + 1, starts[i + 1] ?? lines.length);
    // Evidence beside the claims (issue 14) closes each section, drawn by its own renderer until it becomes a Document block.
    const evidence = own.findIndex((line) => /^(How the claims in this document are backed|Verified (on )?\d|Failed verification \d|Organisational commitment|Not verified)/.test(line));
    found.set(s.id, norm(own.slice(0, evidence === -1 ? own.length : evidence).join('\n').replace(/-\n/g, '-')).replace(/\s+([.,:;)])/g, '$1'));
  });
  return found;
}

/** Numbers with their units, and dates. */
function figures(text: string): string[] {
  const found = text.match(/\d{4}-\d{2}-\d{2}|\d+(?:,\d{3})*(?:\.\d+)?(?:\s?(?:%|ms|bits|days?|hours?|minutes?|seconds?|min|s|h|d)\b)?/g) ?? [];
  return [...new Set(found.map((f) => f.replace(/\s/g, ' ')))].sort();
}

describe.each(Object.keys(projects) as Name[])('%s: page and PDF say the same', (name) => {
  it('in every section: the page sentences are in the PDF, and the figures are the same set', () => {
    const dist = built[name]!;
    const page = pageSections(readFileSync(join(dist, 'index.html'), 'utf8'));
    const pdf = pdfSections(join(dist, 'sla.pdf'));
    for (const section of sections) {
      const { sentences, text } = page.get(section.id)!;
      const printed = pdf.get(section.id)!;
      expect(sentences.length, `#${section.id} shows something`).toBeGreaterThan(0);
      expect(sentences.filter((s) => !printed.includes(s)), `#${section.id}: page sentences missing from the PDF`).toEqual([]);
      expect(figures(printed), `#${section.id}: figures`).toEqual(figures(text));
    }
  });
});

describe('a prose override', () => {
  it.each([
    ['example', 'uptime', 'Tessellate runs every MCP endpoint in at least two availability zones'],
    ['arcade', 'latency', 'Arcade measures every objective below at its edge proxies'],
  ] as const)('of %s #%s shows on the page and in the PDF', (name, id, sentence) => {
    const dist = built[name]!;
    expect(pageSections(readFileSync(join(dist, 'index.html'), 'utf8')).get(id)!.text).toContain(sentence);
    expect(pdfSections(join(dist, 'sla.pdf')).get(id)).toContain(sentence);
  });

  it('stays in its project: the engine default shows elsewhere', () => {
    const text = pageSections(readFileSync(join(built.minimal!, 'index.html'), 'utf8')).get('uptime')!.text;
    expect(text).not.toContain('Tessellate');
    expect(text).toContain('Availability target:');
  });
});
