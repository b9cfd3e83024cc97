/**
 * The machine-checkable rules of PDF/UA-1 (ISO 14289-1) that a generated, tagged PDF can break, each named by its
 * Matterhorn Protocol checkpoint: catalog (MarkInfo, Lang, DisplayDocTitle, XMP dc:title and pdfuaid:part), every
 * page's /Tabs /S, every annotation described (/Contents) and, for links, reached from a Link structure element by an
 * OBJR, every painting operator inside marked content (a tag's or an Artifact's), Figures with /Alt, tables with TH,
 * headings that do not skip a level, embedded fonts. The PDF is read through `qpdf --json` (qpdf decodes the streams);
 * no PDF parser of our own beyond the content-stream tokens.
 */
import { execFileSync, spawnSync } from 'node:child_process';

export interface UaFailure {
  /** The Matterhorn Protocol checkpoint, e.g. "28-009". */
  readonly checkpoint: string;
  readonly detail: string;
}

/** True when the qpdf the checker reads PDFs with is installed. */
export function qpdfAvailable(): boolean {
  return spawnSync('qpdf', ['--version'], { encoding: 'utf8' }).status === 0;
}

// qpdf's JSON v2: names "/N", strings "u:text" or "b:hex", references "N 0 R", streams { dict, data (base64) }.
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Dict = { readonly [key: string]: Json };
interface Objects {
  readonly values: ReadonlyMap<string, Json>;
  readonly streams: ReadonlyMap<string, { readonly dict: Dict; readonly data: Buffer }>;
}

function readObjects(path: string): Objects {
  const out = execFileSync('qpdf', ['--json=2', '--json-key=qpdf', '--json-stream-data=inline', '--decode-level=generalized', path], { maxBuffer: 1 << 28, encoding: 'utf8' });
  const [, objects] = (JSON.parse(out) as { qpdf: [unknown, Record<string, { value?: Json; stream?: { dict: Dict; data?: string } }>] }).qpdf;
  const values = new Map<string, Json>();
  const streams = new Map<string, { dict: Dict; data: Buffer }>();
  for (const [key, object] of Object.entries(objects)) {
    const ref = key.replace(/^obj:/, '');
    if (object.stream) {
      values.set(ref, object.stream.dict);
      streams.set(ref, { dict: object.stream.dict, data: Buffer.from(object.stream.data ?? '', 'base64') });
    } else values.set(ref, object.value ?? null);
  }
  return { values, streams };
}

const isRef = (v: Json | undefined): v is string => typeof v === 'string' && /^\d+ \d+ R$/.test(v);
const text = (v: Json | undefined): string | undefined => (typeof v === 'string' && v.startsWith('u:') ? v.slice(2) : typeof v === 'string' && v.startsWith('b:') ? Buffer.from(v.slice(2), 'hex').toString('latin1') : undefined);

