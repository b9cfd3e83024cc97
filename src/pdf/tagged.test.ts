import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyPolicy, manySubprocessors, type PolicyCopy } from '../../tests/fixtures/pdf-tools/policy-copy.ts';
import { blocksFor, plainText, type Block, type Inline } from '../document/blocks.ts';
import { buildDocument } from '../document/document.ts';
import type { LoadedVersion } from '../load/load-version.ts';
import { sections } from '../model/sections.ts';
import { validatePolicy } from '../validate/validate.ts';
import type { PdfBrand } from './brand.ts';
import { renderNdaPdf, renderPublicPdf } from './editions.ts';
import { annexes } from './nda-annex.ts';
import { publicSources } from './published.ts';
import { lastUpdated } from './running.ts';

/** A node of the structure tree as poppler's `pdfinfo -struct-text` prints it: type, /T title, attributes, then its text and child elements in order. */
interface Node {
  readonly type: string;
  readonly title: string | undefined;
  readonly inline: boolean;
  readonly attributes: string[];
  readonly parts: (string | Node)[];
  readonly children: Node[];
}

/** Parses `pdfinfo -struct-text`: two spaces of indent per level; elements, then their attributes, strings and children. */
function parseStructure(output: string): Node {
  const root: Node = { type: '(root)', title: undefined, inline: false, attributes: [], parts: [], children: [] };
  const stack: { depth: number; node: Node }[] = [{ depth: -1, node: root }];
  for (const line of output.split('\n')) {
    if (!line.trim()) continue;
    const depth = (line.length - line.trimStart().length) / 2;
    const body = line.trim();
    while (stack.length > 1 && stack.at(-1)!.depth >= depth) stack.pop();
    const parent = stack.at(-1)!.node;
    // pdfinfo prints strings between quotes without escaping the quotes inside.
    if (body.startsWith('"')) parent.parts.push(body.slice(1, -1));
    else if (body.startsWith('/')) parent.attributes.push(body);
    else if (body.startsWith('Object ')) continue;
    else {
      const m = /^(\w+)(?: "(.*)")?(?: \((block|inline)\))?:?$/.exec(body);
      if (!m) throw new Error(`unexpected pdfinfo line: ${line}`);
      const node: Node = { type: m[1]!, title: m[2], inline: m[3] === 'inline', attributes: [], parts: [], children: [] };
      parent.children.push(node);
      parent.parts.push(node);
      stack.push({ depth, node });
    }
  }
  return root;
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
/** All text under a node, in order, whitespace squashed: marked-content pieces and inline elements run on, block elements are apart. */
const textOf = (node: Node): string => squash(node.parts.map((p) => (typeof p === 'string' ? p : p.inline ? textOf(p) : ` ${textOf(p)} `)).join(''));

const hasLink = (runs: readonly Inline[]): boolean => runs.some((r) => (r.kind === 'link' && !r.href.startsWith('#')) || ('runs' in r && hasLink(r.runs)));

/** The elements a block of the Document becomes (pdf/blocks.ts through the layout primitives). */
function expectedTags(block: Block): string[] {
  switch (block.type) {
    case 'heading':
      return ['H3'];
    case 'paragraph':
    case 'notice':
      return ['P'];
    case 'definitions':
    case 'list':
      return ['L'];
    case 'code':
      return ['P'];
    case 'figure':
      return block.caption ? ['P', 'P'] : ['P'];
    case 'table':
      return ['P', 'Table'];
    case 'uptime-chart':
      return ['P', 'Figure'];
  }
}
const all = (node: Node, type: string): Node[] => [...(node.type === type ? [node] : []), ...node.children.flatMap((c) => all(c, type))];

interface Tagged {
  readonly bytes: Uint8Array;
  readonly tree: Node;
  readonly info: string;
  readonly path: string;
}

/** Reads the PDF back; with `text` the tree carries each element's text (pdfinfo -struct-text takes poppler ~10 s a PDF, -struct milliseconds). */
function inspect(bytes: Uint8Array, dir: string, name: string, { text = false } = {}): Tagged {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const run = (args: string[]) => execFileSync('pdfinfo', [...args, path], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return { bytes, path, info: run([]), tree: parseStructure(run([text ? '-struct-text' : '-struct'])) };
}

/**
 * Painting operators outside any marked-content sequence, read from the page content streams that qpdf decompresses
 * (QDF mode): in a tagged PDF everything painted is either a structure element's content or an Artifact.
 */
function unmarkedPaint(path: string): string[] {
  const qdf = `${path}.qdf`;
  execFileSync('qpdf', ['--qdf', '--object-streams=disable', path, qdf]);
  const text = readFileSync(qdf, 'latin1');
  const found: string[] = [];
  for (const m of text.matchAll(/%% Contents for page (\d+)\n[\s\S]*?\nstream\n([\s\S]*?)\nendstream/g)) {
    let depth = 0;
    for (const line of m[2]!.split('\n')) {
      const op = line.trim().split(/\s+/).at(-1) ?? '';
      if (op === 'BDC' || op === 'BMC') depth++;
      else if (op === 'EMC') depth--;
      else if (depth === 0 && ['TJ', 'Tj', "'", '"', 'f', 'f*', 'F', 'S', 's', 'B', 'B*', 'b', 'b*', 'Do', 'sh'].includes(op)) found.push(`page ${m[1]}: ${line.trim()}`);
    }
    expect(depth, `balanced marked content on page ${m[1]}`).toBe(0);
  }
  return found;
}

function load(dir: string): LoadedVersion {
  const { versions, problems } = validatePolicy(dir, { today: '2026-05-15' });
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  return versions.at(-1)!;
}

describe('the public PDF is tagged (read back with poppler and qpdf)', () => {
  let dir: string;
  let version: LoadedVersion;
  let pdf: Tagged;
  let document: Node;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pdf-tagged-'));
    version = load('policy');
    pdf = inspect(await renderPublicPdf(version.policy, publicSources(version)), dir, 'public.pdf', { text: true });
    document = pdf.tree.children[0]!;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('says Tagged: yes, with /Lang, the title displayed and MarkInfo /Marked', () => {
    expect(pdf.info).toMatch(/^Tagged:\s+yes$/m);
    const raw = Buffer.from(pdf.bytes).toString('latin1');
    expect(raw).toMatch(/\/Type \/Catalog[\s\S]*?\/Lang \(en\)/);
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    expect(raw).toMatch(/\/Marked true/);
    expect(raw).toMatch(/\/Type \/StructTreeRoot/);
  });

  it('has one Document element: the cover (company, H1 title), the contents, then one Sect per section in page order', () => {
    expect(pdf.tree.children.map((n) => n.type)).toEqual(['Document']);
    const { meta } = version.policy;
    const [company, title] = document.children;
    expect([company!.type, textOf(company!)]).toEqual(['P', meta.company]);
    expect(title!.type).toBe('H1');
    expect(title!.parts).toEqual([meta.product, 'Service level agreement and security policy']);
    expect(all(document, 'H1')).toHaveLength(1);

    const contents = document.children.findIndex((n) => n.type === 'H2' && textOf(n) === 'Contents');
    expect(contents).toBeGreaterThan(1);
    const list = document.children[contents + 1]!;
    expect(list.type).toBe('L');
    expect(all(list, 'Link').map(textOf)).toEqual(sections.map((s) => s.title));

    const sects = document.children.filter((n) => n.type === 'Sect');
    expect(sects.map((s) => s.title)).toEqual(sections.map((s) => s.title));
    expect(document.children.slice(contents + 2).map((n) => n.type)).toEqual(sections.map(() => 'Sect'));
    for (const sect of sects) expect([sect.children[0]!.type, textOf(sect.children[0]!)]).toEqual(['H2', sect.title]);
  });

  it('tags each section’s blocks of the Document in order: subheadings, paragraphs, lists, tables', () => {
    const { policy } = version;
    const built = buildDocument({ policy });
    const sects = document.children.filter((n) => n.type === 'Sect');
    let tables = 0;
    let links = 0;
    built.sections.forEach((section, i) => {
      const blocks = blocksFor(section.blocks, 'pdf');
      const expected = blocks.flatMap(expectedTags);
      const children = sects[i]!.children.slice(1, 1 + expected.length);
      expect(children.map((n) => n.type), section.id).toEqual(expected);
      let at = 0;
      for (const block of blocks) {
        const [first, second] = [children[at]!, children[at + 1]];
        if (block.type === 'heading') expect(textOf(first)).toBe(squash(block.text));
        if (block.type === 'paragraph' || block.type === 'notice') expect(textOf(first)).toBe(squash(plainText(block.runs)));
        if (block.type === 'list') expect(first.children.map((li) => textOf(li.children[1]!))).toEqual(block.items.map((item) => squash(plainText(item))));
        if (block.type === 'definitions') expect(first.children.map((li) => textOf(li.children[0]!))).toEqual(block.items.map((item) => squash(item.term)));
        if (block.type === 'table') {
          tables++;
          const [header, ...rows] = second!.children;
          expect(header!.children.map((th) => [th.type, textOf(th)])).toEqual(block.columns.map((c) => ['TH', squash(c.header)]));
          expect(header!.children.every((th) => th.attributes.includes('/Scope /Column'))).toBe(true);
          expect(rows.map((row) => row.children.map((td) => td.type))).toEqual(block.rows.map((row) => row.map(() => 'TD')));
          expect(rows.map((row) => row.children.map(textOf))).toEqual(block.rows.map((row) => row.map((cell) => squash(plainText(cell)))));
          // A linked cell holds a Link element (its annotation and its text).
          expect(rows.map((row) => row.children.map((td) => all(td, 'Link').length))).toEqual(block.rows.map((row) => row.map((cell) => (hasLink(cell) ? 1 : 0))));
          links += rows.flatMap((row) => row.children.flatMap((td) => all(td, 'Link'))).length;
        }
        at += expectedTags(block).length;
      }
    });
    expect(tables, 'the example has tables').toBeGreaterThan(3);
    expect(links, 'the example links from its tables').toBeGreaterThan(0);
    const contacts = all(document, 'LI').find((li) => textOf(li.children[0]!) === 'Security contact');
    if (contacts) expect(all(contacts, 'Link').map(textOf)).toEqual([policy.meta.contacts.security]);
  });

  it('leaves the running header and footer out of the tree (Artifacts) and paints nothing unmarked', () => {
    const tree = textOf(document);
    expect(tree).not.toContain(lastUpdated(version.policy.meta));
    expect(tree).not.toMatch(/Page \d+ of \d+/);
    expect(unmarkedPaint(pdf.path)).toEqual([]);
  });

  it('passes qpdf --check', () => {
    const check = spawnSync('qpdf', ['--check', pdf.path], { encoding: 'utf8' });
    expect(check.stdout + check.stderr).toContain('No syntax or stream encoding errors found');
    expect(check.status).toBe(0);
  });
});

describe('tagging across editions, brands and page breaks', () => {
  let dir: string;
  let policy: PolicyCopy;
  let branded: Tagged;
  let long: Tagged;
  let nda: Tagged;
  // Rendered up front: three renders outlast a test's time limit on a busy two-core machine.
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pdf-tagged-'));
    const northwind = load('tests/fixtures/vendor-northwind/policy');
    const brand: PdfBrand = { accent: '#0B7A75', logo: { type: 'png', bytes: readFileSync('tests/fixtures/vendor-northwind/brand/logo.png'), alt: 'Northwind Integrations (logo)' } };
    branded = inspect(await renderPublicPdf(northwind.policy, publicSources(northwind), { brand, draft: true }), dir, 'branded.pdf');

    policy = copyPolicy();
    policy.write('subprocessors.yaml', manySubprocessors(60));
    // The fixture adds sub-processors, which needs notice: give it.
    policy.write('meta.yaml', policy.read('meta.yaml').replace(/effective: "[^"]+"/, 'effective: "2026-12-31"'));
    const version = load(policy.dir);
    long = inspect(await renderPublicPdf(version.policy, publicSources(version)), dir, 'long.pdf');
    const sources = [...publicSources(version), { name: 'nda.yaml', text: version.files.nda!.text }];
    nda = inspect(await renderNdaPdf(version.policy, version.nda!, sources, { recipient: 'Acme Corp', date: '2026-07-01' }), dir, 'nda.pdf');
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    policy.remove();
  });

  it('gives the cover logo a Figure with the brand’s alt text; the header logo and the draft watermark are Artifacts', () => {
    const document = branded.tree.children[0]!;
    const figures = all(document, 'Figure');
    expect(figures).toHaveLength(1);
    expect(document.children[0]).toBe(figures[0]);
    expect(figures[0]!.attributes.some((a) => a.startsWith('/BBox'))).toBe(true);
    expect(Buffer.from(branded.bytes).toString('latin1')).toContain('/Alt (Northwind Integrations \\(logo\\))');
    // The draft notice on the cover is a paragraph; its stamp and the watermark on every page are painted as Artifacts.
    expect(document.children.slice(1, 4).map((n) => n.type)).toEqual(['P', 'H1', 'P']);
    expect(unmarkedPaint(branded.path)).toEqual([]);
  });

  it('keeps a table that spans pages one Table, its repeated header rows out of the tree', () => {
    const sect = long.tree.children[0]!.children.find((n) => n.title === 'Sub-processors')!;
    const tables = all(sect, 'Table');
    expect(tables).toHaveLength(1);
    expect(tables[0]!.children.filter((r) => r.children.some((c) => c.type === 'TH'))).toHaveLength(1);
    expect(tables[0]!.children).toHaveLength(61);
    expect(unmarkedPaint(long.path)).toEqual([]);
  });

  it('tags the NDA annexes as sections after the policy’s', () => {
    const sects = nda.tree.children[0]!.children.filter((n) => n.type === 'Sect');
    expect(sects.map((s) => s.children[0]!.type)).toEqual([...sections, ...annexes].map(() => 'H2'));
    expect(sects.slice(0, sections.length).map((s) => s.title)).toEqual(sections.map((s) => s.title));
    // pdfinfo prints a /T outside ASCII (the annexes' dash) as its byte-order mark only: find them as UTF-16BE in the file.
    const raw = Buffer.from(nda.bytes).toString('latin1');
    const utf16 = (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]).toString('latin1');
    for (const annex of annexes) expect(raw, annex.title).toContain(`/T (${utf16(annex.title)})`);
    expect(unmarkedPaint(nda.path)).toEqual([]);
  });
});
