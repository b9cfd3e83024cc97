import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { canDraw } from '../src/model/glyphs.ts';
import { COVERAGE_FILE, coverageSource } from './export-glyph-coverage.ts';

it('the glyph table matches the installed fonts (run `npm run glyphs` and commit when this fails)', () => {
  expect(readFileSync(COVERAGE_FILE, 'utf8')).toBe(coverageSource());
});

it('answers from the table as the font does', () => {
  expect(canDraw('regular', 'A'.codePointAt(0)!)).toBe(true);
  expect(canDraw('regular', 'Ж'.codePointAt(0)!)).toBe(true);
  expect(canDraw('regular', '☃'.codePointAt(0)!)).toBe(true);
  expect(canDraw('regular', '中'.codePointAt(0)!)).toBe(false);
  expect(canDraw('mono', 'λ'.codePointAt(0)!)).toBe(true);
});