/** Checks the PDF at `path`; an empty list means every rule here holds. */
export function checkPdfUa(path: string): UaFailure[] {
  const objects = readObjects(path);
  const resolve = (v: Json | undefined): Json | undefined => (isRef(v) ? objects.values.get(v) : v);
  const dict = (v: Json | undefined): Dict | undefined => {
    const r = resolve(v);
    return r && typeof r === 'object' && !Array.isArray(r) ? r : undefined;
  };
  const array = (v: Json | undefined): Json[] => {
    const r = resolve(v);
    return Array.isArray(r) ? r : r === undefined || r === null ? [] : [r];
  };
  const failures: UaFailure[] = [];
  const fail = (checkpoint: string, detail: string) => failures.push({ checkpoint, detail });

  const trailer = dict(objects.values.get('trailer'));
  const catalog = dict(trailer?.['/Root']);
  if (!catalog) return [{ checkpoint: '01-001', detail: 'no document catalog' }];

  // Catalog and metadata.
  if (dict(catalog['/MarkInfo'])?.['/Marked'] !== true) fail('01-002', 'the catalog has no /MarkInfo << /Marked true >>');
  if (!text(resolve(catalog['/Lang']))?.trim()) fail('11-006', 'the catalog has no /Lang (the natural language of the document)');
  if (dict(catalog['/ViewerPreferences'])?.['/DisplayDocTitle'] !== true) fail('07-001', 'ViewerPreferences has no /DisplayDocTitle true');
  const metadata = isRef(catalog['/Metadata']) ? objects.streams.get(catalog['/Metadata']) : undefined;
  const xmp = metadata?.data.toString('utf8') ?? '';
  if (!metadata) fail('06-001', 'the catalog has no XMP /Metadata stream');
  if (!/<pdfuaid:part>1<\/pdfuaid:part>|pdfuaid:part="1"/.test(xmp)) fail('06-002', 'the XMP metadata has no PDF/UA identification (pdfuaid:part 1)');
  if (!/<dc:title>[\s\S]*?<rdf:li[^>]*>[^<\s][^<]*<\/rdf:li>/.test(xmp)) fail('06-003', 'the XMP metadata has no dc:title');

  // The structure tree: every element, its parent tree, the marked content and annotations it owns.
  const root = dict(catalog['/StructTreeRoot']);
  if (!root) fail('01-001', 'no structure tree (/StructTreeRoot)');
  const roleMap = dict(root?.['/RoleMap']) ?? {};
  const elements: { ref: string | undefined; d: Dict; type: string }[] = [];
  const seen = new Set<string>();
  const walk = (node: Json | undefined): void => {
    for (const kid of array(node)) {
      if (isRef(kid)) {
        if (seen.has(kid)) continue;
        seen.add(kid);
      }
      const d = dict(kid);
      if (!d || typeof d['/S'] !== 'string') continue;
      const own = d['/S'].slice(1);
      const mapped = typeof roleMap[d['/S']] === 'string' ? (roleMap[d['/S']] as string).slice(1) : own;
      elements.push({ ref: isRef(kid) ? kid : undefined, d, type: mapped });
      walk(d['/K']);
    }
  };
  walk(root?.['/K']);
  for (const e of elements) if (!STANDARD.has(e.type)) fail('02-001', `structure element /${e.type} is not a standard type and has no RoleMap entry`);

  const figures = elements.filter((e) => e.type === 'Figure');
  for (const f of figures) if (!text(resolve(f.d['/Alt']))?.trim() && !text(resolve(f.d['/ActualText']))?.trim()) fail('13-004', 'a Figure has no alternate text (/Alt)');

  for (const table of elements.filter((e) => e.type === 'Table')) {
    const cells: string[] = [];
    const collect = (node: Json | undefined) => {
      for (const kid of array(node)) {
        const d = dict(kid);
        if (!d || typeof d['/S'] !== 'string') continue;
        cells.push(d['/S'].slice(1));
        if (d['/S'] !== '/Table') collect(d['/K']);
      }
    };
    collect(table.d['/K']);
    if (!cells.includes('TH')) fail('15-003', 'a Table has no header cell (TH)');
    if (!cells.includes('TR')) fail('15-001', 'a Table has no rows (TR)');
  }

  // Headings in reading order: numbered H1..H6, the first an H1 (or any level at most 1), none skipping a level.
  let previous = 0;
  for (const e of elements) {
    const m = /^H([1-6])$/.exec(e.type);
    if (!m) continue;
    const level = Number(m[1]);
    if (level > previous + 1) fail(previous === 0 ? '14-002' : '14-003', `heading H${level} follows ${previous === 0 ? 'no heading' : `H${previous}`} (a level is skipped)`);
    previous = level;
  }

  // Annotations: described, and a Link annotation owned by a Link element through an OBJR.
  const owners = new Map<string, string>();
  for (const e of elements) {
    for (const kid of array(e.d['/K'])) {
      const d = dict(kid);
      if (d?.['/Type'] === '/OBJR' && isRef(d['/Obj'])) owners.set(d['/Obj'], e.type);
    }
  }
  const pages = pageRefs(catalog, dict, array);
  pages.forEach((pageRef, i) => {
    const page = dict(pageRef)!;
    const n = i + 1;
    const annots = array(page['/Annots']);
    // PDF/UA requires it of pages with annotations; pdfkit sets it on every page of a tagged PDF, and so do we.
    if (page['/Tabs'] !== '/S') fail('28-005', `page ${n} has no /Tabs /S (tab order by structure)`);
    for (const annot of annots) {
      const a = dict(annot);
      if (!a) continue;
      const subtype = typeof a['/Subtype'] === 'string' ? a['/Subtype'].slice(1) : '?';
      if (subtype === 'Popup') continue;
      if (!text(resolve(a['/Contents']))?.trim()) fail(subtype === 'Link' ? '28-009' : '28-007', `page ${n}: a ${subtype} annotation has no /Contents`);
      if (subtype === 'Link') {
        const owner = isRef(annot) ? owners.get(annot) : undefined;
        if (owner !== 'Link') fail('28-011', `page ${n}: a Link annotation is not the content of a Link structure element (OBJR)`);
      } else if (subtype !== 'Widget' && !(isRef(annot) && owners.has(annot))) fail('28-002', `page ${n}: a ${subtype} annotation is not in the structure tree`);
    }
    for (const problem of unmarkedPainting(contentBytes(objects, page))) fail('01-005', `page ${n}: ${problem}`);
    for (const font of fontProblems(page, dict, array)) fail('31-001', `page ${n}: ${font}`);
  });
  // One line per distinct problem: a rule broken on every page is one failure per page, not per operator.
  return [...new Map(failures.map((f) => [`${f.checkpoint} ${f.detail}`, f])).values()];
}

// The standard structure types of PDF 1.7 (ISO 32000-1, 14.8.4).
const STANDARD = new Set(
  'Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form'.split(' '),
);

