/** The PDF's embedded font faces: the DejaVu TTF files from npm, read and parsed once per process. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Font } from 'fontkit';
import type { Face } from '../model/glyphs.ts';
import { withShapingCache } from './shaping-cache.ts';

/** Face names registered on every document; the files are DejaVu 2.37 TTFs from `dejavu-fonts-ttf`. */
export const faces: Readonly<Record<Face, string>> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  mono: 'DejaVuSansMono.ttf',
};

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
  // Required on first use: validation never parses a font (see src/model/glyphs.ts), so it never loads fontkit.
  return cached(parsed, face, () => withShapingCache((require('fontkit') as typeof import('fontkit')).create(fontBytes(face))));
}
