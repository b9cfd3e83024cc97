/** Which worded values must not break across lines ("120 ms", "99.95%", "30 days", a date): both renderers ask here. Pure. */

// A figure with its unit is short and holds a digit; longer values (a purpose, an exclusion) wrap as prose does.
const MAX_LENGTH = 28;
const MAX_WORDS = 3;

/** True when `text` is a figure, a figure with its unit or a date: it is set on one line. */
export function keepTogether(text: string): boolean {
  const words = text.trim().split(/\s+/);
  return text.length <= MAX_LENGTH && words.length <= MAX_WORDS && /\d/.test(text);
}

/** `text` with its spaces made non-breaking when it is kept together (for renderers that break lines themselves: the PDF). */
export function unbroken(text: string): string {
  return keepTogether(text) ? text.replace(/ /g, '\u00a0') : text;
}
