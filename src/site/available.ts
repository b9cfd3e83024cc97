/** Which optional output pages exist in this checkout, found by Vite at build time (lazy globs load nothing). */
import type { Available } from './links.ts';

const pages = Object.keys(import.meta.glob('../pages/**/*.{astro,ts,mdx}'));
const has = (suffix: string) => pages.some((path) => path.endsWith(suffix));

export const available: Available = {
  pdf: has('/pages/sla.pdf.ts') && has('/pages/sla-v[version].pdf.ts'),
  changelog: pages.some((path) => path.includes('/pages/changelog/')),
  changelogFeed: has('/pages/changelog.xml.ts'),
  subprocessorsFeed: has('/pages/subprocessors.xml.ts'),
};
