/** The PDF's embedded font faces (DejaVu, from npm) and which characters they can draw. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Font } from 'fontkit';
import { glyphCoverage } from './glyph-coverage.ts';

/** Face names registered on every document; the files are DejaVu 2.37 TTFs from `dejavu-fonts-ttf`. */
export const faces = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  mono: 'DejaVuSansMono.ttf',
} as const;

export type Face = keyof typeof faces;

const require = createRequire(import.meta.url);
const bytes = new Map<Face, Buffer>();
const parsed = new Map<Face, Font>();

/** Where a face's TTF file is installed. */
export function fontPath(face: Face): string {
  return require.resolve(`dejavu-fonts-ttf/ttf/${faces[face]}`);
}

/** The value cached under `key`, made on first use. */
function cached<K, V>(cache: Map<K, V>, key: K, make: () => V): V {
  if (!cache.has(key)) cache.set(key, make());
  return cache.get(key)!;
}

/** The font file of a face, read once per process. */
export function fontBytes(face: Face): Buffer {
  return cached(bytes, face, () => readFileSync(fontPath(face)));
}

/**
 * The parsed font of a face, parsed once per process: pdfkit accepts a fontkit font in place of a file, and
 * parsing DejaVu's tables for every document would take most of the render time.
 */
export function font(face: Face): Font {
  // Required on first use: validation never parses a font (see canDraw), so it never loads fontkit.
  return cached(parsed, face, () => (require('fontkit') as typeof import('fontkit')).create(fontBytes(face)));
}

// Line breaks and tabs are layout, not glyphs: pdfkit never draws them.
const LAYOUT = new Set([0x09, 0x0a, 0x0d]);

/** Faces any prose string may be set in: names and labels also appear in bold. */
export const proseFaces: readonly Face[] = ['regular', 'bold'];

/** Fields the PDF sets in the mono face too (the JSON sample, header and field names), by file kind and first path key. */
const monoFields: Readonly<Record<string, readonly string[]>> = {
  auth: ['sample_provisioning_payload'],
  'rate-limits': ['headers'],
  retention: ['metadata'],
  latency: ['objectives'],
};

/** The faces a policy value at `path` of file `kind` may be drawn in. */
export function facesFor(kind: string, path: readonly (string | number)[]): readonly Face[] {
  const first = path[0];
  return typeof first === 'string' && monoFields[kind]?.includes(first) ? [...proseFaces, 'mono'] : proseFaces;
}

/** Whether a face has a glyph for a code point: a binary search of the table generated from the font (scripts/export-glyph-coverage.ts). */
export function canDraw(face: Face, cp: number): boolean {
  const ranges = glyphCoverage[face];
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [first, last] = ranges[mid]!;
    if (cp < first) hi = mid - 1;
    else if (cp > last) lo = mid + 1;
    else return true;
  }
  return false;
}

/** The distinct characters of `text` that one of `inFaces` cannot draw, in order of first appearance. */
export function undrawable(text: string, inFaces: readonly Face[] = proseFaces): string[] {
  const missing: string[] = [];
  for (const char of new Set(text)) {
    const cp = char.codePointAt(0)!;
    if (LAYOUT.has(cp)) continue;
    if (inFaces.some((face) => !canDraw(face, cp))) missing.push(char);
  }
  return missing;
}

/** How a list of characters reads in an error message: `"☃" (U+2603)`. */
export function describeChars(chars: readonly string[]): string {
  return chars.map((c) => `"${c}" (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`).join(', ');
}
