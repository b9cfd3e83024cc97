/** The slice of fontkit (pdfkit's font engine) this project uses: parsing a face once, and its character map for the glyph table. */
declare module 'fontkit' {
  export interface Font {
    readonly postscriptName: string;
    /** Every code point the font's cmap maps to a glyph. */
    readonly characterSet: readonly number[];
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function create(buffer: Uint8Array): Font;
}
