import { expect, it } from 'vitest';
import { contrastBetween, contrastOnWhite, formatRatio, nearestPassingShade, nearestPassingTint } from './contrast.ts';

it('matches WCAG reference values', () => {
  expect(formatRatio(contrastOnWhite('#000000'))).toBe('21.00');
  expect(formatRatio(contrastOnWhite('#FFFFFF'))).toBe('1.00');
  // #767676 is the classic lightest grey that passes AA on white.
  expect(contrastOnWhite('#767676')).toBeGreaterThanOrEqual(4.5);
  expect(contrastOnWhite('#777777')).toBeLessThan(4.5);
});

it('suggests the lightest passing shade of the same hue', () => {
  const shade = nearestPassingShade('#33CCCC');
  expect(contrastOnWhite(shade)).toBeGreaterThanOrEqual(4.5);
  // One step lighter would fail: the suggestion is the nearest, not just any passing shade.
  const lighter = '#' + [1, 3, 5].map((i) => Math.min(255, parseInt(shade.slice(i, i + 2), 16) + 2).toString(16).padStart(2, '0')).join('');
  expect(contrastOnWhite(lighter)).toBeLessThan(4.5);
  expect(nearestPassingShade('#0B7A75')).toBe('#0B7A75');
});

it('tints an accent chosen for white until it passes on a dark background, keeping its hue', () => {
  const dark = '#12161C';
  const tint = nearestPassingTint('#0B7A75', dark);
  expect(contrastBetween(tint, dark)).toBeGreaterThanOrEqual(4.5);
  expect(contrastBetween('#0B7A75', dark)).toBeLessThan(4.5);
  // The nearest: a step back toward the accent fails.
  const darker = '#' + [1, 3, 5].map((i) => Math.max(0, parseInt(tint.slice(i, i + 2), 16) - 3).toString(16).padStart(2, '0')).join('');
  expect(contrastBetween(darker, dark)).toBeLessThan(4.5);
  expect(nearestPassingTint('#8AB4FF', dark)).toBe('#8AB4FF');
  expect(formatRatio(contrastBetween('#FFFFFF', '#000000'))).toBe('21.00');
});
