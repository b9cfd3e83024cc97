/**
 * Which characters the PDF's faces can draw, from the table generated from the fonts (`npm run glyphs`): pure, so
 * validation answers font coverage without loading a font or the PDF renderer.
 */
import { glyphCoverage } from './glyph-coverage.ts';

/** The faces the PDF sets text in: DejaVu Sans, Sans Bold and Sans Mono. */
export type Face = keyof typeof glyphCoverage;

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
