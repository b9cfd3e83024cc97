/** WCAG 2.x contrast of a "#RRGGBB" colour on white, and the nearest darker shade of the same hue that reaches a ratio. */

/** Relative luminance as WCAG 2.x defines it (sRGB, linearised). */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** Contrast ratio of `hex` against white (1 to 21). */
export function contrastOnWhite(hex: string): number {
  return 1.05 / (luminance(hex) + 0.05);
}

/** The ratio as WCAG tools print it: two decimals, rounded down so a printed pass is a real pass. */
export function formatRatio(ratio: number): string {
  return (Math.floor(ratio * 100) / 100).toFixed(2);
}

/**
 * The lightest shade of `hex` (each channel scaled by the same factor, which keeps the hue) whose contrast on white is
 * at least `min`; `hex` itself when it already passes.
 */
export function nearestPassingShade(hex: string, min = 4.5): string {
  if (contrastOnWhite(hex) >= min) return hex.toUpperCase();
  const rgb = [0, 1, 2].map((i) => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16));
  const shade = (factor: number) => '#' + rgb.map((c) => Math.floor(c * factor).toString(16).padStart(2, '0')).join('').toUpperCase();
  // Contrast falls monotonically as the factor rises, so bisect for the largest factor that still passes.
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 30; i++) {
    const mid = (lo + hi) / 2;
    if (contrastOnWhite(shade(mid)) >= min) lo = mid;
    else hi = mid;
  }
  return shade(lo);
}

/** WCAG 2.x contrast ratio of two "#RRGGBB" colours (1 to 21). */
export function contrastBetween(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * For a dark background: the darkest tint of `hex` (each channel moved toward white by the same share, which keeps the
 * hue) whose contrast on `background` is at least `min`; `hex` itself when it already passes. The page's dark scheme
 * colours links with it, so a brand accent chosen for white stays readable there too.
 */
export function nearestPassingTint(hex: string, background: string, min = 4.5): string {
  if (contrastBetween(hex, background) >= min) return hex.toUpperCase();
  const rgb = [0, 1, 2].map((i) => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16));
  const tint = (share: number) => '#' + rgb.map((c) => Math.ceil(c + (255 - c) * share).toString(16).padStart(2, '0')).join('').toUpperCase();
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 30; i++) {
    const mid = (lo + hi) / 2;
    if (contrastBetween(tint(mid), background) >= min) hi = mid;
    else lo = mid;
  }
  return tint(hi);
}
