/**
 * /favicon.ico, which browsers request whatever the page links: the vendor's PNG logo wrapped as is (an ICO entry may
 * hold a PNG image), else a 32×32 rounded square in the accent colour. Pure and deterministic: the same inputs give
 * the same bytes (the default is an uncompressed bitmap, so no compressor version can change it).
 */

/** The page's default link colour (src/styles/site.css), for a project without an accent. */
export const DEFAULT_ICON_COLOR = '#0a4fb8';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const SIZE = 32;

/** The ICO file for a PNG logo (its bytes) or, without one, the default icon in `color` (#rrggbb). */
export function favicon(png: Uint8Array | undefined, color: string = DEFAULT_ICON_COLOR): Uint8Array<ArrayBuffer> {
  if (png && PNG_SIGNATURE.every((b, i) => png[i] === b)) {
    const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
    // IHDR is the first chunk: width and height at bytes 16 and 20.
    return icoFile(view.getUint32(16), view.getUint32(20), png);
  }
  return icoFile(SIZE, SIZE, defaultBitmap(color));
}

/** ICONDIR and one ICONDIRENTRY (sizes of 256 and above are written as 0, as the format says), then the image. */
function icoFile(width: number, height: number, image: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(6 + 16 + image.length);
  const view = new DataView(out.buffer);
  view.setUint16(2, 1, true); // type: icon
  view.setUint16(4, 1, true); // one image
  out[6] = width >= 256 ? 0 : width;
  out[7] = height >= 256 ? 0 : height;
  view.setUint16(10, 1, true); // colour planes
  view.setUint16(12, 32, true); // bits per pixel
  view.setUint32(14, image.length, true);
  view.setUint32(18, 22, true); // offset of the image
  out.set(image, 22);
  return out;
}

/** A BITMAPINFOHEADER, 32-bit BGRA rows bottom-up, and an all-clear AND mask (the alpha channel decides). */
function defaultBitmap(color: string): Uint8Array {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(color.slice(i, i + 2), 16));
  const pixels = SIZE * SIZE * 4;
  const mask = SIZE * 4; // 32 one-bit pixels = 4 bytes a row, already a multiple of 4
  const out = new Uint8Array(40 + pixels + mask);
  const view = new DataView(out.buffer);
  view.setUint32(0, 40, true);
  view.setInt32(4, SIZE, true);
  view.setInt32(8, SIZE * 2, true); // the colour rows and the mask rows
  view.setUint16(12, 1, true);
  view.setUint16(14, 32, true);
  view.setUint32(20, pixels + mask, true);
  const radius = 6;
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      // Distance outside the rounded corner's arc; inside the square elsewhere.
      const dx = Math.max(radius - x - 0.5, x + 0.5 - (SIZE - radius), 0);
      const dy = Math.max(radius - y - 0.5, y + 0.5 - (SIZE - radius), 0);
      const coverage = Math.min(1, Math.max(0, radius + 0.5 - Math.hypot(dx, dy)));
      const at = 40 + (y * SIZE + x) * 4;
      out.set([b!, g!, r!, Math.round(coverage * 255)], at);
    }
  }
  return out;
}
