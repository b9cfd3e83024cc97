/**
 * The dev server's terminal lines about the project: each said once until it changes, so a reload or a second request
 * repeats nothing. Process-wide (a registered symbol): the integration and the pages Astro bundles both report here.
 */
const LAST = Symbol.for('slapage.dev-report');

export function reportOnce(text: string): void {
  const state = globalThis as { [LAST]?: string };
  if (state[LAST] === text) return;
  state[LAST] = text;
  process.stderr.write(text);
}
