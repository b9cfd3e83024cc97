/** A cached shaping is what fontkit computes, and a fresh copy each time: pdfkit scales the run it is given in place. */
import { create } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { fontBytes } from './fonts.ts';
import { withShapingCache } from './shaping-cache.ts';

type Run = { glyphs: { id: number }[]; positions: Record<string, number>[]; advanceWidth: number };
type Shaping = { layout(text: string, features?: unknown): Run };

const plain = (run: Run) => ({ ids: run.glyphs.map((g) => g.id), positions: run.positions.map((p) => ({ ...p })), advanceWidth: run.advanceWidth });

describe('withShapingCache', () => {
  const text = 'Office “ﬁnal” 99.95% — ≤ 250 ms';
  const reference = create(fontBytes('regular')) as unknown as Shaping;
  const cached = withShapingCache(create(fontBytes('regular'))) as unknown as Shaping;

  it('answers what fontkit lays out, on the first call and on every later one', () => {
    const expected = plain(reference.layout(text));
    expect(plain(cached.layout(text))).toEqual(expected);
    expect(plain(cached.layout(text))).toEqual(expected);
  });

  it('hands out a new run each time, so scaling one in place leaves the next untouched', () => {
    const first = cached.layout(text);
    for (const position of first.positions) for (const key in position) position[key]! *= 0.5;
    const second = cached.layout(text);
    expect(second).not.toBe(first);
    expect(plain(second)).toEqual(plain(reference.layout(text)));
  });

  it('passes calls with OpenType features to fontkit unchanged', () => {
    expect(plain(cached.layout(text, ['smcp']))).toEqual(plain(reference.layout(text, ['smcp'])));
  });
});
