import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { favicon } from './favicon.ts';

const u16 = (b: Uint8Array, at: number) => new DataView(b.buffer, b.byteOffset).getUint16(at, true);
const u32 = (b: Uint8Array, at: number) => new DataView(b.buffer, b.byteOffset).getUint32(at, true);

it('wraps a PNG logo as the one image of an ICO file, its size from IHDR', () => {
  const png = readFileSync(resolve(import.meta.dirname, '../../tests/fixtures/vendor-northwind/brand/logo.png'));
  const ico = favicon(png);
  expect([u16(ico, 0), u16(ico, 2), u16(ico, 4)]).toEqual([0, 1, 1]);
  const width = png.readUInt32BE(16);
  expect(ico[6]).toBe(width >= 256 ? 0 : width);
  expect([u32(ico, 14), u32(ico, 18)]).toEqual([png.length, 22]);
  expect(Buffer.from(ico.subarray(22)).equals(png)).toBe(true);
});

it('draws a 32×32 bitmap in the accent colour without a PNG logo, the same bytes every time', () => {
  const ico = favicon(undefined, '#0b7a75');
  expect([ico[6], ico[7], u16(ico, 12), u32(ico, 18)]).toEqual([32, 32, 32, 22]);
  const bmp = ico.subarray(22);
  expect([u32(bmp, 0), u32(bmp, 4), u32(bmp, 8)]).toEqual([40, 32, 64]);
  expect(u32(ico, 14)).toBe(bmp.length);
  // The centre pixel is the accent, opaque (BGRA); a corner is transparent.
  const centre = 40 + (16 * 32 + 16) * 4;
  expect([...bmp.subarray(centre, centre + 4)]).toEqual([0x75, 0x7a, 0x0b, 255]);
  expect(bmp[40 + 3]).toBe(0);
  expect(createHash('sha256').update(favicon(undefined, '#0b7a75')).digest('hex')).toBe(createHash('sha256').update(ico).digest('hex'));
  expect(Buffer.from(favicon(undefined)).equals(Buffer.from(ico))).toBe(false);
});

it('treats an SVG logo as no PNG: the default icon', () => {
  expect(Buffer.from(favicon(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).equals(Buffer.from(favicon(undefined)))).toBe(true);
});
