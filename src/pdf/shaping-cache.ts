/**
 * `withShapingCache(font)`: the same fontkit font, whose `layout(text)` (text shaping, most of a PDF's render time)
 * is computed once per text per process. pdfkit caches runs per document only, so a build that renders 50 versions
 * shaped the same words 50 times. A hit is a fresh copy of what fontkit returned: pdfkit scales the positions of the
 * run it is given in place.
 */
import type { Font } from 'fontkit';

/** fontkit's shaping result as far as it is copied here (src/pdf/fontkit.d.ts declares only what the engine calls). */
interface GlyphRun {
  readonly glyphs: readonly object[];
  readonly positions: readonly GlyphPosition[];
}
interface GlyphPosition {
  readonly xAdvance: number;
  readonly yAdvance: number;
  readonly xOffset: number;
  readonly yOffset: number;
}
type Layout = (text: string, ...rest: unknown[]) => GlyphRun;

export function withShapingCache(font: Font): Font {
  const shaping = font as Font & { layout: Layout };
  const layout = shaping.layout.bind(font);
  const runs = new Map<string, GlyphRun>();
  // Only the plain call pdfkit makes for text without OpenType features; any other call goes to fontkit unchanged.
  // The glyph objects are fontkit's own per-font cache, shared already; only the run and its positions are copied.
  shaping.layout = (text, ...rest) => {
    if (rest.some((arg) => arg !== undefined)) return layout(text, ...rest);
    let run = runs.get(text);
    if (!run) {
      run = copy(layout(text));
      runs.set(text, run);
    }
    return copy(run);
  };
  return font;
}

/** The run's own fields, its glyph list and a new object per position; the run keeps its class (pdfkit reads its `advanceWidth` getter). */
function copy(run: GlyphRun): GlyphRun {
  // Plain objects with fontkit's four fields: pdfkit only reads them and scales them with `for (key in position)`.
  const positions = run.positions.map(({ xAdvance, yAdvance, xOffset, yOffset }) => ({ xAdvance, yAdvance, xOffset, yOffset }));
  return Object.assign(Object.create(Object.getPrototypeOf(run) as object) as GlyphRun, run, { glyphs: [...run.glyphs], positions });
}