type DictOf = (v: Json | undefined) => Dict | undefined;
type ArrayOf = (v: Json | undefined) => Json[];

function pageRefs(catalog: Dict, dict: DictOf, array: ArrayOf): string[] {
  const pages: string[] = [];
  const visit = (ref: Json | undefined): void => {
    const d = dict(ref);
    if (!d) return;
    if (d['/Type'] === '/Pages') array(d['/Kids']).forEach(visit);
    else if (isRef(ref)) pages.push(ref);
  };
  visit(catalog['/Pages']);
  return pages;
}

function contentBytes(objects: Objects, page: Dict): Buffer {
  // /Contents is one stream or an array of streams (itself possibly a reference).
  const contents = page['/Contents'];
  const refs = isRef(contents) && objects.streams.has(contents) ? [contents] : ((isRef(contents) ? objects.values.get(contents) : contents) ?? []);
  return Buffer.concat((Array.isArray(refs) ? refs : []).flatMap((ref) => (isRef(ref) && objects.streams.has(ref) ? [objects.streams.get(ref)!.data, Buffer.from('\n')] : [])));
}

const PAINTING = new Set(['Tj', 'TJ', "'", '"', 'f', 'F', 'f*', 'S', 's', 'B', 'B*', 'b', 'b*', 'sh', 'Do', 'EI']);

/** Painting operators outside any marked-content sequence, and unbalanced BMC/BDC … EMC, in one content stream. */
export function unmarkedPainting(stream: Buffer): string[] {
  const problems: string[] = [];
  let depth = 0;
  let unmarked = 0;
  for (const op of operators(stream.toString('latin1'))) {
    if (op === 'BMC' || op === 'BDC') depth++;
    else if (op === 'EMC') depth--;
    else if (depth === 0 && PAINTING.has(op)) unmarked++;
    if (depth < 0) {
      problems.push('EMC without a marked-content sequence to end');
      depth = 0;
    }
  }
  if (unmarked > 0) problems.push(`${unmarked} painting operator${unmarked === 1 ? '' : 's'} outside marked content (neither tagged nor an Artifact)`);
  if (depth !== 0) problems.push('a marked-content sequence is not ended (BMC/BDC without EMC)');
  return problems;
}

/** The operators of a content stream in order, skipping operands: strings, hex strings, arrays, dictionaries, inline image data. */
export function* operators(s: string): Generator<string> {
  let i = 0;
  const n = s.length;
  const delimiter = (c: string) => '()<>[]{}/%'.includes(c) || /\s/.test(c);
  while (i < n) {
    const c = s[i]!;
    if (/\s/.test(c)) i++;
    else if (c === '%') while (i < n && s[i] !== '\n' && s[i] !== '\r') i++;
    else if (c === '(') {
      let level = 0;
      for (; i < n; i++) {
        if (s[i] === '\\') i++;
        else if (s[i] === '(') level++;
        else if (s[i] === ')' && --level === 0) break;
      }
      i++;
    } else if (c === '<' && s[i + 1] === '<') i += 2;
    else if (c === '>' && s[i + 1] === '>') i += 2;
    else if (c === '<') i = s.indexOf('>', i) + 1 || n;
    else if ('[]{}>'.includes(c)) i++;
    else if (c === '/') {
      i++;
      while (i < n && !delimiter(s[i]!)) i++;
    } else {
      const start = i;
      while (i < n && !delimiter(s[i]!)) i++;
      const token = s.slice(start, i);
      if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(token) || token === 'true' || token === 'false' || token === 'null') continue;
      if (token === 'ID') {
        // Inline image data runs to the EI that follows whitespace.
        const end = s.slice(i).search(/\sEI(\s|$)/);
        i = end === -1 ? n : i + end + 3;
        yield 'EI';
        continue;
      }
      if (token === 'BI') continue;
      yield token;
    }
  }
}

/** Fonts of the page's resources (and its form XObjects' one level down) that are not embedded. */
function fontProblems(page: Dict, dict: DictOf, array: ArrayOf): string[] {
  const problems: string[] = [];
  const resources = dict(page['/Resources']);
  const fonts = dict(resources?.['/Font']) ?? {};
  for (const [name, ref] of Object.entries(fonts)) {
    const font = dict(ref);
    if (!font || font['/Subtype'] === '/Type3') continue;
    const descendants = font['/Subtype'] === '/Type0' ? array(font['/DescendantFonts']).map(dict) : [font];
    for (const d of descendants) {
      const descriptor = dict(d?.['/FontDescriptor']);
      if (!descriptor || !(descriptor['/FontFile'] || descriptor['/FontFile2'] || descriptor['/FontFile3'])) problems.push(`font ${name} (${typeof font['/BaseFont'] === 'string' ? font['/BaseFont'] : '?'}) is not embedded`);
    }
  }
  return problems;
}
