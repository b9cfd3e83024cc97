import { expect, it } from 'vitest';
import { contrastOnWhite, formatRatio, nearestPassingShade } from './contrast.ts';

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
